/**
 * A person takes their data and leaves, in both languages: from the account page, "Download my
 * data" saves a JSON archive; "Delete my account" explains, refuses a missing password and
 * confirmation with an error summary, then deletes and says goodbye. axe finds nothing on any of
 * these pages, including the form with its errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeAxeFindings } from './checks.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';

const PASSWORD = 'e2e correct horse battery staple';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

describe('download my data, then delete my account', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`downloads the archive, deletes the account, and axe finds nothing (${locale})`, async () => {
      const context = await browser.newContext({ acceptDownloads: true });
      try {
        const { userId } = await ecoop.signIn(context, []);
        const page = await context.newPage();
        const findings: { path: string; findings: Awaited<ReturnType<typeof axeViolations>> }[] = [];
        const audit = async (label: string) => findings.push({ path: label, findings: await axeViolations(page) });

        await page.goto(ecoop.url(`/${locale}/account`));
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.locator('form[action$="/account/personal-data"] button').click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/^ecoop-my-data-\d{4}-\d{2}-\d{2}\.json$/);
        // The browser is connected remotely: save a local copy to read it.
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-e2e-')), download.suggestedFilename());
        await download.saveAs(file);
        const archive = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; user: { id: number } };
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
        expect(archive.format).toBe('ecoop-personal-data/1');
        expect(archive.user.id).toBe(userId);

        await page.locator(`a[href="/${locale}/account/delete"]`).click();
        await page.waitForURL(`**/${locale}/account/delete`);
        await audit(`/${locale}/account/delete`);

        // Nothing filled in: the error summary links to both fields.
        await page.locator('form[action$="/account/delete"] button[type="submit"]').click();
        await page.waitForSelector('.error-summary');
        await expect(page.locator('a[href="#delete-account-password"]').count()).resolves.toBe(1);
        await expect(page.locator('a[href="#delete-account-confirm"]').count()).resolves.toBe(1);
        await audit(`/${locale}/account/delete (errors)`);

        await page.fill('#delete-account-password', PASSWORD);
        await page.check('#delete-account-confirm');
        await page.locator('form[action$="/account/delete"] button[type="submit"]').click();
        await page.waitForURL(`**/${locale}/account/deleted`);
        await audit(`/${locale}/account/deleted`);

        const row = await ecoop.db.selectFrom('users').select(['email', 'deleted_at']).where('id', '=', userId).executeTakeFirstOrThrow();
        expect(row.email).toBe(`deleted-${userId}@invalid`);
        expect(row.deleted_at).not.toBeNull();
        // Signed out: the account page asks to sign in.
        await page.goto(ecoop.url(`/${locale}/account`));
        expect(new URL(page.url()).pathname).toBe(`/${locale}/sign-in`);

        reportProblems(`axe violations (${locale})`, describeAxeFindings(findings));
      } finally {
        await context.close();
      }
    });
  }
});
