/**
 * The page feedback prompt, in a browser, in both languages: a visitor at the bottom of the list of
 * e-services opens "Add a comment", writes one and answers "No"; the thank-you page leads back to
 * the list. An admin then finds the answer and the comment on the page feedback report, linked
 * from their account page, and changes the period. A signed-in citizen's answer records no one.
 * axe finds nothing on any page of the way, and the Nu HTML Checker finds no error in them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n.js';
import { pageAuditor } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

describe('page feedback', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`a visitor says they did not find what they wanted, with a comment, and an admin reads it (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const comment = `I looked for the opening hours of the town hall (${locale})`;

      const visitor = await open();
      try {
        const { page } = visitor;
        await page.goto(ecoop.url(`/${locale}/services`));
        const prompt = page.locator('.page-feedback');
        await expect(prompt.getByRole('heading', { name: t('feedback.prompt.question') }).isVisible()).resolves.toBe(true);
        // The comment is tucked away until asked for.
        const field = prompt.getByLabel(t('feedback.prompt.commentLabel'));
        await expect(field.isVisible()).resolves.toBe(false);
        await prompt.getByText(t('feedback.prompt.addComment')).click();
        await field.fill(comment);
        await audit(page, `/${locale}/services (prompt open)`);
        // The buttons say what they answer to screen-reader users too ("No, I did not find…").
        const no = prompt.locator('button[value="no"]');
        await expect(no.textContent()).resolves.toBe(t('feedback.prompt.no') + t('feedback.prompt.noContext'));
        await no.click();
        await page.waitForURL(`**/${locale}/page-feedback/thanks?page=%2Fservices`);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('feedback.thanks.title'));
        // The thank-you page does not ask again.
        await expect(page.locator('.page-feedback').count()).resolves.toBe(0);
        await audit(page, `/${locale}/page-feedback/thanks`);
        await page.getByRole('link', { name: t('feedback.thanks.back') }).click();
        await page.waitForURL(`**/${locale}/services`);
        // The form also stands as a page of its own (where a re-shown form's language links lead).
        await page.goto(ecoop.url(`/${locale}/page-feedback?page=%2Fabout`));
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('feedback.form.title'));
        await audit(page, `/${locale}/page-feedback?page=/about`);
      } finally {
        await visitor.context.close();
      }

      const row = await ecoop.db.selectFrom('page_feedback').selectAll().where('comment', '=', comment).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ path: '/services', locale, found: 0 });

      const admin = await open();
      try {
        const { context, page } = admin;
        await ecoop.signIn(context, ['admin']);
        await page.goto(ecoop.url(`/${locale}/account`));
        await page.getByRole('link', { name: t('feedback.admin.nav'), exact: true }).click();
        await page.waitForURL(`**/${locale}/admin/page-feedback`);
        const comments = page.locator('#feedback-comments');
        await expect(comments.getByText(comment).isVisible()).resolves.toBe(true);
        const pages = page.locator('#feedback-pages');
        await expect(pages.getByRole('link', { name: '/services', exact: true }).isVisible()).resolves.toBe(true);
        await audit(page, `/${locale}/admin/page-feedback`);
        // The period chooser is a plain GET form.
        await page.getByLabel(t('feedback.admin.period')).selectOption('7');
        await page.getByRole('button', { name: t('feedback.admin.show') }).click();
        await page.waitForURL(`**/${locale}/admin/page-feedback?days=7`);
        await expect(comments.getByText(comment).isVisible()).resolves.toBe(true);
      } finally {
        await admin.context.close();
      }
      await report(`page feedback, ${locale}`);
    });
  }

  it('shows a citizen’s prompt like anyone’s, and the answer records no one', async () => {
    const { context, page } = await open();
    try {
      await ecoop.signIn(context, []);
      await page.goto(ecoop.url('/en/about'));
      const prompt = page.locator('.page-feedback');
      await prompt.locator('button[value="yes"]').click();
      await page.waitForURL('**/en/page-feedback/thanks?page=%2Fabout');
      const rows = await ecoop.db.selectFrom('page_feedback').selectAll().where('path', '=', '/about').execute();
      expect(rows).toHaveLength(1);
      expect(Object.keys(rows[0]!).sort()).toEqual(['comment', 'created_at', 'found', 'id', 'locale', 'path']);
    } finally {
      await context.close();
    }
  });
});
