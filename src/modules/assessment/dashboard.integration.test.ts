import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { nowIso } from '../../db/dialect.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { demoServiceInput } from '../catalogue/catalogue.service.js';
import { DEMO_SERVICES } from '../catalogue/demo-data.js';
import { createService } from '../catalogue/index.js';
import type { AssessmentInput } from './assessment.model.js';
import { monthsBefore } from './assessment.queries.js';
import { submitAssessment } from './assessments.service.js';
import { csvCell, CSV_COLUMNS } from './dashboard-csv.js';
import { answerSamples, loadFigures, loadOrganisationFigures, openProblemsByAge, recentSeries } from './dashboard.queries.js';
import { answerTimesOf, ATTENTION, median, monthOfDate, needsAttention, trendOf, type ServiceFigures } from './dashboard.rules.js';
import { createProblemReport, triageProblemReport } from './problems.service.js';
import { anAssessment, citizen, insertUsers, official } from './testing.js';

const DAY = 24 * 60 * 60 * 1000;
const audit = { actorId: null, requestId: 'test', ip: null };

describeEachDatabase('co-assessment: dashboard and public results', (dialect) => {
  let t: TestApp;
  let orgA: number;
  let orgB: number;
  let users: number[];
  const services: Record<string, number> = {};
  let people = 0;

  /** An organisation of the test's own, so demo data never mixes in. */
  const insertOrganisation = async (slug: string, name: string) => {
    const now = nowIso();
    const row = await t.app.db
      .insertInto('organisations')
      .values({
        slug,
        name: JSON.stringify({ en: name, fr: `${name} (fr)` }),
        kind: 'agency',
        municipality_id: null,
        website: null,
        email: null,
        phone: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const publishService = async (slug: string, organisation: string, name: string) => {
    const record = await createService(
      t.app.db,
      'cli',
      { ...demoServiceInput(DEMO_SERVICES[0]!), identifier: undefined, slug, organisation, name: { en: name, fr: `${name} (fr)` } },
      { defaultLocale: 'en', audit: {}, status: 'published' },
    );
    services[slug] = record.id;
    return record.id;
  };
  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[] = []) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `dash${people}-${dialect}@example.org`,
      displayName: `Dashboard Person ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId });
  };
  const assess = (user: number, slug: string, over: Partial<AssessmentInput>, now?: Date) =>
    submitAssessment(t.app.db, citizen(user), services[slug]!, anAssessment(over), { locale: 'en', ...(now ? { now } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    orgA = await insertOrganisation('test-results-office', 'Results Office');
    orgB = await insertOrganisation('test-other-office', 'Other Office');
    await publishService('test-kpi-service', 'test-results-office', 'Apply for a kpi permit');
    await publishService('test-problem-service', 'test-results-office', 'Report a pothole');
    await publishService('test-trend-service', 'test-results-office', '=HYPERLINK("http://evil.example","click"), "quoted"');
    await publishService('test-other-service', 'test-other-office', 'Another office service');
    users = await insertUsers(t.app.db, 8, 'dashboard-assessor');
  });
  afterAll(() => t.close());

  it('the KPIs are those of the assessments people gave, on the public results pages too', async () => {
    await assess(users[0]!, 'test-kpi-service', {
      satisfaction: 5,
      find: 5,
      use: 4,
      works: 5,
      accessible: 3,
      completion: 'yes',
      usage: 'alone',
      review: 'Quick and easy.',
    });
    await assess(users[1]!, 'test-kpi-service', {
      satisfaction: 4,
      find: 3,
      use: 4,
      works: 3,
      accessible: 3,
      completion: 'partly',
      usage: 'helped',
    });
    await assess(users[2]!, 'test-kpi-service', {
      satisfaction: 1,
      find: 1,
      use: 1,
      works: 1,
      accessible: 3,
      completion: 'no',
      usage: 'dps',
    });
    // A change of mind replaces the earlier assessment: the latest counts.
    await assess(users[2]!, 'test-kpi-service', {
      satisfaction: 3,
      find: 1,
      use: 1,
      works: 1,
      accessible: 3,
      completion: 'no',
      usage: 'dps',
    });
    const id = services['test-kpi-service']!;
    const { total } = await loadFigures(t.app.db, [id], new Date());
    expect(total.kpis.assessments).toBe(3);
    expect(total.kpis.satisfaction).toBeCloseTo(4, 10);
    expect(total.kpis.criteria.find).toBeCloseTo(3, 10);
    expect(total.kpis.criteria.accessible).toBeCloseTo(3, 10);
    expect(total.kpis.completionRate).toBeCloseTo(1 / 3, 10);
    expect(total.kpis.helpShare).toBeCloseTo(2 / 3, 10);
    expect(total.kpis.reviews).toBe(1);
    const series = await recentSeries(t.app.db, [id], new Date());
    expect(series).toHaveLength(12);
    expect(series.at(-1)).toMatchObject({ month: monthOfDate(new Date()), counters: { assessments: 3, satisfaction_sum: 12 } });

    const page = await t.app.inject({ url: '/en/services/test-kpi-service/results' });
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
    const fr = await t.app.inject({ url: '/fr/services/test-kpi-service/results' });
    expect(fr.statusCode).toBe(200);
    expect(fr.body).toContain('Satisfait (4,0 sur 5)');

    const org = await t.app.inject({ url: '/en/organisations/test-results-office/results' });
    expect(org.statusCode).toBe(200);
    expect(org.body).toContain('href="/en/services/test-kpi-service/results"');
    expect(org.body).not.toContain('dashboard-assessor');
    const index = await t.app.inject({ url: '/en/results' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain('href="/en/organisations/test-results-office/results"');
  });

  it('public results exist only for published services and known organisations', async () => {
    const draft = await createService(
      t.app.db,
      'cli',
      {
        ...demoServiceInput(DEMO_SERVICES[0]!),
        identifier: undefined,
        slug: 'test-draft-service',
        organisation: 'test-results-office',
        name: { en: 'A draft' },
      },
      { defaultLocale: 'en', audit: {} },
    );
    expect(draft.status).toBe('draft');
    expect((await t.app.inject({ url: '/en/services/test-draft-service/results' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/services/no-such-service/results' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/services/Bad%20Slug/results' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/organisations/no-such-office/results' })).statusCode).toBe(404);
    const org = await t.app.inject({ url: '/en/organisations/test-results-office/results' });
    expect(org.body).not.toContain('test-draft-service');
  });

  it('counts open problems by age and the median time to a first answer, with controlled dates', async () => {
    const id = services['test-problem-service']!;
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    const report = (days: number, description: string) =>
      createProblemReport(
        t.app.db,
        {
          serviceId: id,
          reporterId: users[3]!,
          locale: 'en',
          source: 'web',
          category: 'broken_link',
          description,
          contactEmail: 'reporter@example.org',
          contactName: 'Reporter Person',
        },
        { now: ago(days) },
      );
    const officialA = official(users[7]!, [orgA]);
    const r2 = await report(2, 'The link to the form is broken.');
    await report(10, 'The page shows an error message.');
    const r40 = await report(40, 'Old information on the page.');
    await report(100, 'The form cannot be used with a keyboard.');
    const r20 = await report(20, 'The upload button does nothing.');
    // First answers: 1 day after for r40 (still open), 2 days after for r20 (fixed); the others wait.
    await triageProblemReport(t.app.db, officialA, r40.id, { status: 'acknowledged', note: undefined }, audit, { now: ago(39) });
    await triageProblemReport(t.app.db, officialA, r20.id, { status: 'fixed', note: 'Fixed the button.' }, audit, { now: ago(18) });
    // A later note does not change the first answer.
    await triageProblemReport(t.app.db, officialA, r20.id, { note: 'Thank you for telling us.' }, audit, { now: ago(1) });
    expect(r2.id).toBeGreaterThan(0);

    const ages = (await openProblemsByAge(t.app.db, [id], now)).get(id);
    expect(ages).toEqual({ under7: 1, from7to30: 1, from30to90: 1, over90: 1 });
    const samples = await answerSamples(t.app.db, [id], now);
    const times = answerTimesOf(samples, [id]);
    expect(times.problemCount).toBe(2);
    expect(times.problems).toBe(1.5 * DAY);
    expect(times.reviews).toBeNull();

    // A review answered three days after it was written.
    const { id: assessmentId } = await assess(users[4]!, 'test-problem-service', { review: 'Hard to find.' }, ago(5));
    await t.app.db
      .updateTable('assessments')
      .set({ answer: 'Thanks, we moved the link.', answer_by: users[7]!, answered_at: nowIso(ago(2)) })
      .where('id', '=', assessmentId)
      .execute();
    const withReview = answerTimesOf(await answerSamples(t.app.db, [id], now), [id]);
    expect(withReview).toMatchObject({ reviews: 3 * DAY, reviewCount: 1 });

    const { total } = await loadFigures(t.app.db, [id], now);
    expect(total.kpis).toMatchObject({ openProblems: 4, fixedProblems: 1, problems: 5 });
    const page = await t.app.inject({ url: '/en/services/test-problem-service/results' });
    expect(page.body).toContain('1.5 days');
    expect(page.body).not.toContain('reporter@example.org');
    expect(page.body).not.toContain('Reporter Person');
    expect(page.body).not.toContain('Fixed the button');
  });

  it('finds the services that need attention: low satisfaction, open problems, falling trend', async () => {
    const now = new Date();
    const month = monthOfDate(now);
    const inMonth = (m: string) => new Date(`${m}-10T12:00:00Z`);
    // Falling: 3 very satisfied people four months ago, 3 dissatisfied this month.
    for (const u of users.slice(0, 3)) await assess(u, 'test-trend-service', { satisfaction: 5 }, inMonth(monthsBefore(month, 4)));
    for (const u of users.slice(3, 6)) await assess(u, 'test-trend-service', { satisfaction: 2 }, inMonth(month));
    const ids = Object.values(services);
    const { byService } = await loadFigures(t.app.db, ids, now);
    const rows = ids.map((id) => ({ id, figures: byService.get(id)! }));
    const attention = needsAttention(rows);
    expect(byService.get(services['test-trend-service']!)!.trend).toMatchObject({ before: 5, recent: 2, falling: true });
    expect(attention.falling.map((r) => r.id)).toEqual([services['test-trend-service']]);
    expect(attention.openProblems.map((r) => r.id)).toEqual([services['test-problem-service']]);
    // 6 assessments, mean 3.5: not below the threshold; the kpi service has only 3 assessments.
    expect(attention.lowSatisfaction).toEqual([]);
    // One more unhappy person: 7 assessments, mean 22/7 < 3.5.
    await assess(users[6]!, 'test-trend-service', { satisfaction: 1 }, inMonth(month));
    const fresh = await loadFigures(t.app.db, ids, now);
    const low = needsAttention(ids.map((id) => ({ id, figures: fresh.byService.get(id)! }))).lowSatisfaction;
    expect(low.map((r) => r.id)).toEqual([services['test-trend-service']]);
  });

  it('only the organisation’s officials and admins open its dashboard and export', async () => {
    const officialOfA = await person([{ role: 'official', scopeType: 'organisation', scopeId: orgA }]);
    const officialOfB = await person([{ role: 'official', scopeType: 'organisation', scopeId: orgB }]);
    const officialOfBoth = await person([
      { role: 'official', scopeType: 'organisation', scopeId: orgA },
      { role: 'official', scopeType: 'organisation', scopeId: orgB },
    ]);
    const admin = await person([{ role: 'admin' }]);
    const someone = await person();
    const anonymous = new TestClient(t.app);
    const dashboard = '/en/manage/assessment/test-results-office';

    const signIn = await anonymous.get(dashboard);
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(dashboard)}`);
    expect((await anonymous.get(`${dashboard}/export.csv`)).statusCode).toBe(303);
    expect((await someone.get(dashboard)).statusCode).toBe(403);
    expect((await someone.get('/en/manage/assessment')).statusCode).toBe(403);
    expect((await someone.get(`${dashboard}/export.csv`)).statusCode).toBe(403);
    expect((await officialOfB.get(dashboard)).statusCode).toBe(403);
    expect((await officialOfB.get(`${dashboard}/export.csv`)).statusCode).toBe(403);
    expect((await officialOfA.get('/en/manage/assessment/no-such-office')).statusCode).toBe(404);

    // An official of one organisation goes straight to it; of several, chooses.
    const start = await officialOfA.get('/en/manage/assessment');
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe(dashboard);
    const choose = await officialOfBoth.get('/en/manage/assessment');
    expect(choose.statusCode).toBe(200);
    expect(choose.body).toContain('href="/en/manage/assessment/test-other-office"');
    expect(choose.body).toContain(`href="${dashboard}"`);
    expect(choose.body).not.toContain('href="/en/manage/assessment/family-allowance-office"');
    const all = await admin.get('/fr/manage/assessment');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('href="/fr/manage/assessment/family-allowance-office"');

    const page = await officialOfA.get(dashboard);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    expect(page.body).toContain('Dashboard: Results Office');
    expect(page.body).toContain('href="/en/manage/assessment/test-results-office?service=test-kpi-service#series"');
    expect(page.body).not.toContain('test-other-service');
    expect((await admin.get(dashboard)).statusCode).toBe(200);
    expect((await officialOfB.get('/en/manage/assessment/test-other-office')).statusCode).toBe(200);

    // A service's series, chosen without JavaScript; an unknown choice shows the organisation's.
    const one = await officialOfA.get(`${dashboard}?service=test-kpi-service`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Satisfaction and assessments by month: Apply for a kpi permit');
    expect(one.body).toMatch(/<option value="test-kpi-service" selected/);
    const other = await officialOfA.get(`${dashboard}?service=test-other-service`);
    expect(other.body).toContain('Satisfaction and assessments by month: Results Office');
  });

  it('exports the figures as CSV, with formula injection neutralised', async () => {
    const officialOfA = await person([{ role: 'official', scopeType: 'organisation', scopeId: orgA }]);
    const response = await officialOfA.get('/en/manage/assessment/test-results-office/export.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="assessment-test-results-office-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const kpi = lines.find((l) => l.startsWith('test-kpi-service,'))!.split(',');
    const cell = (name: (typeof CSV_COLUMNS)[number]) => kpi[CSV_COLUMNS.indexOf(name)];
    expect(cell('name')).toBe('Apply for a kpi permit');
    expect(cell('assessments')).toBe('3');
    expect(cell('satisfaction')).toBe('4.00');
    expect(cell('completion_rate')).toBe('0.333');
    expect(cell('help_share')).toBe('0.667');
    const problem = lines.find((l) => l.startsWith('test-problem-service,'))!.split(',');
    expect(problem[CSV_COLUMNS.indexOf('open_problems')]).toBe('4');
    expect(problem[CSV_COLUMNS.indexOf('median_days_to_first_answer')]).toBe('1.5');
    // The hostile name is quoted and starts with an apostrophe: a spreadsheet shows it as text.
    expect(response.body).toContain(`test-trend-service,"'=HYPERLINK(""http://evil.example"",""click""), ""quoted""",published,`);
    expect(response.body).not.toContain('test-other-service');
    expect(response.body).not.toContain('test-draft-service');
    // French names with the French page.
    const fr = await officialOfA.get('/fr/manage/assessment/test-results-office/export.csv');
    expect(fr.body).toContain('Apply for a kpi permit (fr)');
  });

  it('costs as many queries for an organisation of three services as for one of one (no N+1)', async () => {
    const cost = async (organisationId: number) => {
      const before = t.app.database.queryCount();
      const figures = await loadOrganisationFigures(t.app.db, organisationId, 'dashboard', new Date());
      await recentSeries(
        t.app.db,
        figures.services.map((s) => s.id),
        new Date(),
      );
      return { queries: t.app.database.queryCount() - before, services: figures.services.length };
    };
    const [many, one] = [await cost(orgA), await cost(orgB)];
    expect(many.services).toBeGreaterThan(one.services);
    expect(many.queries).toBe(one.queries);
  });

  it('limits exports per address', async () => {
    const client = await person([{ role: 'official', scopeType: 'organisation', scopeId: orgA }]);
    const limited = new TestClient(t.app, '10.9.8.7');
    limited.cookies.set('ecoop_session', client.cookies.get('ecoop_session')!);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await limited.get('/en/manage/assessment/test-results-office/export.csv')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('co-assessment: dashboard rules (pure)', () => {
  it('neutralises formulas and quotes what needs quoting in CSV cells', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('4.5')).toBe('4.5');
  });

  it('takes the median of an odd or even number of values', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('calls a trend falling only with enough assessments and a large enough fall', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const months = (entries: Record<string, [number, number]>) => new Map(Object.entries(entries).map(([m, [n, sum]]) => [m, { n, sum }]));
    // Before (Jan–Mar): 4 × 4.5; recent (Apr–Jun): 4 × 3.5 → falls by 1.
    expect(trendOf([months({ '2026-01': [2, 9], '2026-03': [2, 9], '2026-05': [2, 7], '2026-06': [2, 7] })], now)).toMatchObject({
      before: 4.5,
      recent: 3.5,
      falling: true,
    });
    // Too few assessments in the recent window.
    expect(trendOf([months({ '2026-01': [4, 18], '2026-06': [2, 2] })], now).falling).toBe(false);
    // A fall smaller than the threshold.
    expect(trendOf([months({ '2026-02': [4, 16], '2026-06': [4, 15] })], now).falling).toBe(false);
    // Months older than the two windows do not count.
    expect(trendOf([months({ '2025-12': [10, 50], '2026-06': [4, 4] })], now)).toMatchObject({ before: null, falling: false });
  });

  it('lists low satisfaction only from enough assessments, most open problems first', () => {
    const figures = (assessments: number, satisfaction: number | null, openProblems: number): ServiceFigures =>
      ({
        kpis: { assessments, satisfaction, openProblems },
        trend: { falling: false, recent: null, before: null },
      }) as unknown as ServiceFigures;
    const lists = needsAttention([
      { id: 1, figures: figures(ATTENTION.minAssessments, 2.1, 0) },
      { id: 2, figures: figures(ATTENTION.minAssessments - 1, 1, 3) },
      { id: 3, figures: figures(50, 3.4, 7) },
      { id: 4, figures: figures(50, 4.5, 1) },
    ]);
    expect(lists.lowSatisfaction.map((s) => s.id)).toEqual([1, 3]);
    expect(lists.openProblems.map((s) => s.id)).toEqual([3, 2, 4]);
    expect(lists.falling).toEqual([]);
  });
});
