/**
 * Finding a public e-service, as citizens do it, in both languages: from a life event on the home
 * page, from a search typed with mistakes, and by filtering the catalogue in a browser without
 * JavaScript. axe reports no violation on any page of the way. An administrator then sees the
 * search that found nothing among "what citizens look for and can't find".
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeAxeFindings, type AxeFinding } from './checks.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';

let ecoop: E2EApp;
let browser: Browser;
const axe: { path: string; findings: AxeFinding[] }[] = [];

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Runs axe on the page as it is now, for the check at the end. */
async function audit(page: Page): Promise<void> {
  axe.push({ path: new URL(page.url()).pathname + new URL(page.url()).search, findings: await axeViolations(page) });
}

/** Pages seen without JavaScript (axe needs a script in the page): audited afterwards in a normal browser. */
const seenWithoutScript: string[] = [];
const remember = (page: Page) => seenWithoutScript.push(new URL(page.url()).pathname + new URL(page.url()).search);

/** A new page in a fresh context (no JavaScript when asked). */
async function open(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1024, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  // A step that cannot happen fails in seconds, not at the 10-minute test timeout.
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

const JOURNEYS = [
  {
    locale: 'en',
    lifeEvent: 'I am looking for a place to live',
    service: 'Apply for housing benefit',
    typo: 'housng benfit',
    startOnline: 'Start online',
  },
  {
    locale: 'fr',
    lifeEvent: 'Je cherche un logement',
    service: 'Demander une aide au logement',
    typo: 'alocation logement',
    startOnline: 'Commencer en ligne',
  },
] as const;

describe.each(JOURNEYS)('finding a service ($locale)', (j) => {
  it('from a life event on the home page', async () => {
    const { context, page } = await open();
    try {
      await page.goto(ecoop.url(`/${j.locale}/`));
      await audit(page);
      await page.getByRole('link', { name: j.lifeEvent, exact: true }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/${j.locale}/life-events/looking-for-a-place-to-live`);
      expect(await page.locator('h1').textContent()).toBe(j.lifeEvent);
      await audit(page);
      await page.getByRole('link', { name: j.service, exact: true }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/${j.locale}/services/housing-allowance`);
      expect(await page.locator('h1').textContent()).toBe(j.service);
      const start = page.getByRole('link', { name: j.startOnline, exact: true });
      expect(await start.getAttribute('href')).toBe('https://caf.vallee-verte.example/aide-logement');
      expect(await start.getAttribute('rel')).toContain('noopener');
      await audit(page);
    } finally {
      await context.close();
    }
  });

  it('from a search typed with mistakes', async () => {
    const { context, page } = await open({ width: 320 });
    try {
      await page.goto(ecoop.url(`/${j.locale}/`));
      await page.getByRole('searchbox').first().fill(j.typo);
      await page.getByRole('searchbox').first().press('Enter');
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/${j.locale}/search`);
      expect(new URL(page.url()).searchParams.get('q')).toBe(j.typo);
      // The housing allowance is the first result.
      const first = page.locator('main .card__title a').first();
      expect(await first.textContent()).toBe(j.service);
      await audit(page);
      await first.click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/${j.locale}/services/housing-allowance`);
    } finally {
      await context.close();
    }
  });
});

describe('the catalogue without JavaScript', () => {
  it('filters with the form, shows the filters, and keeps them from page to page', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    try {
      await page.goto(ecoop.url('/en/services'));
      remember(page);
      await page.getByLabel('How you want to do it').selectOption('online');
      await page.getByLabel('Free of charge only').check();
      await page.getByRole('button', { name: 'Show e-services' }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('channel')).toBe('online');
      expect(new URL(page.url()).searchParams.get('free')).toBe('1');
      expect(await page.locator('main').textContent()).toContain('Showing:');
      remember(page);
      const next = page.getByRole('link', { name: 'Next' });
      if ((await next.count()) > 0) {
        await next.click();
        await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
        expect(new URL(page.url()).searchParams.get('channel')).toBe('online');
      }
      await page.getByRole('link', { name: 'Clear filters' }).first().click();
      await expect.poll(() => new URL(page.url()).search).toBe('');
    } finally {
      await context.close();
    }
  });

  it('offers help when a search finds nothing, and admins see it counted', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    try {
      await page.goto(ecoop.url('/fr/search?q=permis%20de%20chasse%20e2e'));
      expect(await page.locator('main').textContent()).toContain('Nous n’avons rien trouvé');
      remember(page);
    } finally {
      await context.close();
    }
    const admin = await open();
    try {
      await ecoop.signIn(admin.context, ['admin']);
      await admin.page.goto(ecoop.url('/en/services'));
      await admin.page.getByRole('link', { name: 'What citizens look for and can’t find' }).click();
      await expect.poll(() => new URL(admin.page.url()).pathname).toBe('/en/catalogue/unmet-searches');
      expect(await admin.page.locator('table').textContent()).toContain('e2e');
      await audit(admin.page);
    } finally {
      await admin.context.close();
    }
  });
});

describe('accessibility', () => {
  it('axe finds no WCAG 2.2 A/AA violation on any page of the journeys', async () => {
    const { context, page } = await open();
    try {
      for (const path of seenWithoutScript) {
        await page.goto(ecoop.url(path));
        await audit(page);
      }
    } finally {
      await context.close();
    }
    expect(axe.length).toBeGreaterThan(8);
    reportProblems('axe violations on the catalogue journeys', describeAxeFindings(axe));
  });
});
