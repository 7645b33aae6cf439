/**
 * A whole account's life in a browser, in both languages: register, verify the address by the
 * email that actually arrived over SMTP (a real SMTP server in the test process, the app's job
 * worker delivering to it), sign out, sign in, set up two-factor authentication, sign out, sign in
 * with a code, download my data, delete the account, and find that signing in no longer works.
 * axe finds nothing on any page visited, and the Nu HTML Checker finds no error in them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base32Decode, timeStep, totpAt } from '../src/modules/accounts/totp.js';
import { translator, type MessageKey } from '../src/platform/i18n.js';
import { axeViolations, describeAxeFindings, type AxeFinding } from './checks.js';
import { checkHtml, describeHtmlErrors, type HtmlDocument } from './html-validity.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';
import { mailText, startSmtpServer, type ReceivedMail } from '../test/smtp.js';

const PASSWORD = 'e2e journey long passphrase';

let ecoop: E2EApp;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  [ecoop, browser] = await Promise.all([startEcoop({ config: { smtpUrl: smtp.url, jobsWorker: true } }), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
  await smtp?.close();
});

/** Waits until a message to this address has arrived on the SMTP server (the worker polls each second). */
async function waitForMail(to: string): Promise<ReceivedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = smtp.received.find((m) => m.to.includes(to));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to} arrived over SMTP`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the life of an account', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`registers, verifies by email, uses 2FA, downloads the data, deletes the account (${locale})`, async () => {
      const t = translator(locale);
      const email = `e2e-journey-${locale}@example.test`;
      const context = await browser.newContext({ acceptDownloads: true });
      try {
        const page = await context.newPage();
        const findings: { path: string; findings: AxeFinding[] }[] = [];
        const documents: HtmlDocument[] = [];
        const audit = async (label: string) => {
          findings.push({ path: label, findings: await axeViolations(page) });
          documents.push({ label, html: await page.content() });
        };
        const field = (key: MessageKey) => page.getByLabel(t(key), { exact: true });
        const signInWithPassword = async (label: string) => {
          await page.goto(ecoop.url(`/${locale}/sign-in`));
          await audit(label);
          await field('auth.fields.email').fill(email);
          await field('auth.fields.password').fill(PASSWORD);
          await page.locator('form[action$="/sign-in"] button[type="submit"]').click();
        };
        const signOut = async () => {
          await page.locator('form[action$="/sign-out"] button').first().click();
          await page.waitForURL(`**/${locale}/`);
        };

        // Register, as a person would: by the labels.
        await page.goto(ecoop.url(`/${locale}/register`));
        await audit(`/${locale}/register`);
        await field('auth.fields.displayName').fill(`Journey ${locale}`);
        await field('auth.fields.email').fill(email);
        await field('auth.fields.password').fill(PASSWORD);
        await page.getByLabel(t(`language.${locale}`), { exact: true }).check();
        await page.getByLabel(t('auth.fields.termsAccept'), { exact: true }).check();
        await page.locator('form[action$="/register"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/register/check-email`);
        await audit(`/${locale}/register/check-email`);

        // The verification email arrives over SMTP; its link opens the confirmation page.
        const mail = await waitForMail(email);
        const link = /https?:\/\/\S+\/verify-email\?token=[\w-]+/.exec(mailText(mail))?.[0];
        expect(link, 'verification link in the email').toBeDefined();
        const linkUrl = new URL(link!);
        // The app's BASE_URL is not the port the test listens on: keep the link's path and query.
        await page.goto(ecoop.url(linkUrl.pathname + linkUrl.search));
        expect(new URL(page.url()).pathname).toBe(`/${locale}/verify-email`);
        await audit(`/${locale}/verify-email`);
        await page.locator('form[action$="/verify-email"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/account?notice=verified`);
        await audit(`/${locale}/account?notice=verified`);
        await signOut();

        await signInWithPassword(`/${locale}/sign-in`);
        await page.waitForURL(`**/${locale}/`);
        await audit(`/${locale}/ (signed in)`);

        // Two-factor set-up from the account page.
        await page.goto(ecoop.url(`/${locale}/account`));
        await audit(`/${locale}/account`);
        await page.locator(`a[href="/${locale}/account/two-factor"]`).click();
        await page.waitForURL(`**/${locale}/account/two-factor`);
        await audit(`/${locale}/account/two-factor`);
        await page.fill('#two-factor-setup-password', PASSWORD);
        await page.locator('form[action$="/account/two-factor/setup"] button[type="submit"]').click();
        const secret = base32Decode((await page.locator('#two-factor-secret').innerText()).replace(/\s/g, ''));
        await audit(`/${locale}/account/two-factor/setup`);
        await page.fill('#two-factor-code', totpAt(secret, timeStep()));
        await page.locator('form[action$="/account/two-factor/confirm"] button[type="submit"]').click();
        await page.waitForSelector('.recovery-codes');
        expect(await page.locator('.recovery-codes code').count()).toBe(10);
        await audit(`/${locale}/account/two-factor/confirm (recovery codes)`);
        await signOut();

        // Sign in again: the password, then a code. The set-up's step cannot be replayed; the next one is accepted.
        await signInWithPassword(`/${locale}/sign-in (again)`);
        await page.waitForURL(`**/${locale}/sign-in/two-factor`);
        await audit(`/${locale}/sign-in/two-factor`);
        await page.fill('#two-factor-sign-in-code', totpAt(secret, timeStep() + 1));
        await page.locator('form[action$="/sign-in/two-factor"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/`);

        // Download my data: the archive holds this person's profile.
        await page.goto(ecoop.url(`/${locale}/account`));
        expect(new URL(page.url()).pathname).toBe(`/${locale}/account`);
        await audit(`/${locale}/account (two-factor on)`);
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('form[action$="/account/personal-data"] button').click(),
        ]);
        // The browser is connected remotely: save a local copy to read it.
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-e2e-'));
        try {
          const file = path.join(dir, download.suggestedFilename());
          await download.saveAs(file);
          const archive = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; user: { email: string } };
          expect(archive.format).toBe('ecoop-personal-data/1');
          expect(archive.user.email).toBe(email);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }

        // Delete the account: password and confirmation, then goodbye.
        await page.locator(`a[href="/${locale}/account/delete"]`).click();
        await page.waitForURL(`**/${locale}/account/delete`);
        await audit(`/${locale}/account/delete`);
        await page.fill('#delete-account-password', PASSWORD);
        await page.check('#delete-account-confirm');
        await page.locator('form[action$="/account/delete"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/account/deleted`);
        await audit(`/${locale}/account/deleted`);

        // The account is gone: signing in with it fails.
        await signInWithPassword(`/${locale}/sign-in (after deletion)`);
        await page.waitForSelector('.error-summary');
        expect(new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);
        await audit(`/${locale}/sign-in (refused)`);
        await page.goto(ecoop.url(`/${locale}/account`));
        expect(new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);

        reportProblems(`axe violations (${locale})`, describeAxeFindings(findings));
        reportProblems(`Nu HTML Checker errors (${locale})`, describeHtmlErrors(await checkHtml(documents)));
      } finally {
        await context.close();
      }
    });
  }
});
