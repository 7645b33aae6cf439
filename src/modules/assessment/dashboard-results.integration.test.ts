/**
 * Co-assessment, the public results: a service's KPIs are those of the assessments people gave (the
 * latest of each person), on the service's and organisation's results pages in English and French,
 * as aggregates only; results only for published services and known organisations; open problems by
 * age and the median time to a first answer, with controlled dates.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { answerSamples, loadFigures, openProblemsByAge, recentSeries } from './dashboard.queries.js';
import { answerTimesOf, monthOfDate } from './dashboard.rules.js';
import {
  answerReviewAfterThreeDays,
  assessKpiService,
  createDraftService,
  DAY,
  reportProblemsOfAllAges,
  useDashboardApp,
} from './testing/dashboard-app.js';

describeEachDatabase('co-assessment: public results', (dialect) => {
  const f = useDashboardApp(dialect);

  it('the KPIs are those of the assessments people gave, on the public results pages too', async () => {
    await assessKpiService(f);
    const id = f.services['test-kpi-service']!;
    const { total } = await loadFigures(f.app.db, [id], new Date());
    expect(total.kpis.assessments).toBe(3);
    expect(total.kpis.satisfaction).toBeCloseTo(4, 10);
    expect(total.kpis.criteria.find).toBeCloseTo(3, 10);
    expect(total.kpis.criteria.accessible).toBeCloseTo(3, 10);
    expect(total.kpis.completionRate).toBeCloseTo(1 / 3, 10);
    expect(total.kpis.helpShare).toBeCloseTo(2 / 3, 10);
    expect(total.kpis.reviews).toBe(1);
    const series = await recentSeries(f.app.db, [id], new Date());
    expect(series).toHaveLength(12);
    expect(series.at(-1)).toMatchObject({ month: monthOfDate(new Date()), counters: { assessments: 3, satisfaction_sum: 12 } });

    const page = await f.app.inject({ url: '/en/services/test-kpi-service/results' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Results: Apply for a kpi permit');
    expect(page.body).toContain('Satisfied (4.0 out of 5)');
    expect(page.body).toContain('33% did (1 partly, 1 not at all)');
    expect(page.body).toContain('href="/en/organisations/test-results-office/results"');
    expect(page.body).toContain('href="/en/services/test-kpi-service/problems"');
    expect(page.body).toMatch(/<svg role="img" aria-labelledby="series-title" aria-describedby="series-desc"/);
    // Aggregates only: no names, no emails, no review text.
    expect(page.body).not.toContain('dashboard-assessor');
    expect(page.body).not.toContain('@example');
    expect(page.body).not.toContain('Quick and easy');
    const fr = await f.app.inject({ url: '/fr/services/test-kpi-service/results' });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Satisfait (4,0 sur 5)');

    const org = await f.app.inject({ url: '/en/organisations/test-results-office/results' });
    expect(org.statusCode).toBe(200);
    expect(org.body).toContain('href="/en/services/test-kpi-service/results"');
    expect(org.body).not.toContain('dashboard-assessor');
    const index = await f.app.inject({ url: '/en/results' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('href="/en/organisations/test-results-office/results"');
  });

  it('public results exist only for published services and known organisations', async () => {
    const draft = await createDraftService(f);
    expect(draft.status).toBe('draft');
    expect((await f.app.inject({ url: '/en/services/test-draft-service/results' })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/en/services/no-such-service/results' })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/en/services/Bad%20Slug/results' })).statusCode).toBe(404);
    expect((await f.app.inject({ url: '/en/organisations/no-such-office/results' })).statusCode).toBe(404);
    const org = await f.app.inject({ url: '/en/organisations/test-results-office/results' });
    expect(org.body).not.toContain('test-draft-service');
  });

  it('counts open problems by age and the median time to a first answer, with controlled dates', async () => {
    const id = f.services['test-problem-service']!;
    const now = new Date();
    const { r2 } = await reportProblemsOfAllAges(f, now);
    expect(r2.id).toBeGreaterThan(0);

    const ages = (await openProblemsByAge(f.app.db, [id], now)).get(id);
    expect(ages).toEqual({ under7: 1, from7to30: 1, from30to90: 1, over90: 1 });
    const samples = await answerSamples(f.app.db, [id], now);
    const times = answerTimesOf(samples, [id]);
    expect(times.problemCount).toBe(2);
    expect(times.problems).toBe(1.5 * DAY);
    expect(times.reviews).toBeNull();

    // A review answered three days after it was written.
    await answerReviewAfterThreeDays(f, now);
    const withReview = answerTimesOf(await answerSamples(f.app.db, [id], now), [id]);
    expect(withReview).toMatchObject({ reviews: 3 * DAY, reviewCount: 1 });

    const { total } = await loadFigures(f.app.db, [id], now);
    expect(total.kpis).toMatchObject({ openProblems: 4, fixedProblems: 1, problems: 5 });
    const page = await f.app.inject({ url: '/en/services/test-problem-service/results' });
    expect(page.body).toContain('1.5 days');
    expect(page.body).not.toContain('reporter@example.org');
    expect(page.body).not.toContain('Reporter Person');
    expect(page.body).not.toContain('Fixed the button');
  });
});
