/**
 * The directory of Digital Public Spaces: which places match a person's filters, open or closed
 * now, how far from where they are. A territory has a few hundred places at most (the bench: 200),
 * so every place's directory row is loaded once per content generation (cached by the routes) and
 * filtered, timed and sorted in JavaScript: opening hours are evaluated in each place's own time
 * zone, which SQL could not do portably anyway. Reads only.
 */
import type { Db } from '../../db/database.js';
import { openingStatus, type OpeningStatus, type PlaceClock } from './opening-hours.js';
import { codesFromJson, type Accessibility, type Fee, type MediationService, type Public, type SpecificSupport } from './places.model.js';
import './places.tables.js';

/** A place as the directory lists it (no time-dependent data: that is computed per request). */
export interface DirectoryEntry {
  id: number;
  slug: string;
  name: string;
  municipality: string;
  address: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  clock: PlaceClock;
  openingHours: string | null;
  openSaturday: boolean;
  openEvening: boolean;
  /** Translated summary (JSON text). */
  summary: string;
  services: MediationService[];
  publics: Public[];
  support: SpecificSupport[];
  fees: Fee[];
  accessibility: Accessibility[];
  /** Ids of the e-services the place helps with. */
  eservices: number[];
}

/** What a person filters on; every list is "any of" within itself, and filters combine with "and". */
export interface DirectoryFilters {
  services: MediationService[];
  openNow: boolean;
  saturday: boolean;
  evening: boolean;
  free: boolean;
  publics: Public[];
  support: SpecificSupport[];
  access: Accessibility[];
  /** An e-service's id (resolved from its slug by the caller). */
  eserviceId?: number | undefined;
}

/** Where distances are measured from. */
export interface Origin {
  lat: number;
  lng: number;
}

/** A listed place with what depends on the moment and the person: its status and distance. */
export interface DirectoryResult extends DirectoryEntry {
  status: OpeningStatus;
  /** Kilometres from the origin; null without an origin or coordinates. */
  distanceKm: number | null;
}

/** Every place's directory row, by name (one query for places, one for the e-services they help with). */
export async function loadDirectory(db: Db): Promise<DirectoryEntry[]> {
  const [rows, links] = await Promise.all([
    db
      .selectFrom('places')
      .innerJoin('municipalities', 'municipalities.id', 'places.municipality_id')
      .select([
        'places.id',
        'places.slug',
        'places.name',
        'municipalities.name as municipality',
        'places.address',
        'places.postcode',
        'places.latitude',
        'places.longitude',
        'places.country',
        'places.region',
        'places.time_zone',
        'places.opening_hours',
        'places.open_saturday',
        'places.open_evening',
        'places.summary',
        'places.mediation_services',
        'places.publics',
        'places.specific_support',
        'places.fees',
        'places.accessibility',
      ])
      .orderBy('places.name')
      .orderBy('places.id')
      .execute(),
    db.selectFrom('place_services').select(['place_id', 'service_id']).execute(),
  ]);
  const eservices = new Map<number, number[]>();
  for (const link of links) {
    const list = eservices.get(link.place_id) ?? [];
    list.push(link.service_id);
    eservices.set(link.place_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    municipality: r.municipality,
    address: r.address,
    postcode: r.postcode,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    clock: {
      country: r.country,
      region: r.region,
      timeZone: r.time_zone,
      latitude: r.latitude === null ? null : Number(r.latitude),
      longitude: r.longitude === null ? null : Number(r.longitude),
    },
    openingHours: r.opening_hours,
    openSaturday: Number(r.open_saturday) === 1,
    openEvening: Number(r.open_evening) === 1,
    summary: r.summary,
    services: codesFromJson('services', r.mediation_services),
    publics: codesFromJson('publics', r.publics),
    support: codesFromJson('specificSupport', r.specific_support),
    fees: codesFromJson('fees', r.fees),
    accessibility: codesFromJson('accessibility', r.accessibility),
    eservices: eservices.get(r.id) ?? [],
  }));
}

const anyOf = <T>(wanted: readonly T[], has: readonly T[]) => wanted.length === 0 || wanted.some((w) => has.includes(w));

/** Whether a place passes every filter but "open now" (which needs the clock). */
function matchesStatic(place: DirectoryEntry, f: DirectoryFilters): boolean {
  return (
    anyOf(f.services, place.services) &&
    (!f.saturday || place.openSaturday) &&
    (!f.evening || place.openEvening) &&
    (!f.free || place.fees.includes('free')) &&
    anyOf(f.publics, place.publics) &&
    anyOf(f.support, place.support) &&
    // Accessibility: the person needs every feature they tick (a wheelchair user needs a step-free
    // entrance AND accessible toilets), unlike the other lists, where any matching help will do.
    f.access.every((a) => place.accessibility.includes(a)) &&
    (f.eserviceId === undefined || place.eservices.includes(f.eserviceId))
  );
}

/** Great-circle distance in kilometres (haversine, mean Earth radius). */
export function distanceKm(a: Origin, b: Origin): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The places matching `filters` at `now`: nearest first from `origin` (places without coordinates
 * last, by name), by name without one. Each carries its opening status at `now`.
 */
export function searchDirectory(
  entries: readonly DirectoryEntry[],
  filters: DirectoryFilters,
  now: Date,
  origin?: Origin | null,
): DirectoryResult[] {
  const results: DirectoryResult[] = [];
  for (const place of entries) {
    if (!matchesStatic(place, filters)) continue;
    const status = openingStatus(place.openingHours, place.clock, now);
    if (filters.openNow && status.state !== 'open') continue;
    const distance =
      origin && place.latitude !== null && place.longitude !== null
        ? distanceKm(origin, { lat: place.latitude, lng: place.longitude })
        : null;
    results.push({ ...place, status, distanceKm: distance });
  }
  if (origin) {
    // Stable sort: equal distances (and places without coordinates) keep the name order.
    results.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity));
  }
  return results;
}

/** A municipality of the territory, as the location field offers it. */
export interface TerritoryPlace {
  slug: string;
  name: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
}

/** The territory's municipalities, by name. */
export async function loadMunicipalities(db: Db): Promise<TerritoryPlace[]> {
  const rows = await db
    .selectFrom('municipalities')
    .select(['slug', 'name', 'postcode', 'latitude', 'longitude'])
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    ...r,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
  }));
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’'\-\s]+/g, ' ')
    .trim()
    .toLowerCase();

/**
 * The municipality a person means by `near`: its slug, its name (without case, accents or hyphens
 * mattering), its postcode, or "Name (postcode)" as the field's suggestions show them; null when
 * the territory has none such, or it has no coordinates.
 */
export function resolveNear(municipalities: readonly TerritoryPlace[], near: string): TerritoryPlace | null {
  const value = near.trim();
  const withPostcode = /^(.*?)\s*\((\d{4,5})\)$/.exec(value);
  const name = fold(withPostcode ? withPostcode[1]! : value);
  const found =
    municipalities.find((m) => m.slug === value) ??
    (withPostcode ? municipalities.find((m) => fold(m.name) === name && m.postcode === withPostcode[2]) : undefined) ??
    municipalities.find((m) => fold(m.name) === name) ??
    municipalities.find((m) => m.postcode === value);
  return found && found.latitude !== null && found.longitude !== null ? found : null;
}

/** How a municipality is written in the location field and its suggestions. */
export const municipalityLabel = (m: TerritoryPlace) => `${m.name} (${m.postcode})`;
