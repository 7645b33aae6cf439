import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { assessmentInput, type AssessmentInput } from './assessment.model.js';
import { serviceKpis, monthlySeries } from './assessment.queries.js';
import {
  deleteAssessment,
  findOwnAssessment,
  listAssessmentVersions,
  rebuildServiceCounters,
  recountServiceCounters,
  storedServiceCounters,
  submitAssessment,
} from './assessments.service.js';
import { anAssessment, citizen, insertUsers } from './testing.js';

describeEachDatabase('co-assessment: assessments and their counters', (dialect) => {
  let t: TestApp;
  let serviceId: number;
  let otherServiceId: number;
  let users: number[];

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const services = await t.app.db
      .selectFrom('services')
      .select(['id', 'slug'])
      .where('status', '=', 'published')
      .orderBy('id')
      .limit(3)
      .execute();
    serviceId = services[1]!.id;
    otherServiceId = services[2]!.id;
    // Start these two services from no assessment at all (the demo seed assesses demo services).
    await t.app.db.deleteFrom('assessments').where('service_id', 'in', [serviceId, otherServiceId]).execute();
    await rebuildServiceCounters(t.app.db, serviceId);
    await rebuildServiceCounters(t.app.db, otherServiceId);
    users = await insertUsers(t.app.db, 8);
  });
  afterAll(() => t.close());

  const expectCountersMatchRecount = async (id: number) => {
    const [stored, recount] = await Promise.all([storedServiceCounters(t.app.db, id), recountServiceCounters(t.app.db, id)]);
    expect(stored.totals).toEqual(recount.totals);
    expect(Object.fromEntries(stored.months)).toEqual(Object.fromEntries(recount.months));
  };

  it('keeps one assessment per person and service: a second one updates it and keeps the earlier version', async () => {
    const me = citizen(users[0]!);
    const first = await submitAssessment(t.app.db, me, serviceId, anAssessment({ satisfaction: 2 }), { locale: 'en' });
    expect(first).toMatchObject({ created: true, version: 1 });
    const second = await submitAssessment(t.app.db, me, serviceId, anAssessment({ satisfaction: 5, review: 'Much better now.' }), {
      locale: 'fr',
    });
    expect(second).toMatchObject({ id: first.id, created: false, version: 2 });
    const own = await findOwnAssessment(t.app.db, me.id, serviceId);
    expect(own).toMatchObject({ satisfaction: 5, review: 'Much better now.', review_locale: 'fr' });
    const versions = await listAssessmentVersions(t.app.db, first.id);
    expect(versions.map((v) => [v.version, v.satisfaction])).toEqual([
      [2, 5],
      [1, 2],
    ]);
    const count = await t.app.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_id', '=', serviceId)
      .where('user_id', '=', me.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    const kpis = (await serviceKpis(t.app.db, [serviceId])).get(serviceId)!;
    expect(kpis).toMatchObject({ assessments: 1, satisfaction: 5, reviews: 1, completionRate: 1, helpShare: 0 });
    await expectCountersMatchRecount(serviceId);
    await deleteAssessment(t.app.db, me, serviceId);
  });

  it('two submissions by the same person at once still give one assessment', async () => {
    const me = citizen(users[1]!);
    const results = await Promise.all([
      submitAssessment(t.app.db, me, otherServiceId, anAssessment({ satisfaction: 1 }), { locale: 'en' }),
      submitAssessment(t.app.db, me, otherServiceId, anAssessment({ satisfaction: 3 }), { locale: 'en' }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await t.app.db
      .selectFrom('assessments')
      .select('id')
      .where('service_id', '=', otherServiceId)
      .where('user_id', '=', me.id)
      .execute();
    expect(rows).toHaveLength(1);
    await expectCountersMatchRecount(otherServiceId);
    await deleteAssessment(t.app.db, me, otherServiceId);
  });

  it('refuses people who are signed out or unverified, unpublished services and bad input, writing nothing', async () => {
    await expect(submitAssessment(t.app.db, null, serviceId, anAssessment())).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(
      submitAssessment(t.app.db, { ...citizen(users[2]!), emailVerified: false }, serviceId, anAssessment()),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(submitAssessment(t.app.db, citizen(users[2]!), 999_999, anAssessment())).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteAssessment(t.app.db, citizen(users[2]!), serviceId)).rejects.toMatchObject({ code: 'not_found' });
    expect(assessmentInput.safeParse({ ...anAssessment(), find: 6 }).success).toBe(false);
    expect(assessmentInput.safeParse({ ...anAssessment(), completion: 'maybe' }).success).toBe(false);
    expect(assessmentInput.safeParse({ ...anAssessment(), review: 'x'.repeat(4001) }).success).toBe(false);
    expect(await findOwnAssessment(t.app.db, users[2]!, serviceId)).toBeNull();
  });

  it('the counters equal a full recount after any sequence of creates, updates and deletes (property)', async () => {
    const score = fc.integer({ min: 1, max: 5 });
    const input: fc.Arbitrary<AssessmentInput> = fc.record({
      satisfaction: score,
      find: score,
      use: score,
      works: score,
      accessible: score,
      completion: fc.constantFrom('yes', 'partly', 'no'),
      usage: fc.constantFrom('alone', 'helped', 'dps'),
      review: fc.option(fc.constantFrom('Good.', 'Could not log in.', 'Fine'), { nil: null }),
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('submit' as const), user: fc.nat({ max: 5 }), input, monthOffset: fc.nat({ max: 14 }) }),
      fc.record({ kind: fc.constant('delete' as const), user: fc.nat({ max: 5 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          const actor = citizen(users[s.user]!);
          if (s.kind === 'submit') {
            // Spread the writes over months, so the monthly buckets move too.
            const now = new Date(Date.UTC(2025, s.monthOffset, 15, 12));
            await submitAssessment(t.app.db, actor, serviceId, s.input, { locale: 'en', now });
          } else {
            await deleteAssessment(t.app.db, actor, serviceId).catch((err: { code?: string }) => {
              if (err.code !== 'not_found') throw err;
            });
          }
        }
        await expectCountersMatchRecount(serviceId);
        const series = await monthlySeries(t.app.db, [serviceId], '2025-01', '2026-03');
        const { totals } = await recountServiceCounters(t.app.db, serviceId);
        expect(series.reduce((n, p) => n + p.counters.assessments, 0)).toBe(totals.assessments);
      }),
      { numRuns: dialect === 'postgres' ? 12 : 25 },
    );
  });
});

describe('co-assessment: monthly helpers', () => {
  it('steps months across years', async () => {
    const { nextMonth, monthsBefore } = await import('./assessment.queries.js');
    expect(nextMonth('2025-12')).toBe('2026-01');
    expect(nextMonth('2025-01')).toBe('2025-02');
    expect(monthsBefore('2026-02', 3)).toBe('2025-11');
    expect(monthsBefore('2026-01', 12)).toBe('2025-01');
  });
});
