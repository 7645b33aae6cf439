/**
 * The place form ⇄ PlaceInput: what the edit and "new place" forms hold (text as typed, the ticked
 * codes of each vocabulary, the ticked e-services), how a stored place fills them, how they become
 * the PlaceInput that places.write.ts validates, and which form control each of its field errors
 * belongs to. Pure: no I/O.
 */
import type { Selectable } from 'kysely';
import { SUPPORTED_LOCALES } from '../../config.js';
import { codesFromJson, type VocabularyName } from './places.model.js';
import { PLACE_LIST_FIELDS, type PlaceInput, type PlaceListField } from './places.write.js';
import type { PlacesTable } from './places.tables.js';

/** The list fields, in the form's order. */
export const PLACE_FORM_LISTS = Object.keys(PLACE_LIST_FIELDS) as PlaceListField[];

/** The form's values as typed (texts) and ticked (codes, service ids). */
export type PlaceFormValues = {
  name: string;
  slug: string;
  municipalityId: string;
  organisationId: string;
  address: string;
  addressComplement: string;
  postcode: string;
  inseeCode: string;
  latitude: string;
  longitude: string;
  country: string;
  region: string;
  timeZone: string;
  openingHours: string;
  phone: string;
  email: string;
  website: string;
  pivot: string;
  /** By locale. */
  summary: Record<string, string>;
  details: Record<string, string>;
  mobile: boolean;
  /** Kept from the stored place (set by the import), not edited in the form. */
  source: string;
  externalId: string;
  /** Ids of the e-services the place helps with. */
  serviceIds: string[];
} & Record<PlaceListField, string[]>;

/** The form of a new place: France, Paris time, nothing ticked. */
export function emptyPlaceForm(): PlaceFormValues {
  return {
    name: '',
    slug: '',
    municipalityId: '',
    organisationId: '',
    address: '',
    addressComplement: '',
    postcode: '',
    inseeCode: '',
    latitude: '',
    longitude: '',
    country: 'FR',
    region: '',
    timeZone: 'Europe/Paris',
    openingHours: '',
    phone: '',
    email: '',
    website: '',
    pivot: '',
    summary: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, ''])),
    details: Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, ''])),
    mobile: false,
    source: '',
    externalId: '',
    serviceIds: [],
    ...(Object.fromEntries(PLACE_FORM_LISTS.map((f) => [f, []])) as unknown as Record<PlaceListField, string[]>),
  };
}

const first = (v: unknown): string => (Array.isArray(v) ? first(v[0]) : typeof v === 'string' ? v.slice(0, 10_000) : '');
const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.slice(0, 200))
    .slice(0, 500);

/** The form's values from a posted body (`application/x-www-form-urlencoded`, repeated names as arrays). */
export function placeFormFromBody(body: unknown): PlaceFormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values = emptyPlaceForm();
  const texts = [
    'name',
    'slug',
    'municipalityId',
    'organisationId',
    'address',
    'addressComplement',
    'postcode',
    'inseeCode',
    'latitude',
    'longitude',
    'country',
    'region',
    'timeZone',
    'openingHours',
    'phone',
    'email',
    'website',
    'pivot',
    'source',
    'externalId',
  ] as const;
  for (const k of texts) values[k] = first(b[k]);
  for (const l of SUPPORTED_LOCALES) {
    values.summary[l] = first(b[`summary_${l}`]);
    values.details[l] = first(b[`details_${l}`]);
  }
  values.mobile = first(b.mobile) === 'yes';
  for (const f of PLACE_FORM_LISTS) values[f] = [...new Set(list(b[f]))];
  values.serviceIds = [...new Set(list(b.serviceIds).filter((s) => /^[1-9][0-9]{0,9}$/.test(s)))];
  return values;
}

/** The form of a stored place and the ids of the e-services it helps with. */
export function placeFormFromRecord(row: Selectable<PlacesTable>, serviceIds: readonly number[]): PlaceFormValues {
  const translated = (json: string) => {
    let value: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(json) as unknown;
      if (parsed && typeof parsed === 'object') value = parsed as Record<string, unknown>;
    } catch {
      // a broken column reads as empty
    }
    return Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, typeof value[l] === 'string' ? (value[l] as string) : '']));
  };
  const codes = (vocabulary: VocabularyName, json: string) => codesFromJson(vocabulary, json) as string[];
  const num = (n: number | null) => (n === null ? '' : String(n));
  return {
    name: row.name,
    slug: row.slug,
    municipalityId: String(row.municipality_id),
    organisationId: row.organisation_id === null ? '' : String(row.organisation_id),
    address: row.address,
    addressComplement: row.address_complement ?? '',
    postcode: row.postcode,
    inseeCode: row.insee_code ?? '',
    latitude: num(row.latitude),
    longitude: num(row.longitude),
    country: row.country,
    region: row.region ?? '',
    timeZone: row.time_zone,
    openingHours: row.opening_hours ?? '',
    phone: row.phone ?? '',
    email: row.email ?? '',
    website: row.website ?? '',
    pivot: row.pivot ?? '',
    summary: translated(row.summary),
    details: translated(row.details),
    mobile: row.mobile === 1,
    source: row.source ?? '',
    externalId: row.external_id ?? '',
    serviceIds: serviceIds.map(String),
    services: codes('services', row.mediation_services),
    publics: codes('publics', row.publics),
    specificSupport: codes('specificSupport', row.specific_support),
    fees: codes('fees', row.fees),
    accessModes: codes('accessModes', row.access_modes),
    supportModes: codes('supportModes', row.support_modes),
    equipment: codes('equipment', row.equipment),
    accessibility: codes('accessibility', row.accessibility),
  };
}

/** Text, trimmed; null when empty. */
const optional = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A decimal number as typed (a comma is accepted as the decimal separator); NaN when not a number. */
function coordinate(s: string): number | null {
  const t = s.trim().replace(',', '.');
  if (t === '') return null;
  return /^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : Number.NaN;
}

/**
 * The PlaceInput of the form. Validation is places.write.ts's: an unparseable coordinate becomes
 * NaN (refused there as invalid), a missing municipality 0 (refused as unknown). `creating` keeps
 * the slug (derived from the name when left empty); an edit never changes the slug.
 */
export function placeInputFromForm(values: PlaceFormValues, options: { creating: boolean }): PlaceInput {
  const texts = (byLocale: Record<string, string>) =>
    Object.fromEntries(Object.entries(byLocale).flatMap(([l, s]) => (s.trim() ? [[l, s.trim()]] : []))) as Record<string, string>;
  const id = (s: string) => (/^[1-9][0-9]{0,9}$/.test(s.trim()) ? Number(s.trim()) : null);
  const input: PlaceInput = {
    name: values.name.trim(),
    municipalityId: id(values.municipalityId) ?? 0,
    organisationId: id(values.organisationId),
    address: values.address.trim(),
    addressComplement: optional(values.addressComplement),
    postcode: values.postcode.trim(),
    inseeCode: optional(values.inseeCode),
    latitude: coordinate(values.latitude),
    longitude: coordinate(values.longitude),
    country: values.country.trim().toUpperCase(),
    region: optional(values.region.toUpperCase()),
    timeZone: values.timeZone.trim(),
    openingHours: optional(values.openingHours),
    phone: optional(values.phone),
    email: optional(values.email),
    website: optional(values.website),
    pivot: optional(values.pivot.replace(/\s+/g, '')),
    summary: texts(values.summary),
    details: texts(values.details),
    mobile: values.mobile,
    source: optional(values.source),
    externalId: optional(values.externalId),
    ...(Object.fromEntries(PLACE_FORM_LISTS.map((f) => [f, [...values[f]]])) as unknown as Pick<PlaceInput, PlaceListField>),
  };
  if (options.creating && values.slug.trim()) input.slug = values.slug.trim();
  return input;
}

/** The service ids ticked in the form, as numbers. */
export function placeFormServiceIds(values: PlaceFormValues): number[] {
  return values.serviceIds.map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
}

/**
 * The id of the control a field error of PlaceInput (or the form) belongs to: the error summary
 * links there. `summary` (none given) points at the first locale's summary, `summary.fr` at that one.
 */
export function placeFieldId(field: string, locale: string = SUPPORTED_LOCALES[0]): string {
  const [head, sub] = field.split('.');
  if (head === 'summary' || head === 'details') return `place-${head}-${sub ?? locale}`;
  const map: Record<string, string> = { municipalityId: 'municipality', organisationId: 'organisation', serviceIds: 'services-search' };
  const name = map[head!] ?? head!;
  return `place-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
