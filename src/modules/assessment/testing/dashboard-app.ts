/**
 * The fixture of the dashboard and public results' integration tests (imported by tests only): two
 * organisations of the tests' own (so demo data never mixes in) with four published services, eight
 * assessors, and the data the tests' figures come from, which several test files build alike.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp, type TestDialect } from '../../../../test/support.js';
import { nowIso } from '../../../db/dialect.js';
import { demoServiceInput } from '../../catalogue/catalogue.service.js';
import { DEMO_SERVICES } from '../../catalogue/demo-data.js';
import { createService } from '../../catalogue/index.js';
import type { AssessmentInput } from '../assessment.model.js';
import { submitAssessment } from '../assessments.service.js';
import { createProblemReport, triageProblemReport } from '../problems.service.js';
import { anAssessment, citizen, insertUsers, official } from '../testing.js';
import { signedInPerson, type RoleGrant, type SignedInPerson } from './signed-in.js';

/** A day, in milliseconds. */
export const DAY = 24 * 60 * 60 * 1000;

const audit = { actorId: null, requestId: 'test', ip: null };
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY);

/** What the dashboard's tests share; its fields are set once the suite's `beforeAll` ran. */
export interface DashboardFixture {
  app: FastifyInstance;
  /** The results office (three services: kpi, problem, trend) and the other office (one service). */
  orgA: number;
  orgB: number;
  /** Eight verified assessors (`dashboard-assessor …`), who never sign in. */
  users: number[];
  /** The test services' ids by slug. */
  services: Record<string, number>;
  /** How many people `person` made so far (for unique addresses). */
  people: number;
  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  person(roles?: RoleGrant[]): Promise<SignedInPerson>;
  /** Submits `user`'s assessment of the service `slug` (a valid one, with `over`), now or at `now`. */
  assess(user: number, slug: string, over: Partial<AssessmentInput>, now?: Date): ReturnType<typeof submitAssessment>;
}

/** Registers the dashboard fixture's `beforeAll` and `afterAll` in the calling suite. */
export function useDashboardApp(dialect: TestDialect): DashboardFixture {
  let t: TestApp;
  const f: DashboardFixture = {
    app: undefined as never,
    orgA: 0,
    orgB: 0,
    users: [],
    services: {},
    people: 0,
    person: (roles = []) => {
      f.people += 1;
      return signedInPerson(f.app, {
        email: `dash${f.people}-${dialect}@example.org`,
        displayName: `Dashboard Person ${f.people}`,
        roles,
      });
    },
    assess: (user, slug, over, now) =>
      submitAssessment(f.app.db, citizen(user), f.services[slug]!, anAssessment(over), { locale: 'en', ...(now ? { now } : {}) }),
  };

  /** An organisation of the test's own, so demo data never mixes in. */
  const insertOrganisation = async (slug: string, name: string) => {
    const now = nowIso();
    const row = await f.app.db
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
      f.app.db,
      'cli',
      { ...demoServiceInput(DEMO_SERVICES[0]!), identifier: undefined, slug, organisation, name: { en: name, fr: `${name} (fr)` } },
      { defaultLocale: 'en', audit: {}, status: 'published' },
    );
    f.services[slug] = record.id;
    return record.id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    f.app = t.app;
    f.orgA = await insertOrganisation('test-results-office', 'Results Office');
    f.orgB = await insertOrganisation('test-other-office', 'Other Office');
    await publishService('test-kpi-service', 'test-results-office', 'Apply for a kpi permit');
    await publishService('test-problem-service', 'test-results-office', 'Report a pothole');
    await publishService('test-trend-service', 'test-results-office', '=HYPERLINK("http://evil.example","click"), "quoted"');
    await publishService('test-other-service', 'test-other-office', 'Another office service');
    f.users = await insertUsers(t.app.db, 8, 'dashboard-assessor');
  });
  afterAll(() => t.close());
  return f;
}

/** Three people's assessments of the kpi service (satisfaction 5, 4 and 3; one reviewed), one of them given twice. */
export async function assessKpiService(f: DashboardFixture): Promise<void> {
  const { assess, users } = f;
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
}

/** A draft service of the results office `test-draft-service`, which has no public results. */
export function createDraftService(f: DashboardFixture): ReturnType<typeof createService> {
  return createService(
    f.app.db,
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
}

/**
 * Five problem reports of the problem service, 2, 10, 20, 40 and 100 days before `now`, with a
 * contact; the 40-day one acknowledged a day after, the 20-day one fixed two days after.
 */
export async function reportProblemsOfAllAges(f: DashboardFixture, now: Date) {
  const { users } = f;
  const id = f.services['test-problem-service']!;
  const ago = (days: number) => daysBefore(now, days);
  const report = (days: number, description: string) =>
    createProblemReport(
      f.app.db,
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
  const officialA = official(users[7]!, [f.orgA]);
  const r2 = await report(2, 'The link to the form is broken.');
  await report(10, 'The page shows an error message.');
  const r40 = await report(40, 'Old information on the page.');
  await report(100, 'The form cannot be used with a keyboard.');
  const r20 = await report(20, 'The upload button does nothing.');
  // First answers: 1 day after for r40 (still open), 2 days after for r20 (fixed); the others wait.
  await triageProblemReport(f.app.db, officialA, r40.id, { status: 'acknowledged', note: undefined }, audit, { now: ago(39) });
  await triageProblemReport(f.app.db, officialA, r20.id, { status: 'fixed', note: 'Fixed the button.' }, audit, { now: ago(18) });
  // A later note does not change the first answer.
  await triageProblemReport(f.app.db, officialA, r20.id, { note: 'Thank you for telling us.' }, audit, { now: ago(1) });
  return { r2, r20, r40 };
}

/** A review of the problem service, written five days before `now` and answered three days after. */
export async function answerReviewAfterThreeDays(f: DashboardFixture, now: Date): Promise<void> {
  const { id: assessmentId } = await f.assess(f.users[4]!, 'test-problem-service', { review: 'Hard to find.' }, daysBefore(now, 5));
  await f.app.db
    .updateTable('assessments')
    .set({ answer: 'Thanks, we moved the link.', answer_by: f.users[7]!, answered_at: nowIso(daysBefore(now, 2)) })
    .where('id', '=', assessmentId)
    .execute();
}
