/**
 * The wiki in a browser, in both languages: a person writes a guide linked to an e-service, reads
 * it rendered, edits it; two people edit at once — their edits of different lines are merged, and
 * when they touch the same line the second sees the conflict screen with their text kept, and saves
 * a reconciled version; the history compares two revisions; an earlier revision is brought back.
 * axe finds nothing on any page visited (the diff included), and the Nu HTML Checker no error.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserWithRoles } from '../src/modules/accounts/index.js';
import { translator } from '../src/platform/i18n.js';
import { createSession, sessionCookieName } from '../src/platform/session.js';
import { pageAuditor } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

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

async function signIn(context: BrowserContext, locale: 'en' | 'fr'): Promise<void> {
  people += 1;
  const userId = await createUserWithRoles(ecoop.db, {
    email: `e2e-wiki-${process.pid}-${people}@example.test`,
    displayName: `Writer ${people} ${locale}`,
    password: 'e2e correct horse battery staple',
    locale,
    roles: [],
  });
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
        await a.locator(`#revision-${revisions[revisions.length - 1]} button`).click();
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
