/**
 * The directory as open data: the "lieux de médiation numérique" CSV and the data·inclusion
 * structures and services, validated against the national schemas kept in schemas/ — on the demo
 * places and on places that use every value of every vocabulary.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contentChanged } from '../../platform/content-cache.js';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { LIEUX_SCHEMA, validateLieuxCsv, validateServices, validateStructures } from '../../../test/fixtures/places/validate.js';
import { THEMATIQUES } from './data-inclusion.js';
import { LIEUX_COLUMNS, NO_PIVOT } from './places-csv.js';
import { codesOf, schemaValue, VOCABULARIES, type VocabularyName } from './places.model.js';
import { createPlace, type PlaceInput } from './places.write.js';

const ADMIN = { id: 0, roles: ['admin'], emailVerified: true, placeIds: [] };
const CONTEXT = { actorId: null, requestId: 'test', ip: null };

/** A valid place input in a municipality, with every list empty but the services. */
function placeInput(municipalityId: number, overrides: Partial<PlaceInput> = {}): PlaceInput {
  return {
    name: 'Espace numérique',
    municipalityId,
    organisationId: null,
    address: '1 place de la Mairie',
    addressComplement: null,
    postcode: '71410',
    inseeCode: null,
    latitude: 46.84,
    longitude: 4.31,
    country: 'FR',
    region: null,
    timeZone: 'Europe/Paris',
    openingHours: 'Mo-Fr 09:00-12:00',
    phone: null,
    email: null,
    website: null,
    pivot: null,
    summary: { fr: 'Un lieu pour apprendre.' },
    details: {},
    mobile: false,
    source: null,
    externalId: null,
    services: ['everyday_tools'],
    publics: [],
    specificSupport: [],
    fees: [],
    accessModes: [],
    supportModes: [],
    equipment: [],
    accessibility: [],
    ...overrides,
  };
}

describeEachDatabase('places open data', (dialect) => {
  let t: TestApp;
  let placeCount = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const db = t.app.db;
    const municipality = await db.selectFrom('municipalities').select('id').where('slug', '=', 'mont-rivel').executeTakeFirstOrThrow();
    // Every value of every vocabulary, a mobile place, a pivot, a national phone number, text that needs quoting.
    await createPlace(
      db,
      ADMIN,
      placeInput(municipality.id, {
        name: 'Bus numérique "Connecté", Mont-Rivel',
        mobile: true,
        pivot: '43493312300029',
        phone: '03 85 00 11 22',
        email: 'bus@example.org',
        website: 'https://bus.example.org/',
        summary: { fr: 'Le bus passe chaque semaine ; on y apprend, ensemble.', en: 'The bus comes every week.' },
        details: { fr: 'Première ligne,\nseconde ligne avec des "guillemets".' },
        services: codesOf('services'),
        publics: codesOf('publics'),
        specificSupport: codesOf('specificSupport'),
        fees: codesOf('fees'),
        accessModes: codesOf('accessModes'),
        supportModes: codesOf('supportModes'),
        equipment: codesOf('equipment'),
        accessibility: codesOf('accessibility'),
      }),
      CONTEXT,
    );
    // The fewest fields: no coordinates, no opening hours, no lists but one service.
    await createPlace(
      db,
      ADMIN,
      placeInput(municipality.id, {
        name: 'Permanence',
        latitude: null,
        longitude: null,
        openingHours: null,
        summary: { en: 'Only English.' },
      }),
      CONTEXT,
    );
    placeCount = Number(
      (
        await db
          .selectFrom('places')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  });
  afterAll(async () => t?.close());

  it('exports every place as CSV valid against the lieux de médiation numérique Table Schema', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/places.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lieux-mediation-numerique\.csv"$/);
    expect(res.body.endsWith('\r\n')).toBe(true);
    const { header, rows, problems } = validateLieuxCsv(res.body);
    expect(header).toEqual(LIEUX_SCHEMA.fields.map((f) => f.name));
    expect(header).toEqual([...LIEUX_COLUMNS]);
    expect(problems).toEqual([]);
    expect(rows).toHaveLength(placeCount);
    expect(placeCount).toBeGreaterThan(2);
  });

  it('writes the schema’s French vocabulary, every value of it, joined with |', async () => {
    const { header, rows } = validateLieuxCsv((await t.app.inject({ method: 'GET', url: '/api/v1/places.csv' })).body);
    const col = (row: string[], name: string) => row[header.indexOf(name)]!;
    const bus = rows.find((r) => col(r, 'nom') === 'Bus numérique "Connecté", Mont-Rivel')!;
    expect(bus).toBeDefined();
    const columns: [string, VocabularyName][] = [
      ['services', 'services'],
      ['publics_specifiquement_adresses', 'publics'],
      ['prise_en_charge_specifique', 'specificSupport'],
      ['frais_a_charge', 'fees'],
      ['modalites_acces', 'accessModes'],
      ['modalites_accompagnement', 'supportModes'],
    ];
    for (const [column, vocabulary] of columns) expect(col(bus, column).split('|')).toEqual(Object.values(VOCABULARIES[vocabulary]));
    expect(col(bus, 'itinerance')).toBe('Itinérant');
    expect(col(bus, 'pivot')).toBe('43493312300029');
    expect(col(bus, 'telephone')).toBe('+33385001122');
    expect(col(bus, 'presentation_detail')).toBe('Première ligne,\nseconde ligne avec des "guillemets".');
    expect(col(bus, 'prise_rdv')).toMatch(/^http.*\/fr\/places\/[a-z0-9-]+\/appointments$/);
    expect(col(bus, 'date_maj')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const sparse = rows.find((r) => col(r, 'nom') === 'Permanence')!;
    expect(col(sparse, 'pivot')).toBe(NO_PIVOT);
    expect(col(sparse, 'latitude')).toBe('');
    expect(col(sparse, 'horaires')).toBe('');
    expect(col(sparse, 'presentation_resume')).toBe('Only English.');
    expect(col(sparse, 'itinerance')).toBe('Fixe');
    expect(col(sparse, 'services')).toBe(schemaValue('services', 'everyday_tools'));
    // Demo places: id is the slug, source the platform, the municipality's INSEE code.
    const demo = rows.find((r) => col(r, 'id') === 'mediatheque-saint-aubin')!;
    expect(col(demo, 'source')).toBe('E-COOP');
    expect(col(demo, 'commune')).toBe('Saint-Aubin-sur-Verte');
    expect(col(demo, 'code_insee')).toBe('71400');
  });

  it('exports one data·inclusion structure per place, valid against the v1 JSON Schema', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/places/data-inclusion/structures.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const structures = res.json() as Record<string, unknown>[];
    expect(structures).toHaveLength(placeCount);
    expect(validateStructures(structures)).toEqual([]);
    const bus = structures.find((s) => String(s.nom).startsWith('Bus numérique'))!;
    expect(bus.siret).toBe('43493312300029');
    expect(String(bus.description).length).toBeGreaterThanOrEqual(50);
    const sparse = structures.find((s) => s.nom === 'Permanence')!;
    expect(sparse.latitude).toBeNull();
    expect(String(sparse.description).length).toBeGreaterThanOrEqual(50);
  });

  it('exports one data·inclusion service per place and kind of help, valid, with the documented thematiques', async () => {
    const [structures, services] = await Promise.all(
      ['structures', 'services'].map(
        async (what) =>
          (await t.app.inject({ method: 'GET', url: `/api/v1/places/data-inclusion/${what}.json` })).json() as Record<string, unknown>[],
      ),
    );
    expect(validateServices(services!)).toEqual([]);
    const ids = new Set(structures!.map((s) => s.id));
    for (const s of services!) expect(ids.has(s.structure_id)).toBe(true);
    expect(new Set(services!.map((s) => s.id)).size).toBe(services!.length);
    const bus = structures!.find((s) => String(s.nom).startsWith('Bus numérique'))!;
    const busServices = services!.filter((s) => s.structure_id === bus.id);
    expect(busServices).toHaveLength(codesOf('services').length);
    const equipment = busServices.find((s) => String(s.id).endsWith('--affordable-equipment'))!;
    expect(equipment.thematiques).toEqual(THEMATIQUES.affordable_equipment);
    expect(equipment.frais).toBe('gratuit');
    expect(equipment.modes_accueil).toEqual(['en-presentiel', 'a-distance']);
    expect(equipment.lien_mobilisation).toMatch(/\/appointments$/);
    expect(equipment.publics).toEqual(['jeunes', 'etudiants', 'familles', 'seniors', 'femmes', 'personnes-en-situation-de-handicap']);
  });

  it('builds each export once per content generation, and limits how often a client downloads them', async () => {
    const cached = await createTestApp(dialect, { seed: true, config: { pageCache: true, rateLimits: true } });
    try {
      const get = () => cached.app.inject({ method: 'GET', url: '/api/v1/places.csv', remoteAddress: '203.0.113.9' });
      const first = (await get()).body;
      await cached.app.db.updateTable('places').set({ name: 'Renamed directly' }).where('slug', '=', 'mediatheque-saint-aubin').execute();
      expect((await get()).body).toBe(first);
      await contentChanged(cached.app.db);
      cached.app.contentGeneration.expire();
      expect((await get()).body).toContain('Renamed directly');
      for (let i = 3; i < 30; i++) expect((await get()).statusCode).toBe(200);
      const limited = await get();
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    } finally {
      await cached.close();
    }
  });

  it('documents the three exports in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/places.csv',
      '/api/v1/places/data-inclusion/structures.json',
      '/api/v1/places/data-inclusion/services.json',
    ])
      expect(doc.paths[path]).toBeDefined();
  });
});
