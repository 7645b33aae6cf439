/**
 * Importing the catalogue: every problem reported with line, field and reason; nothing written when
 * a row is invalid (unless skipInvalid); importing an export changes nothing; an export imported
 * into an empty catalogue exports identically.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, describeEachDatabase, type TestApp, type TestDatabase } from '../../../test/support.js';
import type { Db } from '../../db/database.js';
import { translator } from '../../platform/i18n.js';
import { modules } from '../index.js';
import { writeCsv } from './catalogue-csv.js';
import { exportCatalogue, type ExportSettings } from './catalogue-export.js';
import { importCatalogue, type ImportOptions } from './catalogue-import.js';
import { DEMO_LIFE_EVENTS, DEMO_SECTORS } from './demo-data.js';
import { findService } from './services.queries.js';
import { createService } from './services.service.js';

const settings: ExportSettings = { baseUrl: 'https://ecoop.example.org', defaultLocale: 'en', locales: ['en', 'fr'] };
const en = translator('en');
const options = (more: Partial<ImportOptions> = {}): ImportOptions => ({ defaultLocale: 'en', t: en, audit: {}, ...more });

const count = async (db: Db, table: 'services' | 'service_revisions' | 'audit_log') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const snapshot = async (db: Db) => ({
  services: await count(db, 'services'),
  revisions: await count(db, 'service_revisions'),
  audit: await count(db, 'audit_log'),
});

/** The line (1-based) on which `marker` appears in `text`. */
const lineOf = (text: string, marker: string) => text.slice(0, text.indexOf(marker)).split('\n').length;

/** The demo organisations, sectors and life events, without any service. */
async function seedTaxonomyOnly(db: Db): Promise<void> {
  await modules.find((m) => m.name === 'territory')!.demoSeed!({ db } as never);
  for (const [i, s] of DEMO_SECTORS.entries())
    await db
      .insertInto('sectors')
      .values({ slug: s.slug, name: JSON.stringify(s.name), description: JSON.stringify(s.description), position: i + 1 })
      .execute();
  for (const [i, e] of DEMO_LIFE_EVENTS.entries())
    await db
      .insertInto('life_events')
      .values({ slug: e.slug, name: JSON.stringify(e.name), position: i + 1 })
      .execute();
}

const HEADER = [
  'identifier',
  'slug',
  'status',
  'organisation',
  'sector',
  'life_events',
  'name_en',
  'name_fr',
  'summary_en',
  'description_en',
  'channels',
];
const row = (slug: string, more: Partial<Record<(typeof HEADER)[number], string>> = {}) => {
  const values: Record<string, string> = {
    identifier: '',
    slug,
    status: 'draft',
    organisation: 'county-council',
    sector: 'education',
    life_events: 'moving',
    name_en: `Name of ${slug}`,
    name_fr: `Nom de ${slug}`,
    summary_en: 'One sentence.',
    description_en: `First line of ${slug}.\nSecond line, with a comma.`,
    channels: 'phone|in_person',
    ...more,
  };
  return HEADER.map((h) => values[h]!);
};

describeEachDatabase('catalogue import', (dialect) => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    db = t.app.db;
    // A draft related to a service further down the file, and a withdrawn one: statuses and links round-trip.
    await createService(
      db,
      'cli',
      { ...baseInput('aaa-first'), related: ['apply-for-a-school-bus-pass'] },
      { defaultLocale: 'en', audit: {} },
    );
    await createService(
      db,
      'cli',
      { ...baseInput('zzz-withdrawn'), related: ['aaa-first'] },
      { defaultLocale: 'en', audit: {}, status: 'withdrawn' },
    );
  });
  afterAll(async () => t?.close());

  it('importing a CSV export changes nothing: every row unchanged, no revision, no audit entry', async () => {
    const csv = await exportCatalogue(db, 'csv', 'all', settings);
    const before = await snapshot(db);
    const report = await importCatalogue(db, 'cli', csv, options({ fileName: 'catalogue.csv' }));
    expect(report).toMatchObject({ format: 'csv', created: 0, updated: 0, invalid: 0, stopped: false, problems: [] });
    expect(report.unchanged).toBe(before.services);
    expect(await snapshot(db)).toEqual(before);
  });

  it('importing a JSON-LD export changes nothing either', async () => {
    const jsonld = await exportCatalogue(db, 'jsonld', 'all', settings);
    const before = await snapshot(db);
    const report = await importCatalogue(db, 'cli', jsonld, options());
    expect(report).toMatchObject({ format: 'jsonld', unit: 'item', created: 0, updated: 0, invalid: 0, stopped: false });
    expect(report.unchanged).toBe(before.services);
    expect(await snapshot(db)).toEqual(before);
  });

  it('lists every problem with its line, column and reason, and writes nothing', async () => {
    const body = writeCsv([
      HEADER,
      row('valid-new-service'),
      row('Bad Slug!'),
      row('unknown-sector', { sector: 'nowhere' }),
      row('no-english-name', { name_en: '' }),
      row('bad-status', { status: 'online' }),
      row('valid-new-service', { name_en: 'Twice' }),
    ]);
    // A quoted cell followed by text: the record is unreadable.
    const text = body + 'x,"broken"cell,draft\r\n';
    const before = await snapshot(db);
    const report = await importCatalogue(db, 'cli', text, options());
    expect(report.stopped).toBe(true);
    expect(report.created).toBe(1);
    expect(report.invalid).toBe(6);
    expect(report.problems).toEqual([
      { line: lineOf(text, 'Bad Slug!'), field: 'slug', reason: en('catalogue.errors.slug') },
      { line: lineOf(text, 'unknown-sector'), field: 'sector', reason: en('catalogue.errors.unknownReference') },
      { line: lineOf(text, 'no-english-name'), field: 'name_en', reason: en('catalogue.errors.required') },
      { line: lineOf(text, 'bad-status'), field: 'status', reason: en('openData.errors.status') },
      {
        line: lineOf(text, 'Twice'),
        field: 'slug',
        reason: en('openData.errors.duplicateInFile', { line: lineOf(text, 'valid-new-service') }),
      },
      { line: lineOf(text, '"broken"'), field: '', reason: en('openData.errors.textAfterQuote') },
    ]);
    // Records span two lines (the description): line numbers are physical lines.
    expect(lineOf(text, 'unknown-sector')).toBe(6);
    expect(await snapshot(db)).toEqual(before);
    expect(await findService(db, { slug: 'valid-new-service' })).toBeNull();
  });

  it('with skipInvalid, writes the valid rows and lists the others', async () => {
    const text = writeCsv([HEADER, row('skip-valid', { status: 'published' }), row('skip-invalid', { channels: 'carrier pigeon' })]);
    const report = await importCatalogue(db, 'cli', text, options({ skipInvalid: true }));
    expect(report).toMatchObject({ created: 1, invalid: 1, stopped: false });
    expect(report.problems).toEqual([{ line: 4, field: 'channels', reason: en('catalogue.errors.channels') }]);
    const created = await findService(db, { slug: 'skip-valid' });
    expect(created).toMatchObject({ status: 'published', name: { en: 'Name of skip-valid', fr: 'Nom de skip-valid' } });
    expect(await findService(db, { slug: 'skip-invalid' })).toBeNull();
    const audit = await db.selectFrom('audit_log').select(['action', 'data']).where('action', '=', 'catalogue.import').execute();
    expect(audit.map((a) => JSON.parse(a.data))).toContainEqual({ created: 1, updated: 0, unchanged: 0, invalid: 1 });
  });

  it('a dry run counts what would change and writes nothing', async () => {
    const text = writeCsv([HEADER, row('dry-run-service')]);
    const before = await snapshot(db);
    const report = await importCatalogue(db, 'cli', text, options({ dryRun: true }));
    expect(report).toMatchObject({ created: 1, dryRun: true, stopped: false });
    expect(await snapshot(db)).toEqual(before);
  });

  it('updates only the columns present, matched by identifier, with an import revision', async () => {
    const bus = (await findService(db, { slug: 'apply-for-a-school-bus-pass' }))!;
    const text = writeCsv([
      ['identifier', 'slug', 'name_fr'],
      [bus.identifier, bus.slug, 'Carte de bus scolaire'],
    ]);
    const report = await importCatalogue(db, 'cli', text, options());
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const after = (await findService(db, { slug: bus.slug }))!;
    expect(after.name).toEqual({ en: bus.name.en, fr: 'Carte de bus scolaire' });
    expect(after.description).toEqual(bus.description);
    expect(after.version).toBe(bus.version + 1);
    const revision = await db
      .selectFrom('service_revisions')
      .select(['action', 'changes'])
      .where('service_id', '=', bus.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(revision.action).toBe('import');
    expect(JSON.parse(revision.changes)).toEqual([{ field: 'name.fr', before: bus.name.fr, after: 'Carte de bus scolaire' }]);
  });

  it('links related services created by the same file, whatever their order', async () => {
    const text = writeCsv([
      [...HEADER, 'related'],
      [...row('link-first'), 'link-second|housing-allowance'],
      [...row('link-second'), 'link-first'],
      [...row('link-third'), 'no-such-service'],
    ]);
    const stopped = await importCatalogue(db, 'cli', text, options());
    expect(stopped.problems).toEqual([{ line: 6, field: 'related', reason: en('catalogue.errors.unknownReference') }]);
    const report = await importCatalogue(db, 'cli', text, options({ skipInvalid: true }));
    expect(report).toMatchObject({ created: 2, invalid: 1 });
    expect((await findService(db, { slug: 'link-first' }))!.related).toEqual(['housing-allowance', 'link-second']);
    expect((await findService(db, { slug: 'link-second' }))!.related).toEqual(['link-first']);
  });

  it('refuses a file it cannot read: unknown column, not JSON, not CPSV-AP, empty', async () => {
    const unknown = await importCatalogue(db, 'cli', 'slug,nom\nx,y\n', options());
    expect(unknown).toMatchObject({ stopped: true, problems: [{ line: 1, field: 'nom', reason: en('openData.errors.unknownColumn') }] });
    const notJson = await importCatalogue(db, 'cli', '{"@graph": [', options());
    expect(notJson.problems).toEqual([{ line: 0, field: '', reason: en('openData.errors.notJson') }]);
    const notCpsv = await importCatalogue(db, 'cli', '"just a string"', options({ fileName: 'x.jsonld' }));
    expect(notCpsv.problems).toEqual([{ line: 0, field: '', reason: en('openData.errors.notCpsv') }]);
    const empty = await importCatalogue(db, 'cli', '', options({ fileName: 'x.csv' }));
    expect(empty).toMatchObject({ stopped: true, problems: [{ line: 1, field: '', reason: en('openData.errors.emptyFile') }] });
  });

  it('reports JSON-LD problems by item', async () => {
    const doc = JSON.parse(await exportCatalogue(db, 'jsonld', 'all', settings)) as { '@graph': Record<string, unknown>[] };
    const services = doc['@graph'].filter((n) => n['@type'] === 'PublicService');
    services[1]!.name = { fr: 'Sans anglais' };
    services[2]!.hasCompetentAuthority = 'https://elsewhere.example/id/organisation/nobody';
    const report = await importCatalogue(db, 'cli', JSON.stringify(doc), options());
    expect(report.unit).toBe('item');
    expect(report.problems).toEqual([
      { line: 2, field: 'name.en', reason: en('catalogue.errors.required') },
      { line: 3, field: 'organisation', reason: en('catalogue.errors.unknownReference') },
    ]);
  });
});

describeEachDatabase('catalogue round trip', (dialect) => {
  let source: TestApp;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await createTestApp(dialect, { seed: true });
    target = await createTestDatabase(dialect);
    await seedTaxonomyOnly(target.handle.db);
  });
  afterAll(async () => {
    await source?.close();
    await target?.destroy();
  });
  it('an export imported into an empty catalogue exports identically', async () => {
    await createService(source.app.db, 'cli', baseInput('zzz-last'), { defaultLocale: 'en', audit: {}, status: 'withdrawn' });
    await createService(source.app.db, 'cli', { ...baseInput('aaa-first'), related: ['zzz-last'] }, { defaultLocale: 'en', audit: {} });
    const csv = await exportCatalogue(source.app.db, 'csv', 'all', settings);
    const report = await importCatalogue(target.handle.db, 'cli', csv, options());
    expect(report).toMatchObject({ updated: 0, unchanged: 0, invalid: 0, stopped: false });
    expect(report.created).toBe(await count(source.app.db, 'services'));
    expect(await exportCatalogue(target.handle.db, 'csv', 'all', settings)).toBe(csv);
    expect(await exportCatalogue(target.handle.db, 'jsonld', 'all', settings)).toBe(
      await exportCatalogue(source.app.db, 'jsonld', 'all', settings),
    );
    // And again: nothing to do.
    expect(await importCatalogue(target.handle.db, 'cli', csv, options())).toMatchObject({ created: 0, updated: 0 });
  });
});

/** A minimal valid service input. */
function baseInput(slug: string) {
  return {
    slug,
    organisation: 'county-council',
    sector: 'education',
    lifeEvents: ['moving'],
    name: { en: `Name of ${slug}`, fr: `Nom de ${slug}` },
    summary: { en: 'One sentence.' },
    description: { en: 'Two lines.\nOf text.' },
    channels: ['phone' as const],
  };
}
