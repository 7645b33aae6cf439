/**
 * Co-assessment, the organisation's dashboard: the services that need attention (low satisfaction,
 * open problems, falling trend); only the organisation's officials and admins open it and its CSV
 * export, whose figures match and whose formulas are neutralised; no N+1 queries; exports limited per
 * address. The figures come from the same data as the public results' tests.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { TestClient } from '../accounts/testing.js';
import { monthsBefore } from './assessment.queries.js';
import { CSV_COLUMNS } from './dashboard-csv.js';
import { loadFigures, loadOrganisationFigures, recentSeries } from './dashboard.queries.js';
import { monthOfDate, needsAttention } from './dashboard.rules.js';
import {
  answerReviewAfterThreeDays,
  assessKpiService,
  createDraftService,
  reportProblemsOfAllAges,
  useDashboardApp,
} from './testing/dashboard-app.js';

describeEachDatabase('co-assessment: dashboard', (dialect) => {
  const f = useDashboardApp(dialect);
  const { person, assess } = f;

  beforeAll(async () => {
    // The kpi service's assessments, a draft service, the problem service's reports and answered review.
    await assessKpiService(f);
    await createDraftService(f);
    const now = new Date();
    await reportProblemsOfAllAges(f, now);
    await answerReviewAfterThreeDays(f, now);
  });

  it('finds the services that need attention: low satisfaction, open problems, falling trend', async () => {
    const now = new Date();
    const month = monthOfDate(now);
    const inMonth = (m: string) => new Date(`${m}-10T12:00:00Z`);
    // Falling: 3 very satisfied people four months ago, 3 dissatisfied this month.
    for (const u of f.users.slice(0, 3)) await assess(u, 'test-trend-service', { satisfaction: 5 }, inMonth(monthsBefore(month, 4)));
    for (const u of f.users.slice(3, 6)) await assess(u, 'test-trend-service', { satisfaction: 2 }, inMonth(month));
    const ids = Object.values(f.services);
    const { byService } = await loadFigures(f.app.db, ids, now);
    const rows = ids.map((id) => ({ id, figures: byService.get(id)! }));
    const attention = needsAttention(rows);
    expect(byService.get(f.services['test-trend-service']!)!.trend).toMatchObject({ before: 5, recent: 2, falling: true });
    expect(attention.falling.map((r) => r.id)).toEqual([f.services['test-trend-service']]);
    expect(attention.openProblems.map((r) => r.id)).toEqual([f.services['test-problem-service']]);
    // 6 assessments, mean 3.5: not below the threshold; the kpi service has only 3 assessments.
    expect(attention.lowSatisfaction).toEqual([]);
    // One more unhappy person: 7 assessments, mean 22/7 < 3.5.
    await assess(f.users[6]!, 'test-trend-service', { satisfaction: 1 }, inMonth(month));
    const fresh = await loadFigures(f.app.db, ids, now);
    const low = needsAttention(ids.map((id) => ({ id, figures: fresh.byService.get(id)! }))).lowSatisfaction;
    expect(low.map((r) => r.id)).toEqual([f.services['test-trend-service']]);
  });

  it('only the organisation’s officials and admins open its dashboard and export', async () => {
    const officialOfA = await person([{ role: 'official', scopeType: 'organisation', scopeId: f.orgA }]);
    const officialOfB = await person([{ role: 'official', scopeType: 'organisation', scopeId: f.orgB }]);
    const officialOfBoth = await person([
      { role: 'official', scopeType: 'organisation', scopeId: f.orgA },
      { role: 'official', scopeType: 'organisation', scopeId: f.orgB },
    ]);
    const admin = await person([{ role: 'admin' }]);
    const someone = await person();
    const anonymous = new TestClient(f.app);
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
    const officialOfA = await person([{ role: 'official', scopeType: 'organisation', scopeId: f.orgA }]);
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
      const before = f.app.database.queryCount();
      const figures = await loadOrganisationFigures(f.app.db, organisationId, 'dashboard', new Date());
      await recentSeries(
        f.app.db,
        figures.services.map((s) => s.id),
        new Date(),
      );
      return { queries: f.app.database.queryCount() - before, services: figures.services.length };
    };
    const [many, one] = [await cost(f.orgA), await cost(f.orgB)];
    expect(many.services).toBeGreaterThan(one.services);
    expect(many.queries).toBe(one.queries);
  });

  it('limits exports per address', async () => {
    const client = await person([{ role: 'official', scopeType: 'organisation', scopeId: f.orgA }]);
    const limited = new TestClient(f.app, '10.9.8.7');
    limited.cookies.set('ecoop_session', client.cookies.get('ecoop_session')!);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await limited.get('/en/manage/assessment/test-results-office/export.csv')).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
