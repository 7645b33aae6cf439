/**
 * Importing places from "lieux de médiation numérique" CSV files: a messy real-world-like file
 * (BOM, `;`, CRLF, a quoted multi-line cell, decimal commas, odd opening hours, unknown values,
 * a bad postcode, an unknown municipality, a missing name, an unknown column, trailing blank
 * lines) reported line by line; all or nothing; --skip-invalid; idempotence; the round trip
 * export → import into an empty territory → export; and the `ecoop import places` command.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, describeEachDatabase, type TestApp, type TestDatabase } from '../../../test/support.js';
import { validateLieuxCsv } from '../../../test/fixtures/places/validate.js';
import type { Db } from '../../db/database.js';
import { translator } from '../../platform/i18n.js';
import { openSqlite } from '../../db/sqlite-driver.js';
import { runCli } from '../../cli/main.js';
import { territoryModule } from '../territory/index.js';
import { checkOpeningHours } from './opening-hours.js';
import { CLI_IMPORT_ACTOR, importPlaces, type PlacesImportOptions } from './places-import.js';
import { VOCABULARIES } from './places.model.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/places');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const t = translator('en');

const options = (overrides: Partial<PlacesImportOptions> = {}): PlacesImportOptions => ({
  platformName: 'E-COOP',
  actor: CLI_IMPORT_ACTOR,
  context: null,
  t,
  locale: 'en',
  ...overrides,
});

const count = async (db: Db, table: 'places' | 'audit_log') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** A database with the demo territory (municipalities, organisations) and no places. */
async function emptyTerritory(dialect: TestDatabase['dialect']): Promise<TestDatabase> {
  const database = await createTestDatabase(dialect);
  await territoryModule.demoSeed!({ db: database.handle.db } as never);
  return database;
}

describeEachDatabase('places import', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await emptyTerritory(dialect);
    db = database.handle.db;
  });
  afterAll(async () => database?.destroy());

  const MESSY_PROBLEMS = () => {
    const clock = { country: 'FR', region: null, timeZone: 'Europe/Paris', latitude: 46.8447, longitude: 4.3071 };
    const hours = checkOpeningHours('Lundi: 9h-12h / 14h-17h', clock, 'en').error!;
    return [
      { line: 5, field: 'horaires', reason: t(hours.key, hours.values) },
      { line: 6, field: 'services', reason: 'Unknown value “Cours de cuisine”' },
      { line: 7, field: 'code_postal', reason: '“7141” is not a 5-digit postcode' },
      { line: 8, field: 'commune', reason: 'Unknown municipality “Atlantis” (looked up by INSEE code, then by postcode and name)' },
      { line: 9, field: 'nom', reason: 'Required by the schema, but empty' },
    ];
  };

  it('reports every problem of a messy file with its line, column and reason, and writes nothing', async () => {
    const report = await importPlaces(db, fixture('messy.csv'), options());
    expect(report.problems).toEqual(MESSY_PROBLEMS());
    // Odd but readable opening hours are kept, with the opening-hours check's warnings.
    const clock = { country: 'FR', region: null, timeZone: 'Europe/Paris', latitude: null, longitude: null };
    expect(report.warnings).toEqual([
      { line: 1, field: 'remarque', reason: 'Unknown column: ignored' },
      { line: 4, field: 'latitude', reason: 'No coordinates: the place is listed, but not on the map nor sorted by distance' },
      ...checkOpeningHours('Lu-Ve 9h-12h', clock, 'en').warnings.map((reason) => ({ line: 4, field: 'horaires', reason })),
    ]);
    expect(report.warnings.filter((w) => w.field === 'horaires').length).toBeGreaterThan(0);
    expect(report).toMatchObject({ rows: 7, created: 2, updated: 0, unchanged: 0, invalid: 5, stopped: true });
    expect(await count(db, 'places')).toBe(0);
  });

  it('with skipInvalid imports the valid rows, as read, and lists the rest; again, it changes nothing', async () => {
    const auditBefore = await count(db, 'audit_log');
    const report = await importPlaces(db, fixture('messy.csv'), options({ skipInvalid: true }));
    expect(report).toMatchObject({ created: 2, updated: 0, unchanged: 0, invalid: 5, stopped: false });
    expect(report.problems).toEqual(MESSY_PROBLEMS());
    const places = await db
      .selectFrom('places')
      .innerJoin('municipalities', 'municipalities.id', 'places.municipality_id')
      .select([
        'places.slug',
        'places.external_id',
        'places.name',
        'places.pivot',
        'places.latitude',
        'places.opening_hours',
        'places.details',
        'places.mediation_services',
        'places.fees',
        'places.support_modes',
        'municipalities.slug as municipality',
      ])
      .orderBy('places.slug')
      .execute();
    expect(places.map((p) => ({ ...p, latitude: p.latitude === null ? null : Number(p.latitude) }))).toEqual([
      {
        slug: 'ormeaux-lavoir',
        external_id: 'ormeaux-lavoir',
        name: 'Espace numérique du Lavoir',
        pivot: '12345678901234',
        latitude: 46.7385,
        opening_hours: 'Mo-Fr 09:00-12:00',
        details: JSON.stringify({ fr: 'Au premier étage ;\r\nsonnez à l’interphone.' }),
        mediation_services: '["admin_procedures","internet_access"]',
        fees: '["free"]',
        support_modes: '["individual"]',
        municipality: 'les-ormeaux',
      },
      {
        slug: 'st-aubin-gare',
        external_id: 'st-aubin-gare',
        name: 'Point numérique de la gare',
        pivot: null,
        latitude: null,
        opening_hours: 'Lu-Ve 9h-12h',
        details: '{}',
        mediation_services: '["everyday_tools"]',
        fees: '["free_conditional"]',
        support_modes: '["autonomous","workshop"]',
        municipality: 'saint-aubin-sur-verte',
      },
    ]);
    // One audit entry per place and one for the run.
    expect((await count(db, 'audit_log')) - auditBefore).toBe(3);

    const again = await importPlaces(db, fixture('messy.csv'), options({ skipInvalid: true }));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: 5, stopped: false });
    expect((await count(db, 'audit_log')) - auditBefore).toBe(3);
    expect(await count(db, 'places')).toBe(2);
  });

  it('imports a clean file once; the same file again changes nothing; a changed row updates only that place', async () => {
    const first = await importPlaces(db, fixture('valid.csv'), options());
    expect(first).toMatchObject({ rows: 2, created: 2, updated: 0, unchanged: 0, invalid: 0, stopped: false, problems: [] });
    expect(first.warnings).toEqual([
      { line: 2, field: 'courriels', reason: 'Several values: only the first one, “contact@fabrique.example”, is kept' },
      { line: 3, field: 'latitude', reason: 'No coordinates: the place is listed, but not on the map nor sorted by distance' },
    ]);
    const bus = await db.selectFrom('places').selectAll().where('external_id', '=', 'hub-002').executeTakeFirstOrThrow();
    expect(bus).toMatchObject({ source: 'Hub Vallée', pivot: 'W123456789', mobile: 1, opening_hours: 'We 14:00-17:00' });
    expect(JSON.parse(bus.support_modes)).toEqual(['individual', 'remote']);

    const second = await importPlaces(db, fixture('valid.csv'), options());
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, invalid: 0 });

    const changed = fixture('valid.csv').replace('Fabrique numérique', 'Fabrique numérique de Saint-Aubin');
    const third = await importPlaces(db, changed, options());
    expect(third).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await db.selectFrom('places').select('name').where('external_id', '=', 'hub-001').executeTakeFirstOrThrow()).name).toBe(
      'Fabrique numérique de Saint-Aubin',
    );
  });

  it('refuses an id that belongs to another source, and a file without the required columns', async () => {
    const other = await importPlaces(db, fixture('valid.csv'), options({ source: 'Another hub' }));
    expect(other.stopped).toBe(true);
    expect(other.problems).toEqual([
      { line: 2, field: 'id', reason: 'This id belongs to a place imported from another source (“Hub Vallée”)' },
      { line: 3, field: 'id', reason: 'This id belongs to a place imported from another source (“Hub Vallée”)' },
    ]);
    const noColumns = await importPlaces(db, 'id,nom\nx,Y\n', options());
    expect(noColumns.stopped).toBe(true);
    expect(noColumns.problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      '1 pivot',
      '1 commune',
      '1 code_postal',
      '1 adresse',
      '1 date_maj',
    ]);
    expect((await importPlaces(db, '', options())).problems).toEqual([{ line: 1, field: '', reason: 'The file is empty' }]);
    expect((await importPlaces(db, 'id,pivot\n"x,1\n', options())).problems[0]).toMatchObject({
      line: 2,
      reason: 'A quoted cell is never closed',
    });
  });

  it('refuses to import without an admin', async () => {
    const mediator = { id: 1, roles: ['mediator'], emailVerified: true, placeIds: [] };
    const csv = fixture('valid.csv').replace(/hub-00/g, 'other-');
    const report = await importPlaces(db, csv, options({ actor: mediator }));
    // All or nothing: the first refused row stops the import, and nothing stays written.
    expect(report.stopped).toBe(true);
    expect(report.problems).toEqual([expect.objectContaining({ line: 2, reason: 'This place could not be written: Not allowed' })]);
    expect(await db.selectFrom('places').select('id').where('external_id', 'like', 'other-%').execute()).toEqual([]);
  });
});

describeEachDatabase('places export → import round trip', (dialect) => {
  let source: TestApp;
  let target: TestApp;
  beforeAll(async () => {
    source = await createTestApp(dialect, { seed: true });
    // A place with every value of every vocabulary, imported from elsewhere, that travels.
    const everything = fixture('valid.csv')
      .split('\n')
      .slice(0, 2)
      .join('\n')
      .replace(
        /Loisirs et créations numériques\|Acquisition de matériel informatique à prix solidaire/,
        Object.values(VOCABULARIES.services).join('|'),
      )
      .replace('Jeunes|Seniors', Object.values(VOCABULARIES.publics).join('|'))
      .replace('Surdité|Langues étrangères (anglais)', Object.values(VOCABULARIES.specificSupport).join('|'))
      .replace('Gratuit|Payant', Object.values(VOCABULARIES.fees).join('|'))
      .replace('Se présenter|Téléphoner|Prendre un RDV en ligne', Object.values(VOCABULARIES.accessModes).join('|'))
      .replace('Dans un atelier collectif|Accompagnement individuel', Object.values(VOCABULARIES.supportModes).join('|'))
      .replace(',Fixe,', ',Itinérant,');
    expect(await importPlaces(source.app.db, everything, options())).toMatchObject({ created: 1, invalid: 0 });
    target = await createTestApp(dialect);
    await territoryModule.demoSeed!({ db: target.app.db } as never);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('imports the CSV export into an empty territory as the same places, and the export of those is the same file', async () => {
    const exported = (await source.app.inject({ method: 'GET', url: '/api/v1/places.csv' })).body;
    const report = await importPlaces(target.app.db, exported, options());
    expect(report.problems).toEqual([]);
    expect(report.stopped).toBe(false);
    const { header, rows } = validateLieuxCsv(exported);
    expect(report.created).toBe(rows.length);
    const hub = rows.find((r) => r[header.indexOf('id')] === 'hub-001')!;
    expect(hub[header.indexOf('modalites_acces')]).toBe(Object.values(VOCABULARIES.accessModes).join('|'));
    expect(hub[header.indexOf('itinerance')]).toBe('Itinérant');
    expect(hub[header.indexOf('source')]).toBe('Hub Vallée');
    const again = (await target.app.inject({ method: 'GET', url: '/api/v1/places.csv' })).body;
    const withoutDate = (csv: string) => {
      const { header, rows: r } = validateLieuxCsv(csv);
      const at = header.indexOf('date_maj');
      return r.map((cells) => cells.filter((_, i) => i !== at));
    };
    expect(validateLieuxCsv(again).problems).toEqual([]);
    expect(withoutDate(again)).toEqual(withoutDate(exported));
    // Re-importing the export into the territory it came from changes nothing.
    expect(await importPlaces(source.app.db, exported, options())).toMatchObject({ created: 0, updated: 0, invalid: 0 });
  });
});

describe('ecoop import places', () => {
  let dir: string;
  let env: Record<string, string>;
  const capture = () => {
    const lines: string[] = [];
    const errors: string[] = [];
    return { out: { log: (s: string) => lines.push(s), error: (s: string) => errors.push(s) }, lines, errors };
  };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-cli-places-'));
    env = { DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test', DEMO_DATA: 'false' };
    expect(await runCli(['seed'], env, capture().out)).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const placeCount = () => {
    const sqlite = openSqlite(path.join(dir, 'ecoop.sqlite'), { readonly: true });
    const n = (sqlite.prepare('select count(*) as n from places').get() as { n: number }).n;
    sqlite.close();
    return n;
  };

  it('prints every problem and exits 1 without writing; --skip-invalid imports the valid lines and exits 0', async () => {
    const before = placeCount();
    const c = capture();
    expect(await runCli(['import', 'places', path.join(FIXTURES, 'messy.csv')], env, c.out)).toBe(1);
    const text = c.lines.join('\n');
    expect(text).toContain('to create: 2, to update: 0, unchanged: 0, with problems: 5');
    expect(text).toContain('line 6, services: Unknown value “Cours de cuisine”');
    expect(text).toContain('line 7, code_postal: “7141” is not a 5-digit postcode');
    expect(text).toContain('line 4, latitude: No coordinates');
    expect(text).toContain('Nothing was written');
    expect(placeCount()).toBe(before);

    const s = capture();
    expect(await runCli(['import', 'places', path.join(FIXTURES, 'messy.csv'), '--skip-invalid', '--source', 'Hub test'], env, s.out)).toBe(
      0,
    );
    expect(s.lines.join('\n')).toContain('created: 2, updated: 0, unchanged: 0, with problems: 5');
    expect(s.lines.join('\n')).toContain('The 5 line(s) with problems were not imported.');
    expect(placeCount()).toBe(before + 2);
  });

  it('says how to use it', async () => {
    const c = capture();
    expect(await runCli(['import', 'places'], env, c.out)).toBe(2);
    expect(c.errors.join('\n')).toContain('Usage: ecoop import places FILE [--skip-invalid] [--source NAME]');
    expect(await runCli(['import', 'places', path.join(dir, 'missing.csv')], env, capture().out)).toBe(1);
  });
});
