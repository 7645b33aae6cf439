/**
 * The fixture of the problem reports' integration tests (imported by tests only): an app on the
 * demo territory, a service of the family allowance office (A) and two of the city (B, B2), and
 * helpers to make people, file reports and read back counters, statuses and mails.
 */
import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp, type TestDialect } from '../../../../test/support.js';
import { deliverMail } from '../../accounts/testing.js';
import type { ProblemReportsTable } from '../assessment.tables.js';
import { createProblemReport } from '../problems.service.js';
import { signedInPerson, type RoleGrant, type SignedInPerson } from './signed-in.js';

/** The audit context of the service calls in these tests. */
export const CONTEXT = { actorId: null, requestId: 'test', ip: '127.0.0.1' };

type Service = { id: number; slug: string; organisationId: number };

/** What the problem reports' tests share; its fields are set once the suite's `beforeAll` ran. */
export interface ProblemsFixture {
  app: FastifyInstance;
  /** A service of the family allowance office (A) and two of the city (B). */
  serviceA: Service;
  serviceB: Service;
  serviceB2: Service;
  /** How many people `person` made so far (for unique addresses). */
  people: number;
  /** A user with these roles (2FA on, so privileged roles are in effect) and a signed-in client. */
  person(roles?: RoleGrant[]): Promise<SignedInPerson>;
  /** A signed-in official of this organisation. */
  officialOf(organisationId: number): Promise<SignedInPerson>;
  /** Files a `broken_link` report on the web, of service A unless told, with a description of its own unless told. */
  report(
    reporterId: number,
    serviceId?: number,
    contactEmail?: string | null,
    description?: string,
  ): ReturnType<typeof createProblemReport>;
  /** The problem counters of a service as stored. */
  storedCounters(serviceId: number): Promise<{ open_problems: number; problems: number; fixed_problems: number }>;
  /** A report's status, duplicate target and follow-up times. */
  statusOf(id: number): Promise<Pick<Selectable<ProblemReportsTable>, 'status' | 'duplicate_of' | 'fixed_at' | 'follow_up_sent_at'>>;
  /** Delivers the queued mails, then lists those sent to this address, oldest first. */
  mailsTo(to: string): Promise<{ subject: string; text_body: string }[]>;
}

/** Registers the problem reports' fixture's `beforeAll` and `afterAll` in the calling suite. */
export function useProblemsApp(dialect: TestDialect): ProblemsFixture {
  let t: TestApp;
  let reports = 0;
  const f: ProblemsFixture = {
    app: undefined as never,
    serviceA: undefined as never,
    serviceB: undefined as never,
    serviceB2: undefined as never,
    people: 0,
    person: (roles = []) => {
      f.people += 1;
      return signedInPerson(f.app, { email: `problems${f.people}@example.org`, displayName: `Person ${f.people}`, roles });
    },
    officialOf: (organisationId) => f.person([{ role: 'official', scopeType: 'organisation', scopeId: organisationId }]),
    report: (reporterId, serviceId = f.serviceA.id, contactEmail = null, description) =>
      createProblemReport(f.app.db, {
        serviceId,
        reporterId,
        category: 'broken_link',
        description: description ?? `The "apply" link leads to an error page (${++reports}).`,
        contactEmail,
        locale: 'en',
        source: 'web',
      }),
    storedCounters: async (serviceId) => {
      const row = await f.app.db
        .selectFrom('service_assessment_stats')
        .select(['open_problems', 'problems', 'fixed_problems'])
        .where('service_id', '=', serviceId)
        .executeTakeFirst();
      return {
        open_problems: Number(row?.open_problems ?? 0),
        problems: Number(row?.problems ?? 0),
        fixed_problems: Number(row?.fixed_problems ?? 0),
      };
    },
    statusOf: async (id) =>
      await f.app.db
        .selectFrom('problem_reports')
        .select(['status', 'duplicate_of', 'fixed_at', 'follow_up_sent_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    mailsTo: async (to) => {
      await deliverMail(f.app);
      return f.app.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();
    },
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    f.app = t.app;
    const rows = await t.app.db
      .selectFrom('services')
      .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
      .select(['services.id', 'services.slug', 'services.organisation_id as organisationId', 'organisations.slug as org'])
      .where('services.status', '=', 'published')
      .orderBy('services.id')
      .execute();
    f.serviceA = rows.find((r) => r.org === 'family-allowance-office')!;
    const city = rows.filter((r) => r.org === 'city-of-saint-aubin');
    f.serviceB = city[0]!;
    f.serviceB2 = city[1]!;
  });
  afterAll(() => t.close());
  return f;
}
