/**
 * The page shell as people use it: keyboard users (skip link, visible focus), people who read in
 * another language (switcher, Accept-Language), browsers without JavaScript, and readers who
 * enlarge the text to 200 %.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clippedElements, describeOverflow, focusIndicator, horizontalOverflow } from './checks.js';
import { crawl } from './crawl.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';

const DESKTOP = { width: 1280, height: 800 };

let ecoop: E2EApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
  context = await browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await ecoop?.close();
});

/** A short description of the focused element. */
const focused = (p: Page) =>
  p.evaluate(() => {
    const el = document.activeElement;
    return el
      ? {
          tag: el.tagName.toLowerCase(),
          id: el.id,
          href: el.getAttribute('href'),
          text: (el.textContent ?? '').trim(),
        }
      : null;
  });

describe('keyboard', () => {
  for (const path of ['/en/', '/fr/about']) {
    it(`on ${path}, the first Tab shows the skip link and Enter moves focus to the main content`, async () => {
      await page.goto(ecoop.url(path));
      await page.keyboard.press('Tab');
      const first = await focused(page);
      // The skip link: the first thing in the page, leading to the main landmark.
      expect(first, 'first focused element').toMatchObject({ tag: 'a', href: '#main' });
      expect(first?.text.length).toBeGreaterThan(0);

      // Visible: a real box, inside the viewport, not covered by anything else.
      const visibility = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return {
          width: r.width,
          height: r.height,
          left: r.left,
          top: r.top,
          right: r.right,
          onTop: !!hit && (hit === el || el.contains(hit)),
        };
      });
      expect(visibility.width, 'skip link width').toBeGreaterThan(20);
      expect(visibility.height, 'skip link height').toBeGreaterThan(10);
      expect(visibility.left).toBeGreaterThanOrEqual(0);
      expect(visibility.top).toBeGreaterThanOrEqual(0);
      expect(visibility.right).toBeLessThanOrEqual(DESKTOP.width);
      expect(visibility.onTop, 'the skip link is not covered by another element').toBe(true);
      expect((await focusIndicator(page))?.visible, 'the skip link shows a focus indicator').toBe(true);

      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      expect(new URL(page.url()).hash).toBe('#main');
      // The next Tab continues from the main content (into it, or past it), not from the top of the page.
      await page.keyboard.press('Tab');
      const next = await page.evaluate(() => {
        const main = document.getElementById('main')!;
        const el = document.activeElement!;
        return {
          html: el.outerHTML.slice(0, 120),
          fromMain: main.contains(el) || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
        };
      });
      expect(next.fromMain, `after the skip link, Tab went to ${next.html}`).toBe(true);
    });
  }

  it('shows a focus indicator on every element a keyboard reaches', async () => {
    const problems: string[] = [];
    for (const path of ['/en/', '/fr/about', '/en/design-system']) {
      const response = await page.goto(ecoop.url(path));
      expect(response?.status(), path).toBe(200);
      const seen = new Set<string>();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        const f = await focusIndicator(page);
        if (!f) break;
        const key = await page.evaluate(() => {
          const el = document.activeElement!;
          return `${el.tagName}|${el.getAttribute('href') ?? ''}|${el.getAttribute('name') ?? ''}|${el.id}|${(el.textContent ?? '').trim().slice(0, 40)}`;
        });
        if (seen.has(key)) break; // wrapped around to the start
        seen.add(key);
        if (!f.visible) problems.push(`${path}: ${f.element} has no visible focus indicator (${f.style})`);
      }
      expect(seen.size, `${path} has elements to tab to`).toBeGreaterThan(3);
    }
    reportProblems('Focus not visible', problems);
  });
});

describe('languages', () => {
  it('the language switcher keeps the page and its query string', async () => {
    await page.goto(ecoop.url('/en/about?x=1'));
    await Promise.all([page.waitForURL((u) => u.pathname === '/fr/about'), page.locator('a[hreflang="fr"]').first().click()]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/fr/about?x=1');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');

    await Promise.all([page.waitForURL((u) => u.pathname === '/en/about'), page.locator('a[hreflang="en"]').first().click()]);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/en/about?x=1');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  for (const [locale, home] of [
    ['fr-FR', '/fr/'],
    ['en-GB', '/en/'],
  ] as const) {
    it(`/ takes a browser set to ${locale} to ${home}`, async () => {
      const ctx = await browser.newContext({ locale });
      try {
        const p = await ctx.newPage();
        await p.goto(ecoop.url('/'));
        expect(new URL(p.url()).pathname).toBe(home);
      } finally {
        await ctx.close();
      }
    });
  }
});

/** What a page says and offers: its headings, text blocks, links and forms (JS-only controls aside). */
const pageContent = (p: Page) =>
  p.evaluate(() => {
    const texts = (selector: string) =>
      Array.from(document.querySelectorAll(selector)).map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
    return {
      headings: texts('h1, h2, h3, h4, h5, h6'),
      text: texts('main p, main li, main dt, main dd, main td, main th, main label, main legend'),
      links: Array.from(document.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')),
      forms: Array.from(document.querySelectorAll('form')).map((f) => `${f.method} ${f.getAttribute('action')}`),
    };
  });

describe('without JavaScript', () => {
  it('the home page shows the same content', async () => {
    const noJs = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    try {
      for (const path of ['/en/', '/fr/']) {
        const withoutJs = await noJs.newPage();
        await withoutJs.goto(ecoop.url(path));
        await page.goto(ecoop.url(path));
        const plain = await pageContent(withoutJs);
        expect(plain.text.join(' ').length, `${path} has content without JavaScript`).toBeGreaterThan(200);
        expect(plain.headings.length).toBeGreaterThan(1);
        expect(plain, `${path} without JavaScript`).toEqual(await pageContent(page));
        await withoutJs.close();
      }
    } finally {
      await noJs.close();
    }
  });
});

describe('text zoom', () => {
  it('at 200 % text size and 1280 px, no page scrolls sideways or clips its content', async () => {
    const zoomed = await browser.newContext({ viewport: DESKTOP });
    try {
      const result = await crawl(zoomed, {
        baseUrl: ecoop.baseUrl,
        starts: ['/en/', '/fr/', '/en/design-system', '/fr/design-system', '/en/no-such-page'],
        inspect: async (p) => {
          await p.evaluate(() => {
            document.documentElement.style.fontSize = '200%';
          });
          // Let layout settle (web fonts are system fonts: one frame is enough).
          await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const overflow = await horizontalOverflow(p);
          const clipped = await clippedElements(p);
          return [...(overflow ? [describeOverflow(overflow, DESKTOP.width)] : []), ...clipped.map((c) => `  clips: ${c}`)];
        },
      });
      expect(result.pages.length).toBeGreaterThan(5);
      reportProblems(
        'Content lost at 200 % text size',
        result.pages.filter((p) => p.findings.length > 0).map((p) => `${p.path}\n${p.findings.join('\n')}`),
      );
    } finally {
      await zoomed.close();
    }
  });
});
