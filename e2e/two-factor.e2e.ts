/**
 * Two-factor authentication in a browser, in both languages: sign in with a password, set up 2FA
 * from the account page (password again, QR code, a wrong code then the right one), keep the
 * recovery codes, sign out, sign in again with a code. axe finds nothing on any of these pages,
 * including the forms with their errors.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles } from '../src/modules/accounts/index.js';
import { base32Decode, timeStep, totpAt } from '../src/modules/accounts/totp.js';
import { axeViolations, describeAxeFindings } from './checks.js';
import { checkHtml, describeHtmlErrors, type HtmlDocument } from './html-validity.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';

const PASSWORD = 'e2e two factor passphrase';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

describe('two-factor authentication', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`sets up 2FA, signs out, signs in with a code, and axe finds nothing (${locale})`, async () => {
      const email = `e2e-2fa-${locale}@example.test`;
      await createUserWithRoles(ecoop.db, { email, displayName: `2FA ${locale}`, password: PASSWORD, locale, roles: [] });
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const documents: HtmlDocument[] = [];
        const findings: { path: string; findings: Awaited<ReturnType<typeof axeViolations>> }[] = [];
        const audit = async (label: string) => {
          findings.push({ path: label, findings: await axeViolations(page) });
          documents.push({ label, html: await page.content() });
        };
        const signInWithPassword = async () => {
          await page.goto(ecoop.url(`/${locale}/sign-in`));
          await page.fill('#sign-in-email', email);
          await page.fill('#sign-in-password', PASSWORD);
          await page.locator('form[action$="/sign-in"] button[type="submit"]').click();
        };

        await signInWithPassword();
        await page.waitForURL(`**/${locale}/`);
        await page.goto(ecoop.url(`/${locale}/account`));
        await page.locator(`a[href="/${locale}/account/two-factor"]`).click();
        await page.waitForURL(`**/${locale}/account/two-factor`);
        await audit(`/${locale}/account/two-factor`);

        await page.fill('#two-factor-setup-password', PASSWORD);
        await page.locator('form[action$="/account/two-factor/setup"] button[type="submit"]').click();
        const secret = (await page.locator('#two-factor-secret').innerText()).replace(/\s/g, '');
        expect(await page.locator('img[src^="data:image/svg+xml;base64,"]').count()).toBe(1);
        await audit(`/${locale}/account/two-factor/setup`);

        const now = totpAt(base32Decode(secret), timeStep());
        await page.fill('#two-factor-code', now === '000000' ? '111111' : '000000');
        await page.locator('form[action$="/account/two-factor/confirm"] button[type="submit"]').click();
        await page.waitForSelector('.error-summary');
        await audit(`/${locale}/account/two-factor/confirm (errors)`);

        await page.fill('#two-factor-code', totpAt(base32Decode(secret), timeStep()));
        await page.locator('form[action$="/account/two-factor/confirm"] button[type="submit"]').click();
        await page.waitForSelector('.recovery-codes');
        expect(await page.locator('.recovery-codes code').count()).toBe(10);
        await audit(`/${locale}/account/two-factor/confirm (recovery codes)`);

        await page.locator('form[action$="/sign-out"] button').first().click();
        await page.waitForURL(`**/${locale}/`);

        await signInWithPassword();
        await page.waitForURL(`**/${locale}/sign-in/two-factor`);
        await audit(`/${locale}/sign-in/two-factor`);
        // The step used for the set-up cannot be used again: the app accepts the next one.
        await page.fill('#two-factor-sign-in-code', totpAt(base32Decode(secret), timeStep() + 1));
        await page.locator('form[action$="/sign-in/two-factor"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/`);
        await page.goto(ecoop.url(`/${locale}/account`));
        expect(new URL(page.url()).pathname).toBe(`/${locale}/account`);

        reportProblems(`axe violations (${locale})`, describeAxeFindings(findings));
        // The set-up and recovery-code pages answer a POST, so the crawl never sees them: check their HTML here.
        reportProblems(`Nu HTML Checker errors (${locale})`, describeHtmlErrors(await checkHtml(documents)));
      } finally {
        await context.close();
      }
    });
  }
});
