/**
 * The checks themselves, on pages made to fail them: a check that never fails proves nothing.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, clippedElements, focusIndicator, horizontalOverflow, structureProblems } from './checks.js';
import { checkHtml } from './html-validity.js';
import { connectBrowser } from './support.js';

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
});
