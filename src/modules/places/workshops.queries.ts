/**
 * Reading workshops: the public list (upcoming, filters, numbered pages), one workshop with its
 * place, a person's registration and place on the waiting list, a person's workshops, a place's
 * workshops for its mediators, the people of a workshop (display names only), and the recount that
 * tests compare with the stored counters. Queries only.
 */
import type { Db } from '../../db/database.js';
import type { RegistrationStatus } from './places.model.js';

/** A workshop with what every page shows of its place. */
export interface WorkshopRow {
  id: number;
  place_id: number;
  place_slug: string;
  place_name: string;
  place_address: string;
  place_postcode: string;
  time_zone: string;
  title: string;
  description: string;
  theme: string;
  level: string;
  starts_at: string;
  duration_minutes: number;
  capacity: number;
  mediator_id: number | null;
  mediator_name: string | null;
  status: string;
  registered_count: number;
  waitlist_count: number;
  updated_at: string;
}

const workshopColumns = [
  'w.id',
  'w.place_id',
  'p.slug as place_slug',
  'p.name as place_name',
  'p.address as place_address',
  'p.postcode as place_postcode',
  'p.time_zone',
  'w.title',
  'w.description',
  'w.theme',
  'w.level',
  'w.starts_at',
  'w.duration_minutes',
  'w.capacity',
  'w.mediator_id',
  'm.display_name as mediator_name',
  'w.status',
  'w.registered_count',
  'w.waitlist_count',
  'w.updated_at',
] as const;

function workshopsQuery(db: Db) {
  return db
    .selectFrom('workshops as w')
    .innerJoin('places as p', 'p.id', 'w.place_id')
    .leftJoin('users as m', 'm.id', 'w.mediator_id')
    .select(workshopColumns);
}

/** Counters come back as strings from some drivers' aggregates; rows are normalised here. */
function normalise<T extends { registered_count: number; waitlist_count: number; capacity: number; duration_minutes: number }>(row: T): T {
  return {
    ...row,
    registered_count: Number(row.registered_count),
    waitlist_count: Number(row.waitlist_count),
    capacity: Number(row.capacity),
    duration_minutes: Number(row.duration_minutes),
  };
}

/** One workshop (any status), or undefined. */
export async function findWorkshop(db: Db, id: number): Promise<WorkshopRow | undefined> {
  const row = await workshopsQuery(db).where('w.id', '=', id).executeTakeFirst();
  return row ? normalise(row) : undefined;
}

export interface UpcomingFilters {
  placeId?: number | undefined;
  theme?: string | undefined;
  level?: string | undefined;
}

/** Scheduled workshops that have not started yet, soonest first, one page of them and the total. */
export async function listUpcomingWorkshops(
  db: Db,
  filters: UpcomingFilters,
  options: { page: number; perPage: number; now?: Date },
): Promise<{ rows: WorkshopRow[]; total: number }> {
  const now = (options.now ?? new Date()).toISOString();
  let base = db.selectFrom('workshops as w').where('w.status', '=', 'scheduled').where('w.starts_at', '>', now);
  if (filters.placeId !== undefined) base = base.where('w.place_id', '=', filters.placeId);
  if (filters.theme) base = base.where('w.theme', '=', filters.theme);
  if (filters.level) base = base.where('w.level', '=', filters.level);
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .innerJoin('places as p', 'p.id', 'w.place_id')
      .leftJoin('users as m', 'm.id', 'w.mediator_id')
      .select(workshopColumns)
      .orderBy('w.starts_at')
      .orderBy('w.id')
      .limit(options.perPage)
      .offset((options.page - 1) * options.perPage)
      .execute(),
  ]);
  return { rows: rows.map(normalise), total: Number(count.n) };
}

/** A place's upcoming scheduled workshops (the place page, its iCal feed, the API). */
export async function listPlaceUpcomingWorkshops(db: Db, placeId: number, limit = 100, now: Date = new Date()): Promise<WorkshopRow[]> {
  const rows = await workshopsQuery(db)
    .where('w.place_id', '=', placeId)
    .where('w.starts_at', '>', now.toISOString())
    .orderBy('w.starts_at')
    .orderBy('w.id')
    .limit(limit)
    .execute();
  return rows.map(normalise);
}

/** Every workshop of a place for its mediators: upcoming first (soonest first), then the last past ones. */
export async function listPlaceWorkshopsForStaff(
  db: Db,
  placeId: number,
  now: Date = new Date(),
): Promise<{ upcoming: WorkshopRow[]; past: WorkshopRow[] }> {
  const iso = now.toISOString();
  const [upcoming, past] = await Promise.all([
    workshopsQuery(db)
      .where('w.place_id', '=', placeId)
      .where('w.starts_at', '>', iso)
      .orderBy('w.starts_at')
      .orderBy('w.id')
      .limit(200)
      .execute(),
    workshopsQuery(db)
      .where('w.place_id', '=', placeId)
      .where('w.starts_at', '<=', iso)
      .orderBy('w.starts_at', 'desc')
      .orderBy('w.id', 'desc')
      .limit(50)
      .execute(),
  ]);
  return { upcoming: upcoming.map(normalise), past: past.map(normalise) };
}

/** A person's registration to a workshop (any status) and, when waitlisted, their position (1 = next). */
export async function registrationOf(
  db: Db,
  workshopId: number,
  userId: number,
): Promise<{ id: number; status: RegistrationStatus; position: number | null; attended: number | null } | null> {
  const row = await db
    .selectFrom('workshop_registrations')
    .select(['id', 'status', 'queued_at', 'attended'])
    .where('workshop_id', '=', workshopId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  let position: number | null = null;
  if (row.status === 'waitlisted') {
    const ahead = await db
      .selectFrom('workshop_registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'waitlisted')
      .where((eb) => eb.or([eb('queued_at', '<', row.queued_at), eb.and([eb('queued_at', '=', row.queued_at), eb('id', '<', row.id)])]))
      .executeTakeFirstOrThrow();
    position = Number(ahead.n) + 1;
  }
  return { id: row.id, status: row.status as RegistrationStatus, position, attended: row.attended };
}

/** A person's registrations (not the cancelled ones), soonest workshop first, upcoming then past. */
export async function listUserRegistrations(
  db: Db,
  userId: number,
): Promise<(WorkshopRow & { registration_status: RegistrationStatus; attended: number | null })[]> {
  const rows = await workshopsQuery(db)
    .innerJoin('workshop_registrations as r', 'r.workshop_id', 'w.id')
    .select(['r.status as registration_status', 'r.attended'])
    .where('r.user_id', '=', userId)
    .where('r.status', '!=', 'cancelled')
    .orderBy('w.starts_at')
    .orderBy('w.id')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...normalise(r), registration_status: r.registration_status as RegistrationStatus }));
}

/** The people of a workshop for its mediators: registered, then the waiting list in order. */
export interface WorkshopPerson {
  registration_id: number;
  display_name: string | null;
  status: RegistrationStatus;
  attended: number | null;
}

export async function listWorkshopPeople(db: Db, workshopId: number): Promise<WorkshopPerson[]> {
  const rows = await db
    .selectFrom('workshop_registrations as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id as registration_id', 'u.display_name', 'r.status', 'r.attended'])
    .where('r.workshop_id', '=', workshopId)
    .where('r.status', 'in', ['registered', 'waitlisted'])
    .orderBy('r.status')
    .orderBy('r.queued_at')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as RegistrationStatus }));
}

/** The counters as they should be, from the registrations (tests compare them with the stored ones). */
export async function recountWorkshopCounters(db: Db, workshopId: number): Promise<{ registered: number; waitlisted: number }> {
  const rows = await db
    .selectFrom('workshop_registrations')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workshop_id', '=', workshopId)
    .groupBy('status')
    .execute();
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { registered: count('registered'), waitlisted: count('waitlisted') };
}

/** The mediators of a place (the people a workshop may name), by display name. */
export async function listPlaceMediators(db: Db, placeId: number): Promise<{ id: number; display_name: string }[]> {
  return db
    .selectFrom('user_roles as ur')
    .innerJoin('users as u', 'u.id', 'ur.user_id')
    .select(['u.id', 'u.display_name'])
    .where('ur.role', '=', 'mediator')
    .where('ur.scope_type', '=', 'place')
    .where('ur.scope_id', '=', placeId)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/** A place by slug, with what workshop pages need. */
export async function findPlaceBySlug(
  db: Db,
  slug: string,
): Promise<{ id: number; slug: string; name: string; time_zone: string } | undefined> {
  return db.selectFrom('places').select(['id', 'slug', 'name', 'time_zone']).where('slug', '=', slug).executeTakeFirst();
}

/** Every place that has an upcoming workshop (the list's place filter), by name. */
export async function placesWithUpcomingWorkshops(db: Db, now: Date = new Date()): Promise<{ slug: string; name: string }[]> {
  return db
    .selectFrom('places as p')
    .select(['p.slug', 'p.name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('workshops as w')
          .select('w.id')
          .whereRef('w.place_id', '=', 'p.id')
          .where('w.status', '=', 'scheduled')
          .where('w.starts_at', '>', now.toISOString()),
      ),
    )
    .orderBy('p.name')
    .execute();
}
