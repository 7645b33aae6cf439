/**
 * The fixture of the rating and reviews integration tests (imported by tests only): an app on the
 * demo territory, a service of the family allowance office nobody assessed and one of another
 * organisation, and helpers to make people, rate through the form, write reviews and read back
 * rows and counters. Rate limits are cleared before each test.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Selectable } from 'kysely';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createTestApp, type TestApp, type TestDialect } from '../../../../test/support.js';
import { createSession } from '../../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../../accounts/index.js';
import { TestClient } from '../../accounts/testing.js';
import { recountServiceCounters, storedServiceCounters, submitAssessment } from '../assessments.service.js';
import type { AssessmentsTable } from '../assessment.tables.js';
import { anAssessment, citizen } from '../testing.js';

/** What the rating form posts for a complete, valid rating. */
export const RATING: Record<string, string> = {
  satisfaction: '4',
  find: '3',
  use: '4',
  works: '5',
  accessible: '2',
  completion: 'partly',
  usage: 'helped',
  review: 'The form was clear, but the upload of my payslip failed twice.',
};

type Service = { id: number; slug: string };

/** A signed-in client of a user of its own. */
export type Rater = TestClient & { userId: number; displayName: string };

/** What the rating and reviews tests share; its fields are set once the suite's `beforeAll` ran. */
export interface ReviewsFixture {
  app: FastifyInstance;
  /** A published service of the family allowance office nobody assessed in the demo data, and one of another organisation. */
  service: Service;
  otherService: Service;
  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  person(roles?: { role: Role; scopeType?: 'organisation'; scopeId?: number }[], options?: { verified?: boolean }): Promise<Rater>;
  /** A signed-in official of the organisation with this slug. */
  official(org: string): Promise<Rater>;
  /** An anonymous page view, past the anonymous page cache (valid for up to a second after a write). */
  anonymousView(url: string): Promise<LightMyRequestResponse>;
  /** Posts the rating form (RATING unless told) of `service` unless told, in English unless told. */
  rate(client: TestClient, fields?: Record<string, string>, slug?: string, locale?: string): ReturnType<TestClient['submit']>;
  /** A user's assessment rows of a service (`service` unless told). */
  ownRows(userId: number, serviceId?: number): Promise<Selectable<AssessmentsTable>[]>;
  /** The helpful counter of a review as stored. */
  helpfulCount(id: number): Promise<number>;
  /** How many helpful marks a review has. */
  markCount(id: number): Promise<number>;
  /** Checks a service's stored counters equal a recount. */
  expectCountersMatchRecount(id: number): Promise<void>;
  /** A review by a new citizen (through the service function), returning its id and its author. */
  aReview(text?: string, serviceId?: number): Promise<{ id: number; author: Rater }>;
}

/** Registers the rating and reviews fixture's `beforeAll`, `beforeEach` and `afterAll` in the calling suite. */
export function useReviewsApp(dialect: TestDialect): ReviewsFixture {
  let t: TestApp;
  let orgs: Map<string, number>;
  let people = 0;
  let views = 0;
  const f: ReviewsFixture = {
    app: undefined as never,
    service: undefined as never,
    otherService: undefined as never,
    person: async (roles = [], options = {}) => {
      people += 1;
      const userId = await createUserWithRoles(t.app.db, {
        email: `rater${people}@example.org`,
        displayName: `Rater ${people}`,
        password: 'a long enough password',
        locale: 'en',
        roles,
        ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
      });
      if (options.verified === false)
        await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
      const client = new TestClient(t.app);
      client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
      return Object.assign(client, { userId, displayName: `Rater ${people}` });
    },
    official: (org) => f.person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get(org)! }]),
    anonymousView: (url) => t.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}view=${++views}` }),
    rate: (client, fields = RATING, slug = f.service.slug, locale = 'en') =>
      client.submit(`/${locale}/services/${slug}/rate`, `/${locale}/services/${slug}/rate`, fields),
    ownRows: (userId, serviceId = f.service.id) =>
      t.app.db.selectFrom('assessments').selectAll().where('user_id', '=', userId).where('service_id', '=', serviceId).execute(),
    helpfulCount: async (id) =>
      Number(
        (await t.app.db.selectFrom('assessments').select('helpful_count').where('id', '=', id).executeTakeFirstOrThrow()).helpful_count,
      ),
    markCount: async (id) =>
      Number(
        (
          await t.app.db
            .selectFrom('review_helpful_marks')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('assessment_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    expectCountersMatchRecount: async (id) => {
      const [stored, recount] = await Promise.all([storedServiceCounters(t.app.db, id), recountServiceCounters(t.app.db, id)]);
      expect(stored.totals).toEqual(recount.totals);
    },
    aReview: async (text = 'Useful, but slow.', serviceId = f.service.id) => {
      const author = await f.person();
      const { id } = await submitAssessment(t.app.db, citizen(author.userId), serviceId, anAssessment({ review: text }), { locale: 'en' });
      return { id, author };
    },
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    f.app = t.app;
    orgs = new Map((await t.app.db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
    const free = await t.app.db
      .selectFrom('services')
      .select(['id', 'slug', 'organisation_id'])
      .where('status', '=', 'published')
      .where('id', 'not in', (eb) => eb.selectFrom('assessments').select('service_id'))
      .orderBy('id')
      .execute();
    f.service = free.find((s) => s.organisation_id === orgs.get('family-allowance-office'))!;
    f.otherService = free.find((s) => s.organisation_id !== orgs.get('family-allowance-office'))!;
    expect(f.service && f.otherService).toBeTruthy();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.app.db.deleteFrom('rate_limits').execute();
  });
  return f;
}
