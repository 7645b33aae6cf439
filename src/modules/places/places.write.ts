/**
 * The one write path of a place: the edit form, the admin's "new place" form and the CSV import all
 * turn their input into a PlaceInput, which is validated here (field rules live only here) and
 * written in one transaction with its derived opening flags and an audit entry.
 *
 * Validation errors are FieldError with `field` in PlaceInput's terms and `message` a key of the
 * `placeErrors` catalog namespace (opening-hours errors carry the opening-hours check's key).
 */
import type { Db } from '../../db/database.js';
import { isUniqueViolation, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { checkOpeningHours, isTimeZone, openingFlags } from './opening-hours.js';
import { isCode, PLACE_LIMITS, type VocabularyCode, type VocabularyName } from './places.model.js';
import { authorize, type PlacesActor } from './places.policy.js';
import './places.tables.js';

/** The list fields of a place and the vocabulary each one draws from. */
export const PLACE_LIST_FIELDS = {
  services: 'services',
  publics: 'publics',
  specificSupport: 'specificSupport',
  fees: 'fees',
  accessModes: 'accessModes',
  supportModes: 'supportModes',
  equipment: 'equipment',
  accessibility: 'accessibility',
} as const satisfies Record<string, VocabularyName>;
export type PlaceListField = keyof typeof PLACE_LIST_FIELDS;

/** A place as written by a mediator, an admin or an import row. */
export type PlaceInput = {
  name: string;
  /** Created places only: derived from the name when absent. */
  slug?: string;
  municipalityId: number;
  organisationId: number | null;
  address: string;
  addressComplement: string | null;
  postcode: string;
  inseeCode: string | null;
  latitude: number | null;
  longitude: number | null;
  country: string;
  region: string | null;
  timeZone: string;
  openingHours: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  pivot: string | null;
  summary: Record<string, string>;
  details: Record<string, string>;
  mobile: boolean;
  source: string | null;
  externalId: string | null;
} & { [F in PlaceListField]: VocabularyCode<(typeof PLACE_LIST_FIELDS)[F]>[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ().-]{6,25}$/;

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` in `db`'s transaction when it is one (a caller writing several things at once: the
 * edit form's place and e-services, a whole import), else in a new one.
 */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

/** Turns a name into a slug candidate: lower case, ASCII, words joined by hyphens. */
export function placeSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
}

/** Field errors of `input` (empty when it may be written). `locale` localises opening-hours messages. */
export function validatePlaceInput(input: PlaceInput, locale = 'en'): FieldError[] {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  if (!input.name.trim()) err('name', 'placeErrors.nameRequired');
  else if (input.name.length > PLACE_LIMITS.name) err('name', 'placeErrors.nameTooLong');
  if (input.slug !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(input.slug)) err('slug', 'placeErrors.slugInvalid');
  if (!input.address.trim()) err('address', 'placeErrors.addressRequired');
  else if (input.address.length > PLACE_LIMITS.address) err('address', 'placeErrors.addressTooLong');
  if (!/^[0-9A-Za-z -]{2,10}$/.test(input.postcode.trim())) err('postcode', 'placeErrors.postcodeInvalid');
  else if (input.country === 'FR' && !/^\d{5}$/.test(input.postcode.trim())) err('postcode', 'placeErrors.postcodeInvalid');
  if (input.inseeCode !== null && !/^[0-9][0-9AB][0-9]{3}$/.test(input.inseeCode)) err('inseeCode', 'placeErrors.inseeInvalid');
  if ((input.latitude === null) !== (input.longitude === null)) err('latitude', 'placeErrors.coordinatesPair');
  if (input.latitude !== null && !(Number.isFinite(input.latitude) && Math.abs(input.latitude) <= 90))
    err('latitude', 'placeErrors.latitudeInvalid');
  if (input.longitude !== null && !(Number.isFinite(input.longitude) && Math.abs(input.longitude) <= 180))
    err('longitude', 'placeErrors.longitudeInvalid');
  if (!/^[A-Z]{2}$/.test(input.country)) err('country', 'placeErrors.countryInvalid');
  if (input.region !== null && !/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(input.region)) err('region', 'placeErrors.regionInvalid');
  if (!isTimeZone(input.timeZone)) err('timeZone', 'placeErrors.timeZoneInvalid');
  if (input.openingHours !== null) {
    if (input.openingHours.length > PLACE_LIMITS.openingHours) err('openingHours', 'placeErrors.openingHoursTooLong');
    else {
      const check = checkOpeningHours(input.openingHours, placeClock(input), locale);
      if (check.error) err('openingHours', check.error.key);
    }
  }
  if (input.phone !== null && !PHONE.test(input.phone)) err('phone', 'placeErrors.phoneInvalid');
  if (input.email !== null && (!EMAIL.test(input.email) || input.email.length > 254)) err('email', 'placeErrors.emailInvalid');
  if (input.website !== null && !isHttpUrl(input.website)) err('website', 'placeErrors.websiteInvalid');
  if (input.pivot !== null && !/^[0-9A-Za-z]{9,14}$/.test(input.pivot)) err('pivot', 'placeErrors.pivotInvalid');
  for (const [locale_, text] of Object.entries(input.summary)) {
    if (text.length > PLACE_LIMITS.summary) err(`summary.${locale_}`, 'placeErrors.summaryTooLong');
  }
  if (!Object.values(input.summary).some((s) => s.trim())) err('summary', 'placeErrors.summaryRequired');
  for (const [locale_, text] of Object.entries(input.details)) {
    if (text.length > PLACE_LIMITS.details) err(`details.${locale_}`, 'placeErrors.detailsTooLong');
  }
  for (const [field, vocabulary] of Object.entries(PLACE_LIST_FIELDS) as [PlaceListField, VocabularyName][]) {
    const values = input[field] as string[];
    if (values.some((v) => !isCode(vocabulary, v))) err(field, 'placeErrors.unknownValue');
  }
  if (input.services.length === 0) err('services', 'placeErrors.servicesRequired');
  return errors;
}

/** The clock of a place input (for opening hours). */
export function placeClock(input: Pick<PlaceInput, 'country' | 'region' | 'timeZone' | 'latitude' | 'longitude'>) {
  return { country: input.country, region: input.region, timeZone: input.timeZone, latitude: input.latitude, longitude: input.longitude };
}

/** The `places` columns of a valid input, with the derived opening flags (the seed writes them too). */
export function placeColumns(input: PlaceInput) {
  const flags = openingFlags(input.openingHours, placeClock(input));
  const json = (v: unknown) => JSON.stringify(v);
  const dedupe = <T>(v: T[]) => [...new Set(v)];
  return {
    name: input.name.trim(),
    municipality_id: input.municipalityId,
    organisation_id: input.organisationId,
    address: input.address.trim(),
    address_complement: input.addressComplement,
    postcode: input.postcode.trim(),
    insee_code: input.inseeCode,
    latitude: input.latitude,
    longitude: input.longitude,
    country: input.country,
    region: input.region,
    time_zone: input.timeZone,
    opening_hours: input.openingHours,
    open_saturday: flags.openSaturday ? 1 : 0,
    open_evening: flags.openEvening ? 1 : 0,
    phone: input.phone,
    email: input.email,
    website: input.website,
    pivot: input.pivot,
    summary: json(input.summary),
    details: json(input.details),
    mediation_services: json(dedupe(input.services)),
    publics: json(dedupe(input.publics)),
    specific_support: json(dedupe(input.specificSupport)),
    fees: json(dedupe(input.fees)),
    access_modes: json(dedupe(input.accessModes)),
    support_modes: json(dedupe(input.supportModes)),
    equipment: json(dedupe(input.equipment)),
    accessibility: json(dedupe(input.accessibility)),
    mobile: input.mobile ? 1 : 0,
    source: input.source,
    external_id: input.externalId,
  };
}

async function assertReferences(db: Db, input: PlaceInput): Promise<void> {
  const municipality = await db.selectFrom('municipalities').select('id').where('id', '=', input.municipalityId).executeTakeFirst();
  const errors: FieldError[] = [];
  if (!municipality) errors.push({ field: 'municipalityId', message: 'placeErrors.municipalityUnknown' });
  if (input.organisationId !== null) {
    const org = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst();
    if (!org) errors.push({ field: 'organisationId', message: 'placeErrors.organisationUnknown' });
  }
  if (errors.length) throw new AppError('validation_failed', 'Invalid place', errors);
}

function assertValid(input: PlaceInput, locale: string): void {
  const errors = validatePlaceInput(input, locale);
  if (errors.length) throw new AppError('validation_failed', 'Invalid place', errors);
}

/**
 * Creates a place (admins; the import runs as an admin). Returns its id and slug. The slug is the
 * given one or derived from the name, made unique with a number.
 */
export async function createPlace(
  db: Db,
  actor: PlacesActor,
  input: PlaceInput,
  context: AuditContext | null,
  locale = 'en',
): Promise<{ id: number; slug: string }> {
  authorize(actor, 'place.create');
  assertValid(input, locale);
  const base = input.slug ?? (placeSlug(input.name) || 'place');
  return inTransaction(db, async (trx) => {
    await assertReferences(trx, input);
    let slug = base;
    for (let n = 2; await trx.selectFrom('places').select('id').where('slug', '=', slug).executeTakeFirst(); n++) {
      if (input.slug !== undefined)
        throw new AppError('validation_failed', 'Slug taken', [{ field: 'slug', message: 'placeErrors.slugTaken' }]);
      slug = `${base}-${n}`;
    }
    const now = nowIso();
    let row: { id: number };
    try {
      row = await trx
        .insertInto('places')
        .values({ ...placeColumns(input), slug, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('conflict', 'A place with this id or slug exists');
      throw e;
    }
    await audit(trx, {
      ...(context ?? { actorId: actor.id }),
      action: 'place.create',
      subjectType: 'place',
      subjectId: String(row.id),
      data: { slug },
    });
    await contentChanged(trx);
    return { id: row.id, slug };
  });
}

/** Updates a place (its mediators and admins). Returns whether anything changed. */
export async function updatePlace(
  db: Db,
  actor: PlacesActor,
  placeId: number,
  input: PlaceInput,
  context: AuditContext | null,
  locale = 'en',
): Promise<boolean> {
  authorize(actor, 'place.edit', placeId);
  assertValid(input, locale);
  return inTransaction(db, async (trx) => {
    const existing = await trx.selectFrom('places').selectAll().where('id', '=', placeId).executeTakeFirst();
    if (!existing) throw new AppError('not_found', 'No such place');
    await assertReferences(trx, input);
    const next = placeColumns(input);
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => existing[k] !== next[k]);
    if (changed.length === 0) return false;
    try {
      await trx
        .updateTable('places')
        .set({ ...next, updated_at: nowIso() })
        .where('id', '=', placeId)
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('conflict', 'Another place has this id');
      throw e;
    }
    await audit(trx, {
      ...(context ?? { actorId: actor.id }),
      action: 'place.update',
      subjectType: 'place',
      subjectId: String(placeId),
      data: { fields: changed },
    });
    await contentChanged(trx);
    return true;
  });
}

/** Sets the e-services a place helps with (its mediators and admins). Unknown service ids are ignored. */
export async function setPlaceServices(
  db: Db,
  actor: PlacesActor,
  placeId: number,
  serviceIds: readonly number[],
  context: AuditContext | null,
): Promise<void> {
  authorize(actor, 'place.edit', placeId);
  await inTransaction(db, async (trx) => {
    const known = serviceIds.length
      ? (
          await trx
            .selectFrom('services')
            .select('id')
            .where('id', 'in', [...new Set(serviceIds)])
            .execute()
        ).map((r) => r.id)
      : [];
    await trx.deleteFrom('place_services').where('place_id', '=', placeId).execute();
    for (const serviceId of known) await trx.insertInto('place_services').values({ place_id: placeId, service_id: serviceId }).execute();
    await audit(trx, {
      ...(context ?? { actorId: actor.id }),
      action: 'place.services',
      subjectType: 'place',
      subjectId: String(placeId),
      data: { count: known.length },
    });
    await contentChanged(trx);
  });
}
