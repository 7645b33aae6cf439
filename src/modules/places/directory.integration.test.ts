/**
 * The directory (`/places`), the place page (`/places/{slug}`) and their JSON API, on both
 * databases: every filter and combinations, distance ordering from a municipality and from
 * coordinates, "open now" in each place's own time zone at an injected instant, pagination and
 * cursors, bad input, and the OpenAPI description against real answers.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { contentChanged } from '../../platform/content-cache.js';
import { createUserWithRoles } from '../accounts/index.js';
import { setClock } from '../../platform/clock.js';

type Json = any;

/** Wednesday 2 December 2026, 11:00 in Paris, 05:00 in New York. */
const WED_MORNING = new Date('2026-12-02T10:00:00Z');
/** The same Wednesday, 21:00 in Paris, 15:00 in New York. */
const WED_EVENING = new Date('2026-12-02T20:00:00Z');

interface TestPlace {
  slug: string;
  name: string;
  municipality: string;
  lat: number | null;
  lng: number | null;
  hours: string | null;
  timeZone?: string;
  services: string[];
  publics?: string[];
  support?: string[];
  fees?: string[];
  access?: string[];
  equipment?: string[];
  saturday?: boolean;
  evening?: boolean;
}

const PLACES: TestPlace[] = [
  {
    slug: 'alpha-library',
    name: 'Alpha library',
    municipality: 'saint-aubin-sur-verte',
    lat: 46.7925,
    lng: 4.4315,
    hours: 'Mo-Fr 09:00-18:00; PH off',
    services: ['admin_procedures', 'everyday_tools'],
    publics: ['seniors'],
    support: ['deafness'],
    fees: ['free'],
    access: ['wheelchair', 'step_free'],
    equipment: ['computers', 'printers'],
  },
  {
    slug: 'bravo-centre',
    name: 'Bravo centre',
    municipality: 'mont-rivel',
    lat: 46.845,
    lng: 4.307,
    hours: 'Mo-Sa 10:00-20:00',
    services: ['employment'],
    publics: ['youth'],
    support: ['english'],
    fees: ['paid'],
    access: ['step_free'],
    saturday: true,
    evening: true,
  },
  {
    slug: 'charlie-point',
    name: 'Charlie point',
    municipality: 'les-ormeaux',
    lat: 46.739,
    lng: 4.552,
    hours: 'Mo-Fr 09:00-17:00',
    timeZone: 'America/New_York',
    services: ['admin_procedures'],
    fees: ['free_conditional'],
  },
  {
    slug: 'delta-bus',
    name: 'Delta bus',
    municipality: 'saint-aubin-sur-verte',
    lat: null,
    lng: null,
    hours: null,
    services: ['internet_access'],
  },
];

describeEachDatabase('places directory', (dialect) => {
  let t: TestApp;
  let serviceSlug: string;
  let ids: Map<string, number>;

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  /** Marks content changed and makes this instance see it at once (it reads the counter at most once a second). */
  const changed = async () => {
    await contentChanged(t.app.db);
    t.app.contentGeneration.expire();
  };
  const slugsOf = (html: string) =>
    [...html.matchAll(/<h3 class="card__title"><a href="\/(?:en|fr)\/places\/([a-z0-9-]+)"/g)].map((m) => m[1]);
  const apiSlugs = async (query: string) => {
    const r = await get(`/api/v1/places${query}`);
    expect(r.statusCode, r.body).toBe(200);
    return (r.json<Json>().data as Json[]).map((p) => p.slug);
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const db = t.app.db;
    // Only this file's places: the demo ones (and what hangs off them) are removed.
    await db.deleteFrom('appointment_bookings').execute();
    await db.deleteFrom('appointment_slots').execute();
    await db.deleteFrom('workshop_registrations').execute();
    await db.deleteFrom('workshops').execute();
    await db.deleteFrom('place_services').execute();
    await db.deleteFrom('user_roles').where('scope_type', '=', 'place').execute();
    await db.deleteFrom('places').execute();
    const municipalities = new Map((await db.selectFrom('municipalities').select(['id', 'slug']).execute()).map((m) => [m.slug, m.id]));
    const now = new Date().toISOString();
    ids = new Map();
    for (const p of PLACES) {
      const row = await db
        .insertInto('places')
        .values({
          slug: p.slug,
          name: p.name,
          municipality_id: municipalities.get(p.municipality)!,
          organisation_id: null,
          address: `1 rue ${p.name}`,
          postcode: '71400',
          latitude: p.lat,
          longitude: p.lng,
          time_zone: p.timeZone ?? 'Europe/Paris',
          opening_hours: p.hours,
          open_saturday: p.saturday ? 1 : 0,
          open_evening: p.evening ? 1 : 0,
          phone: '+33 3 85 00 00 00',
          email: `${p.slug}@example.org`,
          website: 'https://example.org/',
          summary: JSON.stringify({ en: `${p.name} helps.`, fr: `${p.name} aide.` }),
          details: JSON.stringify({ en: 'Second floor.', fr: 'Deuxième étage.' }),
          mediation_services: JSON.stringify(p.services),
          publics: JSON.stringify(p.publics ?? []),
          specific_support: JSON.stringify(p.support ?? []),
          fees: JSON.stringify(p.fees ?? []),
          accessibility: JSON.stringify(p.access ?? []),
          equipment: JSON.stringify(p.equipment ?? []),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(p.slug, row.id);
    }
    const service = await db
      .selectFrom('services')
      .select(['id', 'slug'])
      .where('status', '=', 'published')
      .orderBy('slug')
      .executeTakeFirstOrThrow();
    serviceSlug = service.slug;
    await db
      .insertInto('place_services')
      .values({ place_id: ids.get('alpha-library')!, service_id: service.id })
      .execute();
    await changed();
    setClock(t.app.config, () => WED_MORNING);
  });
  afterEach(() => setClock(t.app.config, () => WED_MORNING));
  afterAll(async () => {
    setClock(t.app.config, null);
    await t.close();
  });

  describe('the page', () => {
    it('lists every place by name without a location, with their status and kinds of help', async () => {
      const r = await get('/en/places');
      expect(r.statusCode).toBe(200);
      expect(slugsOf(r.body)).toEqual(['alpha-library', 'bravo-centre', 'charlie-point', 'delta-bus']);
      expect(r.body).toContain('4 places found');
      expect(r.body).toContain('Sorted by name.');
      expect(r.body).toContain('Help with administrative procedures online');
      // Not cacheable by browsers or proxies: "open now" changes with the clock.
      expect(r.headers['cache-control'] ?? '').not.toMatch(/max-age=[1-9]/);
      const fr = await get('/fr/places');
      expect(fr.body).toContain('4 lieux trouvés');
      expect(fr.body).toContain('Aide aux démarches administratives');
    });

    it('filters on each criterion', async () => {
      const cases: [string, string[]][] = [
        ['service=employment', ['bravo-centre']],
        ['service=admin_procedures&service=employment', ['alpha-library', 'bravo-centre', 'charlie-point']],
        ['saturday=1', ['bravo-centre']],
        ['evening=1', ['bravo-centre']],
        ['free=1', ['alpha-library']],
        ['public=seniors', ['alpha-library']],
        ['public=seniors&public=youth', ['alpha-library', 'bravo-centre']],
        ['support=english', ['bravo-centre']],
        ['access=step_free', ['alpha-library', 'bravo-centre']],
        // Accessibility needs are all needed: a place must have each one ticked.
        ['access=step_free&access=wheelchair', ['alpha-library']],
        [`eservice=${serviceSlug}`, ['alpha-library']],
        ['service=admin_procedures&free=1', ['alpha-library']],
        ['service=employment&free=1', []],
      ];
      for (const [query, expected] of cases) {
        const r = await get(`/en/places?${query}`);
        expect(r.statusCode, query).toBe(200);
        expect(slugsOf(r.body), query).toEqual(expected);
      }
    });

    it('keeps only the places open now, in each place’s time zone', async () => {
      expect(slugsOf((await get('/en/places?open=now')).body)).toEqual(['alpha-library', 'bravo-centre']);
      setClock(t.app.config, () => WED_EVENING);
      // 21:00 in Paris: Alpha and Bravo are closed; 15:00 in New York: Charlie is open.
      expect(slugsOf((await get('/en/places?open=now')).body)).toEqual(['charlie-point']);
      expect(await apiSlugs('?open=now')).toEqual(['charlie-point']);
    });

    it('keeps a page only while it is true: until the next minute of the places’ clock, or a change of content', async () => {
      const url = '/en/places?open=now&service=admin_procedures';
      setClock(t.app.config, () => new Date(WED_MORNING.getTime() + 5_000));
      expect((await get(url)).headers['x-page-cache']).toBe('miss');
      setClock(t.app.config, () => new Date(WED_MORNING.getTime() + 59_000));
      expect((await get(url)).headers['x-page-cache']).toBe('hit');
      // The next minute: rendered again (an opening or closing falls on a whole minute).
      setClock(t.app.config, () => new Date(WED_MORNING.getTime() + 60_000));
      expect((await get(url)).headers['x-page-cache']).toBe('miss');
      expect((await get(url)).headers['x-page-cache']).toBe('hit');
      await changed();
      expect((await get(url)).headers['x-page-cache']).toBe('miss');
    });

    it('gives the map its markers with the same filters when it is opened, not in the page', async () => {
      const page = await get('/en/places?service=admin_procedures');
      expect(page.body).toContain('"pointsUrl":"/en/places/map.json?service=admin_procedures"');
      expect(page.body).not.toContain('"lat":');
      const r = await get('/en/places/map.json?service=admin_procedures');
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('application/json');
      const points = r.json<{ points: Json[] }>().points;
      expect(points.map((p) => p.url)).toEqual(['/en/places/alpha-library', '/en/places/charlie-point']);
      expect(points[0]).toMatchObject({ name: 'Alpha library', lat: 46.7925, lng: 4.4315 });
      // Only places with coordinates: the bus has none.
      const all = (await get('/fr/places/map.json')).json<{ points: Json[] }>().points;
      expect(all.map((p) => p.url)).not.toContain('/fr/places/delta-bus');
      expect((await get('/en/places/map.json?lat=91&lng=4')).statusCode).toBe(400);
    });

    it('sorts by distance from a municipality (slug, name or postcode) or from coordinates', async () => {
      for (const near of ['mont-rivel', 'Mont-Rivel', 'mont rivel', '71410', 'Mont-Rivel (71410)']) {
        const r = await get(`/en/places?near=${encodeURIComponent(near)}`);
        expect(slugsOf(r.body), near).toEqual(['bravo-centre', 'alpha-library', 'charlie-point', 'delta-bus']);
        expect(r.body).toContain('Sorted by distance from Mont-Rivel.');
      }
      const fromLesOrmeaux = await get('/fr/places?lat=46.7385&lng=4.5526');
      expect(slugsOf(fromLesOrmeaux.body)).toEqual(['charlie-point', 'alpha-library', 'bravo-centre', 'delta-bus']);
      expect(fromLesOrmeaux.body).toContain('Classés par distance depuis votre position.');
      // Distances in the reader's language: "0,1 km" in French.
      expect(fromLesOrmeaux.body).toMatch(/à 0,\d km/);
      expect((await get('/en/places?near=les-ormeaux')).body).toMatch(/0\.\d km away/);
    });

    it('explains an unknown location instead of failing, and lists by name', async () => {
      const r = await get('/en/places?near=Atlantis');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('class="error-summary"');
      expect(r.body).toContain('We do not know “Atlantis”');
      expect(r.body).toContain('href="#near"');
      expect(slugsOf(r.body)).toEqual(['alpha-library', 'bravo-centre', 'charlie-point', 'delta-bus']);
    });

    it('answers malformed filters with an error summary, not a 500', async () => {
      for (const query of ['lat=91&lng=4', 'lat=abc&lng=4', 'lat=45', 'service=teleportation', 'open=later']) {
        const r = await get(`/en/places?${query}`);
        expect(r.statusCode, query).toBe(400);
        expect(r.body, query).toContain('class="error-summary"');
      }
      // An e-service that is not published: the filter is dropped and said so.
      const unknown = await get('/en/places?eservice=no-such-service');
      expect(unknown.statusCode).toBe(200);
      expect(unknown.body).toContain('class="error-summary"');
      expect(slugsOf(unknown.body)).toHaveLength(4);
    });

    it('shows the active filters with links that remove each, and an empty state with help', async () => {
      const r = await get('/en/places?service=employment&free=1');
      expect(r.body).toContain('No place found');
      expect(r.body).toContain('No place matches all these filters');
      expect(r.body).toContain('href="/en/places?service=employment" aria-label="Remove filter: Free of charge"');
      expect(r.body).toContain('href="/en/places?free=1" aria-label="Remove filter: Finding work with digital tools"');
    });

    it('pages by 20, keeping the filters', async () => {
      const db = t.app.db;
      const municipality = await db.selectFrom('municipalities').select('id').where('slug', '=', 'mont-rivel').executeTakeFirstOrThrow();
      const now = new Date().toISOString();
      for (let i = 0; i < 22; i++) {
        await db
          .insertInto('places')
          .values({
            slug: `zulu-${String(i).padStart(2, '0')}`,
            name: `Zulu ${String(i).padStart(2, '0')}`,
            municipality_id: municipality.id,
            organisation_id: null,
            address: 'x',
            postcode: '71410',
            latitude: 46.8 + i / 1000,
            longitude: 4.3,
            opening_hours: null,
            phone: null,
            email: null,
            website: null,
            summary: '{}',
            mediation_services: '["leisure"]',
            created_at: now,
            updated_at: now,
          })
          .execute();
      }
      await changed();
      try {
        const first = await get('/en/places?service=leisure');
        expect(slugsOf(first.body)).toHaveLength(20);
        expect(first.body.replace(/&amp;/g, '&')).toContain('href="/en/places?service=leisure&page=2"');
        const second = await get('/en/places?service=leisure&page=2');
        expect(slugsOf(second.body)).toEqual(['zulu-20', 'zulu-21']);
        // The API walks the same list with its cursor.
        const seen: string[] = [];
        let next: string | null = '';
        while (next !== null) {
          const page: Json = (await get(`/api/v1/places?service=leisure&limit=7${next ? `&cursor=${next}` : ''}`)).json();
          expect(page.total).toBe(22);
          seen.push(...page.data.map((p: Json) => p.slug));
          next = page.next;
        }
        expect(seen).toEqual(Array.from({ length: 22 }, (_, i) => `zulu-${String(i).padStart(2, '0')}`));
      } finally {
        await db.deleteFrom('places').where('slug', 'like', 'zulu-%').execute();
        await changed();
      }
    });
  });

  describe('a place’s page', () => {
    beforeAll(async () => {
      const db = t.app.db;
      const alpha = ids.get('alpha-library')!;
      await createUserWithRoles(db, {
        email: 'medi@example.org',
        displayName: 'Maryam Mediator',
        password: 'correct horse battery staple',
        locale: 'en',
        roles: [{ role: 'mediator', scopeType: 'place', scopeId: alpha }],
      });
      await createUserWithRoles(db, {
        email: 'other@example.org',
        displayName: 'Otto Elsewhere',
        password: 'correct horse battery staple',
        locale: 'en',
        roles: [{ role: 'mediator', scopeType: 'place', scopeId: ids.get('bravo-centre')! }],
      });
      const now = new Date().toISOString();
      const workshop = (title: string, startsAt: string, capacity: number, registered: number) => ({
        place_id: alpha,
        title,
        theme: 'online_safety',
        level: 'beginner',
        starts_at: startsAt,
        duration_minutes: 90,
        capacity,
        registered_count: registered,
        created_at: now,
        updated_at: now,
      });
      await db
        .insertInto('workshops')
        .values([
          workshop('Past workshop', '2026-11-30T09:00:00.000Z', 10, 0),
          workshop('Safe passwords', '2026-12-03T09:00:00.000Z', 10, 4),
          workshop('Full house', '2026-12-04T09:00:00.000Z', 5, 5),
        ])
        .execute();
      const slot = (startsAt: string) => ({
        place_id: alpha,
        mediator_id: null,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 30 * 60000).toISOString(),
        created_at: now,
        updated_at: now,
      });
      await db
        .insertInto('appointment_slots')
        .values([
          slot('2026-12-03T10:00:00.000Z'),
          slot('2026-12-04T10:00:00.000Z'),
          slot('2026-12-05T10:00:00.000Z'),
          slot('2026-12-30T10:00:00.000Z'),
        ])
        .execute();
      const booked = await db
        .selectFrom('appointment_slots')
        .select('id')
        .where('starts_at', '=', '2026-12-05T10:00:00.000Z')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('appointment_bookings')
        .values({ slot_id: booked.id, user_id: null, need: 'help', service_id: null, created_at: now, updated_at: now })
        .execute();
      await changed();
    });

    it('shows every section', async () => {
      const r = await get('/en/places/alpha-library');
      expect(r.statusCode).toBe(200);
      const html = r.body;
      expect(html).toContain('<h1>Alpha library</h1>');
      expect(html).toContain('Alpha library helps.');
      expect(html).toContain('Help with administrative procedures online');
      expect(html).toContain('Opening hours');
      expect(html).toContain('https://www.openstreetmap.org/directions?to=46.7925%2C4.4315');
      expect(html).toContain('href="tel:+33385000000"');
      expect(html).toContain('href="mailto:alpha-library@example.org"');
      expect(html).toContain('Printers');
      expect(html).toContain('Wheelchair accessible');
      expect(html).toContain('Seniors');
      expect(html).toContain('Deafness');
      expect(html).toContain('Maryam Mediator');
      expect(html).not.toContain('Otto Elsewhere');
      expect(html).toContain(`href="/en/services/${serviceSlug}"`);
      // Upcoming workshops: not the past one; seats left, or full.
      expect(html).not.toContain('Past workshop');
      expect(html).toContain('Safe passwords');
      expect(html).toContain('6 places left');
      expect(html).toContain('Full: waiting list open');
      expect(html).toContain('href="/en/workshops?place=alpha-library"');
      // Two free slots in the next 14 days (one is booked, one is too far ahead).
      expect(html).toContain('2 free slots in the next 14 days.');
      expect(html).toContain('href="/en/places/alpha-library/appointments"');
      expect(html).toContain('href="/places/alpha-library/calendar.ics"');
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!) as Json;
      expect(jsonLd['@type']).toBe('CivicStructure');
      expect(jsonLd.openingHours).toEqual(['Mo-Fr 09:00-18:00', 'PH off']);
      expect(jsonLd.geo).toEqual({ '@type': 'GeoCoordinates', latitude: 46.7925, longitude: 4.4315 });
      expect(html).toContain('id="place-map-data"');
    });

    it('says when nothing is planned, and shows no map without coordinates', async () => {
      const r = await get('/fr/places/delta-bus');
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('Aucun atelier n’est prévu pour le moment.');
      expect(r.body).toContain('Aucun créneau n’est disponible dans les 14 prochains jours');
      expect(r.body).toContain('Les horaires ne sont pas indiqués.');
      expect(r.body).not.toContain('place-map-data');
      expect(r.body).toContain('https://www.openstreetmap.org/search?query=');
    });

    it('is a 404 for an unknown or malformed slug', async () => {
      expect((await get('/en/places/no-such-place')).statusCode).toBe(404);
      expect((await get('/en/places/NOT%20A%20SLUG')).statusCode).toBe(404);
      expect((await get('/api/v1/places/no-such-place')).json<Json>().code).toBe('not_found');
    });

    it('is the same place in the API', async () => {
      const r = await get('/api/v1/places/alpha-library');
      expect(r.statusCode).toBe(200);
      const p = r.json<Json>();
      expect(p).toMatchObject({
        slug: 'alpha-library',
        services: ['admin_procedures', 'everyday_tools'],
        fees: ['free'],
        mediators: ['Maryam Mediator'],
        eservices: [serviceSlug],
        status: { state: 'open' },
        timeZone: 'Europe/Paris',
      });
      expect(p.week).toHaveLength(7);
      expect(r.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('the API', () => {
    it('takes the page’s filters, repeated or comma-separated', async () => {
      expect(await apiSlugs('?service=admin_procedures,employment')).toEqual(['alpha-library', 'bravo-centre', 'charlie-point']);
      expect(await apiSlugs('?service=admin_procedures&service=employment')).toEqual(['alpha-library', 'bravo-centre', 'charlie-point']);
      expect(await apiSlugs('?free=true')).toEqual(['alpha-library']);
      expect(await apiSlugs('?access=step_free,wheelchair')).toEqual(['alpha-library']);
      expect(await apiSlugs(`?eservice=${serviceSlug}`)).toEqual(['alpha-library']);
      expect(await apiSlugs('?near=71410')).toEqual(['bravo-centre', 'alpha-library', 'charlie-point', 'delta-bus']);
      const r = (await get('/api/v1/places?near=mont-rivel')).json<Json>();
      expect(r.data[0].distanceKm).toBeLessThan(0.1);
      expect(r.data[1].distanceKm).toBeGreaterThan(5);
      expect(r.data[3].distanceKm).toBeNull();
      expect(r.next).toBeNull();
    });

    it('refuses bad input with 400 naming the parameter', async () => {
      const cases: [string, string][] = [
        ['?service=teleportation', 'service'],
        ['?lat=100&lng=4', 'lat'],
        ['?lat=45', 'lng'],
        ['?lat=45&lng=west', 'lng'],
        ['?near=Atlantis', 'near'],
        ['?eservice=no-such-service', 'eservice'],
        ['?limit=0', 'limit'],
        ['?limit=101', 'limit'],
        ['?cursor=forged!', 'cursor'],
        ['?colour=blue', 'colour'],
        ['?open=later', 'open'],
      ];
      for (const [query, field] of cases) {
        const r = await get(`/api/v1/places${query}`);
        expect(r.statusCode, query).toBe(400);
        const body = r.json<Json>();
        expect(body.code, query).toBe('bad_request');
        expect(
          body.fields.map((f: Json) => f.field),
          query,
        ).toContain(field);
      }
    });
  });

  describe('OpenAPI', () => {
    let doc: Json;
    let ajv: Ajv2020;
    beforeAll(async () => {
      doc = (await get('/api/v1/openapi.json')).json<Json>();
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'openapi', components: doc.components });
    });
    const check = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };

    it('describes both routes and matches what they return', async () => {
      expect(doc.paths['/api/v1/places'].get).toBeDefined();
      expect(doc.paths['/api/v1/places/{slug}'].get).toBeDefined();
      check('PlacePage', (await get('/api/v1/places?near=mont-rivel')).json());
      check('PlacePage', (await get('/api/v1/places?limit=1')).json());
      for (const p of PLACES) check('Place', (await get(`/api/v1/places/${p.slug}`)).json());
      check('Error', (await get('/api/v1/places?service=x')).json());
      const validate = ajv.getSchema('openapi#/components/schemas/Place')!;
      expect(validate({ slug: 'x' })).toBe(false);
    });
  });

  describe('from the catalogue', () => {
    it('links a service’s helping places to their pages and to the directory filtered on it', async () => {
      const r = await get(`/en/services/${serviceSlug}`);
      expect(r.statusCode).toBe(200);
      expect(r.body).toContain('href="/en/places/alpha-library"');
      expect(r.body).toContain(`href="/en/places?eservice=${serviceSlug}"`);
    });
  });
});
