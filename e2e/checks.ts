/**
 * What the browser tests check on a loaded page: axe (WCAG 2.2 AA), the document's outline
 * (one h1, a language, a title), horizontal overflow and clipping, and a visible focus indicator.
 * Each check returns readable problems instead of throwing, so a run reports all of them at once.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The axe rule tags we hold every page to: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One element that fails one axe rule. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  helpUrl: string;
  /** The element's CSS selector (` >>> ` between frames). */
  target: string;
  html: string;
  /** axe's explanation of what is wrong with this element. */
  summary: string;
}

/**
 * Runs axe on the page and returns every failing element. Legacy mode runs axe in the page itself
 * instead of finishing in a fresh page: about 40 % faster, and our pages have no iframes, which is
 * all the newer mode adds.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  const results = await new AxeBuilder({ page })
    // options() replaces the whole option object, so it must come before withTags().
    .options({ resultTypes: ['violations'] })
    .withTags(AXE_TAGS)
    .setLegacyMode(true)
    .analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => ({
      rule: v.id,
      impact: v.impact ?? 'n/a',
      help: v.help,
      helpUrl: v.helpUrl.replace(/\?application=.*$/, ''),
      target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | '),
      html: truncate(n.html, 160),
      summary: truncate(
        (n.failureSummary ?? '')
          .split('\n')
          .slice(1)
          .map((s) => s.trim())
          .filter(Boolean)
          .join(' / '),
        300,
      ),
    })),
  );
}

/**
 * Formats findings from many pages, grouped by rule then by element, so a problem in the layout
 * reads once with the pages it is on rather than once per page.
 */
export function describeAxeFindings(pages: { path: string; findings: AxeFinding[] }[]): string[] {
  const rules = new Map<string, { first: AxeFinding; targets: Map<string, { first: AxeFinding; paths: string[] }> }>();
  for (const { path, findings } of pages) {
    for (const f of findings) {
      const rule = rules.get(f.rule) ?? { first: f, targets: new Map() };
      rules.set(f.rule, rule);
      const target = rule.targets.get(f.target) ?? { first: f, paths: [] };
      rule.targets.set(f.target, target);
      if (!target.paths.includes(path)) target.paths.push(path);
    }
  }
  return [...rules.values()].map(({ first, targets }) => {
    const lines = [`[${first.rule}] (${first.impact}) ${first.help}`, `  ${first.helpUrl}`];
    for (const [selector, { first: f, paths }] of targets) {
      lines.push(`  - ${selector}`, `      ${f.html}`);
      if (f.summary) lines.push(`      ${f.summary}`);
      lines.push(`      on ${paths.length} page(s): ${paths.slice(0, 6).join(', ')}${paths.length > 6 ? ', …' : ''}`);
    }
    return lines.join('\n');
  });
}

/** One h1, a `lang` on <html> (the URL's locale when the path has one), a non-empty title. */
export async function structureProblems(page: Page, expectedLang: string | undefined): Promise<string[]> {
  const facts = await page.evaluate(() => ({
    h1: document.querySelectorAll('h1').length,
    lang: document.documentElement.getAttribute('lang') ?? '',
    title: document.title.trim(),
  }));
  const problems: string[] = [];
  if (facts.h1 !== 1) problems.push(`  has ${facts.h1} <h1> elements (expected exactly one)`);
  if (!facts.lang) problems.push('  <html> has no lang attribute');
  else if (expectedLang && facts.lang !== expectedLang)
    problems.push(`  <html lang="${facts.lang}"> but the URL's locale is "${expectedLang}"`);
  if (!facts.title) problems.push('  has no <title> (or an empty one)');
  return problems;
}

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The outermost elements that stick out past the viewport's right edge. */
  culprits: string[];
}

/** Whether the document scrolls horizontally at the current viewport, and which elements cause it. */
export async function horizontalOverflow(page: Page): Promise<Overflow | null> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const clientWidth = root.clientWidth;
    if (root.scrollWidth <= clientWidth) return null;
    const describe = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      Array.from(el.classList)
        .map((c) => `.${c}`)
        .join('');
    const culprits: string[] = [];
    const sticking = (el: Element) => el.getBoundingClientRect().right > clientWidth + 1;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!sticking(el)) continue;
      // Report the outermost offender only: skip an element whose parent already sticks out.
      if (el.parentElement && el.parentElement !== document.body && sticking(el.parentElement)) continue;
      culprits.push(`${describe(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)} px)`);
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: root.scrollWidth, clientWidth, culprits };
  });
}

/** Formats an overflow for a report. */
export function describeOverflow(o: Overflow, width: number): string {
  return (
    `  scrolls horizontally at ${width} px: scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}` +
    (o.culprits.length ? `\n    caused by: ${o.culprits.join(', ')}` : '')
  );
}

/** Elements that hide part of their content horizontally (overflow hidden/clip, or an ellipsis). */
export async function clippedElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const describe = (el: Element) =>
      el.tagName.toLowerCase() +
      (el.id ? `#${el.id}` : '') +
      Array.from(el.classList)
        .map((c) => `.${c}`)
        .join('');
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const hides = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (!hides || el.scrollWidth <= el.clientWidth + 1) continue;
      // Visually-hidden text (the skip link at rest, screen-reader-only labels) is clipped on purpose.
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      out.push(`${describe(el)} shows ${el.clientWidth} of ${el.scrollWidth} px: "${(el.textContent ?? '').trim().slice(0, 60)}"`);
    }
    return out;
  });
}

/** Describes the focused element and whether it shows a focus indicator (outline or box-shadow). */
export async function focusIndicator(page: Page): Promise<{ element: string; visible: boolean; style: string } | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const style = getComputedStyle(el);
    const transparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && !transparent(style.outlineColor);
    const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
    const text = (el.textContent ?? '').trim().slice(0, 40);
    return {
      element: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} "${text}"`,
      visible: outline || shadow,
      style: `outline: ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}; box-shadow: ${style.boxShadow}`,
    };
  });
}

function truncate(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}
