/**
 * The wiki in a browser, in both languages: a person writes a guide linked to an e-service, reads
 * it rendered, edits it; two people edit at once — their edits of different lines are merged, and
 * when they touch the same line the second sees the conflict screen with their text kept, and saves
 * a reconciled version; the history compares two revisions; an earlier revision is brought back.
 * A new member's edit waits for review while readers keep the accepted text; a helper reviews it
 * from the queue and accepts it; the newcomer, watching the page they edited, takes part in its
 * discussion.
 * axe finds nothing on any page visited (the diff included), and the Nu HTML Checker no error.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles, type Role } from '../src/modules/accounts/index.js';
import { translator } from '../src/platform/i18n.js';
import { createSession, sessionCookieName } from '../src/platform/session.js';
import { pageAuditor } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

let ecoop: E2EApp;
let browser: Browser;
let people = 0;

beforeAll(async () => {
  // New accounts' edits wait for review, as in production (the writers below are established).
  [ecoop, browser] = await Promise.all([startEcoop({ config: { wikiReview: { accountDays: 4, acceptedEdits: 0 } } }), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Signs a new person in; `newcomer` keeps the account new (its edits wait for review). */
async function signIn(context: BrowserContext, locale: 'en' | 'fr', options: { newcomer?: boolean; roles?: Role[] } = {}): Promise<void> {
  people += 1;
  const userId = await createUserWithRoles(ecoop.db, {
    email: `e2e-wiki-${process.pid}-${people}@example.test`,
    displayName: `Writer ${people} ${locale}`,
    password: 'e2e correct horse battery staple',
    locale,
    roles: (options.roles ?? []).map((role) => ({ role })),
  });
  if (!options.newcomer) {
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
    await ecoop.db.updateTable('users').set({ created_at: monthAgo }).where('id', '=', userId).execute();
  }
  const token = await createSession(ecoop.db, userId);
  await context.addCookies([{ name: sessionCookieName(false), value: token, url: ecoop.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}

describe('writing a guide together', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`writes, edits at once with someone else, compares and restores (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const service = await ecoop.db
        .selectFrom('services')
        .select(['slug'])
        .where('status', '=', 'published')
        .orderBy('slug')
        .executeTakeFirstOrThrow();
      const aContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      const bContext = await browser.newContext({ viewport: { width: 320, height: 800 } });
      try {
        await signIn(aContext, locale);
        await signIn(bContext, locale);
        const a = await aContext.newPage();
        const b = await bContext.newPage();
        const title = locale === 'en' ? 'Renewing my card online' : 'Renouveler ma carte en ligne';
        const body = [
          `# ${locale === 'en' ? 'Before' : 'Avant'}`,
          '',
          `[[service:${service.slug}]]`,
          '',
          'Step one.',
          '',
          'Step two.',
          '',
          'Step three.',
        ].join('\n');

        // A writes the guide from the wiki's front page.
        await a.goto(ecoop.url(`/${locale}/wiki`));
        await audit(a, `/${locale}/wiki`);
        await a.getByRole('link', { name: t('wiki.index.write'), exact: true }).click();
        await a.waitForURL(`**/${locale}/wiki/new`);
        await audit(a, `/${locale}/wiki/new`);
        await a.getByLabel(t('wiki.edit.fieldTitle')).fill(title);
        await a.getByLabel(t('wiki.edit.fieldBody')).fill(body);
        await a.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await a.waitForURL(/\/wiki\/[a-z0-9-]+\?done=created$/);
        const pagePath = new URL(a.url()).pathname;
        expect(await a.locator('#wiki-title').textContent()).toBe(title);
        expect(await a.locator(`.wiki-body a[href="/${locale}/services/${service.slug}"]`).count()).toBe(1);
        await audit(a, `${pagePath} (created)`);

        // Both open the editor on the same revision; A changes step one, B step three: both kept.
        await a.goto(ecoop.url(`${pagePath}/edit`));
        await b.goto(ecoop.url(`${pagePath}/edit`));
        await audit(b, `${pagePath}/edit (320 px)`);
        await a.getByLabel(t('wiki.edit.fieldBody')).fill(body.replace('Step one.', 'Step one, by A.'));
        await a.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await a.waitForURL(/\?done=saved$/);
        await b.getByLabel(t('wiki.edit.fieldBody')).fill(body.replace('Step three.', 'Step three, by B.'));
        await b.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await b.waitForURL(/\?done=merged$/);
        const merged = await b.locator('.wiki-body').textContent();
        expect(merged).toContain('Step one, by A.');
        expect(merged).toContain('Step three, by B.');
        await audit(b, `${pagePath}?done=merged`);

        // Again at once, now on the same line: B gets the conflict screen with their text kept.
        await a.goto(ecoop.url(`${pagePath}/edit`));
        await b.goto(ecoop.url(`${pagePath}/edit`));
        const current = await a.getByLabel(t('wiki.edit.fieldBody')).inputValue();
        await a.getByLabel(t('wiki.edit.fieldBody')).fill(current.replace('Step two.', 'Step two, as A wrote it.'));
        await a.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await a.waitForURL(/\?done=saved$/);
        const mine = current.replace('Step two.', 'Step two, as B wrote it.');
        await b.getByLabel(t('wiki.edit.fieldBody')).fill(mine);
        await b.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await b.waitForSelector('#wiki-conflict');
        expect(await b.getByLabel(t('wiki.edit.fieldBody')).inputValue()).toBe(mine);
        expect(await b.locator('pre.wiki-source').textContent()).toContain('Step two, as A wrote it.');
        await audit(b, `${pagePath}/edit (conflict)`);
        await b.getByLabel(t('wiki.edit.fieldBody')).fill(mine.replace('Step two, as B wrote it.', 'Step two, as A and B wrote it.'));
        await b.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await b.waitForURL(/\?done=saved$/);
        expect(await b.locator('.wiki-body').textContent()).toContain('as A and B wrote it');

        // The history: compare the first and the latest revisions, then bring the first back.
        await a.goto(ecoop.url(`${pagePath}/history`));
        await audit(a, `${pagePath}/history`);
        const revisions = await a
          .locator('select#compare-from option')
          .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
        await a.selectOption('#compare-from', revisions[revisions.length - 1]!);
        await a.selectOption('#compare-to', revisions[0]!);
        await a.getByRole('button', { name: t('wiki.history.compareSubmit'), exact: true }).click();
        await a.waitForURL(/\/diff\?from=\d+&to=\d+$/);
        // Words were only added since the first version: each addition is underlined and named.
        expect(await a.locator('ins').count()).toBeGreaterThan(0);
        expect(await a.locator('ins').first().textContent()).toContain(t('wiki.diff.added'));
        expect(await a.locator('.wiki-diff').textContent()).toContain('by A');
        await audit(a, `${pagePath}/diff`);
        await a.goto(ecoop.url(`${pagePath}/history`));
        await a.locator(`#revision-${revisions[revisions.length - 1]} a[href^="restore?revision="]`).click();
        await a.waitForURL(/\/restore\?revision=\d+$/);
        expect(await a.locator('.wiki-diff del').count()).toBeGreaterThan(0);
        await audit(a, `${pagePath}/restore`);
        await a.getByRole('button', { name: t('wiki.history.restore'), exact: true }).click();
        await a.waitForURL(/\?done=restored$/);
        const restored = await a.locator('.wiki-body').textContent();
        expect(restored).toContain('Step one.');
        expect(restored).not.toContain('by A');
        await audit(a, `${pagePath}?done=restored`);
        await report(`wiki (${locale})`);
      } finally {
        await aContext.close();
        await bContext.close();
      }
    });
  }
});

describe('reviewing a newcomer’s edit', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`holds it for review until a helper accepts it; the newcomer watches and discusses the page (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const writerContext = await browser.newContext();
      const newcomerContext = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const helperContext = await browser.newContext();
      try {
        await signIn(writerContext, locale);
        await signIn(newcomerContext, locale, { newcomer: true });
        await signIn(helperContext, locale, { roles: ['helper'] });
        const writer = await writerContext.newPage();
        const newcomer = await newcomerContext.newPage();
        const helper = await helperContext.newPage();
        const title = locale === 'en' ? 'Paying the canteen online' : 'Payer la cantine en ligne';

        await writer.goto(ecoop.url(`/${locale}/wiki/new`));
        await writer.getByLabel(t('wiki.edit.fieldTitle')).fill(title);
        await writer.getByLabel(t('wiki.edit.fieldBody')).fill('Open the family portal.\n\nPay by card.');
        await writer.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await writer.waitForURL(/\?done=created$/);
        const pagePath = new URL(writer.url()).pathname;

        // The newcomer's edit waits: they are told so, and readers still see the accepted text.
        await newcomer.goto(ecoop.url(`${pagePath}/edit`));
        await newcomer.getByLabel(t('wiki.edit.fieldBody')).fill('Open the family portal.\n\nPay by card or by direct debit.');
        await newcomer.getByRole('button', { name: t('wiki.edit.save'), exact: true }).click();
        await newcomer.waitForURL(/\?done=pending$/);
        expect(await newcomer.locator('.wiki-body').textContent()).not.toContain('direct debit');
        await audit(newcomer, `${pagePath}?done=pending (320 px)`);

        // The helper finds it in the queue, reads the changes and accepts them.
        await helper.goto(ecoop.url(`/${locale}/wiki/review`));
        await audit(helper, `/${locale}/wiki/review`);
        await helper.getByRole('link', { name: title, exact: true }).click();
        await helper.waitForURL(`**${pagePath}/review`);
        expect(await helper.locator('.wiki-diff ins').first().textContent()).toContain('direct debit');
        await audit(helper, `${pagePath}/review`);
        await helper.getByRole('button', { name: t('wiki.review.accept'), exact: true }).click();
        await helper.waitForURL(/\/wiki\/review\?done=accepted$/);
        await audit(helper, `/${locale}/wiki/review?done=accepted`);
        await writer.goto(ecoop.url(pagePath));
        expect(await writer.locator('.wiki-body').textContent()).toContain('direct debit');

        // Editing the page made the newcomer watch it: it is on their watchlist; they ask a question.
        await newcomer.goto(ecoop.url(pagePath));
        expect(await newcomer.getByRole('button', { name: t('wiki.watch.unwatch'), exact: true }).count()).toBe(1);
        await newcomer.goto(ecoop.url(`/${locale}/wiki/watchlist`));
        expect(await newcomer.getByRole('link', { name: title, exact: true }).count()).toBe(1);
        await audit(newcomer, `/${locale}/wiki/watchlist`);
        await newcomer.goto(ecoop.url(pagePath));
        const question = locale === 'en' ? 'Can I pay in cash too?' : 'Puis-je aussi payer en espèces ?';
        const discussion = newcomer.locator('#discussion');
        await discussion.getByLabel(t('wiki.discussion.fieldBody')).fill(question);
        await discussion.getByRole('button', { name: t('wiki.discussion.submit'), exact: true }).click();
        await newcomer.waitForURL(/#comment-\d+$/);
        expect(await newcomer.locator('#discussion').textContent()).toContain(question);
        await audit(newcomer, `${pagePath} (discussion)`);
        await report(`wiki review (${locale})`);
      } finally {
        await Promise.all([writerContext.close(), newcomerContext.close(), helperContext.close()]);
      }
    });
  }
});
