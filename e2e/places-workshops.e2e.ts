/**
 * Workshops in a browser, in both languages: a mediator publishes a one-seat workshop at their
 * place (first with a mistake, then properly); one person takes the seat; another finds the
 * workshop in the list, sees it is full and joins the waiting list; the first cancels through the
 * app and the second moves up by themselves; the mediator sees who is registered; the second person
 * sees it in "My workshops" and makes a personal calendar address. axe finds nothing on any page
 * visited, and the Nu HTML Checker finds no error in them.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles, DEMO_TOTP_SECRET } from '../src/modules/accounts/index.js';
import { translator } from '../src/platform/i18n.js';
import { createSession, sessionCookieName } from '../src/platform/session.js';
import { pageAuditor } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

const PLACE = 'mediatheque-saint-aubin';

let ecoop: E2EApp;
let browser: Browser;
let people = 0;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Signs `context` in as a new person (a mediator of the place when asked); returns their display name. */
async function signIn(context: BrowserContext, locale: 'en' | 'fr', mediatorOf?: number): Promise<string> {
  people += 1;
  const displayName = `${mediatorOf ? 'Mediator' : 'Person'} ${people} ${locale}`;
  const userId = await createUserWithRoles(ecoop.db, {
    email: `e2e-workshops-${process.pid}-${people}@example.test`,
    displayName,
    password: 'e2e correct horse battery staple',
    locale,
    roles: mediatorOf ? [{ role: 'mediator', scopeType: 'place', scopeId: mediatorOf }] : [],
    twoFactorSecret: DEMO_TOTP_SECRET,
  });
  const token = await createSession(ecoop.db, userId);
  await context.addCookies([{ name: sessionCookieName(false), value: token, url: ecoop.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return displayName;
}

describe('a full workshop and its waiting list', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`publishes, fills, waitlists and moves the next person up (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const place = await ecoop.db.selectFrom('places').select('id').where('slug', '=', PLACE).executeTakeFirstOrThrow();
      const mediatorContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const firstContext = await browser.newContext({ viewport: { width: 800, height: 900 } });
      const secondContext = await browser.newContext({ viewport: { width: 320, height: 800 } });
      try {
        await signIn(mediatorContext, locale, place.id);
        await signIn(firstContext, locale);
        const secondName = await signIn(secondContext, locale);
        const mediator = await mediatorContext.newPage();
        const first = await firstContext.newPage();
        const second = await secondContext.newPage();

        // The mediator publishes a one-seat workshop, first without a title.
        const managePath = `/${locale}/manage/places/${PLACE}/workshops`;
        await mediator.goto(ecoop.url(managePath));
        await audit(mediator, managePath);
        const title = locale === 'en' ? 'Video calls with the family' : 'Appels vidéo avec la famille';
        const date = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        await mediator.selectOption('#workshop-theme', 'everyday_tools');
        await mediator.selectOption('#workshop-level', 'beginner');
        await mediator.fill('#workshop-date', date);
        await mediator.fill('#workshop-time', '14:30');
        await mediator.fill('#workshop-capacity', '1');
        await mediator.getByRole('button', { name: t('workshops.manage.publish'), exact: true }).click();
        await mediator.waitForSelector('.error-summary');
        expect(await mediator.locator('.error-summary a[href="#workshop-title"]').count()).toBe(1);
        expect(await mediator.inputValue('#workshop-date')).toBe(date);
        await audit(mediator, `${managePath} (422)`);
        await mediator.fill('#workshop-title', title);
        await mediator.getByRole('button', { name: t('workshops.manage.publish'), exact: true }).click();
        await mediator.waitForURL(/\/manage\/workshops\/\d+\?done=published$/);
        const id = Number(/\/manage\/workshops\/(\d+)/.exec(mediator.url())![1]);
        await audit(mediator, `/${locale}/manage/workshops/${id}?done=published`);

        // The first person takes the only seat.
        await first.goto(ecoop.url(`/${locale}/workshops/${id}`));
        await audit(first, `/${locale}/workshops/${id}`);
        await first.getByRole('button', { name: t('workshops.page.register'), exact: true }).click();
        await first.waitForURL(`**/${locale}/workshops/${id}?done=registered`);
        expect(await first.locator('main').textContent()).toContain(t('workshops.page.youAreRegistered'));
        await audit(first, `/${locale}/workshops/${id}?done=registered`);

        // The second finds it in the list, full, and joins the waiting list.
        await second.goto(ecoop.url(`/${locale}/workshops`));
        await audit(second, `/${locale}/workshops`);
        await second.selectOption('#workshops-place', PLACE);
        await second.getByRole('button', { name: t('workshops.list.filter'), exact: true }).click();
        await second.waitForURL(/\/workshops\?place=/);
        await audit(second, `/${locale}/workshops?place=${PLACE}`);
        await second.getByRole('link', { name: title, exact: true }).click();
        await second.waitForURL(`**/${locale}/workshops/${id}`);
        expect(await second.locator('main').textContent()).toContain(t('workshops.page.fullExplain'));
        await second.getByRole('button', { name: t('workshops.page.joinWaitlist'), exact: true }).click();
        await second.waitForURL(`**/${locale}/workshops/${id}?done=waitlisted`);
        expect(await second.locator('main').textContent()).toContain(t('workshops.page.youAreWaiting', { position: 1 }));
        await audit(second, `/${locale}/workshops/${id}?done=waitlisted`);

        // The first cancels through the app: the second moves up by themselves.
        await first.getByRole('button', { name: t('workshops.page.cancel'), exact: true }).click();
        await first.waitForURL(`**/${locale}/workshops/${id}?done=cancelled`);
        await audit(first, `/${locale}/workshops/${id}?done=cancelled`);
        await second.goto(ecoop.url(`/${locale}/workshops/${id}`));
        expect(await second.locator('main').textContent()).toContain(t('workshops.page.youAreRegistered'));

        // The mediator sees who is registered now; the second person sees it in their list.
        await mediator.goto(ecoop.url(`/${locale}/manage/workshops/${id}`));
        expect(await mediator.locator('main').textContent()).toContain(secondName);
        await audit(mediator, `/${locale}/manage/workshops/${id}`);
        await second.goto(ecoop.url(`/${locale}/my-workshops`));
        expect(await second.locator('main').textContent()).toContain(title);
        await audit(second, `/${locale}/my-workshops`);

        // A personal calendar address, shown once.
        await second.getByRole('link', { name: t('workshops.mine.calendarLink'), exact: true }).click();
        await second.waitForURL(`**/${locale}/account/calendar`);
        await audit(second, `/${locale}/account/calendar`);
        await second.getByRole('button', { name: t('calendar.create'), exact: true }).click();
        await second.waitForSelector('#calendar-url');
        const feedUrl = await second.inputValue('#calendar-url');
        expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
        await audit(second, `/${locale}/account/calendar (created)`);
        // The address is built on BASE_URL; the test server listens elsewhere.
        const feed = await second.request.get(ecoop.url(new URL(feedUrl).pathname));
        expect(feed.status()).toBe(200);
        expect(await feed.text()).toContain(title.replace(/,/g, '\\,'));
      } finally {
        await Promise.all([mediatorContext.close(), firstContext.close(), secondContext.close()]);
      }
      await report(`workshops (${locale})`);
    });
  }
});
