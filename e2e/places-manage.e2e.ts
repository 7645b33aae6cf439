/**
 * Managing a Digital Public Space, in a browser, in both languages: a mediator (two-factor on, so
 * the role is in effect) opens their places, edits the opening hours of their place, sees the
 * library's warnings and the weekly preview after "Check the hours", is refused hours that cannot
 * be read (error summary, value kept), saves, and the public place page shows the new hours. An
 * admin lists every place, opens the new-place form, attaches then detaches a mediator, and opens
 * the deletion's confirmation. axe
 * finds nothing on any page visited, and the Nu HTML Checker finds no error in them.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n.js';
import { pageAuditor, signInAsNewStaff } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

const PLACE = 'mediatheque-saint-aubin';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Signs `context` in as a new mediator of the place `placeSlug` (two-factor on); returns their id and email. */
const signInAsNewMediator = (context: BrowserContext, placeSlug: string) => signInAsNewStaff(ecoop, context, 'mediator', placeSlug);

describe('a mediator edits the opening hours of their place', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`checks the hours, sees warnings and the preview, saves, and the place page shows them (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const context = await browser.newContext({ viewport: { width: locale === 'en' ? 1024 : 320, height: 900 } });
      try {
        await signInAsNewMediator(context, PLACE);
        const page = await context.newPage();
        const edit = `/${locale}/manage/places/${PLACE}`;

        await page.goto(ecoop.url(`/${locale}/manage/places`));
        await audit(page, `/${locale}/manage/places`);
        expect(await page.locator(`a[href="/${locale}/manage/places/${PLACE}/mediators"]`).count()).toBe(0);
        await page.locator(`a[href="${edit}"]`).first().click();
        await page.waitForURL(`**${edit}`);
        await audit(page, edit);

        // A forgotten semicolon: the library reads it with warnings; the preview shows the week.
        const hours = page.getByLabel(t('placesManage.form.openingHours'), { exact: false });
        await hours.fill('Mo-Fr 09:00-12:00 Sa 10:00-12:00');
        await page.getByRole('button', { name: t('placesManage.form.checkHours'), exact: true }).click();
        await page.waitForSelector('#place-hours-warnings');
        expect(await page.locator('#place-hours-table').count()).toBe(1);
        expect(await hours.inputValue()).toBe('Mo-Fr 09:00-12:00 Sa 10:00-12:00');
        await audit(page, `${edit} (check, warnings)`);

        // Hours that cannot be read: the error summary, the message at the field, nothing saved.
        await hours.fill('Mo-Fr 25:00-26:00');
        await page.getByRole('button', { name: t('placesManage.form.save'), exact: true }).click();
        await page.waitForSelector('.error-summary');
        expect(await page.locator('.error-summary a[href="#place-opening-hours"]').count()).toBe(1);
        expect(await page.locator('#place-opening-hours-error').count()).toBe(1);
        expect(await hours.inputValue()).toBe('Mo-Fr 25:00-26:00');
        await audit(page, `${edit} (422)`);

        // Hours that read well: saved, shown back with the preview, and on the public page.
        const [from, to] = locale === 'en' ? ['08:15', '12:45'] : ['08:45', '12:15'];
        await hours.fill(`Mo-Fr ${from}-${to}; Sa 10:00-12:00; PH off`);
        await page.getByRole('button', { name: t('placesManage.form.save'), exact: true }).click();
        await page.waitForURL(`**${edit}?done=saved`);
        expect(await page.locator('#place-saved').textContent()).toContain(t('placesManage.form.saved'));
        expect(await page.locator('#place-hours-table').textContent()).toContain(from);
        await audit(page, `${edit}?done=saved`);

        await page
          .getByRole('link', { name: t('placesManage.form.viewPublic', { name: 'Médiathèque Jean-Rostand' }), exact: true })
          .first()
          .click();
        await page.waitForURL(`**/${locale}/places/${PLACE}`);
        const main = (await page.locator('main').textContent()) ?? '';
        expect(main).toContain(t('hours.table.interval', { from, to }));
        await audit(page, `/${locale}/places/${PLACE}`);
      } finally {
        await context.close();
      }
      await report(`mediator edits hours (${locale})`);
    });
  }
});

describe('an admin manages places and their mediators', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`lists every place, opens the new-place form, attaches and detaches a mediator (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const adminContext = await browser.newContext({ viewport: { width: 800, height: 900 } });
      const mediatorContext = await browser.newContext({ viewport: { width: 800, height: 900 } });
      try {
        await ecoop.signIn(adminContext, ['admin']);
        // A person with an account, not yet a mediator of the place (another place's mediator).
        const future = await signInAsNewMediator(mediatorContext, 'mairie-mont-rivel');
        const admin = await adminContext.newPage();
        const mediator = await mediatorContext.newPage();
        const target = 'bibliotheque-les-ormeaux';
        const mediatorsPage = `/${locale}/manage/places/${target}/mediators`;

        await admin.goto(ecoop.url(`/${locale}/manage/places?q=Ormeaux`));
        await audit(admin, `/${locale}/manage/places?q=Ormeaux`);
        await admin.getByRole('link', { name: t('placesManage.list.new'), exact: true }).click();
        await admin.waitForURL(`**/${locale}/manage/places/new`);
        await audit(admin, `/${locale}/manage/places/new`);

        await admin.goto(ecoop.url(`/${locale}/manage/places?q=Ormeaux`));
        await admin.locator(`a[href="${mediatorsPage}"]`).first().click();
        await admin.waitForURL(`**${mediatorsPage}`);
        await audit(admin, mediatorsPage);

        // Not yet a mediator here: refused.
        const response = await mediator.goto(ecoop.url(`/${locale}/manage/places/${target}`));
        expect(response?.status()).toBe(403);

        await admin.getByLabel(t('placesManage.mediators.email'), { exact: false }).fill(future.email);
        await admin.getByRole('button', { name: t('placesManage.mediators.attach'), exact: true }).click();
        await admin.waitForURL(`**${mediatorsPage}?done=attached`);
        expect(await admin.locator('#place-mediators').textContent()).toContain(future.email);
        await audit(admin, `${mediatorsPage}?done=attached`);
        expect((await mediator.goto(ecoop.url(`/${locale}/manage/places/${target}`)))?.status()).toBe(200);

        await admin.locator('#place-mediators button').first().click();
        await admin.waitForURL(`**${mediatorsPage}?done=detached`);
        await audit(admin, `${mediatorsPage}?done=detached`);
        expect((await mediator.goto(ecoop.url(`/${locale}/manage/places/${target}`)))?.status()).toBe(403);

        // The deletion's confirmation page (not confirmed: the demo place stays).
        await admin.goto(ecoop.url(`/${locale}/manage/places/${target}`));
        await admin.getByRole('link', { name: t('placesManage.delete.link'), exact: true }).click();
        await admin.waitForURL(`**/${locale}/manage/places/${target}/delete`);
        await audit(admin, `/${locale}/manage/places/${target}/delete`);
      } finally {
        await adminContext.close();
        await mediatorContext.close();
      }
      await report(`admin manages mediators (${locale})`);
    });
  }
});
