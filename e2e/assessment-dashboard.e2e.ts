/**
 * Co-assessment numbers in a browser, in both languages: an official of the family allowance office
 * opens the assessment dashboard (straight to their organisation), chooses one service's months with
 * the plain form, downloads the CSV; anyone reads the public results (the index, the organisation's,
 * the service's), which also stay whole at 320 px. axe finds nothing on any page visited, and the
 * Nu HTML Checker finds no error in them.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, sessionCookieName } from '../src/platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET } from '../src/modules/accounts/index.js';
import { submitAssessment } from '../src/modules/assessment/assessments.service.js';
import { CSV_COLUMNS } from '../src/modules/assessment/dashboard-csv.js';
import { createProblemReport, triageProblemReport } from '../src/modules/assessment/problems.service.js';
import { anAssessment, citizen, insertUsers, official } from '../src/modules/assessment/testing.js';
import { translator } from '../src/platform/i18n.js';
import { axeViolations, describeAxeFindings, describeOverflow, horizontalOverflow, type AxeFinding } from './checks.js';
import { checkHtml, describeHtmlErrors, type HtmlDocument } from './html-validity.js';
import { connectBrowser, reportProblems, startEcoop, type E2EApp } from './support.js';

const ORGANISATION = 'family-allowance-office';
/** A service of that organisation, given assessments over several months here. */
const SLUG = 'claim-birth-grant';
const DAY = 24 * 60 * 60 * 1000;

let ecoop: E2EApp;
let browser: Browser;
let officialId: number;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
  const db = ecoop.db;
  const organisation = await db.selectFrom('organisations').select('id').where('slug', '=', ORGANISATION).executeTakeFirstOrThrow();
  const service = await db.selectFrom('services').select('id').where('slug', '=', SLUG).executeTakeFirstOrThrow();
  officialId = await createUserWithRoles(db, {
    email: 'e2e-dashboard-official@example.test',
    displayName: 'E2E dashboard official',
    password: 'e2e correct horse battery staple',
    locale: 'en',
    roles: [{ role: 'official', scopeType: 'organisation', scopeId: organisation.id }],
    twoFactorSecret: DEMO_TOTP_SECRET,
  });
  // Six people over the last months, happier lately; one problem answered after two days.
  const users = await insertUsers(db, 6, 'e2e-dashboard-citizen');
  const now = Date.now();
  for (const [i, user] of users.entries()) {
    await submitAssessment(
      db,
      citizen(user),
      service.id,
      anAssessment({ satisfaction: 2 + (i % 4), usage: i % 2 === 0 ? 'alone' : 'dps', completion: i % 3 === 0 ? 'partly' : 'yes' }),
      { locale: 'en', now: new Date(now - i * 40 * DAY) },
    );
  }
  const report = await createProblemReport(
    db,
    {
      serviceId: service.id,
      reporterId: users[0]!,
      locale: 'en',
      source: 'web',
      category: 'broken_link',
      description: 'The link to the form is broken.',
    },
    { now: new Date(now - 10 * DAY) },
  );
  await triageProblemReport(
    db,
    official(officialId, [organisation.id]),
    report.id,
    { status: 'acknowledged', note: undefined },
    { actorId: null, requestId: 'e2e', ip: null },
    {
      now: new Date(now - 8 * DAY),
    },
  );
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

/** Collects axe findings and the HTML of each page it is asked to audit. */
function auditor(page: Page) {
  const findings: { path: string; findings: AxeFinding[] }[] = [];
  const documents: HtmlDocument[] = [];
  return {
    audit: async (label: string) => {
      findings.push({ path: label, findings: await axeViolations(page) });
      documents.push({ label, html: await page.content() });
    },
    report: async (what: string) => {
      reportProblems(`axe violations (${what})`, describeAxeFindings(findings));
      reportProblems(`Nu HTML Checker errors (${what})`, describeHtmlErrors(await checkHtml(documents)));
    },
  };
}

describe('the assessment dashboard and the public results', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`an official reads the dashboard, a service's months and the CSV (${locale})`, async () => {
      const t = translator(locale);
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
      try {
        await context.addCookies([
          {
            name: sessionCookieName(false),
            value: await createSession(ecoop.db, officialId),
            url: ecoop.baseUrl,
            httpOnly: true,
            sameSite: 'Lax',
          },
        ]);
        const page = await context.newPage();
        const { audit, report } = auditor(page);

        // Their account page lists the dashboard; one organisation: straight to it.
        await page.goto(ecoop.url(`/${locale}/account`));
        await page.getByRole('link', { name: t('dashboard.nav'), exact: true }).click();
        await page.waitForURL(`**/${locale}/manage/assessment/${ORGANISATION}`);
        expect(await page.locator('h1').textContent()).toContain(t('dashboard.title', { name: '' }).trim());
        expect(await page.locator('#services').textContent()).toContain(locale === 'en' ? 'Claim the birth grant' : 'prime');
        await audit(`/${locale}/manage/assessment/${ORGANISATION}`);

        // One service's months, chosen with the form (a GET: no script needed).
        await page.selectOption('#series-service', SLUG);
        await page.getByRole('button', { name: t('dashboard.series.show'), exact: true }).click();
        await page.waitForURL(`**/${locale}/manage/assessment/${ORGANISATION}?service=${SLUG}#series`);
        const chart = page.locator('svg[role="img"]');
        const labelledBy = await chart.getAttribute('aria-labelledby');
        expect(await page.locator(`[id="${labelledBy}"]`).textContent()).not.toBe('');
        expect(await page.locator('#series-chart-table tbody tr').count()).toBe(12);
        await audit(`/${locale}/manage/assessment/${ORGANISATION}?service=${SLUG}`);

        // The CSV export.
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').first().click()]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`^assessment-${ORGANISATION}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
        const chunks: Buffer[] = [];
        for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
        const csv = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/^\uFEFF/, '');
        expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
        expect(csv).toContain(`\r\n${SLUG},`);

        // At 320 px the wide table scrolls in its own region; the page does not.
        await page.setViewportSize({ width: 320, height: 800 });
        await page.goto(ecoop.url(`/${locale}/manage/assessment/${ORGANISATION}`));
        const overflow = await horizontalOverflow(page);
        reportProblems('overflow at 320 px', overflow ? [describeOverflow(overflow, 320)] : []);

        await report(locale);
      } finally {
        await context.close();
      }
    });

    it(`anyone reads the public results, also at 320 px (${locale})`, async () => {
      const t = translator(locale);
      const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      try {
        const page = await context.newPage();
        const { audit, report } = auditor(page);
        await page.goto(ecoop.url(`/${locale}/results`));
        await audit(`/${locale}/results`);
        await page.locator(`a[href="/${locale}/organisations/${ORGANISATION}/results"]`).click();
        await page.waitForURL(`**/${locale}/organisations/${ORGANISATION}/results`);
        await audit(`/${locale}/organisations/${ORGANISATION}/results`);
        await page.locator(`a[href="/${locale}/services/${SLUG}/results"]`).click();
        await page.waitForURL(`**/${locale}/services/${SLUG}/results`);
        expect(await page.locator('main').textContent()).toContain(t('results.kpi.satisfaction'));
        expect(await page.locator('main').textContent()).not.toContain('e2e-dashboard-citizen');
        await audit(`/${locale}/services/${SLUG}/results`);

        // At 320 px only tables scroll, in their own region; the page itself does not.
        await page.setViewportSize({ width: 320, height: 800 });
        const overflows: string[] = [];
        for (const path of [
          `/${locale}/results`,
          `/${locale}/organisations/${ORGANISATION}/results`,
          `/${locale}/services/${SLUG}/results`,
        ]) {
          await page.goto(ecoop.url(path));
          const overflow = await horizontalOverflow(page);
          if (overflow) overflows.push(`${path}\n${describeOverflow(overflow, 320)}`);
          const chart = page.locator('svg[role="img"]');
          const box = (await chart.count()) > 0 ? await chart.first().boundingBox() : null;
          // As wide as the column allows, so its text stays readable (its labels are 13 units of 320).
          if (box && (box.width > 320 || box.width < 270)) overflows.push(`${path}: the chart is ${box.width} px wide`);
        }
        reportProblems('overflow at 320 px', overflows);
        await report(locale);
      } finally {
        await context.close();
      }
    });
  }
});
