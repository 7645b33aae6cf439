/**
 * Officials keep the catalogue, in a browser, in both languages: the demo official signs in with
 * their password and a two-factor code, finds one of their organisation's services in "Manage
 * services", changes its summary, and the public page shows the new text; the history shows the
 * change as a word diff. A form sent with mistakes comes back with its error summary. An admin
 * goes through the organisations, sectors and life events pages. axe finds nothing on any page
 * visited, and the Nu HTML Checker finds no error in them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, timeStep, totpAt } from '../src/modules/accounts/totp.js';
import { DEMO_TOTP_SECRET } from '../src/modules/accounts/index.js';
import { translator } from '../src/platform/i18n.js';
import { axeViolations, describeAxeFindings, type AxeFinding } from './checks.js';
import { checkHtml, describeHtmlErrors, type HtmlDocument } from './html-validity.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';

const OFFICIAL = 'official@demo.ecoop.example';
const DEMO_PASSWORD = 'vallee-verte-demo';
/** A service of the demo official's organisation (the family allowance office). */
const SLUG = 'claim-birth-grant';

let ecoop: E2EApp;
let browser: Browser;
/** Each sign-in needs a code of a later time step than the last one used (replays are refused). */
let nextStep = 0;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Collects axe findings and the HTML of each page it is asked to audit. */
function auditor(page: Page) {
  const findings: { path: string; findings: AxeFinding[] }[] = [];
  const documents: HtmlDocument[] = [];
  return {
    audit: async (label: string) => {
      findings.push({ path: label, findings: await axeViolations(page) });
      documents.push({ label, html: await page.content() });
    },
    report: async (what: string) => {
      reportProblems(`axe violations (${what})`, describeAxeFindings(findings));
      reportProblems(`Nu HTML Checker errors (${what})`, describeHtmlErrors(await checkHtml(documents)));
    },
  };
}

describe('an official edits a service and the public sees the change', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`signs in with 2FA, edits a summary, and the public page shows it (${locale})`, async () => {
      const t = translator(locale);
      const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
      try {
        const page = await context.newPage();
        const { audit, report } = auditor(page);

        // Sign in as the demo official: password, then a code from their authenticator.
        await page.goto(ecoop.url(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/manage/services`)}`));
        await page.getByLabel(t('auth.fields.email'), { exact: true }).fill(OFFICIAL);
        await page.getByLabel(t('auth.fields.password'), { exact: true }).fill(DEMO_PASSWORD);
        await page.locator('form[action$="/sign-in"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/sign-in/two-factor**`);
        nextStep = Math.max(nextStep + 1, timeStep());
        await page.fill('#two-factor-sign-in-code', totpAt(base32Decode(DEMO_TOTP_SECRET), nextStep));
        await page.locator('form[action$="/sign-in/two-factor"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/manage/services`);
        await audit(`/${locale}/manage/services`);

        // Find the service among the organisation's, open it, then its form.
        await page.locator(`a[href="/${locale}/manage/services/${SLUG}"]`).click();
        await page.waitForURL(`**/${locale}/manage/services/${SLUG}`);
        await audit(`/${locale}/manage/services/${SLUG}`);
        await page.getByRole('link', { name: t('serviceEditor.service.edit'), exact: true }).click();
        await page.waitForURL(`**/${locale}/manage/services/${SLUG}/edit`);
        await audit(`/${locale}/manage/services/${SLUG}/edit`);

        const summary = page.locator(`#service-summary-${locale}`);
        expect(await summary.getAttribute('lang')).toBe(locale);
        const newSummary =
          locale === 'en'
            ? 'A grant paid in the seventh month of pregnancy to families under an income ceiling. Checked by our team.'
            : 'Une prime versée au septième mois de grossesse aux familles sous un plafond de revenus. Vérifiée par notre équipe.';
        await summary.fill(newSummary);
        await page.getByRole('button', { name: t('serviceEditor.form.save'), exact: true }).click();
        await page.waitForURL(`**/${locale}/manage/services/${SLUG}?done=saved`);
        expect(await page.locator('#service-done').textContent()).toContain(t('serviceEditor.done.saved'));
        await audit(`/${locale}/manage/services/${SLUG}?done=saved`);

        // The history shows the change word by word.
        await page.getByRole('link', { name: t('serviceEditor.service.history'), exact: true }).click();
        await page.waitForURL(`**/${locale}/manage/services/${SLUG}/history`);
        expect((await page.locator('section').first().locator('ins').allTextContents()).join(' ')).toContain(
          locale === 'en' ? 'Checked' : 'Vérifiée',
        );
        await audit(`/${locale}/manage/services/${SLUG}/history`);

        // The public page, as anyone sees it, has the new summary.
        await page.goto(ecoop.url(`/${locale}/services/${SLUG}`));
        expect(await page.locator('main').textContent()).toContain(newSummary);

        // A new service sent with mistakes comes back with the error summary, and nothing is created.
        await page.goto(ecoop.url(`/${locale}/manage/services/new`));
        await audit(`/${locale}/manage/services/new`);
        await page.locator(`#service-onlineUrl`).fill('not an address');
        await page.getByRole('button', { name: t('serviceEditor.form.create'), exact: true }).click();
        await page.waitForSelector('.error-summary');
        expect(await page.locator('.error-summary a[href="#service-name-en"]').count()).toBe(1);
        expect(await page.inputValue('#service-onlineUrl')).toBe('not an address');
        await audit(`/${locale}/manage/services (422)`);

        await report(locale);
      } finally {
        await context.close();
      }
    });
  }
});

describe('an admin keeps organisations, sectors and life events', () => {
  it('goes through the lists and forms, moves a sector, and is told why a sector in use cannot go', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      await ecoop.signIn(context, ['admin']);
      const page = await context.newPage();
      const { audit, report } = auditor(page);
      for (const locale of ['en', 'fr'] as const) {
        const t = translator(locale);
        for (const list of ['organisations', 'sectors', 'life-events']) {
          await page.goto(ecoop.url(`/${locale}/admin/catalogue/${list}`));
          await audit(`/${locale}/admin/catalogue/${list}`);
          await page.goto(ecoop.url(`/${locale}/admin/catalogue/${list}/new`));
          await audit(`/${locale}/admin/catalogue/${list}/new`);
        }
        await page.goto(ecoop.url(`/${locale}/admin/catalogue/organisations/county-council/edit`));
        await audit(`/${locale}/admin/catalogue/organisations/county-council/edit`);
        await page.goto(ecoop.url(`/${locale}/admin/catalogue/sectors/employment/edit`));
        await audit(`/${locale}/admin/catalogue/sectors/employment/edit`);

        // Move the second sector up: it becomes the first.
        await page.goto(ecoop.url(`/${locale}/admin/catalogue/sectors`));
        const second = (await page.locator('#sectors tbody tr:nth-child(2) th a').textContent())!;
        await page.locator('#sectors tbody tr:nth-child(2) button', { hasText: t('taxonomy.move.up') }).click();
        await page.waitForURL('**/admin/catalogue/sectors?done=moved');
        expect(await page.locator('#sectors tbody tr:first-child th a').textContent()).toBe(second);
        await audit(`/${locale}/admin/catalogue/sectors?done=moved`);

        // Every sector has services: deleting one is refused, with the reason.
        await page.locator('#sectors tbody tr:first-child button', { hasText: t('taxonomy.delete') }).click();
        await page.waitForSelector('.error-summary');
        expect(await page.locator('.error-summary').textContent()).toContain(t('taxonomy.errors.inUseServices'));
        await audit(`/${locale}/admin/catalogue/sectors (409)`);

        // A life event without its name comes back with the error summary.
        await page.goto(ecoop.url(`/${locale}/admin/catalogue/life-events/new`));
        await page.getByRole('button', { name: t('taxonomy.create'), exact: true }).click();
        await page.waitForSelector('.error-summary');
        await audit(`/${locale}/admin/catalogue/life-events (422)`);
      }
      await report('taxonomy');
    } finally {
      await context.close();
    }
  });
});
