/**
 * A problem with an e-service, reported and followed to "fixed", in a browser, in both languages:
 * a citizen reports a problem with a demo service (first with a mistake, then properly), an official
 * of the organisation responsible finds it in their list, moves it to "in progress" then "fixed"
 * with notes, and the citizen sees the public timeline, is asked "Is it fixed?" and reopens it. axe
 * finds nothing on any page visited, and the Nu HTML Checker finds no error in them.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../src/platform/i18n.js';
import { pageAuditor, signInAsNewOfficial } from './journey.js';
import { connectBrowser, startEcoop, type E2EApp } from './support.js';

/** A service of the family allowance office. */
const SLUG = 'housing-allowance';

let ecoop: E2EApp;
let browser: Browser;

beforeAll(async () => {
  [ecoop, browser] = await Promise.all([startEcoop(), connectBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await ecoop?.close();
});

describe('a citizen reports a problem and follows it to "fixed"', () => {
  for (const locale of ['en', 'fr'] as const) {
    it(`reports, an official fixes it with notes, the citizen sees the timeline and reopens it (${locale})`, async () => {
      const t = translator(locale);
      const { audit, report } = pageAuditor();
      const citizenContext = await browser.newContext({ viewport: { width: 800, height: 900 } });
      const officialContext = await browser.newContext({ viewport: { width: 1024, height: 900 } });
      try {
        await ecoop.signIn(citizenContext, []);
        await signInAsNewOfficial(ecoop, officialContext, 'family-allowance-office');
        const citizen = await citizenContext.newPage();
        const official = await officialContext.newPage();

        // The service's list of problems, then the form.
        await citizen.goto(ecoop.url(`/${locale}/services/${SLUG}/problems`));
        await audit(citizen, `/${locale}/services/${SLUG}/problems`);
        await citizen.getByRole('link', { name: t('problems.list.report'), exact: true }).click();
        await citizen.waitForURL(`**/${locale}/services/${SLUG}/problems/new`);
        await audit(citizen, `/${locale}/services/${SLUG}/problems/new`);

        // Sent without a kind of problem: the error summary, and the text kept.
        const description =
          locale === 'en'
            ? 'The “Apply online” button leads to a page that says “Service unavailable”.'
            : 'Le bouton « Faire la demande en ligne » mène à une page « Service indisponible ».';
        await citizen.getByLabel(t('problems.form.descriptionLabel')).fill(description);
        await citizen.getByRole('button', { name: t('problems.form.submit'), exact: true }).click();
        await citizen.waitForSelector('.error-summary');
        expect(await citizen.locator('.error-summary a[href="#problem-category"]').count()).toBe(1);
        expect(await citizen.inputValue('#problem-description')).toBe(description);
        await audit(citizen, `/${locale}/services/${SLUG}/problems/new (422)`);

        await citizen.getByLabel(t('problems.category.broken_link'), { exact: true }).check();
        await citizen.getByRole('button', { name: t('problems.form.submit'), exact: true }).click();
        await citizen.waitForURL(/\/problems\/\d+\?done=created$/);
        const id = Number(/\/problems\/(\d+)/.exec(citizen.url())![1]);
        expect(await citizen.locator('#problem-done').textContent()).toContain(t('problems.report.done.created'));
        expect(await citizen.locator('main').textContent()).toContain(description);
        await audit(citizen, `/${locale}/problems/${id}?done=created`);

        // The official finds it among their organisation's reports and moves it on, with notes.
        await official.goto(ecoop.url(`/${locale}/manage/problems`));
        await audit(official, `/${locale}/manage/problems`);
        await official.locator(`a[href="/${locale}/manage/problems/${id}"]`).click();
        await official.waitForURL(`**/${locale}/manage/problems/${id}`);
        await audit(official, `/${locale}/manage/problems/${id}`);
        const progressNote =
          locale === 'en'
            ? 'We have asked our web team to look at the button.'
            : 'Nous avons demandé à notre équipe web de regarder le bouton.';
        await official.selectOption('#triage-status', 'in_progress');
        await official.getByLabel(t('problems.triage.noteLabel'), { exact: false }).fill(progressNote);
        await official.getByRole('button', { name: t('problems.triage.submit'), exact: true }).click();
        await official.waitForURL(`**/${locale}/manage/problems/${id}?done=saved`);
        expect(await official.locator('#triage-done').textContent()).toContain(t('problems.triage.done'));
        await audit(official, `/${locale}/manage/problems/${id}?done=saved`);
        const fixedNote = locale === 'en' ? 'The button works again.' : 'Le bouton fonctionne de nouveau.';
        await official.selectOption('#triage-status', 'fixed');
        await official.getByLabel(t('problems.triage.noteLabel'), { exact: false }).fill(fixedNote);
        await official.getByRole('button', { name: t('problems.triage.submit'), exact: true }).click();
        await official.waitForURL(`**/${locale}/manage/problems/${id}?done=saved`);

        // The citizen sees the timeline with both notes, and is asked whether it is fixed.
        await citizen.goto(ecoop.url(`/${locale}/problems/${id}`));
        const main = (await citizen.locator('main').textContent())!;
        expect(main).toContain(progressNote);
        expect(main).toContain(fixedNote);
        expect(main).toContain(t('problems.status.fixed'));
        expect(await citizen.locator('.timeline > li').count()).toBe(3);
        await audit(citizen, `/${locale}/problems/${id} (fixed, reporter)`);
        await citizen
          .getByLabel(t('problems.report.fixed.noteLabel'), { exact: false })
          .fill(locale === 'en' ? 'It fails again on my phone.' : 'Cela échoue encore sur mon téléphone.');
        await citizen.getByRole('button', { name: t('problems.report.fixed.no'), exact: true }).click();
        await citizen.waitForURL(`**/${locale}/problems/${id}?done=reopened`);
        expect(await citizen.locator('.timeline > li').count()).toBe(4);
        await audit(citizen, `/${locale}/problems/${id}?done=reopened`);

        await report(`problems ${locale}`);
      } finally {
        await citizenContext.close();
        await officialContext.close();
      }
    });
  }
});
