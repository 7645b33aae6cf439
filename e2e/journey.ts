/**
 * What the browser journeys share: an auditor that runs axe on each page a journey reaches and
 * hands every document to the Nu HTML Checker at the end, and signing a context in as a new
 * official of an organisation or mediator of a place (two-factor on, so the role is in effect).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { createUserWithRoles, DEMO_TOTP_SECRET } from '../src/modules/accounts/index.js';
import { createSession, sessionCookieName } from '../src/platform/session.js';
import { axeViolations, describeAxeFindings, type AxeFinding } from './checks.js';
import { checkHtml, describeHtmlErrors, type HtmlDocument } from './html-validity.js';
import { reportProblems, type E2EApp } from './support.js';

/** Collects axe findings and the HTML of each page it is asked to audit; `report` fails on any. */
export function pageAuditor() {
  const findings: { path: string; findings: AxeFinding[] }[] = [];
  const documents: HtmlDocument[] = [];
  return {
    audit: async (page: Page, label: string) => {
      findings.push({ path: label, findings: await axeViolations(page) });
      documents.push({ label, html: await page.content() });
    },
    report: async (what: string) => {
      reportProblems(`axe violations (${what})`, describeAxeFindings(findings));
      reportProblems(`Nu HTML Checker errors (${what})`, describeHtmlErrors(await checkHtml(documents)));
    },
  };
}

let staff = 0;

/**
 * Signs `context` in as a new holder of a scoped staff role (an official of an organisation, a
 * mediator of a place, by slug), two-factor on so the role is in effect; returns their id and email.
 */
export async function signInAsNewStaff(
  ecoop: E2EApp,
  context: BrowserContext,
  role: 'official' | 'mediator',
  scopeSlug: string,
  locale: 'en' | 'fr' = 'en',
): Promise<{ userId: number; email: string }> {
  staff += 1;
  const scope =
    role === 'official'
      ? await ecoop.db.selectFrom('organisations').select('id').where('slug', '=', scopeSlug).executeTakeFirstOrThrow()
      : await ecoop.db.selectFrom('places').select('id').where('slug', '=', scopeSlug).executeTakeFirstOrThrow();
  const email = `e2e-${role}-${process.pid}-${staff}@example.test`;
  const userId = await createUserWithRoles(ecoop.db, {
    email,
    displayName: `E2E ${role} ${staff}`,
    password: 'e2e correct horse battery staple',
    locale,
    roles: [{ role, scopeType: role === 'official' ? 'organisation' : 'place', scopeId: scope.id }],
    twoFactorSecret: DEMO_TOTP_SECRET,
  });
  const token = await createSession(ecoop.db, userId);
  await context.addCookies([{ name: sessionCookieName(false), value: token, url: ecoop.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return { userId, email };
}

/** Signs `context` in as a new official of the organisation `organisationSlug`; returns their user id. */
export async function signInAsNewOfficial(ecoop: E2EApp, context: BrowserContext, organisationSlug: string): Promise<number> {
  return (await signInAsNewStaff(ecoop, context, 'official', organisationSlug)).userId;
}
