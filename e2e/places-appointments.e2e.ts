/**
 * An appointment with a mediator, booked and cancelled in a browser, in both languages: a mediator
 * of a place publishes two weekly slots on their slots page; a citizen opens the place's booking
 * page, chooses the first slot just as someone else takes it and is told to choose another, books
 * the second, finds it in "my appointments" and cancels it after confirming; the mediator sees the
 * slot open again. axe finds nothing on any page visited, and the Nu HTML Checker finds no error.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles } from '../src/modules/accounts/index.js';
import { bookSlot } from '../src/modules/places/appointments.service.js';
import { translator } from '../src/platform/i18n.js';
import { pageAuditor, signInAsNewStaff } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

const SLUG = 'point-information-jeunesse-saint-aubin';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

describe('a citizen books an appointment with a mediator, then cancels it', () => {
  for (const [n, locale] of (['en', 'fr'] as const).entries()) {
    it(`publishes slots, loses a race, books, cancels (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const mediatorContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const citizenContext = await browser.newContext({ viewport: { width: 320, height: 800 } });
      try {
        const { userId: mediatorId } = await signInAsNewStaff(ecoop, mediatorContext, 'mediator', SLUG);
        await ecoop.signIn(citizenContext, []);
        const mediator = await mediatorContext.newPage();
        const citizen = await citizenContext.newPage();

        // The mediator publishes the same hour two weeks running.
        const slotsPath = `/${locale}/manage/places/${SLUG}/slots`;
        await mediator.goto(ecoop.url(slotsPath));
        await audit(mediator, slotsPath);
        const date = new Date(Date.now() + (10 + n) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        await mediator.fill('#slot-date', date);
        await mediator.fill('#slot-time', '10:00');
        await mediator.selectOption('#slot-minutes', '45');
        await mediator.selectOption('#slot-repeat', '1');
        await mediator.getByRole('button', { name: t('appointments.manage.publish'), exact: true }).click();
        await mediator.waitForURL(`**${slotsPath}?done=published&count=2`);
        expect(await mediator.locator('#slots-done').textContent()).toContain(t('appointments.manage.done.published', { count: 2 }));
        await audit(mediator, `${slotsPath}?done=published`);
        const [first, second] = await ecoop.db
          .selectFrom('appointment_slots')
          .select('id')
          .where('mediator_id', '=', mediatorId)
          .orderBy('starts_at')
          .execute();

        // The citizen chooses the first slot; someone else books it before they send the form.
        const bookPath = `/${locale}/places/${SLUG}/appointments`;
        await citizen.goto(ecoop.url(bookPath));
        await audit(citizen, bookPath);
        const rival = await createUserWithRoles(ecoop.db, {
          email: `e2e-rival-${process.pid}-${locale}@example.test`,
          displayName: 'Rival',
          password: 'e2e correct horse battery staple',
          locale: 'en',
          roles: [],
        });
        await bookSlot(ecoop.db, { id: rival, roles: ['citizen'], emailVerified: true, placeIds: [] }, first!.id, { need: 'first come' });
        const need = locale === 'en' ? 'Apply for housing benefit online' : 'Faire ma demande d’aide au logement en ligne';
        await citizen.check(`input[name="slot"][value="${first!.id}"]`);
        await citizen.getByLabel(t('appointments.book.needLabel')).fill(need);
        await citizen.getByRole('button', { name: t('appointments.book.submit'), exact: true }).click();
        await citizen.waitForSelector('.error-summary');
        expect(await citizen.locator('.error-summary').textContent()).toContain(t('appointments.errors.slotTaken'));
        expect(await citizen.inputValue('#appointment-need')).toBe(need);
        expect(await citizen.locator(`input[name="slot"][value="${first!.id}"]`).count()).toBe(0);
        await audit(citizen, `${bookPath} (409)`);

        // The second slot, then.
        await citizen.check(`input[name="slot"][value="${second!.id}"]`);
        await citizen.getByRole('button', { name: t('appointments.book.submit'), exact: true }).click();
        await citizen.waitForURL(/\/appointments\/\d+\?done=booked$/);
        const id = Number(/\/appointments\/(\d+)/.exec(citizen.url())![1]);
        expect(await citizen.locator('#appointment-done').textContent()).toContain(t('appointments.one.done.booked'));
        expect(await citizen.locator('main').textContent()).toContain(need);
        await audit(citizen, `/${locale}/appointments/${id}?done=booked`);

        // The mediator sees who booked what.
        await mediator.goto(ecoop.url(slotsPath));
        expect(await mediator.locator('#slots').textContent()).toContain(need);
        await audit(mediator, `${slotsPath} (booked)`);

        // My appointments → cancel → confirm.
        await citizen.goto(ecoop.url(`/${locale}/appointments`));
        await audit(citizen, `/${locale}/appointments`);
        await citizen.locator(`a[href="/${locale}/appointments/${id}/cancel"]`).click();
        await citizen.waitForURL(`**/${locale}/appointments/${id}/cancel`);
        await audit(citizen, `/${locale}/appointments/${id}/cancel`);
        await citizen.getByRole('button', { name: t('appointments.cancel.submit'), exact: true }).click();
        await citizen.waitForURL(`**/${locale}/appointments?done=cancelled`);
        expect(await citizen.locator('#appointments-done').textContent()).toContain(t('appointments.mine.done.cancelled'));
        await audit(citizen, `/${locale}/appointments?done=cancelled`);

        // The slot is open again, on the public page too.
        await citizen.goto(ecoop.url(bookPath));
        expect(await citizen.locator(`input[name="slot"][value="${second!.id}"]`).count()).toBe(1);
        const row = await ecoop.db
          .selectFrom('appointment_bookings')
          .select(['status', 'cancelled_by'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ status: 'cancelled', cancelled_by: 'booker' });
      } finally {
        await mediatorContext.close();
        await citizenContext.close();
      }
      await report(`appointments, ${locale}`);
    });
  }
});
