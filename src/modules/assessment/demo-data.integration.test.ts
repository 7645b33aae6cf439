import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { seedDemo } from '../../platform/seeds.js';
import { modules } from '../index.js';
import { PROBLEM_STATUSES } from './assessment.model.js';
import { recountServiceCounters, storedServiceCounters } from './assessments.service.js';
import { DEMO_ASSESSMENTS } from './demo-assessments.js';
import { DEMO_ASSESSORS } from './demo-data.js';
import { DEMO_PROBLEMS } from './demo-problems.js';

describeEachDatabase('assessment: demo data', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
  });
  afterAll(async () => t?.close());

  const count = async (table: 'assessments' | 'assessment_versions' | 'problem_reports' | 'review_helpful_marks') =>
    Number(
      (
        await t.app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('rates the demo services over the last year, with updates kept as versions, and counters equal to a recount', async () => {
    const people = new Set(DEMO_ASSESSMENTS.map(([who, slug]) => `${who}/${slug}`));
    expect(await count('assessments')).toBe(people.size);
    expect(await count('assessment_versions')).toBe(DEMO_ASSESSMENTS.length);
    expect(await count('review_helpful_marks')).toBeGreaterThan(10);
    const months = await t.app.db.selectFrom('service_assessment_months').select('month').distinct().execute();
    expect(months.length).toBeGreaterThanOrEqual(10);
    const services = await t.app.db.selectFrom('assessments').select('service_id').distinct().execute();
    for (const { service_id } of services) {
      const stored = await storedServiceCounters(t.app.db, service_id);
      const recount = await recountServiceCounters(t.app.db, service_id);
      expect(stored.totals).toEqual(recount.totals);
      expect(stored.months).toEqual(recount.months);
    }
    const answered = await t.app.db.selectFrom('assessments').select('id').where('answer', 'is not', null).execute();
    expect(answered.length).toBeGreaterThanOrEqual(2);
    const locales = await t.app.db.selectFrom('assessments').select('review_locale').distinct().where('review', 'is not', null).execute();
    expect(locales.map((l) => l.review_locale).sort()).toEqual(['en', 'fr']);
  });

  it('files problem reports in every status, with timelines and nobody to email', async () => {
    expect(await count('problem_reports')).toBe(DEMO_PROBLEMS.length);
    const statuses = await t.app.db.selectFrom('problem_reports').select('status').distinct().execute();
    expect(statuses.map((s) => s.status).sort()).toEqual([...PROBLEM_STATUSES].sort());
    const events = await t.app.db.selectFrom('problem_report_events').select('id').execute();
    expect(events.length).toBeGreaterThan(DEMO_PROBLEMS.length);
    const contacts = await t.app.db.selectFrom('problem_reports').select('id').where('contact_email', 'is not', null).execute();
    expect(contacts).toHaveLength(0);
  });

  it('leaves the main demo accounts free to rate, and does nothing when run again', async () => {
    const main = await t.app.db
      .selectFrom('assessments')
      .innerJoin('users', 'users.id', 'assessments.user_id')
      .select('users.email')
      .where('users.email', 'in', ['citizen@demo.ecoop.example', 'helper@demo.ecoop.example'])
      .execute();
    expect(main).toHaveLength(0);
    const before = await count('assessment_versions');
    await seedDemo({ db: t.app.db, config: t.app.config, log: { info() {}, warn() {} } }, modules);
    expect(await count('assessment_versions')).toBe(before);
    expect(await count('problem_reports')).toBe(DEMO_PROBLEMS.length);
    const users = await t.app.db
      .selectFrom('users')
      .select('id')
      .where(
        'email',
        'in',
        DEMO_ASSESSORS.map((a) => a.email),
      )
      .execute();
    expect(users).toHaveLength(DEMO_ASSESSORS.length);
  });
});
