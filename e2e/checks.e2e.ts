/**
 * The checks themselves, on pages made to fail them: a check that never fails proves nothing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, clippedElements, focusIndicator, horizontalOverflow, structureProblems } from './checks.js';
import { crawl } from './crawl.js';
import { checkHtml } from './html-validity.js';
import { connectBrowser, parseRouteTree } from './support.js';

let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await connectBrowser();
  context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

const doc = (body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fixture</title>${head}</head><body><main><h1>Fixture</h1>${body}</main></body></html>`;

describe('the checks catch what they are for', () => {
  it('axe reports an image without a text alternative, with its selector and help URL', async () => {
    await page.setContent(doc('<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" id="bad">'));
    const findings = await axeViolations(page);
    expect(findings).toContainEqual(
      expect.objectContaining({ rule: 'image-alt', target: '#bad', helpUrl: expect.stringContaining('image-alt') }),
    );
  });

  it('axe is quiet on a clean page', async () => {
    await page.setContent(doc('<p>Nothing wrong here.</p>'));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('axe holds pages to the WCAG A/AA rules only (best practices such as "region" are not counted)', async () => {
    await page.setContent(
      '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><div>outside any landmark</div><main><h1>t</h1></main></body></html>',
    );
    expect((await axeViolations(page)).map((f) => f.rule)).not.toContain('region');
  });

  it('the structure check counts h1s and wants lang and title', async () => {
    await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>a</h1><h1>b</h1></body></html>');
    const problems = (await structureProblems(page, 'en')).join('\n');
    expect(problems).toMatch(/2 <h1>/);
    expect(problems).toMatch(/no lang/);
    expect(problems).toMatch(/no <title>/);
  });

  it('the overflow check finds what sticks out at 320 px', async () => {
    await page.setContent(doc('<div class="wide" style="width: 500px">wide</div>'));
    const overflow = await horizontalOverflow(page);
    expect(overflow?.culprits.join()).toContain('div.wide');
    await page.setContent(doc('<p>fits</p>'));
    expect(await horizontalOverflow(page)).toBeNull();
  });

  it('the clipping check finds text cut off by overflow: hidden', async () => {
    await page.setContent(
      doc('<div class="cut" style="width: 100px; overflow: hidden; white-space: nowrap">a sentence far too long for its box</div>'),
    );
    expect((await clippedElements(page)).join()).toContain('div.cut');
  });

  it('the focus check tells a visible focus from an invisible one', async () => {
    await page.setContent(doc('<a href="#a" id="plain">plain</a> <a href="#b" id="hidden" style="outline: none">hidden</a>'));
    await page.focus('#plain');
    expect((await focusIndicator(page))?.visible).toBe(true);
    await page.focus('#hidden');
    expect((await focusIndicator(page))?.visible).toBe(false);
  });

  it('the Nu HTML Checker reports an invalid document, and not a valid one', async () => {
    const errors = await checkHtml([
      { label: 'valid', html: doc('<p>ok</p>') },
      { label: 'invalid', html: doc('<p><div>block in a paragraph</div></p><span id="x"></span><span id="x"></span>') },
    ]);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((e) => e.label))).toEqual(new Set(['invalid']));
    expect(errors.some((e) => /Duplicate ID/i.test(e.message))).toBe(true);
    expect(errors.every((e) => typeof e.line === 'number')).toBe(true);
  });

  it('the crawl follows same-origin page links and GET forms once, and records script errors, failed resources and third-party requests', async () => {
    const fixtures = await browser.newContext();
    try {
      const pages: Record<string, string> = {
        '/': doc(
          '<a href="/a">a</a> <a href="/a#top">a again</a> <a href="/api/v1/x">api</a> <a href="https://elsewhere.test/">away</a>' +
            '<form action="/search"><label>Search <input type="search" name="q"></label><input type="hidden" name="in" value="all"><button>Go</button></form>' +
            '<form method="post" action="/write"><button>Change something</button></form>',
        ),
        '/search': doc('<p>results</p>'),
        '/a': doc(
          '<a href="/">home</a> <a href="/gone">gone</a><script>throw new Error("boom")</script><img alt="" src="https://elsewhere.test/x.png">',
          '<link rel="stylesheet" href="/missing.css">',
        ),
      };
      await fixtures.route('http://fixture.test/**', (route) => {
        const path = new URL(route.request().url()).pathname;
        const body = pages[path];
        return body
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
          : route.fulfill({ status: 404, contentType: path.endsWith('.css') ? 'text/css' : 'text/html', body: doc('<p>not found</p>') });
      });
      await fixtures.route('https://elsewhere.test/**', (route) => route.abort());
      const result = await crawl(fixtures, { baseUrl: 'http://fixture.test', starts: ['/'], inspect: async () => null });
      expect(result.pages.map((p) => [p.path, p.status, p.linkedFrom, p.via])).toEqual([
        ['/', 200, undefined, 'start'],
        ['/a', 200, '/', 'link'],
        ['/search?q=service&in=all', 200, '/', 'form'],
        ['/gone', 404, '/a', 'link'],
      ]);
      const a = result.pages.find((p) => p.path === '/a')!;
      expect(a.errors.join('\n')).toMatch(/uncaught Error: boom/);
      expect(a.errors.join('\n')).toMatch(/stylesheet http:\/\/fixture.test\/missing.css answered 404/);
      expect(a.foreignRequests).toEqual(['https://elsewhere.test/x.png']);
      expect(result.pages[0]!.errors).toEqual([]);
    } finally {
      await fixtures.close();
    }
  });

  it("reads the app's routes back from Fastify's route tree", () => {
    const tree = [
      '└── / (GET, HEAD)',
      '    ├── assets/:file (GET, HEAD)',
      '    ├── fr (GET, HEAD)',
      '    │   └── / (GET, HEAD)',
      '    │       ├── about (GET, HEAD)',
      '    │       └── services/:slug (GET, HEAD)',
      '    └── en (GET, HEAD)',
      '        └── / (GET, HEAD)',
      '            └── wiki/',
      '                └── :slug/history (GET, HEAD)',
    ].join('\n');
    expect(parseRouteTree(tree)).toEqual([
      '/',
      '/assets/:file',
      '/fr',
      '/fr/',
      '/fr/about',
      '/fr/services/:slug',
      '/en',
      '/en/',
      '/en/wiki/:slug/history',
    ]);
  });
});
