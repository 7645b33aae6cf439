import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/support.js';
import { generateDataset, type DatasetSummary } from './generate.js';
import { parseScale } from './scale.js';
import { recountServiceCounters, storedServiceCounters } from '../src/modules/assessment/assessments.service.js';

describe('generateDataset (tiny, SQLite)', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let summary: DatasetSummary;

  beforeAll(async () => {
    first = await createTestDatabase('sqlite');
    second = await createTestDatabase('sqlite');
    summary = await generateDataset(first.handle, { scale: parseScale('tiny') });
    await generateDataset(second.handle, { scale: parseScale('tiny') });
  });
  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
  });

  it('fills every table it reports, with the counts it reports', async () => {
    expect(summary.counts.services).toBe(3);
    expect(summary.counts.places).toBe(3);
    expect(summary.counts.users).toBe(100);
    for (const [table, count] of Object.entries(summary.counts)) {
      const row = await first.handle.db
        .selectFrom(table as 'users')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n), table).toBe(count);
    }
  });

  it('writes rows in the shape the app writes them', async () => {
    const service = await first.handle.db
      .selectFrom('services')
      .selectAll()
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const field of ['name', 'summary', 'description'] as const)
      expect(Object.keys(JSON.parse(service[field]))).toEqual(['en', 'fr', 'es']);
    expect(Array.isArray(JSON.parse(service.channels))).toBe(true);
    expect(service.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const user = await first.handle.db.selectFrom('users').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(user.email).toBe(user.email.toLowerCase());
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const roles = await first.handle.db.selectFrom('user_roles').select('role').where('user_id', '=', user.id).execute();
    expect(roles.map((r) => r.role)).toContain('citizen');
  });

  it('indexes every published service for search', async () => {
    const published = await first.handle.db.selectFrom('services').select('slug').where('status', '=', 'published').execute();
    const documents = await first.handle.db.selectFrom('search_documents').select('ref_id').where('doc_type', '=', 'service').execute();
    expect(documents.map((d) => d.ref_id).sort()).toEqual(published.map((s) => s.slug).sort());
  });

  it('gives pages samples of published rows', async () => {
    for (const slug of summary.samples.service ?? []) {
      const row = await first.handle.db.selectFrom('services').select('status').where('slug', '=', slug).executeTakeFirstOrThrow();
      expect(row.status).toBe('published');
    }
    expect(summary.samples.place?.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives the same rows (but for the one password salt)', async () => {
    for (const table of ['municipalities', 'organisations', 'services', 'places', 'user_roles'] as const) {
      const a = await first.handle.db.selectFrom(table).selectAll().orderBy('id').execute();
      const b = await second.handle.db.selectFrom(table).selectAll().orderBy('id').execute();
      expect(b, table).toEqual(a);
    }
    const users = (db: TestDatabase) =>
      db.handle.db
        .selectFrom('users')
        .select(['email', 'display_name', 'locale', 'created_at', 'email_verified_at'])
        .orderBy('id')
        .execute();
    expect(await users(second)).toEqual(await users(first));
  });

  it('builds the co-assessment counters equal to a recount, and consistent reports and marks', async () => {
    const db = first.handle.db;
    expect(summary.counts.assessments).toBeGreaterThan(0);
    const services = await db.selectFrom('services').select('id').execute();
    for (const { id } of services) {
      const stored = await storedServiceCounters(db, id);
      const recount = await recountServiceCounters(db, id);
      expect(stored.totals, `service ${id}`).toEqual(recount.totals);
      expect(stored.months, `service ${id}`).toEqual(recount.months);
      const reports = await db.selectFrom('problem_reports').select(['status']).where('service_id', '=', id).execute();
      const stats = await db.selectFrom('service_assessment_stats').selectAll().where('service_id', '=', id).executeTakeFirst();
      expect(Number(stats?.open_problems ?? 0)).toBe(
        reports.filter((r) => ['open', 'acknowledged', 'in_progress'].includes(r.status)).length,
      );
      expect(Number(stats?.problems ?? 0)).toBe(reports.filter((r) => r.status !== 'duplicate').length);
      expect(Number(stats?.fixed_problems ?? 0)).toBe(reports.filter((r) => r.status === 'fixed').length);
    }
    const duplicates = await db
      .selectFrom('problem_reports as d')
      .innerJoin('problem_reports as o', 'o.id', 'd.duplicate_of')
      .select(['d.service_id as dService', 'o.service_id as oService', 'o.status as oStatus'])
      .execute();
    for (const d of duplicates) {
      expect(d.oService).toBe(d.dService);
      expect(d.oStatus).not.toBe('duplicate');
    }
    const marks = await db
      .selectFrom('assessments')
      .leftJoin('review_helpful_marks', 'review_helpful_marks.assessment_id', 'assessments.id')
      .select(['assessments.id', 'assessments.helpful_count', (eb) => eb.fn.count('review_helpful_marks.user_id').as('marks')])
      .groupBy(['assessments.id', 'assessments.helpful_count'])
      .execute();
    for (const m of marks) expect(Number(m.marks), `assessment ${m.id}`).toBe(m.helpful_count);
    const versions = await db.selectFrom('assessment_versions').select(['assessment_id', 'version']).execute();
    expect(versions.length).toBe(summary.counts.assessment_versions);
  });

  it('refuses a database that already has content', async () => {
    await expect(generateDataset(first.handle, { scale: parseScale('tiny') })).rejects.toThrow(/empty database/);
  });
});
