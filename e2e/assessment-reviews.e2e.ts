/**
 * Rating and reviewing an e-service, in a browser, in both languages: a citizen opens a demo service,
 * follows "Rate this service", sends the form empty (the error summary lists what to fix), rates and
 * reviews it, then changes the rating; another citizen marks the review helpful; an official of the
 * service's organisation answers it (after an empty answer is refused); the citizen finally deletes
 * the rating after the confirmation page. axe finds nothing on any page of the way, and the Nu HTML
 * Checker finds no error in them.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n.js';
import { pageAuditor, signInAsNewOfficial } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

/** A demo service of the family allowance office, which has demo ratings already. */
const SLUG = 'claim-birth-grant';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** A fresh browser context (a step that cannot happen fails in seconds). */
async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

describe('citizens rate and review a service, others find it helpful, the organisation answers', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`rates, changes the rating, is marked helpful and answered (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const reviewText =
        locale === 'en'
          ? 'Clear instructions, but I could not upload my scan from my phone.'
          : 'Des explications claires, mais je n’ai pas pu envoyer mon scan depuis mon téléphone.';
      const answerText =
        locale === 'en'
          ? 'Thank you. Scans from phones now work; you can also send them by post.'
          : 'Merci. Les scans depuis un téléphone fonctionnent maintenant ; vous pouvez aussi les envoyer par courrier.';
      const reviewsPath = `/${locale}/services/${SLUG}/reviews`;

      // The citizen rates the service from its page.
      const author = await open();
      const citizen = await ecoop.signIn(author.context, []);
      let reviewId = 0;
      try {
        const page = author.page;
        await page.goto(ecoop.url(`/${locale}/services/${SLUG}`));
        expect(await page.locator('#assessment-panel').textContent()).toBe(t('rating.panel.title'));
        await audit(page, `/${locale}/services/${SLUG}`);
        await page.getByRole('link', { name: t('rating.panel.rate'), exact: true }).click();
        await page.waitForURL(`**/${locale}/services/${SLUG}/rate`);
        await audit(page, `/${locale}/services/${SLUG}/rate`);

        // Sent empty: the error summary links to each question, nothing is saved.
        await page.getByRole('button', { name: t('rating.form.send'), exact: true }).click();
        await page.waitForSelector('.error-summary');
        expect(await page.locator('.error-summary a[href="#rate-satisfaction"]').count()).toBe(1);
        expect(await page.locator('.error-summary a[href="#rate-accessible"]').count()).toBe(1);
        await audit(page, `/${locale}/services/${SLUG}/rate (422)`);

        await page.getByLabel(t('rating.satisfaction.4'), { exact: true }).check();
        for (const [criterion, score] of [
          ['find', 4],
          ['use', 3],
          ['works', 2],
          ['accessible', 4],
        ] as const) {
          await page
            .getByRole('group', { name: t(`rating.form.criteria.${criterion}`) })
            .locator(`input[value="${score}"]`)
            .check();
        }
        await page.getByLabel(t('rating.completion.partly'), { exact: true }).check();
        await page.getByLabel(t('rating.usage.alone'), { exact: true }).check();
        await page.getByLabel(`${t('rating.form.review')} ${t('components.field.optional')}`, { exact: true }).fill(reviewText);
        await page.getByRole('button', { name: t('rating.form.send'), exact: true }).click();
        await page.waitForURL(`**${reviewsPath}?done=rated`);
        expect(await page.locator('#reviews-done').textContent()).toContain(t('rating.reviews.done.rated'));
        expect(await page.locator('main').textContent()).toContain(reviewText);
        await audit(page, `${reviewsPath}?done=rated`);

        const row = await ecoop.db.selectFrom('assessments').select('id').where('user_id', '=', citizen.userId).executeTakeFirstOrThrow();
        reviewId = row.id;

        // Changing the rating: the form is pre-filled and says so; the review shows the new satisfaction.
        await page
          .locator(`#review-${reviewId}`)
          .getByRole('link', { name: t('rating.reviews.change'), exact: true })
          .click();
        await page.waitForURL(`**/${locale}/services/${SLUG}/rate`);
        expect(await page.getByRole('link', { name: t('rating.form.delete'), exact: true }).count()).toBe(1);
        expect(await page.getByLabel(t('rating.satisfaction.4'), { exact: true }).isChecked()).toBe(true);
        await audit(page, `/${locale}/services/${SLUG}/rate (rated)`);
        await page.getByLabel(t('rating.satisfaction.5'), { exact: true }).check();
        await page.getByRole('button', { name: t('rating.form.send'), exact: true }).click();
        await page.waitForURL(`**${reviewsPath}?done=rated`);
        expect(await page.locator(`#review-${reviewId}`).textContent()).toContain(t('rating.satisfaction.5'));
      } catch (err) {
        await author.context.close();
        throw err;
      }

      // Another citizen finds the review helpful.
      const reader = await open();
      try {
        await ecoop.signIn(reader.context, []);
        const page = reader.page;
        await page.goto(ecoop.url(reviewsPath));
        await audit(page, `${reviewsPath} (another citizen)`);
        await page
          .locator(`#review-${reviewId}`)
          .getByRole('button', { name: t('rating.reviews.mark') })
          .click();
        await page.waitForURL(`**${reviewsPath}?done=helpful#review-${reviewId}`);
        expect(await page.locator(`#review-${reviewId}`).textContent()).toContain(t('rating.reviews.helpfulCount', { count: 1 }));
        await audit(page, `${reviewsPath}?done=helpful`);
      } finally {
        await reader.context.close();
      }

      // An official of the organisation answers it.
      const staff = await open();
      try {
        await signInAsNewOfficial(ecoop, staff.context, 'family-allowance-office');
        const page = staff.page;
        await page.goto(ecoop.url(reviewsPath));
        await page
          .locator(`#review-${reviewId}`)
          .getByRole('link', { name: t('rating.reviews.answer'), exact: true })
          .click();
        await page.waitForURL(`**/${locale}/reviews/${reviewId}/answer`);
        await audit(page, `/${locale}/reviews/${reviewId}/answer`);
        await page.getByRole('button', { name: t('rating.answer.send'), exact: true }).click();
        await page.waitForSelector('.error-summary');
        expect(await page.locator('.error-summary a[href="#answer-text"]').count()).toBe(1);
        await audit(page, `/${locale}/reviews/${reviewId}/answer (422)`);
        await page.getByLabel(t('rating.answer.label'), { exact: true }).fill(answerText);
        await page.getByRole('button', { name: t('rating.answer.send'), exact: true }).click();
        await page.waitForURL(`**${reviewsPath}?done=answered#review-${reviewId}`);
        expect(await page.locator(`#review-${reviewId}`).textContent()).toContain(answerText);
        await audit(page, `${reviewsPath}?done=answered`);
      } finally {
        await staff.context.close();
      }

      // Everyone sees the answer; the author deletes the rating after confirming.
      const again = await open();
      try {
        const page = again.page;
        await page.goto(ecoop.url(reviewsPath));
        expect(await page.locator(`#review-${reviewId}`).textContent()).toContain(answerText);
        await audit(page, `${reviewsPath} (signed out)`);
        await page.goto(ecoop.url(`/${locale}/services/${SLUG}/rate`));
        expect(await page.locator('h1').textContent()).toBe(t('rating.refused.signIn.title'));
        await audit(page, `/${locale}/services/${SLUG}/rate (signed out)`);
      } finally {
        await again.context.close();
      }

      try {
        const page = author.page;
        await page.goto(ecoop.url(`/${locale}/services/${SLUG}/rate`));
        await page.getByRole('link', { name: t('rating.form.delete'), exact: true }).click();
        await page.waitForURL(`**/${locale}/services/${SLUG}/rate/delete`);
        await audit(page, `/${locale}/services/${SLUG}/rate/delete`);
        await page.getByRole('button', { name: t('rating.delete.confirm'), exact: true }).click();
        await page.waitForURL(`**${reviewsPath}?done=deleted`);
        expect(await page.locator(`#review-${reviewId}`).count()).toBe(0);
        await audit(page, `${reviewsPath}?done=deleted`);
      } finally {
        await author.context.close();
      }

      await report(locale);
    });
  }
});
