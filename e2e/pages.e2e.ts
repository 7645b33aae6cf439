/**
 * Every page, as a browser sees it: the site is crawled from both home pages (links and GET forms),
 * logged out and then signed in as an administrator, plus the pages nobody links to (the design
 * system, 404s, a 500). On each page: axe (WCAG 2.2 A/AA) with zero violations, one h1, a language
 * and a title, no horizontal scrolling at 320 px, no script error or failing resource, no request to
 * another origin, no link to an error page. Then: every page route of the app must have been reached,
 * and every served document goes through the Nu HTML Checker.
 *
 * The logged-out pass runs axe at a desktop width and the signed-in pass at 320 px, so both layouts
 * are audited. `E2E_LIST_PAGES=1 npm run test:e2e` lists the pages each pass visited.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, describeAxeFindings, describeOverflow, horizontalOverflow, structureProblems, type AxeFinding } from './checks.js';
import { crawl, isCrawlable, type CrawlResult } from './crawl.js';
import { checkHtml, describeHtmlErrors, type HtmlDocument } from './html-validity.js';
import { connectBrowser, FAILING_PATH, FLAG_FORM_PATH, reportProblems, startEcoop, type E2EApp } from './support.js';

const LOCALES = ['en', 'fr'] as const;
const NARROW = 320;
const DESKTOP = { width: 1280, height: 800 };

/** Pages no link leads to, with the status each must answer. */
const UNLINKED: { path: string; status: number }[] = [
  ...LOCALES.flatMap((l) => [
    { path: `/${l}/design-system`, status: 200 },
    { path: `/${l}/no-such-page-e2e`, status: 404 },
    { path: `/${l}${FAILING_PATH}`, status: 500 },
    // Reached from emails and redirects: without a valid token, the link pages say the link does not work.
    { path: `/${l}/register/check-email`, status: 200 },
    { path: `/${l}/verify-email`, status: 400 },
    { path: `/${l}/reset-password`, status: 400 },
    // Reached by the redirect after deleting an account.
    { path: `/${l}/account/deleted`, status: 200 },
    // Reached by the redirect after a correct password when 2FA is on (the logged-out pass holds a pending sign-in).
    { path: `/${l}/sign-in/two-factor`, status: 200 },
    // Reached by posting the page feedback prompt (its thank-you page), or from a re-shown prompt's language links.
    { path: `/${l}/page-feedback/thanks?page=%2Fservices`, status: 200 },
    { path: `/${l}/page-feedback?page=%2Fservices`, status: 200 },
  ]),
  // A wiki discussion's own page is linked from under the page once it has more comments than fit there.
  { path: '/en/wiki/applying-for-housing-benefit-online/discussion', status: 200 },
  { path: '/fr/wiki/demander-l-aide-au-logement-en-ligne/discussion', status: 200 },
  { path: '/no-such-page-e2e', status: 404 },
];

interface Findings {
  axe: AxeFinding[];
  structure: string[];
  overflow: string[];
}
type Result = CrawlResult<Findings>;

let ecoop: E2EApp;
let browser: Browser;
/** Every served document of both passes, for the HTML check at the end. */
const documents: HtmlDocument[] = [];
/** Every path either pass visited, for the coverage check at the end. */
const visited = new Set<string>();

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Crawls from both home pages and the unlinked pages, checking each page at `width`. */
async function crawlAndCheck(context: BrowserContext, width: number, extra: string[] = [], cap = 320): Promise<Result> {
  return crawl<Findings>(context, {
    baseUrl: ecoop.baseUrl,
    starts: [...LOCALES.map((l) => `/${l}/`), ...UNLINKED.map((u) => u.path), ...extra],
    // The catalogue has 40 services, 10 life events and 5 sectors, each page with a filter form, and
    // each service its ratings, reviews, results and problem pages: a sample of each collection
    // (4 children) shows every page type; the signed-in pass has a larger cap for the work pages
    // (catalogue editing, triage, places, workshops, slots and bookings).
    cap,
    childrenPerParent: 4,
    variantsPerPath: 3,
    inspect: async (page, { path }) => {
      const locale = LOCALES.find((l) => path === `/${l}` || path.startsWith(`/${l}/`));
      const axe = await axeViolations(page);
      const structure = await structureProblems(page, locale);
      // The overflow check is at 320 px whatever width the pass audits at.
      if (width !== NARROW) await page.setViewportSize({ width: NARROW, height: 640 });
      const overflow = await horizontalOverflow(page);
      if (width !== NARROW) await page.setViewportSize(DESKTOP);
      return { axe, structure, overflow: overflow ? [describeOverflow(overflow, NARROW)] : [] };
    },
  });
}

/** "path (status)" paragraphs for the pages where one kind of check found something. */
function perPage(result: Result, check: 'structure' | 'overflow'): string[] {
  return result.pages.filter((p) => p.findings[check].length > 0).map((p) => `${p.path} (${p.status})\n${p.findings[check].join('\n')}`);
}

/** The checks both passes share. */
function pageChecks(result: () => Result, label: string): void {
  it('reaches every page type in both locales', () => {
    const r = result();
    console.log(`${label}: ${r.pages.length} pages checked${r.capped ? ' (stopped at the cap; more links were left)' : ''}`);
    // E2E_LIST_PAGES=1 npm run test:e2e lists them.
    if (process.env.E2E_LIST_PAGES)
      console.log(r.pages.map((p) => `  ${p.status} ${p.path} (${p.via}${p.linkedFrom ? ` from ${p.linkedFrom}` : ''})`).join('\n'));
    const paths = new Set(result().pages.map((p) => p.path));
    for (const l of LOCALES) {
      for (const p of ['/', '/about', '/accessibility', '/privacy', '/terms'])
        expect(paths, `${label} crawl reached ${p} in ${l}`).toContain(`/${l}${p === '/' ? '/' : p}`);
    }
    expect(result().failures, 'links that could not be loaded').toEqual([]);
  });

  it('answers the unlinked pages with the right status', () => {
    const got = UNLINKED.map((u) => ({ path: u.path, status: result().pages.find((p) => p.path === u.path)?.status }));
    expect(got).toEqual(UNLINKED);
  });

  it('has no link that leads to an error page', () => {
    const broken = result()
      .pages.filter((p) => p.via === 'link' && p.status >= 400)
      .map((p) => `${p.path} answers ${p.status} (linked from ${p.linkedFrom})`);
    reportProblems('Broken links', broken);
  });

  it('runs without script errors or failing resources', () => {
    reportProblems(
      `Errors in the browser (${label})`,
      result()
        .pages.filter((p) => p.errors.length > 0)
        .map((p) => `${p.path} (${p.status})\n${p.errors.map((e) => `  ${e}`).join('\n')}`),
    );
  });

  it('requests nothing from another origin', () => {
    reportProblems(
      `Third-party requests (${label})`,
      result()
        .pages.filter((p) => p.foreignRequests.length > 0)
        .map((p) => `${p.path}\n${p.foreignRequests.map((u) => `  ${u}`).join('\n')}`),
    );
  });

  it('axe finds no WCAG 2.2 A/AA violation on any page', () => {
    reportProblems(
      `axe violations (${label})`,
      describeAxeFindings(result().pages.map((p) => ({ path: p.path, findings: p.findings.axe }))),
    );
  });

  it('gives every page exactly one h1, a lang and a title', () => {
    reportProblems(`Document structure (${label})`, perPage(result(), 'structure'));
  });

  it(`does not scroll horizontally at ${NARROW} px on any page`, () => {
    reportProblems(`Horizontal overflow (${label})`, perPage(result(), 'overflow'));
  });
}

describe('every page, logged out (axe at 1280 px)', () => {
  let result: Result;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      await ecoop.startTwoFactorSignIn(context);
      // "Delete my rating" is linked from the rate page of someone who rated; signed out, it asks to sign in.
      result = await crawlAndCheck(
        context,
        DESKTOP.width,
        LOCALES.map((l) => `/${l}/services/claim-birth-grant/rate/delete`),
      );
    } finally {
      await context.close();
    }
    for (const p of result.pages) documents.push({ label: p.path, html: p.html });
    for (const p of result.pages) visited.add(p.path);
  });

  pageChecks(() => result, 'logged out');
});

describe('every page, signed in as an administrator (axe at 320 px)', () => {
  const ADMIN_PAGES = LOCALES.map((l) => `/${l}/admin/jobs`);
  // The work pages, so the cap does not stop the crawl before their detail pages.
  const WORK_PAGES = LOCALES.flatMap((l) => [
    `/${l}/manage/problems`,
    `/${l}/manage/assessment`,
    `/${l}/manage/services`,
    `/${l}/admin/page-feedback`,
    `/${l}/account`,
    `/${l}/account/delete`,
    `/${l}/account/password`,
    // Digital Public Spaces: every place (an administrator), their slots with the demo booking, workshops.
    `/${l}/manage/places`,
    // The demo citizen's booking is at this place: its slots page links the booking and its cancel page.
    `/${l}/manage/places/mediatheque-saint-aubin/slots`,
    `/${l}/appointments`,
    `/${l}/my-workshops`,
    // A service with reviews, whose "Answer" links an administrator sees.
    `/${l}/services/claim-birth-grant/reviews`,
    // The wiki's editor, review queue and watchlist (its pages, histories and diffs are linked from the nav's "Guides").
    `/${l}/wiki/new`,
    `/${l}/wiki/review`,
    `/${l}/wiki/watchlist`,
    // Bringing back the demo's first revision (of the first demo page, which has later ones): the
    // history links it, but the crawl samples four children per page and may miss it.
    `/${l}/wiki/applying-for-housing-benefit-online/restore?revision=1`,
  ]);
  // The report form, reached from a piece of content's "Report" link (the e2e note's: no module links one yet).
  const FLAG_PAGES = LOCALES.map((l) => `/${l}${FLAG_FORM_PATH}`);
  let result: Result;
  beforeAll(async () => {
    const context = await browser.newContext({ viewport: { width: NARROW, height: 640 } });
    try {
      await ecoop.signIn(context, ['admin', 'moderator', 'helper']);
      // The new-terms page is reached by redirect only; a user who accepted them may still open it.
      result = await crawlAndCheck(
        context,
        NARROW,
        [...ADMIN_PAGES, ...WORK_PAGES, ...FLAG_PAGES, ...LOCALES.map((l) => `/${l}/terms/accept`)],
        560,
      );
    } finally {
      await context.close();
    }
    for (const p of result.pages) documents.push({ label: `${p.path} (signed in)`, html: p.html });
    for (const p of result.pages) visited.add(p.path);
  });

  pageChecks(() => result, 'signed in');

  it('shows the admin pages, the moderation queue and the report form to an administrator', () => {
    for (const path of ADMIN_PAGES) expect(result.pages.find((p) => p.path === path)?.status, path).toBe(200);
    for (const path of FLAG_PAGES) expect(result.pages.find((p) => p.path === path)?.status, path).toBe(200);
    for (const l of LOCALES) expect(result.pages.find((p) => p.path === `/${l}/moderation`)?.status, `/${l}/moderation`).toBe(200);
  });
});

describe('coverage', () => {
  it('visits every page route of the app, in every locale', () => {
    // A route with parameters counts as visited when any page matching it was.
    const pattern = (route: string) =>
      new RegExp(
        `^${route
          .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
          .replace(/:[^/]+/g, '[^/]+')
          .replace(/\*/g, '.*')}$`,
      );
    const paths = [...visited].map((p) => p.split('?')[0]!);
    const pageRoutes = ecoop.getRoutes.filter((r) => LOCALES.some((l) => r === `/${l}/` || r.startsWith(`/${l}/`)) && isCrawlable(r));
    expect(pageRoutes, 'page routes found in the app').toContain('/en/about');
    const missed = pageRoutes.filter((r) => !paths.some((p) => pattern(r).test(p)));
    reportProblems(
      'Page routes that no crawl reached (link them from a page, or add them to UNLINKED in e2e/pages.e2e.ts with the state they need)',
      missed,
    );
  });
});

describe('HTML validity', () => {
  it('the Nu HTML Checker finds no error in any served document', async () => {
    expect(documents.length, 'documents collected by the crawls above').toBeGreaterThan(0);
    const errors = await checkHtml(documents);
    reportProblems(
      `Nu HTML Checker errors in ${new Set(errors.map((e) => e.label)).size} of ${documents.length} documents`,
      describeHtmlErrors(errors),
    );
  });
});
