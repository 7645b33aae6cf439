/**
 * Mediators' and admins' management of places: the places someone manages (searchable, paged),
 * one place's record and e-services for the edit form, the published e-services to choose from,
 * saving the form (through places.write.ts, the one write path), and attaching or detaching a
 * place's mediators (the `mediator` role scoped to the place, as the admin's user page grants it;
 * the admin module imports places, so places writes the role row itself, with the same rules and an
 * audit entry).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type PlacesActor } from './places.policy.js';
import { createPlace, setPlaceServices, updatePlace, type PlaceInput } from './places.write.js';
import './places.tables.js';

/** `%`, `_` and `\` taken literally in a LIKE pattern (with `escape '\'`). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One row of "your places". */
export interface ManagedPlaceRow {
  id: number;
  slug: string;
  name: string;
  municipality: string;
  postcode: string;
}

/**
 * The places `actor` manages: an admin every place, a mediator the places their role covers; the
 * name containing `query` (any case) when given; by name, one page.
 */
export async function listManagedPlaces(
  db: Db,
  actor: NonNullable<PlacesActor>,
  options: { query: string; page: number; perPage: number },
): Promise<{ rows: ManagedPlaceRow[]; total: number }> {
  const admin = actor.roles.includes('admin');
  const placeIds = actor.roles.includes('mediator') ? [...actor.placeIds] : [];
  if (!admin && placeIds.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('places').innerJoin('municipalities', 'municipalities.id', 'places.municipality_id');
  if (!admin) base = base.where('places.id', 'in', placeIds);
  const q = options.query.trim().toLowerCase();
  if (q) base = base.where(sql<boolean>`lower(places.name) like ${`%${likeEscape(q)}%`} escape '\\'`);
  const [rows, count] = await Promise.all([
    base
      .select(['places.id', 'places.slug', 'places.name', 'places.postcode', 'municipalities.name as municipality'])
      .orderBy('places.name')
      .orderBy('places.id')
      .limit(options.perPage)
      .offset((options.page - 1) * options.perPage)
      .execute(),
    base.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A place's stored record by slug, or `not_found`. */
export async function placeRecordBySlug(db: Db, slug: string) {
  const row = await db.selectFrom('places').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such place');
  return row;
}

/** The ids of the e-services a place helps with. */
export async function placeServiceIds(db: Db, placeId: number): Promise<number[]> {
  const rows = await db.selectFrom('place_services').select('service_id').where('place_id', '=', placeId).orderBy('service_id').execute();
  return rows.map((r) => r.service_id);
}

/** An e-service as the form lists it: its slug and translated name (JSON). */
export interface ServiceChoice {
  id: number;
  slug: string;
  name: string;
}

/** The e-services with these ids (any status: a withdrawn one stays visible until unticked). */
export async function servicesByIds(db: Db, ids: readonly number[]): Promise<ServiceChoice[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('services')
    .select(['id', 'slug', 'name'])
    .where('id', 'in', [...new Set(ids)].slice(0, 1000))
    .orderBy('slug')
    .execute();
}

/** Published e-services whose name or slug contains `query` (any case), at most `limit`. */
export async function searchPublishedServices(db: Db, query: string, limit = 20): Promise<ServiceChoice[]> {
  const q = query.trim().toLowerCase().slice(0, 100);
  if (!q) return [];
  const pattern = `%${likeEscape(q)}%`;
  return db
    .selectFrom('services')
    .select(['id', 'slug', 'name'])
    .where('status', '=', 'published')
    .where((eb) => eb.or([sql<boolean>`lower(name) like ${pattern} escape '\\'`, sql<boolean>`lower(slug) like ${pattern} escape '\\'`]))
    .orderBy('slug')
    .limit(limit)
    .execute();
}

/** The municipalities the form offers, by name. */
export function municipalityChoices(db: Db) {
  return db.selectFrom('municipalities').select(['id', 'name', 'postcode']).orderBy('name').execute();
}

/** Organisations for the form's list (name is translated JSON). */
export function organisationChoices(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name']).orderBy('slug').execute();
}

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Saves the edit form: the place's fields, then its e-services when they changed. Validation comes
 * first (nothing is written when the input is invalid); each write is audited. Public pages (the
 * place page, the directory) are marked stale.
 */
export async function savePlace(
  db: Db,
  actor: PlacesActor,
  context: AuditContext,
  placeId: number,
  input: PlaceInput,
  serviceIds: readonly number[],
  locale: string,
): Promise<void> {
  authorize(actor, 'place.edit', placeId);
  // One transaction: the place and its e-services are saved together or not at all.
  await db.transaction().execute(async (trx) => {
    await updatePlace(trx, actor, placeId, input, context, locale);
    const known = await servicesByIds(trx, serviceIds);
    const next = known.map((s) => s.id);
    if (!sameSet(next, await placeServiceIds(trx, placeId))) await setPlaceServices(trx, actor, placeId, next, context);
    await contentChanged(trx);
  });
}

/** Creates a place from the "new place" form (admins) with its e-services; returns its slug. */
export async function createPlaceWithServices(
  db: Db,
  actor: PlacesActor,
  context: AuditContext,
  input: PlaceInput,
  serviceIds: readonly number[],
  locale: string,
): Promise<{ id: number; slug: string }> {
  authorize(actor, 'place.create');
  return db.transaction().execute(async (trx) => {
    const created = await createPlace(trx, actor, input, context, locale);
    if (serviceIds.length) await setPlaceServices(trx, actor, created.id, serviceIds, context);
    await contentChanged(trx);
    return created;
  });
}

/** A mediator of a place, as the mediators page lists them. */
export interface PlaceMediator {
  userId: number;
  displayName: string;
  email: string;
  since: string;
}

/** The people holding the `mediator` role at a place, by name. */
export async function listPlaceMediators(db: Db, placeId: number): Promise<PlaceMediator[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id as userId', 'users.display_name as displayName', 'users.email', 'user_roles.created_at as since'])
    .where('user_roles.role', '=', 'mediator')
    .where('user_roles.scope_type', '=', 'place')
    .where('user_roles.scope_id', '=', placeId)
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
  return rows.map((r) => ({ ...r, since: String(r.since) }));
}

/**
 * Makes the person with this email address a mediator of the place (admins). The account must
 * exist and not be deleted (`validation_failed` on `email` otherwise, nothing written). Attaching
 * someone already attached changes nothing and writes no audit entry.
 */
export async function attachMediator(
  db: Db,
  actor: PlacesActor,
  context: AuditContext,
  placeId: number,
  email: string,
): Promise<{ attached: boolean; userId: number }> {
  authorize(actor, 'place.mediators', placeId);
  const result = await db.transaction().execute(async (trx) => {
    const place = await trx.selectFrom('places').select('id').where('id', '=', placeId).executeTakeFirst();
    if (!place) throw new AppError('not_found', 'No such place');
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email.trim().toLowerCase())
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!user)
      throw new AppError('validation_failed', 'No such account', [
        { field: 'email', message: 'placesManage.mediators.errors.unknownEmail' },
      ]);
    const result = await trx
      .insertInto('user_roles')
      .values({ user_id: user.id, role: 'mediator', scope_type: 'place', scope_id: placeId, granted_by: actor.id, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['user_id', 'role', 'scope_type', 'scope_id']).doNothing())
      .executeTakeFirst();
    const attached = Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    if (attached)
      await audit(trx, {
        ...context,
        action: 'place.mediator_attach',
        subjectType: 'place',
        subjectId: String(placeId),
        data: { userId: user.id },
      });
    return { attached, userId: user.id };
  });
  // The place page lists its mediators.
  if (result.attached) await contentChanged(db);
  return result;
}

/** Takes the place's `mediator` role from a person (admins). Detaching someone not attached changes nothing. */
export async function detachMediator(
  db: Db,
  actor: PlacesActor,
  context: AuditContext,
  placeId: number,
  userId: number,
): Promise<{ detached: boolean }> {
  authorize(actor, 'place.mediators', placeId);
  const outcome = await db.transaction().execute(async (trx) => {
    const result = await trx
      .deleteFrom('user_roles')
      .where('user_id', '=', userId)
      .where('role', '=', 'mediator')
      .where('scope_type', '=', 'place')
      .where('scope_id', '=', placeId)
      .executeTakeFirst();
    const detached = Number(result.numDeletedRows) > 0;
    if (detached)
      await audit(trx, { ...context, action: 'place.mediator_detach', subjectType: 'place', subjectId: String(placeId), data: { userId } });
    return { detached };
  });
  if (outcome.detached) await contentChanged(db);
  return outcome;
}

/** How many people still expect something of a place: active bookings of slots and registrations for workshops to come. */
export async function upcomingCommitments(db: Db, placeId: number, now = nowIso()): Promise<{ bookings: number; registrations: number }> {
  const [bookings, registrations] = await Promise.all([
    db
      .selectFrom('appointment_bookings')
      .innerJoin('appointment_slots', 'appointment_slots.id', 'appointment_bookings.slot_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('appointment_slots.place_id', '=', placeId)
      .where('appointment_bookings.status', '=', 'active')
      .where('appointment_slots.starts_at', '>', now)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('workshop_registrations')
      .innerJoin('workshops', 'workshops.id', 'workshop_registrations.workshop_id')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('workshops.place_id', '=', placeId)
      .where('workshops.status', '=', 'scheduled')
      .where('workshops.starts_at', '>', now)
      .where('workshop_registrations.status', 'in', ['registered', 'waitlisted'])
      .executeTakeFirstOrThrow(),
  ]);
  return { bookings: Number(bookings.n), registrations: Number(registrations.n) };
}

/**
 * Deletes a place (admins) with its workshops, slots, their registrations and bookings (the
 * database cascades), its e-service links and its mediators' roles, in one transaction, audited.
 * Refused (`conflict`) while people hold a booking or a registration to come: cancel those first,
 * so they are told.
 */
export async function deletePlace(db: Db, actor: PlacesActor, context: AuditContext, placeId: number): Promise<void> {
  authorize(actor, 'place.create');
  await db.transaction().execute(async (trx) => {
    const place = await trx.selectFrom('places').select(['id', 'slug', 'name']).where('id', '=', placeId).executeTakeFirst();
    if (!place) throw new AppError('not_found', 'No such place');
    const pending = await upcomingCommitments(trx, placeId);
    if (pending.bookings + pending.registrations > 0) throw new AppError('conflict', 'People still hold bookings or registrations here');
    await trx
      .deleteFrom('user_roles')
      .where('role', '=', 'mediator')
      .where('scope_type', '=', 'place')
      .where('scope_id', '=', placeId)
      .execute();
    await trx.deleteFrom('place_services').where('place_id', '=', placeId).execute();
    await trx.deleteFrom('places').where('id', '=', placeId).execute();
    await audit(trx, {
      ...context,
      action: 'place.delete',
      subjectType: 'place',
      subjectId: String(placeId),
      data: { slug: place.slug, name: place.name },
    });
  });
  await contentChanged(db);
}
