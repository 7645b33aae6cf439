/** The directory's pure parts: reading its query string, distances, finding a municipality, ordering. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directorySearch, parseDirectoryQuery } from './directory.schemas.js';
import { distanceKm, resolveNear, searchDirectory, type DirectoryEntry, type TerritoryPlace } from './places.queries.js';

const MUNICIPALITIES: TerritoryPlace[] = [
  { slug: 'les-ormeaux', name: 'Les Ormeaux', postcode: '71420', latitude: 46.7385, longitude: 4.5526 },
  { slug: 'mont-rivel', name: 'Mont-Rivel', postcode: '71410', latitude: 46.8447, longitude: 4.3071 },
  { slug: 'saint-aubin-sur-verte', name: 'Saint-Aubin-sur-Verte', postcode: '71400', latitude: 46.7921, longitude: 4.4312 },
  { slug: 'nowhere', name: 'Nowhere', postcode: '71999', latitude: null, longitude: null },
];

describe('parseDirectoryQuery', () => {
  it('reads repeated and comma-separated codes, flags, the e-service and the location', () => {
    const { query, problems } = parseDirectoryQuery({
      service: ['admin_procedures', 'employment,leisure'],
      open: 'now',
      saturday: '1',
      evening: 'true',
      free: '1',
      public: 'seniors',
      support: 'deafness',
      access: 'wheelchair,step_free',
      eservice: 'housing-allowance',
      near: '  Mont-Rivel ',
    });
    expect(problems).toEqual([]);
    expect(query.filters).toEqual({
      services: ['admin_procedures', 'employment', 'leisure'],
      publics: ['seniors'],
      support: ['deafness'],
      access: ['wheelchair', 'step_free'],
      openNow: true,
      saturday: true,
      evening: true,
      free: true,
    });
    expect(query.eservice).toBe('housing-allowance');
    expect(query.near).toBe('Mont-Rivel');
  });

  it('reports unknown codes, bad flags, bad slugs and bad coordinates, keeping the rest', () => {
    const { query, problems } = parseDirectoryQuery({
      service: 'admin_procedures,teleportation',
      open: 'soon',
      eservice: '../etc',
      lat: '91',
      lng: '4',
    });
    expect(query.filters.services).toEqual(['admin_procedures']);
    expect(query.filters.openNow).toBe(false);
    expect(query.eservice).toBeUndefined();
    expect(query.lat).toBeUndefined();
    expect(problems).toEqual([
      { field: 'service', kind: 'unknown_code', value: 'teleportation' },
      { field: 'open', kind: 'bad_value' },
      { field: 'eservice', kind: 'bad_value' },
      { field: 'lat', kind: 'bad_coordinates' },
    ]);
    expect(parseDirectoryQuery({ lat: '45' }).problems).toEqual([{ field: 'lng', kind: 'bad_coordinates' }]);
    expect(parseDirectoryQuery({ lat: '45', lng: '200' }).problems).toEqual([{ field: 'lng', kind: 'bad_coordinates' }]);
  });

  it('refuses unknown parameters only when strict (the API)', () => {
    expect(parseDirectoryQuery({ colour: 'blue', page: '2' }).problems).toEqual([]);
    expect(parseDirectoryQuery({ colour: 'blue', limit: '2' }, { strict: true, allowed: ['limit'] }).problems).toEqual([
      { field: 'colour', kind: 'unknown_parameter' },
    ]);
  });

  it('writes back the query string it reads (pagination and "remove filter" links)', () => {
    const text = 'near=mont-rivel&service=admin_procedures&service=employment&open=now&free=1&access=wheelchair&eservice=x';
    const { query } = parseDirectoryQuery(
      Object.fromEntries([...new URLSearchParams(text).keys()].map((k) => [k, new URLSearchParams(text).getAll(k)])),
    );
    expect(directorySearch(query)).toBe(`?${text}`);
    expect(directorySearch(query, 3)).toBe(`?${text}&page=3`);
    expect(directorySearch(parseDirectoryQuery({}).query)).toBe('');
  });
});

describe('distanceKm', () => {
  it('measures great-circle distances', () => {
    // Paris to Lyon: about 392 km.
    expect(distanceKm({ lat: 48.8566, lng: 2.3522 }, { lat: 45.764, lng: 4.8357 })).toBeCloseTo(392, -1);
    expect(distanceKm({ lat: 46.8, lng: 4.3 }, { lat: 46.8, lng: 4.3 })).toBe(0);
  });

  it('is symmetric and never negative', () => {
    const point = fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }), lng: fc.double({ min: -180, max: 180, noNaN: true }) });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const d = distanceKm(a, b);
        return d >= 0 && d <= 20016 && Math.abs(d - distanceKm(b, a)) < 1e-6;
      }),
    );
  });
});

describe('resolveNear', () => {
  it('finds a municipality by slug, name (without case, accents or hyphens), postcode, or "Name (postcode)"', () => {
    for (const near of ['mont-rivel', 'Mont-Rivel', 'mont rivel', 'MONT RIVEL', '71410', 'Mont-Rivel (71410)']) {
      expect(resolveNear(MUNICIPALITIES, near)?.slug, near).toBe('mont-rivel');
    }
    expect(resolveNear(MUNICIPALITIES, 'saint aubin sur verte')?.slug).toBe('saint-aubin-sur-verte');
  });

  it('knows nothing of other places, nor of municipalities without coordinates', () => {
    expect(resolveNear(MUNICIPALITIES, 'Atlantis')).toBeNull();
    // A known name with a mistyped postcode still means that municipality.
    expect(resolveNear(MUNICIPALITIES, 'Mont-Rivel (99999)')?.slug).toBe('mont-rivel');
    expect(resolveNear(MUNICIPALITIES, 'nowhere')).toBeNull();
  });
});

describe('searchDirectory', () => {
  const entry = (slug: string, lat: number | null, lng: number | null): DirectoryEntry => ({
    id: slug.length,
    slug,
    name: slug,
    municipality: 'x',
    address: '',
    postcode: '',
    latitude: lat,
    longitude: lng,
    clock: { country: 'FR', region: null, timeZone: 'Europe/Paris' },
    openingHours: null,
    openSaturday: false,
    openEvening: false,
    summary: '{}',
    services: ['leisure'],
    publics: [],
    support: [],
    fees: [],
    accessibility: [],
    eservices: [],
  });
  const none = { services: [], publics: [], support: [], access: [], openNow: false, saturday: false, evening: false, free: false };

  it('orders by distance when given an origin (places without coordinates last, by name), else keeps the name order', () => {
    const entries = [entry('a', 46.0, 4.0), entry('b', null, null), entry('c', 46.5, 4.0), entry('d', 46.1, 4.0)];
    const now = new Date('2026-12-02T10:00:00Z');
    expect(searchDirectory(entries, none, now).map((p) => p.slug)).toEqual(['a', 'b', 'c', 'd']);
    expect(searchDirectory(entries, none, now, { lat: 46.6, lng: 4.0 }).map((p) => p.slug)).toEqual(['c', 'd', 'a', 'b']);
    // Nothing is open without hours: "open now" keeps no place whose hours are unknown.
    expect(searchDirectory(entries, { ...none, openNow: true }, now)).toEqual([]);
  });
});
