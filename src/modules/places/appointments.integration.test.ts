import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { AppError } from '../../platform/errors.js';
import { deleteAccount, exportUserData } from '../../platform/gdpr.js';
import { createSession } from '../../platform/session.js';
import { modules } from '../index.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, hashPassword } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { appointmentReminderJob } from './appointments.jobs.js';
import { listOpenSlots } from './appointments.queries.js';
import { APPOINTMENT_REMINDER_JOB, bookSlot, cancelBooking, publishSlots, withdrawSlot } from './appointments.service.js';
import { seedDemoSlots } from './appointments.demo.js';
import type { PlacesActor } from './places.policy.js';

const CONTEXT = { actorId: null, requestId: 'test', ip: '127.0.0.1' };
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const silentLog = {
  info() {},
  warn() {},
  error() {},
  debug() {},
  trace() {},
  fatal() {},
  child: () => silentLog,
  level: 'silent',
} as never;

/** The code of the AppError a promise rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.code;
    throw err;
  }
  return 'ok';
}

describeEachDatabase('places: appointments', (dialect) => {
  let t: TestApp;
  let people = 0;
  let passwordHash: string;
  let placeA: { id: number; slug: string };
  let placeB: { id: number; slug: string };
  let serviceSlug: string;
  /** Mediator of A (and of B, for the "any place" overlap rule), mediator of B only. */
  let mediatorA: { userId: number; email: string; actor: PlacesActor; client: TestClient };
  let mediatorB: { userId: number; email: string; actor: PlacesActor; client: TestClient };
  /** Slots start from here on: a day far enough ahead for reminders, different per test. */
  let nextStart = Date.now() + 3 * DAY;

  const person = async (roles: { role: 'mediator'; scopeType: 'place'; scopeId: number }[] = [], options: { verified?: boolean } = {}) => {
    const n = ++people;
    const email = `appointments-${dialect}-${n}@example.org`;
    const locale = n % 2 ? 'en' : 'fr';
    const userId = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Person ${n}`,
      password: 'unused',
      passwordHash,
      locale,
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const client = new TestClient(t.app, `10.1.${Math.floor(n / 200)}.${n % 200}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    const actor: PlacesActor = {
      id: userId,
      roles: roles.length > 0 ? ['citizen', 'mediator'] : ['citizen'],
      emailVerified: options.verified !== false,
      placeIds: roles.map((r) => r.scopeId),
    };
    return { userId, email, actor, client, locale };
  };

  /** A fresh future time window of `minutes`, after every earlier one. */
  const window = (minutes = 30) => {
    const start = new Date(nextStart);
    nextStart += 2 * HOUR;
    return { start, end: new Date(start.getTime() + minutes * 60_000) };
  };
  const publish = async (m = mediatorA, place = placeA, minutes = 30) =>
    (await publishSlots(t.app.db, m.actor, place.id, [window(minutes)], CONTEXT))[0]!;
  const count = async (table: 'appointment_slots' | 'appointment_bookings') =>
    Number(
      (
        await t.app.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The mail jobs queued for an address, newest last. */
  const mailsTo = async (email: string) =>
    (await t.app.db.selectFrom('jobs').select('payload').where('type', '=', 'mail.send').orderBy('id').execute())
      .map((r) => JSON.parse(r.payload) as { to: string; subject: string; text: string })
      .filter((m) => m.to === email);
  const api = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, body?: unknown, ip = '10.9.9.9') =>
    t.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { payload: JSON.stringify(body) } : {}),
    });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    passwordHash = await hashPassword('unused password');
    const places = await t.app.db.selectFrom('places').select(['id', 'slug']).execute();
    placeA = places.find((p) => p.slug === 'espace-services-publics-saint-aubin')!;
    placeB = places.find((p) => p.slug === 'mairie-mont-rivel')!;
    const service = await t.app.db
      .selectFrom('place_services')
      .innerJoin('services', 'services.id', 'place_services.service_id')
      .select('services.slug')
      .where('place_services.place_id', '=', placeA.id)
      .where('services.status', '=', 'published')
      .executeTakeFirstOrThrow();
    serviceSlug = service.slug;
    mediatorA = await person([
      { role: 'mediator', scopeType: 'place', scopeId: placeA.id },
      { role: 'mediator', scopeType: 'place', scopeId: placeB.id },
    ]);
    mediatorB = await person([{ role: 'mediator', scopeType: 'place', scopeId: placeB.id }]);
  });
  afterAll(() => t.close());

  // ---- Publishing -----------------------------------------------------------------------------

  it('publishes slots that anyone then sees as open, in the API too', async () => {
    const id = await publish();
    const open = await listOpenSlots(t.app.db, placeA.id);
    expect(open.map((s) => s.id)).toContain(id);
    const response = await api('GET', `/api/v1/places/${placeA.slug}/slots`);
    expect(response.statusCode).toBe(200);
    expect(response.json().data.map((s: { id: number }) => s.id)).toContain(id);
    expect(response.json().timeZone).toBe('Europe/Paris');
  });

  it('refuses bad slots with a clear field error and writes nothing', async () => {
    const before = await count('appointment_slots');
    const now = Date.now();
    const cases: [{ start: Date; end: Date }, string][] = [
      [{ start: new Date(now + 5 * DAY + HOUR), end: new Date(now + 5 * DAY) }, 'appointments.errors.endBeforeStart'],
      [{ start: new Date(now - HOUR), end: new Date(now - HOUR / 2) }, 'appointments.errors.startPast'],
      [{ start: new Date(now + 5 * DAY), end: new Date(now + 5 * DAY + 5 * HOUR) }, 'appointments.errors.tooLong'],
      [{ start: new Date(now + 5 * DAY), end: new Date(now + 5 * DAY + 5 * 60_000) }, 'appointments.errors.tooShort'],
    ];
    for (const [slot, key] of cases) {
      const err = await publishSlots(t.app.db, mediatorA.actor, placeA.id, [slot], CONTEXT).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('validation_failed');
      expect((err as AppError).fields[0]!.message).toBe(key);
    }
    expect(await count('appointment_slots')).toBe(before);
  });

  it('refuses a slot overlapping another open slot of the same mediator, at any place, and within one request', async () => {
    const w = window(60);
    await publishSlots(t.app.db, mediatorA.actor, placeA.id, [w], CONTEXT);
    const before = await count('appointment_slots');
    const overlapping = { start: new Date(w.start.getTime() + 30 * 60_000), end: new Date(w.end.getTime() + 30 * 60_000) };
    const err = (await publishSlots(t.app.db, mediatorA.actor, placeB.id, [overlapping], CONTEXT).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation_failed');
    expect(err.fields[0]!.message).toBe('appointments.errors.overlap');
    const w2 = window(60);
    const twice = await codeOf(
      publishSlots(t.app.db, mediatorA.actor, placeA.id, [w2, { start: new Date(w2.start.getTime() + 60_000), end: w2.end }], CONTEXT),
    );
    expect(twice).toBe('validation_failed');
    expect(await count('appointment_slots')).toBe(before);
    // Another mediator may hold the same hour; and a withdrawn slot no longer blocks it.
    await publishSlots(t.app.db, mediatorB.actor, placeB.id, [overlapping], CONTEXT);
  });

  it('lets only the place’s mediators and admins publish (pages and API)', async () => {
    const citizen = await person();
    expect(await codeOf(publishSlots(t.app.db, mediatorB.actor, placeA.id, [window()], CONTEXT))).toBe('forbidden');
    expect(await codeOf(publishSlots(t.app.db, citizen.actor, placeA.id, [window()], CONTEXT))).toBe('forbidden');
    expect(await codeOf(publishSlots(t.app.db, null, placeA.id, [window()], CONTEXT))).toBe('unauthorized');

    const tokenB = (await createApiTokenForEmail(t.app.db, { email: mediatorB.email, name: 'test' })).token;
    const tokenA = (await createApiTokenForEmail(t.app.db, { email: mediatorA.email, name: 'test' })).token;
    const w = window();
    const body = { start: w.start.toISOString(), end: w.end.toISOString() };
    expect((await api('POST', `/api/v1/places/${placeA.slug}/slots`, tokenB, body)).statusCode).toBe(403);
    expect((await api('POST', `/api/v1/places/${placeA.slug}/slots`, undefined, body)).statusCode).toBe(401);
    const created = await api('POST', `/api/v1/places/${placeA.slug}/slots`, tokenA, body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: expect.any(Number) });
    const bad = await api('POST', `/api/v1/places/${placeA.slug}/slots`, tokenA, { start: 'tomorrow', end: w.end.toISOString() });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('validation_failed');
    const past = await api('POST', `/api/v1/places/${placeA.slug}/slots`, tokenA, {
      start: new Date(Date.now() - DAY).toISOString(),
      end: new Date(Date.now() - DAY + HOUR).toISOString(),
    });
    expect(past.statusCode).toBe(422);
    expect(past.json().fields[0]).toEqual({ field: 'start', message: 'appointments.errors.startPast' });

    // The management page: B's mediator may not see A's slots and bookings.
    expect((await mediatorB.client.get(`/en/manage/places/${placeA.slug}/slots`)).statusCode).toBe(403);
    expect((await citizen.client.get(`/en/manage/places/${placeA.slug}/slots`)).statusCode).toBe(403);
    expect((await mediatorA.client.get(`/en/manage/places/${placeA.slug}/slots`)).statusCode).toBe(200);
  });

  it('publishes weekly repeats from the form, in the place’s time zone, and shows errors on the form', async () => {
    const date = new Date(Date.now() + 40 * DAY).toISOString().slice(0, 10);
    const page = `/fr/manage/places/${placeA.slug}/slots`;
    const done = await mediatorA.client.submit(page, page, { date, time: '09:15', minutes: '45', repeat: '2' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${page}?done=published&count=3`);
    const rows = await t.app.db
      .selectFrom('appointment_slots')
      .select(['starts_at', 'ends_at'])
      .where('place_id', '=', placeA.id)
      .where('starts_at', '>=', `${date}T00:00:00.000Z`)
      .orderBy('starts_at')
      .limit(3)
      .execute();
    expect(rows).toHaveLength(3);
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });
    for (const r of rows) {
      expect(local.format(new Date(r.starts_at))).toBe('09:15');
      expect(Date.parse(r.ends_at) - Date.parse(r.starts_at)).toBe(45 * 60_000);
    }
    const listed = await mediatorA.client.get(`${page}?done=published&count=3`);
    expect(listed.body).toContain('3 créneaux sont publiés.');

    const again = await mediatorA.client.submit(page, page, { date, time: '09:30', minutes: '30', repeat: '0' });
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain('error-summary');
    expect(again.body).toContain('chevauche');
    const past = await mediatorA.client.submit(page, page, { date: '2020-01-01', time: '09:30', minutes: '30', repeat: '0' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('L’horaire doit être dans le futur');
    const garbage = await mediatorA.client.submit(page, page, { date: 'soon', time: '25:00', minutes: '7', repeat: '99' });
    expect(garbage.statusCode).toBe(422);
    for (const id of ['slot-date', 'slot-time', 'slot-minutes', 'slot-repeat']) expect(garbage.body).toContain(`href="#${id}"`);
  });

  // ---- Booking --------------------------------------------------------------------------------

  it('books a slot: confirmation mail, reminder job the day before, and the slot is no longer open', async () => {
    const slotId = await publish();
    const citizen = await person();
    const { id, created } = await bookSlot(t.app.db, citizen.actor, slotId, { need: '  Apply for housing benefit  ', serviceSlug });
    expect(created).toBe(true);
    const row = await t.app.db.selectFrom('appointment_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ slot_id: slotId, user_id: citizen.userId, need: 'Apply for housing benefit', status: 'active' });
    expect(row.service_id).not.toBeNull();
    expect((await listOpenSlots(t.app.db, placeA.id)).map((s) => s.id)).not.toContain(slotId);
    const mails = await mailsTo(citizen.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Apply for housing benefit');
    expect(mails[0]!.text).toContain(`${t.app.config.baseUrl}/${citizen.locale}/appointments/${id}`);
    const job = await t.app.db
      .selectFrom('jobs')
      .selectAll()
      .where('type', '=', APPOINTMENT_REMINDER_JOB)
      .where('dedupe_key', '=', `appointment-reminder:${id}`)
      .executeTakeFirstOrThrow();
    const slot = await t.app.db.selectFrom('appointment_slots').select('starts_at').where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(Date.parse(job.run_at)).toBe(Date.parse(slot.starts_at) - DAY);

    // Booking it again is the same booking; someone else gets slot_taken.
    expect(await bookSlot(t.app.db, citizen.actor, slotId, { need: 'again' })).toEqual({ id, created: false });
    const other = await person();
    expect(await codeOf(bookSlot(t.app.db, other.actor, slotId, { need: 'me too' }))).toBe('slot_taken');
  });

  it('refuses bad bookings and writes nothing', async () => {
    const slotId = await publish();
    const citizen = await person();
    const before = await count('appointment_bookings');
    const fieldOf = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as AppError).fields[0]?.message;
    expect(await fieldOf(bookSlot(t.app.db, citizen.actor, slotId, { need: '   ' }))).toBe('appointments.errors.needMissing');
    expect(await fieldOf(bookSlot(t.app.db, citizen.actor, slotId, { need: 'x'.repeat(1001) }))).toBe('appointments.errors.needLong');
    expect(await fieldOf(bookSlot(t.app.db, citizen.actor, slotId, { need: 'help', serviceSlug: 'no-such-service' }))).toBe(
      'appointments.errors.serviceUnknown',
    );
    expect(await codeOf(bookSlot(t.app.db, citizen.actor, 999_999, { need: 'help' }))).toBe('not_found');
    const unverified = await person([], { verified: false });
    expect(await codeOf(bookSlot(t.app.db, unverified.actor, slotId, { need: 'help' }))).toBe('forbidden');
    expect(await codeOf(bookSlot(t.app.db, null, slotId, { need: 'help' }))).toBe('unauthorized');
    // A past slot and a withdrawn one cannot be booked.
    const [past] = await t.app.db
      .insertInto('appointment_slots')
      .values({
        place_id: placeA.id,
        mediator_id: mediatorA.userId,
        starts_at: new Date(Date.now() - HOUR).toISOString(),
        ends_at: new Date(Date.now() - HOUR / 2).toISOString(),
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
      })
      .returning('id')
      .execute();
    expect(await codeOf(bookSlot(t.app.db, citizen.actor, past!.id, { need: 'help' }))).toBe('conflict');
    const withdrawn = await publish();
    await withdrawSlot(t.app.db, mediatorA.actor, placeA.id, withdrawn, CONTEXT);
    expect(await codeOf(bookSlot(t.app.db, citizen.actor, withdrawn, { need: 'help' }))).toBe('conflict');
    expect(await count('appointment_bookings')).toBe(before);
  });

  it('refuses a second appointment of the same person at an overlapping time', async () => {
    const w = window(60);
    const [first] = await publishSlots(t.app.db, mediatorA.actor, placeA.id, [w], CONTEXT);
    const [second] = await publishSlots(
      t.app.db,
      mediatorB.actor,
      placeB.id,
      [{ start: new Date(w.start.getTime() + 30 * 60_000), end: new Date(w.end.getTime() + 30 * 60_000) }],
      CONTEXT,
    );
    const citizen = await person();
    await bookSlot(t.app.db, citizen.actor, first!, { need: 'help' });
    const err = (await bookSlot(t.app.db, citizen.actor, second!, { need: 'help' }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('conflict');
    expect(err.fields[0]!.message).toBe('appointments.errors.overlapBooking');
  });

  it('50 people booking one slot at once: exactly one gets it (service)', async () => {
    const slotId = await publish();
    const citizens = await Promise.all(Array.from({ length: 50 }, () => person()));
    const results = await Promise.allSettled(citizens.map((c) => bookSlot(t.app.db, c.actor, slotId, { need: 'help with a form' })));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect((r.reason as AppError).code).toBe('slot_taken');
    const active = await t.app.db
      .selectFrom('appointment_bookings')
      .select('id')
      .where('slot_id', '=', slotId)
      .where('status', '=', 'active')
      .execute();
    expect(active).toHaveLength(1);
  });

  it('50 people booking one slot at once: exactly one 201, the others 409 slot_taken (API)', async () => {
    const slotId = await publish();
    const citizens = await Promise.all(Array.from({ length: 50 }, () => person()));
    const tokens = await Promise.all(citizens.map((c) => createApiTokenForEmail(t.app.db, { email: c.email, name: 'race' })));
    const responses = await Promise.all(
      tokens.map((tk, i) => api('POST', `/api/v1/slots/${slotId}/booking`, tk.token, { need: 'help with a form' }, `10.50.0.${i + 1}`)),
    );
    const codes = responses.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    for (const r of responses.filter((x) => x.statusCode === 409)) expect(r.json()).toMatchObject({ code: 'slot_taken' });
    const winner = responses.findIndex((r) => r.statusCode === 201);
    expect(responses[winner]!.json()).toEqual({ id: expect.any(Number), slotId, status: 'active' });
    // The winner booking again: the same booking, 200.
    const again = await api('POST', `/api/v1/slots/${slotId}/booking`, tokens[winner]!.token, { need: 'again' }, '10.50.1.1');
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(responses[winner]!.json().id);
  });

  // ---- Cancelling -----------------------------------------------------------------------------

  it('the booker cancels: mediators are told, the slot is free again, the API DELETE answers 204', async () => {
    const slotId = await publish();
    const citizen = await person();
    const { id } = await bookSlot(t.app.db, citizen.actor, slotId, { need: 'scan documents' });
    const mediatorMailsBefore = (await mailsTo(mediatorA.email)).length;
    expect(await cancelBooking(t.app.db, citizen.actor, id, {}, CONTEXT)).toEqual({ by: 'booker' });
    const row = await t.app.db.selectFrom('appointment_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'cancelled', cancelled_by: 'booker' });
    expect((await mailsTo(mediatorA.email)).length).toBe(mediatorMailsBefore + 1);
    expect((await listOpenSlots(t.app.db, placeA.id)).map((s) => s.id)).toContain(slotId);
    // Cancelling twice changes nothing; someone else may book it now.
    await cancelBooking(t.app.db, citizen.actor, id, {}, CONTEXT);
    expect((await mailsTo(mediatorA.email)).length).toBe(mediatorMailsBefore + 1);
    const other = await person();
    const token = (await createApiTokenForEmail(t.app.db, { email: other.email, name: 'x' })).token;
    expect((await api('POST', `/api/v1/slots/${slotId}/booking`, token, { need: 'my turn', serviceSlug })).statusCode).toBe(201);
    expect((await api('DELETE', `/api/v1/slots/${slotId}/booking`, token)).statusCode).toBe(204);
    expect((await api('DELETE', `/api/v1/slots/${slotId}/booking`, token)).statusCode).toBe(404);
    expect((await listOpenSlots(t.app.db, placeA.id)).map((s) => s.id)).toContain(slotId);
  });

  it('a mediator cancels with a reason the booker receives; others cannot cancel or see it (404)', async () => {
    const slotId = await publish();
    const citizen = await person();
    const stranger = await person();
    const { id } = await bookSlot(t.app.db, citizen.actor, slotId, { need: 'print a form' });
    expect(await codeOf(cancelBooking(t.app.db, stranger.actor, id, {}, CONTEXT))).toBe('not_found');
    expect(await codeOf(cancelBooking(t.app.db, mediatorB.actor, id, {}, CONTEXT))).toBe('not_found');
    expect((await stranger.client.get(`/en/appointments/${id}`)).statusCode).toBe(404);
    expect((await mediatorB.client.get(`/en/appointments/${id}`)).statusCode).toBe(404);
    expect((await citizen.client.get(`/en/appointments/${id}`)).statusCode).toBe(200);
    const seen = await mediatorA.client.get(`/en/appointments/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('print a form');

    const form = `/en/appointments/${id}/cancel`;
    const tooLong = await mediatorA.client.submit(form, form, { reason: 'x'.repeat(501) });
    expect(tooLong.statusCode).toBe(422);
    const done = await mediatorA.client.submit(form, form, { reason: 'The mediator is ill.' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/en/manage/places/${placeA.slug}/slots?done=cancelled`);
    const mails = await mailsTo(citizen.email);
    expect(mails.at(-1)!.text).toContain('The mediator is ill.');
    const row = await t.app.db
      .selectFrom('appointment_bookings')
      .select(['status', 'cancelled_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancelled_by: 'mediator' });
    const audit = await t.app.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toContain('appointment.booking.cancel');
  });

  it('withdrawing a booked slot cancels its booking and tells the booker', async () => {
    const slotId = await publish();
    const citizen = await person();
    const { id } = await bookSlot(t.app.db, citizen.actor, slotId, { need: 'email' });
    expect(await codeOf(withdrawSlot(t.app.db, mediatorB.actor, placeA.id, slotId, CONTEXT))).toBe('forbidden');
    expect(await codeOf(withdrawSlot(t.app.db, mediatorA.actor, placeB.id, slotId, CONTEXT))).toBe('not_found');
    await withdrawSlot(t.app.db, mediatorA.actor, placeA.id, slotId, CONTEXT);
    const row = await t.app.db
      .selectFrom('appointment_bookings')
      .select(['status', 'cancelled_by'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'cancelled', cancelled_by: 'mediator' });
    expect((await mailsTo(citizen.email)).length).toBe(2);
    expect((await listOpenSlots(t.app.db, placeA.id)).map((s) => s.id)).not.toContain(slotId);
  });

  it('withdraws an open slot from the slots page; another place’s mediator cannot', async () => {
    const slotId = await publish();
    const page = `/en/manage/places/${placeA.slug}/slots`;
    const listed = await mediatorA.client.get(page);
    expect(listed.body).toContain(`/slots/${slotId}/withdraw`);
    const refused = await mediatorB.client.submit(`/en/manage/places/${placeB.slug}/slots`, `${page}/${slotId}/withdraw`, {});
    expect(refused.statusCode).toBe(403);
    const viaB = await mediatorA.client.submit(page, `/en/manage/places/${placeB.slug}/slots/${slotId}/withdraw`, {});
    expect(viaB.statusCode).toBe(404);
    const done = await mediatorA.client.submit(page, `${page}/${slotId}/withdraw`, {});
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`${page}?done=withdrawn`);
    const row = await t.app.db.selectFrom('appointment_slots').select('status').where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
  });

  // ---- Reminder -------------------------------------------------------------------------------

  it('the reminder goes once to an active booking, and not at all to a cancelled one', async () => {
    const citizen = await person();
    const { id: kept } = await bookSlot(t.app.db, citizen.actor, await publish(), { need: 'reminded' });
    const { id: dropped } = await bookSlot(t.app.db, citizen.actor, await publish(), { need: 'not reminded' });
    await cancelBooking(t.app.db, citizen.actor, dropped, {}, CONTEXT);
    const before = (await mailsTo(citizen.email)).length;
    const ctx = { db: t.app.db, log: silentLog, attempt: 1, jobId: 0 };
    await appointmentReminderJob({ bookingId: kept }, ctx);
    await appointmentReminderJob({ bookingId: kept }, ctx);
    await appointmentReminderJob({ bookingId: dropped }, ctx);
    const mails = await mailsTo(citizen.email);
    expect(mails.length).toBe(before + 1);
    expect(mails.at(-1)!.text).toContain('reminded');
    await expect(appointmentReminderJob({ bookingId: 'x' }, ctx)).rejects.toThrow(/Invalid/);
  });

  // ---- Pages ----------------------------------------------------------------------------------

  it('the booking page: slots for everyone, sign-in for visitors, the form for verified people, 409 on a race', async () => {
    const slotId = await publish();
    const anonymous = await t.app.inject({ url: `/en/places/${placeA.slug}/appointments` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toContain('/en/sign-in?next=');
    expect(anonymous.body).not.toContain('name="need"');
    expect((await t.app.inject({ url: '/en/places/no-such-place/appointments' })).statusCode).toBe(404);

    const citizen = await person();
    const page = `/en/places/${placeA.slug}/appointments`;
    const form = await citizen.client.get(page);
    expect(form.body).toContain(`value="${slotId}"`);
    const missing = await citizen.client.submit(page, page, { slot: '', need: '', service: '' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#appointment-slot"');
    expect(missing.body).toContain('href="#appointment-need"');
    const wrongService = await citizen.client.submit(page, page, { slot: String(slotId), need: 'help', service: 'not-here' });
    expect(wrongService.statusCode).toBe(422);

    const rival = await person();
    await bookSlot(t.app.db, rival.actor, slotId, { need: 'first' });
    const raced = await citizen.client.submit(page, page, { slot: String(slotId), need: 'my text is kept', service: '' });
    expect(raced.statusCode).toBe(409);
    expect(raced.body).toContain('This time was just taken by someone else');
    expect(raced.body).toContain('my text is kept');

    const free = await publish();
    const booked = await citizen.client.submit(page, page, { slot: String(free), need: 'Set up my email', service: serviceSlug });
    expect(booked.statusCode).toBe(303);
    const location = booked.headers.location as string;
    expect(location).toMatch(/^\/en\/appointments\/\d+\?done=booked$/);
    const shown = await citizen.client.get(location);
    expect(shown.body).toContain('Set up my email');
    const mine = await citizen.client.get('/en/appointments');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain(location.split('?')[0]);

    // A slot of another place through this place's form: gone.
    const atB = await publish(mediatorB, placeB);
    const cross = await citizen.client.submit(page, page, { slot: String(atB), need: 'help', service: '' });
    expect(cross.statusCode).toBe(409);

    // Cancel from "my appointments", with a confirmation page.
    const bookingId = Number(/appointments\/(\d+)/.exec(location)![1]);
    const confirm = await citizen.client.get(`/en/appointments/${bookingId}/cancel`);
    expect(confirm.statusCode).toBe(200);
    const cancelled = await citizen.client.submit(`/en/appointments/${bookingId}/cancel`, `/en/appointments/${bookingId}/cancel`, {});
    expect(cancelled.statusCode).toBe(303);
    expect(cancelled.headers.location).toBe('/en/appointments?done=cancelled');
    // Signed out: sent to sign in.
    const out = await t.app.inject({ url: '/en/appointments' });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toContain('/en/sign-in?next=');
  });

  it('the unverified see a request to confirm their email, not the form', async () => {
    await publish();
    const unverified = await person([], { verified: false });
    const page = await unverified.client.get(`/en/places/${placeA.slug}/appointments`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Confirm your email address first');
    expect(page.body).not.toContain('name="need"');
  });

  // ---- Personal data, OpenAPI, demo -----------------------------------------------------------

  it('exports a person’s bookings and, on deletion, cancels the future ones and erases the need', async () => {
    const citizen = await person();
    const slotId = await publish();
    const { id } = await bookSlot(t.app.db, citizen.actor, slotId, { need: 'something personal' });
    const archive = await exportUserData(t.app.db, modules, citizen.userId);
    const places = archive.modules.places as { appointments: { id: number; need: string }[] };
    expect(places.appointments).toEqual([expect.objectContaining({ id, need: 'something personal', status: 'active' })]);
    await deleteAccount(t.app.db, modules, citizen.userId);
    const row = await t.app.db.selectFrom('appointment_bookings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ user_id: null, need: '', status: 'cancelled' });
    expect((await listOpenSlots(t.app.db, placeA.id)).map((s) => s.id)).toContain(slotId);
  });

  it('describes every appointment route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    const expected: [string, string][] = [
      ['/api/v1/places/{slug}/slots', 'get'],
      ['/api/v1/places/{slug}/slots', 'post'],
      ['/api/v1/slots/{id}/booking', 'post'],
      ['/api/v1/slots/{id}/booking', 'delete'],
    ];
    for (const [path, method] of expected) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
      expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace('{slug}', ':slug').replace('{id}', ':id') })).toBe(
        true,
      );
    }
    expect(doc.components.schemas.Error.properties.code.enum).toContain('slot_taken');
  });

  it('seeds demo slots once', async () => {
    await seedDemoSlots(t.app.db);
    const first = await count('appointment_slots');
    await seedDemoSlots(t.app.db);
    expect(await count('appointment_slots')).toBe(first);
    const demo = await t.app.db.selectFrom('places').select('id').where('slug', '=', 'mediatheque-saint-aubin').executeTakeFirstOrThrow();
    expect((await listOpenSlots(t.app.db, demo.id)).length).toBeGreaterThan(0);
  });
});
