/**
 * Workshops: publishing, editing and cancelling them (the place's mediators and admins, audited),
 * registering and cancelling (people with a verified email), the waiting list that moves up by
 * itself, and attendance. Each use case is one transaction that first locks the workshop's row
 * (`FOR UPDATE` on PostgreSQL; SQLite serialises writers), so concurrent registrations and
 * cancellations never over-fill a workshop or lose a seat, and `registered_count` /
 * `waitlist_count` move in the same transaction as the registrations they count.
 *
 * Reminders: one job per workshop and start time (`workshops.reminder`, dedupe key with the start),
 * due 24 hours before; the handler checks at run time that the workshop still starts then and is
 * not cancelled, and mails the people registered at that moment (workshops.jobs.ts).
 */
import type { Db } from '../../db/database.js';
import { forUpdate, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { enqueue } from '../../platform/jobs.js';
import { authorize, type PlacesActor } from './places.policy.js';
import { mailRegistrant, type WorkshopMailSubject } from './workshop-emails.js';
import { zonedToUtc, type WorkshopInput } from './workshops.schemas.js';

/** The job that mails the reminders of one workshop the day before. */
export const WORKSHOP_REMINDER_JOB = 'workshops.reminder';
/** How long before the start the reminder goes out. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;

export type RegistrationOutcome = { status: 'registered' | 'waitlisted'; created: boolean };

/** The locked workshop (only its row is locked) with what mails need; not_found when there is none. */
async function lockWorkshop(trx: Db, workshopId: number) {
  const row = await forUpdate(
    trx,
    trx
      .selectFrom('workshops')
      .select(['id', 'place_id', 'title', 'starts_at', 'status', 'capacity', 'registered_count', 'waitlist_count'])
      .where('id', '=', workshopId),
  ).executeTakeFirst();
  if (!row) throw new AppError('not_found', 'No such workshop');
  const place = await trx
    .selectFrom('places')
    .select(['name as place_name', 'address as place_address', 'postcode as place_postcode', 'time_zone'])
    .where('id', '=', row.place_id)
    .executeTakeFirstOrThrow();
  return {
    ...row,
    ...place,
    capacity: Number(row.capacity),
    registered_count: Number(row.registered_count),
    waitlist_count: Number(row.waitlist_count),
  };
}
type LockedWorkshop = Awaited<ReturnType<typeof lockWorkshop>>;

const mailSubject = (w: LockedWorkshop): WorkshopMailSubject => w;

async function moveCounters(trx: Db, workshopId: number, registered: number, waitlisted: number): Promise<void> {
  if (registered === 0 && waitlisted === 0) return;
  await trx
    .updateTable('workshops')
    .set((eb) => ({
      registered_count: eb('registered_count', '+', registered),
      waitlist_count: eb('waitlist_count', '+', waitlisted),
    }))
    .where('id', '=', workshopId)
    .execute();
}

/** Moves the first `seats` people of the waiting list up (in order) and mails each. Returns how many moved. */
async function promoteFromWaitlist(trx: Db, workshop: LockedWorkshop, seats: number): Promise<number> {
  // Nobody is moved into a workshop that was cancelled or has started.
  if (seats <= 0 || workshop.status !== 'scheduled' || new Date(workshop.starts_at).getTime() <= Date.now()) return 0;
  const next = await trx
    .selectFrom('workshop_registrations')
    .select(['id', 'queued_at'])
    .where('workshop_id', '=', workshop.id)
    .where('status', '=', 'waitlisted')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(seats)
    .execute();
  const now = nowIso();
  for (const r of next) {
    await trx.updateTable('workshop_registrations').set({ status: 'registered', updated_at: now }).where('id', '=', r.id).execute();
    await mailRegistrant(trx, 'movedUp', mailSubject(workshop), r.id, r.queued_at);
  }
  await moveCounters(trx, workshop.id, next.length, -next.length);
  return next.length;
}

async function scheduleReminder(trx: Db, workshopId: number, startsAt: string): Promise<void> {
  const due = new Date(new Date(startsAt).getTime() - REMINDER_BEFORE_MS);
  await enqueue(
    trx,
    WORKSHOP_REMINDER_JOB,
    { workshopId, startsAt },
    { runAt: due.getTime() > Date.now() ? due : new Date(), dedupeKey: `workshop-reminder:${workshopId}:${startsAt}` },
  );
}

/** The mediator, when given, must be a mediator of the place. */
async function assertMediatorOf(trx: Db, placeId: number, mediatorId: number | null): Promise<void> {
  if (mediatorId === null) return;
  const row = await trx
    .selectFrom('user_roles')
    .select('user_id')
    .where('user_id', '=', mediatorId)
    .where('role', '=', 'mediator')
    .where('scope_type', '=', 'place')
    .where('scope_id', '=', placeId)
    .executeTakeFirst();
  if (!row)
    throw new AppError('validation_failed', 'Not a mediator of this place', [
      { field: 'mediator', message: 'workshops.form.errors.mediator' },
    ]);
}

function assertFuture(startsAt: string, now: Date): void {
  if (new Date(startsAt).getTime() <= now.getTime())
    throw new AppError('validation_failed', 'The workshop must start in the future', [
      { field: 'date', message: 'workshops.form.errors.past' },
    ]);
}

/** Publishes a workshop at a place. Returns its id. */
export async function publishWorkshop(
  db: Db,
  actor: PlacesActor,
  placeId: number,
  input: WorkshopInput,
  context: AuditContext | null,
  now: Date = new Date(),
): Promise<number> {
  authorize(actor, 'workshop.manage', placeId);
  assertFuture(input.startsAt, now);
  const id = await db.transaction().execute(async (trx) => {
    await assertMediatorOf(trx, placeId, input.mediatorId);
    const stamp = nowIso();
    const { id } = await trx
      .insertInto('workshops')
      .values({
        place_id: placeId,
        title: input.title,
        description: input.description,
        theme: input.theme,
        level: input.level,
        starts_at: input.startsAt,
        duration_minutes: input.durationMinutes,
        capacity: input.capacity,
        mediator_id: input.mediatorId,
        reminders_sent_at: null,
        created_by: actor.id,
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await scheduleReminder(trx, id, input.startsAt);
    await audit(trx, {
      ...(context ?? { actorId: actor.id }),
      action: 'workshop.publish',
      subjectType: 'workshop',
      subjectId: String(id),
      data: { placeId, startsAt: input.startsAt, capacity: input.capacity },
    });
    return id;
  });
  await contentChanged(db);
  return id;
}

/**
 * Edits a scheduled workshop. Raising the capacity moves people up from the waiting list; lowering
 * it below the number registered is refused (field `capacity`). A new start time resets the
 * reminder (a new job for the new time; the old one finds the time changed and does nothing).
 */
export async function editWorkshop(
  db: Db,
  actor: PlacesActor,
  workshopId: number,
  input: WorkshopInput,
  context: AuditContext | null,
  now: Date = new Date(),
): Promise<{ movedUp: number }> {
  const result = await db.transaction().execute(async (trx) => {
    const w = await lockWorkshop(trx, workshopId);
    authorize(actor, 'workshop.manage', w.place_id);
    if (w.status !== 'scheduled') throw new AppError('conflict', 'This workshop was cancelled');
    if (new Date(w.starts_at).getTime() <= now.getTime()) throw new AppError('conflict', 'This workshop has started');
    assertFuture(input.startsAt, now);
    if (input.capacity < w.registered_count) {
      throw new AppError('validation_failed', 'Capacity below the number registered', [
        { field: 'capacity', message: 'workshops.form.errors.capacityBelowRegistered' },
      ]);
    }
    await assertMediatorOf(trx, w.place_id, input.mediatorId);
    const moved = input.startsAt !== w.starts_at;
    await trx
      .updateTable('workshops')
      .set({
        title: input.title,
        description: input.description,
        theme: input.theme,
        level: input.level,
        starts_at: input.startsAt,
        duration_minutes: input.durationMinutes,
        capacity: input.capacity,
        mediator_id: input.mediatorId,
        ...(moved ? { reminders_sent_at: null } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', workshopId)
      .execute();
    if (moved) await scheduleReminder(trx, workshopId, input.startsAt);
    const movedUp = await promoteFromWaitlist(
      trx,
      { ...w, title: input.title, starts_at: input.startsAt },
      input.capacity - w.registered_count,
    );
    await audit(trx, {
      ...(context ?? { actorId: actor!.id }),
      action: 'workshop.edit',
      subjectType: 'workshop',
      subjectId: String(workshopId),
      data: { startsAt: input.startsAt, capacity: input.capacity, movedUp },
    });
    return { movedUp };
  });
  await contentChanged(db);
  return result;
}

/** Cancels a scheduled workshop and mails everyone registered or on the waiting list. */
export async function cancelWorkshop(db: Db, actor: PlacesActor, workshopId: number, context: AuditContext | null): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const w = await lockWorkshop(trx, workshopId);
    authorize(actor, 'workshop.manage', w.place_id);
    if (w.status === 'cancelled') return;
    await trx.updateTable('workshops').set({ status: 'cancelled', updated_at: nowIso() }).where('id', '=', workshopId).execute();
    const people = await trx
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', workshopId)
      .where('status', 'in', ['registered', 'waitlisted'])
      .execute();
    for (const p of people) await mailRegistrant(trx, 'cancelledByPlace', mailSubject(w), p.id, w.starts_at);
    await audit(trx, {
      ...(context ?? { actorId: actor!.id }),
      action: 'workshop.cancel',
      subjectType: 'workshop',
      subjectId: String(workshopId),
      data: { notified: people.length },
    });
  });
  await contentChanged(db);
}

/**
 * Registers the actor: `registered` while a seat is free, else `waitlisted`. Registering again
 * returns the current state (`created: false`). Refused (conflict) for a cancelled or started workshop.
 */
export async function registerForWorkshop(
  db: Db,
  actor: PlacesActor,
  workshopId: number,
  now: Date = new Date(),
): Promise<RegistrationOutcome> {
  authorize(actor, 'book');
  const outcome = await db.transaction().execute(async (trx): Promise<RegistrationOutcome> => {
    const w = await lockWorkshop(trx, workshopId);
    const existing = await trx
      .selectFrom('workshop_registrations')
      .select(['id', 'status'])
      .where('workshop_id', '=', workshopId)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (existing && existing.status !== 'cancelled') return { status: existing.status as 'registered' | 'waitlisted', created: false };
    if (w.status !== 'scheduled') throw new AppError('conflict', 'This workshop was cancelled');
    if (new Date(w.starts_at).getTime() <= now.getTime()) throw new AppError('conflict', 'This workshop has already started');
    const status = w.registered_count < w.capacity ? 'registered' : 'waitlisted';
    const stamp = nowIso();
    let id: number;
    if (existing) {
      id = existing.id;
      await trx
        .updateTable('workshop_registrations')
        .set({ status, queued_at: stamp, cancelled_at: null, attended: null, updated_at: stamp })
        .where('id', '=', id)
        .execute();
    } else {
      ({ id } = await trx
        .insertInto('workshop_registrations')
        .values({
          workshop_id: workshopId,
          user_id: actor.id,
          status,
          queued_at: stamp,
          attended: null,
          cancelled_at: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow());
    }
    await moveCounters(trx, workshopId, status === 'registered' ? 1 : 0, status === 'waitlisted' ? 1 : 0);
    await mailRegistrant(trx, status, mailSubject(w), id, stamp);
    return { status, created: true };
  });
  // Seats left are public (place pages, the workshop list).
  if (outcome.created) await contentChanged(db);
  return outcome;
}

/**
 * Cancels the actor's registration or place on the waiting list. A freed seat goes to the first
 * person waiting, who is mailed. Returns false when the actor had none (nothing changes). Refused
 * (conflict) once a scheduled workshop has started: the list is then the attendance sheet.
 */
export async function cancelRegistration(db: Db, actor: PlacesActor, workshopId: number, now: Date = new Date()): Promise<boolean> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  const cancelled = await db.transaction().execute(async (trx) => {
    const w = await lockWorkshop(trx, workshopId);
    if (w.status === 'scheduled' && new Date(w.starts_at).getTime() <= now.getTime())
      throw new AppError('conflict', 'This workshop has already started');
    const registration = await trx
      .selectFrom('workshop_registrations')
      .select(['id', 'status'])
      .where('workshop_id', '=', workshopId)
      .where('user_id', '=', actor.id)
      .where('status', 'in', ['registered', 'waitlisted'])
      .executeTakeFirst();
    if (!registration) return false;
    await releaseRegistration(trx, w, registration as { id: number; status: 'registered' | 'waitlisted' });
    return true;
  });
  if (cancelled) await contentChanged(db);
  return cancelled;
}

/** Marks one registration cancelled, moves the counters and, if it held a seat, the waiting list up. */
async function releaseRegistration(
  trx: Db,
  w: LockedWorkshop,
  registration: { id: number; status: 'registered' | 'waitlisted' },
  userId?: null,
) {
  const stamp = nowIso();
  await trx
    .updateTable('workshop_registrations')
    .set({ status: 'cancelled', cancelled_at: stamp, updated_at: stamp, ...(userId === null ? { user_id: null } : {}) })
    .where('id', '=', registration.id)
    .execute();
  const wasRegistered = registration.status === 'registered';
  await moveCounters(trx, w.id, wasRegistered ? -1 : 0, wasRegistered ? 0 : -1);
  if (wasRegistered) {
    const after = { ...w, registered_count: w.registered_count - 1 };
    await promoteFromWaitlist(trx, after, after.capacity - after.registered_count);
  }
}

/**
 * Records who came: `attended` lists registration ids of the workshop's registered people who came;
 * every other registered person is marked absent. Only once the workshop has started.
 */
export async function recordAttendance(
  db: Db,
  actor: PlacesActor,
  workshopId: number,
  attended: readonly number[],
  context: AuditContext | null,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const w = await lockWorkshop(trx, workshopId);
    authorize(actor, 'workshop.manage', w.place_id);
    if (w.status !== 'scheduled') throw new AppError('conflict', 'This workshop was cancelled');
    if (new Date(w.starts_at).getTime() > now.getTime())
      throw new AppError('conflict', 'Attendance is recorded once the workshop has started');
    const registered = await trx
      .selectFrom('workshop_registrations')
      .select('id')
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'registered')
      .execute();
    const ids = new Set(registered.map((r) => r.id));
    for (const id of attended) if (!ids.has(id)) throw new AppError('bad_request', 'Not a registration of this workshop');
    const came = new Set(attended);
    const stamp = nowIso();
    for (const r of registered) {
      await trx
        .updateTable('workshop_registrations')
        .set({ attended: came.has(r.id) ? 1 : 0, updated_at: stamp })
        .where('id', '=', r.id)
        .execute();
    }
    await audit(trx, {
      ...(context ?? { actorId: actor!.id }),
      action: 'workshop.attendance',
      subjectType: 'workshop',
      subjectId: String(workshopId),
      data: { registered: registered.length, attended: came.size },
    });
  });
}

/**
 * Account deletion (inside its transaction): the person's places in workshops still to come are
 * cancelled, so their seat goes to the next person waiting (who is mailed: that mail is about the
 * other person, not about the erased one); every registration of theirs, past ones included, loses
 * its link to them (`user_id` null), so attendance figures stay and nothing points at them.
 */
export async function releaseUserRegistrations(trx: Db, userId: number, now: Date = new Date()): Promise<void> {
  const active = await trx
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .select(['r.workshop_id'])
    .where('r.user_id', '=', userId)
    .where('r.status', 'in', ['registered', 'waitlisted'])
    .where('w.status', '=', 'scheduled')
    .where('w.starts_at', '>', now.toISOString())
    .orderBy('r.workshop_id')
    .execute();
  for (const { workshop_id } of active) {
    const w = await lockWorkshop(trx, workshop_id);
    const registration = await trx
      .selectFrom('workshop_registrations')
      .select(['id', 'status'])
      .where('workshop_id', '=', workshop_id)
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    await releaseRegistration(trx, w, registration as { id: number; status: 'registered' | 'waitlisted' }, null);
  }
  await trx.updateTable('workshop_registrations').set({ user_id: null }).where('user_id', '=', userId).execute();
}

/** The demo workshops: at demo places, in the coming weeks (relative to seeding), one of them full with a waiting list. */
const DEMO_WORKSHOPS: {
  place: string;
  title: string;
  description: string;
  theme: WorkshopInput['theme'];
  level: WorkshopInput['level'];
  /** Days from the seeding day, and the hour in the place's time zone. */
  inDays: number;
  hour: number;
  minutes: number;
  capacity: number;
  /** Demo accounts registered, in order (beyond capacity: the waiting list). */
  people?: string[];
}[] = [
  {
    place: 'mediatheque-saint-aubin',
    title: 'Premiers pas avec le smartphone',
    description: 'Allumer, déverrouiller, appeler, envoyer un message et prendre une photo. Apportez votre téléphone chargé.',
    theme: 'everyday_tools',
    level: 'beginner',
    inDays: 7,
    hour: 14,
    minutes: 120,
    capacity: 8,
  },
  {
    place: 'mediatheque-saint-aubin',
    title: 'Créer son compte sur les sites publics avec FranceConnect',
    description: 'Comprendre FranceConnect, créer un compte et l’utiliser pour les impôts, la CAF et l’assurance maladie.',
    theme: 'admin_procedures',
    level: 'intermediate',
    inDays: 10,
    hour: 10,
    minutes: 90,
    capacity: 2,
    people: ['citizen@demo.ecoop.example', 'helper@demo.ecoop.example', 'moderator@demo.ecoop.example'],
  },
  {
    place: 'centre-social-les-tilleuls',
    title: 'Les écrans et l’ENT : atelier parents',
    description: 'Suivre la scolarité de ses enfants sur l’ENT et parler des écrans en famille.',
    theme: 'parenting',
    level: 'beginner',
    inDays: 12,
    hour: 18,
    minutes: 90,
    capacity: 12,
  },
  {
    place: 'club-des-aines-les-ormeaux',
    title: 'Repérer les arnaques en ligne',
    description: 'Faux messages, faux sites, appels douteux : les reconnaître et réagir.',
    theme: 'online_safety',
    level: 'beginner',
    inDays: 14,
    hour: 14,
    minutes: 120,
    capacity: 10,
  },
];

/**
 * Inserts the demo workshops (skips those that exist, by place and title), with the demo accounts'
 * registrations and consistent counters. No mail is sent. Needs the demo places and accounts.
 */
export async function seedDemoWorkshops(db: Db, now: Date = new Date()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const d of DEMO_WORKSHOPS) {
      const place = await trx.selectFrom('places').select(['id', 'time_zone']).where('slug', '=', d.place).executeTakeFirst();
      if (!place) continue;
      const exists = await trx
        .selectFrom('workshops')
        .select('id')
        .where('place_id', '=', place.id)
        .where('title', '=', d.title)
        .executeTakeFirst();
      if (exists) continue;
      const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + d.inDays)).toISOString().slice(0, 10);
      const startsAt = zonedToUtc(day, `${d.hour}:00`, place.time_zone)!.toISOString();
      const stamp = nowIso();
      const people = d.people ? await trx.selectFrom('users').select(['id', 'email']).where('email', 'in', d.people).execute() : [];
      const ordered = (d.people ?? []).flatMap((email) => people.filter((p) => p.email === email));
      const registered = Math.min(ordered.length, d.capacity);
      const { id } = await trx
        .insertInto('workshops')
        .values({
          place_id: place.id,
          title: d.title,
          description: d.description,
          theme: d.theme,
          level: d.level,
          starts_at: startsAt,
          duration_minutes: d.minutes,
          capacity: d.capacity,
          mediator_id: null,
          registered_count: registered,
          waitlist_count: ordered.length - registered,
          reminders_sent_at: null,
          created_by: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [i, p] of ordered.entries()) {
        const queued = new Date(now.getTime() + i).toISOString();
        await trx
          .insertInto('workshop_registrations')
          .values({
            workshop_id: id,
            user_id: p.id,
            status: i < d.capacity ? 'registered' : 'waitlisted',
            queued_at: queued,
            attended: null,
            cancelled_at: null,
            created_at: stamp,
            updated_at: stamp,
          })
          .execute();
      }
      await scheduleReminder(trx, id, startsAt);
    }
  });
}
