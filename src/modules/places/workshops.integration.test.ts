import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { JobWorker } from '../../platform/jobs.js';
import { createSession } from '../../platform/session.js';
import { recordingLogger } from '../../platform/testing-logger.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import type { PlacesActor } from './places.policy.js';
import { sendWorkshopReminders, workshopJobs } from './workshops.jobs.js';
import { workshopsPersonalData } from './workshops.personal-data.js';
import { findWorkshop, recountWorkshopCounters } from './workshops.queries.js';
import type { WorkshopInput } from './workshops.schemas.js';
import {
  cancelRegistration,
  cancelWorkshop,
  editWorkshop,
  publishWorkshop,
  recordAttendance,
  registerForWorkshop,
  seedDemoWorkshops,
  WORKSHOP_REMINDER_JOB,
} from './workshops.service.js';

const DAY = 24 * 60 * 60 * 1000;
const CONTEXT = { actorId: null, requestId: 'test', ip: '127.0.0.1' };

describeEachDatabase('places: workshops', (dialect) => {
  let t: TestApp;
  let placeA: { id: number; slug: string };
  let placeB: { id: number; slug: string };
  let people = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const rows = await t.app.db.selectFrom('places').select(['id', 'slug']).orderBy('id').execute();
    placeA = rows.find((r) => r.slug === 'mediatheque-saint-aubin')!;
    placeB = rows.find((r) => r.slug === 'centre-social-les-tilleuls')!;
  }, 60_000);
  afterAll(() => t.close());

  /** A user (2FA on when privileged, so the roles are in effect), a signed-in client and their actor. */
  const person = async (roles: { role: Role; scopeType?: 'place'; scopeId?: number }[] = [], options: { verified?: boolean } = {}) => {
    people += 1;
    const email = `workshops-${dialect}-${people}@example.org`;
    const userId = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Person ${people}`,
      password: 'a long enough password',
      locale: people % 2 ? 'en' : 'fr',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    const actor: NonNullable<PlacesActor> = {
      id: userId,
      roles: ['citizen', ...roles.map((r) => r.role)],
      emailVerified: options.verified !== false,
      placeIds: roles.filter((r) => r.role === 'mediator').map((r) => r.scopeId!),
    };
    return Object.assign(client, { userId, email, actor });
  };
  const mediatorOf = (placeId: number) => person([{ role: 'mediator', scopeType: 'place', scopeId: placeId }]);
  const citizens = async (n: number) => {
    const list = [];
    for (let i = 0; i < n; i++) list.push(await person());
    return list;
  };

  let mediatorA: Awaited<ReturnType<typeof person>>;
  beforeAll(async () => {
    mediatorA = await mediatorOf(placeA.id);
  });

  const input = (over: Partial<WorkshopInput> = {}): WorkshopInput => ({
    title: 'Premiers pas avec le smartphone',
    description: 'Apportez votre téléphone.',
    theme: 'everyday_tools',
    level: 'beginner',
    startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
    durationMinutes: 90,
    capacity: 2,
    mediatorId: null,
    ...over,
  });
  const publish = (over: Partial<WorkshopInput> = {}) => publishWorkshop(t.app.db, mediatorA.actor, placeA.id, input(over), CONTEXT);

  const counters = async (id: number) => {
    const w = await findWorkshop(t.app.db, id);
    return { registered: w!.registered_count, waitlisted: w!.waitlist_count };
  };
  const statusOf = async (workshopId: number, userId: number) =>
    (
      await t.app.db
        .selectFrom('workshop_registrations')
        .select('status')
        .where('workshop_id', '=', workshopId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
    )?.status;
  /** The mails queued to an address, by subject. */
  const mailsTo = async (email: string) => {
    const jobs = await t.app.db.selectFrom('jobs').select('payload').where('type', '=', 'mail.send').execute();
    return jobs.map((j) => JSON.parse(j.payload) as { to: string; subject: string; text: string }).filter((m) => m.to === email);
  };

  describe('publishing', () => {
    it('lets the mediators of the place and admins publish, and nobody else', async () => {
      const id = await publish();
      expect((await findWorkshop(t.app.db, id))?.status).toBe('scheduled');
      const admin = await person([{ role: 'admin' }]);
      await expect(publishWorkshop(t.app.db, admin.actor, placeB.id, input(), CONTEXT)).resolves.toBeGreaterThan(0);
      const other = await mediatorOf(placeB.id);
      await expect(publishWorkshop(t.app.db, other.actor, placeA.id, input(), CONTEXT)).rejects.toMatchObject({ code: 'forbidden' });
      const [citizen] = await citizens(1);
      await expect(publishWorkshop(t.app.db, citizen!.actor, placeA.id, input(), CONTEXT)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(publishWorkshop(t.app.db, null, placeA.id, input(), CONTEXT)).rejects.toMatchObject({ code: 'unauthorized' });
      const audit = await t.app.db.selectFrom('audit_log').select('action').where('subject_id', '=', String(id)).execute();
      expect(audit.map((a) => a.action)).toContain('workshop.publish');
    });

    it('refuses a start in the past and a mediator of another place, writing nothing', async () => {
      const before = await t.app.db
        .selectFrom('workshops')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      await expect(publish({ startsAt: new Date(Date.now() - DAY).toISOString() })).rejects.toMatchObject({ code: 'validation_failed' });
      const other = await mediatorOf(placeB.id);
      await expect(publish({ mediatorId: other.userId })).rejects.toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'mediator' }],
      });
      const after = await t.app.db
        .selectFrom('workshops')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      await expect(publish({ mediatorId: mediatorA.userId })).resolves.toBeGreaterThan(0);
    });

    it('schedules one reminder job the day before', async () => {
      const startsAt = new Date(Date.now() + 5 * DAY).toISOString();
      const id = await publish({ startsAt });
      const job = await t.app.db
        .selectFrom('jobs')
        .select(['run_at', 'payload'])
        .where('type', '=', WORKSHOP_REMINDER_JOB)
        .where('dedupe_key', '=', `workshop-reminder:${id}:${startsAt}`)
        .executeTakeFirstOrThrow();
      expect(new Date(job.run_at).getTime()).toBe(new Date(startsAt).getTime() - DAY);
    });
  });

  describe('registration and the waiting list', () => {
    it('registers while seats are free, then waitlists; registering again changes nothing', async () => {
      const id = await publish({ capacity: 2 });
      const [a, b, c] = await citizens(3);
      expect(await registerForWorkshop(t.app.db, a!.actor, id)).toEqual({ status: 'registered', created: true });
      expect(await registerForWorkshop(t.app.db, b!.actor, id)).toEqual({ status: 'registered', created: true });
      expect(await registerForWorkshop(t.app.db, c!.actor, id)).toEqual({ status: 'waitlisted', created: true });
      expect(await registerForWorkshop(t.app.db, c!.actor, id)).toEqual({ status: 'waitlisted', created: false });
      expect(await registerForWorkshop(t.app.db, a!.actor, id)).toEqual({ status: 'registered', created: false });
      expect(await counters(id)).toEqual({ registered: 2, waitlisted: 1 });
      expect(await recountWorkshopCounters(t.app.db, id)).toEqual({ registered: 2, waitlisted: 1 });
      expect((await mailsTo(a!.email)).length).toBe(1);
      expect((await mailsTo(c!.email))[0]?.text).toContain('/workshops/');
    });

    it('moves the first person waiting up when a registered person cancels, and mails them', async () => {
      const id = await publish({ capacity: 1 });
      const [a, b, c] = await citizens(3);
      await registerForWorkshop(t.app.db, a!.actor, id);
      await registerForWorkshop(t.app.db, b!.actor, id);
      await registerForWorkshop(t.app.db, c!.actor, id);
      expect(await cancelRegistration(t.app.db, a!.actor, id)).toBe(true);
      expect(await statusOf(id, a!.userId)).toBe('cancelled');
      expect(await statusOf(id, b!.userId)).toBe('registered');
      expect(await statusOf(id, c!.userId)).toBe('waitlisted');
      expect(await counters(id)).toEqual({ registered: 1, waitlisted: 1 });
      const mails = await mailsTo(b!.email);
      expect(mails).toHaveLength(2);
      // Cancelling twice is a no-op; a waitlisted person leaving frees no seat.
      expect(await cancelRegistration(t.app.db, a!.actor, id)).toBe(false);
      expect(await cancelRegistration(t.app.db, c!.actor, id)).toBe(true);
      expect(await counters(id)).toEqual({ registered: 1, waitlisted: 0 });
      // Coming back after cancelling: at the end of the queue.
      expect(await registerForWorkshop(t.app.db, a!.actor, id)).toEqual({ status: 'waitlisted', created: true });
      expect(await recountWorkshopCounters(t.app.db, id)).toEqual(await counters(id));
    });

    it('refuses unverified people, signed-out visitors, cancelled and started workshops', async () => {
      const id = await publish();
      const unverified = await person([], { verified: false });
      await expect(registerForWorkshop(t.app.db, unverified.actor, id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(registerForWorkshop(t.app.db, null, id)).rejects.toMatchObject({ code: 'unauthorized' });
      await expect(registerForWorkshop(t.app.db, mediatorA.actor, 999_999)).rejects.toMatchObject({ code: 'not_found' });
      const [a] = await citizens(1);
      await expect(registerForWorkshop(t.app.db, a!.actor, id, new Date(Date.now() + 8 * DAY))).rejects.toMatchObject({ code: 'conflict' });
      await registerForWorkshop(t.app.db, a!.actor, id);
      await expect(cancelRegistration(t.app.db, a!.actor, id, new Date(Date.now() + 8 * DAY))).rejects.toMatchObject({ code: 'conflict' });
      expect(await cancelRegistration(t.app.db, a!.actor, id)).toBe(true);
      await cancelWorkshop(t.app.db, mediatorA.actor, id, CONTEXT);
      await expect(registerForWorkshop(t.app.db, a!.actor, id)).rejects.toMatchObject({ code: 'conflict' });
      expect(await recountWorkshopCounters(t.app.db, id)).toEqual({ registered: 0, waitlisted: 0 });
    });

    it('never over-fills under concurrent registrations and cancellations', async () => {
      const id = await publish({ capacity: 5 });
      const crowd = await citizens(16);
      const outcomes = await Promise.all(crowd.map((p) => registerForWorkshop(t.app.db, p.actor, id)));
      expect(outcomes.filter((o) => o.status === 'registered')).toHaveLength(5);
      expect(outcomes.filter((o) => o.status === 'waitlisted')).toHaveLength(11);
      expect(await counters(id)).toEqual({ registered: 5, waitlisted: 11 });
      const registered = crowd.filter((_, i) => outcomes[i]!.status === 'registered');
      await Promise.all(registered.slice(0, 4).map((p) => cancelRegistration(t.app.db, p.actor, id)));
      expect(await counters(id)).toEqual({ registered: 5, waitlisted: 7 });
      expect(await recountWorkshopCounters(t.app.db, id)).toEqual({ registered: 5, waitlisted: 7 });
      // The same person registering twice at once ends with one registration.
      const [solo] = await citizens(1);
      const twice = await Promise.all([registerForWorkshop(t.app.db, solo!.actor, id), registerForWorkshop(t.app.db, solo!.actor, id)]);
      expect(twice.filter((o) => o.created)).toHaveLength(1);
      expect(await recountWorkshopCounters(t.app.db, id)).toEqual(await counters(id));
    });

    it('keeps the counters equal to a recount and the waiting list moving, whatever the sequence (property)', async () => {
      const crowd = await citizens(6);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 3 }),
          fc.array(fc.tuple(fc.constantFrom('register', 'cancel', 'capacity'), fc.integer({ min: 0, max: 5 })), { maxLength: 15 }),
          async (capacity, steps) => {
            const id = await publish({ capacity });
            let current = capacity;
            for (const [op, i] of steps) {
              if (op === 'register') await registerForWorkshop(t.app.db, crowd[i]!.actor, id);
              else if (op === 'cancel') await cancelRegistration(t.app.db, crowd[i]!.actor, id);
              else {
                const w = (await findWorkshop(t.app.db, id))!;
                const next = Math.max(w.registered_count, Math.min(6, current + (i % 2 ? 1 : -1)), 1);
                await editWorkshop(t.app.db, mediatorA.actor, id, input({ capacity: next, startsAt: w.starts_at }), CONTEXT);
                current = next;
              }
              const stored = await counters(id);
              expect(stored).toEqual(await recountWorkshopCounters(t.app.db, id));
              expect(stored.registered).toBeLessThanOrEqual(current);
              if (stored.waitlisted > 0) expect(stored.registered).toBe(current);
            }
          },
        ),
        { numRuns: 15 },
      );
    });
  });

  describe('editing and cancelling a workshop', () => {
    it('moves people up when the capacity grows and refuses less than the number registered', async () => {
      const id = await publish({ capacity: 1 });
      const [a, b, c] = await citizens(3);
      for (const p of [a, b, c]) await registerForWorkshop(t.app.db, p!.actor, id);
      const w = (await findWorkshop(t.app.db, id))!;
      expect(await editWorkshop(t.app.db, mediatorA.actor, id, input({ capacity: 2, startsAt: w.starts_at }), CONTEXT)).toEqual({
        movedUp: 1,
      });
      expect(await statusOf(id, b!.userId)).toBe('registered');
      expect(await statusOf(id, c!.userId)).toBe('waitlisted');
      await expect(
        editWorkshop(t.app.db, mediatorA.actor, id, input({ capacity: 1, startsAt: w.starts_at }), CONTEXT),
      ).rejects.toMatchObject({
        code: 'validation_failed',
        fields: [{ field: 'capacity', message: 'workshops.form.errors.capacityBelowRegistered' }],
      });
      expect((await findWorkshop(t.app.db, id))!.capacity).toBe(2);
      const other = await mediatorOf(placeB.id);
      await expect(editWorkshop(t.app.db, other.actor, id, input(), CONTEXT)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(cancelWorkshop(t.app.db, other.actor, id, CONTEXT)).rejects.toMatchObject({ code: 'forbidden' });
    });

    it('mails everyone registered or waiting when the workshop is cancelled', async () => {
      const id = await publish({ capacity: 1 });
      const [a, b] = await citizens(2);
      await registerForWorkshop(t.app.db, a!.actor, id);
      await registerForWorkshop(t.app.db, b!.actor, id);
      await cancelWorkshop(t.app.db, mediatorA.actor, id, CONTEXT);
      expect((await findWorkshop(t.app.db, id))!.status).toBe('cancelled');
      for (const p of [a, b]) expect((await mailsTo(p!.email)).length).toBe(2);
    });

    it('records attendance only after the start, only for its registrations', async () => {
      const id = await publish({ capacity: 3 });
      const [a, b] = await citizens(2);
      const ra = await registerForWorkshop(t.app.db, a!.actor, id);
      expect(ra.status).toBe('registered');
      await registerForWorkshop(t.app.db, b!.actor, id);
      const regs = await t.app.db.selectFrom('workshop_registrations').select(['id', 'user_id']).where('workshop_id', '=', id).execute();
      const regA = regs.find((r) => r.user_id === a!.userId)!.id;
      await expect(recordAttendance(t.app.db, mediatorA.actor, id, [regA], CONTEXT)).rejects.toMatchObject({ code: 'conflict' });
      const later = new Date(Date.now() + 8 * DAY);
      await expect(recordAttendance(t.app.db, mediatorA.actor, id, [123_456], CONTEXT, later)).rejects.toMatchObject({
        code: 'bad_request',
      });
      const other = await mediatorOf(placeB.id);
      await expect(recordAttendance(t.app.db, other.actor, id, [regA], CONTEXT, later)).rejects.toMatchObject({ code: 'forbidden' });
      await recordAttendance(t.app.db, mediatorA.actor, id, [regA], CONTEXT, later);
      const after = await t.app.db
        .selectFrom('workshop_registrations')
        .select(['user_id', 'attended'])
        .where('workshop_id', '=', id)
        .execute();
      expect(after.find((r) => r.user_id === a!.userId)?.attended).toBe(1);
      expect(after.find((r) => r.user_id === b!.userId)?.attended).toBe(0);
    });
  });

  describe('reminders', () => {
    it('mails the people registered once, not those who cancelled nor the waiting list', async () => {
      const id = await publish({ capacity: 2 });
      const [a, b, c] = await citizens(3);
      for (const p of [a, b, c]) await registerForWorkshop(t.app.db, p!.actor, id);
      await cancelRegistration(t.app.db, b!.actor, id); // c moves up
      const w = (await findWorkshop(t.app.db, id))!;
      expect(await sendWorkshopReminders(t.app.db, id, w.starts_at)).toBe(2);
      expect(await sendWorkshopReminders(t.app.db, id, w.starts_at)).toBe(0);
      const reminderTo = async (email: string) => (await mailsTo(email)).filter((m) => /Tomorrow|Demain/.test(m.subject)).length;
      expect(await reminderTo(a!.email)).toBe(1);
      expect(await reminderTo(b!.email)).toBe(0);
      expect(await reminderTo(c!.email)).toBe(1);
    });

    it('does nothing for a moved or cancelled workshop', async () => {
      const id = await publish({ capacity: 2 });
      const [a] = await citizens(1);
      await registerForWorkshop(t.app.db, a!.actor, id);
      const old = (await findWorkshop(t.app.db, id))!.starts_at;
      const moved = new Date(Date.now() + 9 * DAY).toISOString();
      await editWorkshop(t.app.db, mediatorA.actor, id, input({ capacity: 2, startsAt: moved }), CONTEXT);
      expect(await sendWorkshopReminders(t.app.db, id, old)).toBe(0);
      await cancelWorkshop(t.app.db, mediatorA.actor, id, CONTEXT);
      expect(await sendWorkshopReminders(t.app.db, id, moved)).toBe(0);
    });
    it('runs as a queued job: a workshop tomorrow is reminded by the worker, in each person’s language', async () => {
      const id = await publish({ capacity: 3, startsAt: new Date(Date.now() + 12 * 60 * 60 * 1000).toISOString() });
      const [en, fr] = await citizens(2);
      await t.app.db.updateTable('users').set({ locale: 'en' }).where('id', '=', en!.userId).execute();
      await t.app.db.updateTable('users').set({ locale: 'fr' }).where('id', '=', fr!.userId).execute();
      await registerForWorkshop(t.app.db, en!.actor, id);
      await registerForWorkshop(t.app.db, fr!.actor, id);
      const worker = new JobWorker(t.app.db, new Map(Object.entries(workshopJobs)), recordingLogger());
      while (await worker.runOnce());
      expect((await mailsTo(en!.email)).map((m) => m.subject)).toContain('Tomorrow: Premiers pas avec le smartphone');
      expect((await mailsTo(fr!.email)).map((m) => m.subject)).toContain('Demain : Premiers pas avec le smartphone');
      expect((await mailsTo(fr!.email)).map((m) => m.subject)).toContain('Vous êtes inscrit : Premiers pas avec le smartphone');
      expect((await findWorkshop(t.app.db, id))!.status).toBe('scheduled');
      const job = await t.app.db
        .selectFrom('jobs')
        .select('status')
        .where('dedupe_key', 'like', `workshop-reminder:${id}:%`)
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
    });
  });

  describe('pages', () => {
    it('lists upcoming workshops with filters, in both languages', async () => {
      const id = await publish({ title: 'Atelier des filtres', theme: 'online_safety', level: 'advanced' });
      for (const locale of ['en', 'fr']) {
        const page = await t.app.inject({ url: `/${locale}/workshops?theme=online_safety&level=advanced&place=${placeA.slug}` });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain(`/${locale}/workshops/${id}`);
      }
      const none = await t.app.inject({ url: `/en/workshops?level=beginner&theme=online_safety&place=${placeB.slug}` });
      expect(none.body).not.toContain('Atelier des filtres');
      expect((await t.app.inject({ url: '/en/workshops?page=abc&level=zzz' })).statusCode).toBe(200);
    });

    it('shows the seats left on the cached list at once after a registration and a cancellation', async () => {
      const id = await publish({ capacity: 1, title: 'Atelier des places', theme: 'online_safety', level: 'intermediate' });
      // This instance reads the content generation at most once a second: see the publication now.
      t.app.contentGeneration.expire();
      const pages = [`/en/workshops?place=${placeA.slug}&theme=online_safety&level=intermediate`, `/en/workshops?level=intermediate`];
      const seats = async (url: string) => {
        const html = (await t.app.inject({ url })).body;
        const card = html.slice(html.indexOf(`/en/workshops/${id}"`));
        return /1 seat left out of 1|Full — you can join the waiting list/.exec(card)?.[0];
      };
      for (const url of pages) {
        expect(await seats(url), url).toBe('1 seat left out of 1');
        // Served from the page cache from now on.
        expect((await t.app.inject({ url })).headers['x-page-cache'], url).toBe('hit');
      }
      const client = await person();
      expect((await client.submit(`/en/workshops/${id}`, `/en/workshops/${id}/register`, {})).statusCode).toBe(303);
      for (const url of pages) expect(await seats(url), url).toBe('Full — you can join the waiting list');
      expect((await client.submit(`/en/workshops/${id}`, `/en/workshops/${id}/cancel`, {})).statusCode).toBe(303);
      for (const url of pages) expect(await seats(url), url).toBe('1 seat left out of 1');
    });

    it('registers, shows the place on the waiting list and cancels through the forms', async () => {
      const id = await publish({ capacity: 1, title: 'Atelier complet' });
      const [first] = await citizens(1);
      await registerForWorkshop(t.app.db, first!.actor, id);
      const client = await person();
      const page = await client.get(`/en/workshops/${id}`);
      expect(page.body).toContain('Join the waiting list');
      const posted = await client.submit(`/en/workshops/${id}`, `/en/workshops/${id}/register`, {});
      expect(posted.statusCode).toBe(303);
      expect(posted.headers.location).toBe(`/en/workshops/${id}?done=waitlisted`);
      expect((await client.get(`/en/workshops/${id}`)).body).toContain('number 1 in line');
      await first!.submit(`/fr/workshops/${id}`, `/fr/workshops/${id}/cancel`, {});
      expect((await client.get(`/en/workshops/${id}`)).body).toContain('You are registered for this workshop');
      const mine = await client.get('/fr/my-workshops');
      expect(mine.statusCode).toBe(200);
      expect(mine.body).toContain('Atelier complet');
      const visitor = await t.app.inject({ url: `/en/workshops/${id}` });
      expect(visitor.body).toContain('/en/sign-in?next=');
      expect((await t.app.inject({ url: '/en/my-workshops' })).statusCode).toBe(303);
      // A form post without a session is refused, and registers nobody.
      const before = await recountWorkshopCounters(t.app.db, id);
      const anonymous = new TestClient(t.app);
      expect([401, 403]).toContain((await anonymous.post(`/en/workshops/${id}/register`, {})).statusCode);
      expect(await recountWorkshopCounters(t.app.db, id)).toEqual(before);
    });

    it('lets the mediators of the place manage from the pages, and refuses others', async () => {
      const manage = `/en/manage/places/${placeA.slug}/workshops`;
      expect((await mediatorA.get(manage)).statusCode).toBe(200);
      const other = await mediatorOf(placeB.id);
      expect((await other.get(manage)).statusCode).toBe(403);
      const citizen = await person();
      expect((await citizen.get(manage)).statusCode).toBe(403);
      expect((await t.app.inject({ url: manage })).statusCode).toBe(303);

      const before = await t.app.db
        .selectFrom('workshops')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const bad = await mediatorA.submit(manage, manage, {
        title: '',
        theme: 'x',
        level: 'beginner',
        date: '2020-01-01',
        time: '10:00',
        duration: '90',
        capacity: '999',
        mediator: '',
        description: '',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('error-summary');
      expect(bad.body).toContain('Enter the title of the workshop');
      const after = await t.app.db
        .selectFrom('workshops')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));

      const date = new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10);
      const ok = await mediatorA.submit(manage, manage, {
        title: 'Atelier publié',
        theme: 'leisure',
        level: 'intermediate',
        date,
        time: '14:00',
        duration: '60',
        capacity: '4',
        mediator: String(mediatorA.userId),
        description: '',
      });
      expect(ok.statusCode).toBe(303);
      const id = Number(/\/manage\/workshops\/(\d+)/.exec(ok.headers.location as string)?.[1]);
      const edit = await mediatorA.get(`/fr/manage/workshops/${id}`);
      expect(edit.statusCode).toBe(200);
      expect(edit.body).toContain('value="14:00"');
      expect((await other.get(`/en/manage/workshops/${id}`)).statusCode).toBe(403);
      const noConfirm = await mediatorA.submit(`/en/manage/workshops/${id}`, `/en/manage/workshops/${id}/cancel`, {});
      expect(noConfirm.statusCode).toBe(422);
      const cancelled = await mediatorA.submit(`/en/manage/workshops/${id}`, `/en/manage/workshops/${id}/cancel`, { confirm: 'yes' });
      expect(cancelled.statusCode).toBe(303);
      expect((await findWorkshop(t.app.db, id))!.status).toBe('cancelled');
    });
  });

  describe('attendance page', () => {
    it('shows the attendance form once the workshop has started and saves it', async () => {
      const id = await publish({ capacity: 3 });
      const [a, b] = await citizens(2);
      await registerForWorkshop(t.app.db, a!.actor, id);
      await registerForWorkshop(t.app.db, b!.actor, id);
      const before = await mediatorA.get(`/en/manage/workshops/${id}`);
      expect(before.body).not.toContain('name="attended"');
      // The workshop has started (moved back in time behind the service's back).
      await t.app.db
        .updateTable('workshops')
        .set({ starts_at: new Date(Date.now() - 60_000).toISOString() })
        .where('id', '=', id)
        .execute();
      const page = await mediatorA.get(`/en/manage/workshops/${id}`);
      expect(page.body).toContain('name="attended"');
      const nameA = (await t.app.db.selectFrom('users').select('display_name').where('id', '=', a!.userId).executeTakeFirstOrThrow())
        .display_name;
      expect(page.body).toContain(nameA);
      expect(page.body).not.toContain(a!.email);
      const regA = (
        await t.app.db
          .selectFrom('workshop_registrations')
          .select('id')
          .where('user_id', '=', a!.userId)
          .where('workshop_id', '=', id)
          .executeTakeFirstOrThrow()
      ).id;
      const saved = await mediatorA.submit(`/en/manage/workshops/${id}`, `/en/manage/workshops/${id}/attendance`, {
        attended: String(regA),
      });
      expect(saved.statusCode).toBe(303);
      const rows = await t.app.db
        .selectFrom('workshop_registrations')
        .select(['user_id', 'attended'])
        .where('workshop_id', '=', id)
        .execute();
      expect(rows.find((r) => r.user_id === a!.userId)?.attended).toBe(1);
      expect(rows.find((r) => r.user_id === b!.userId)?.attended).toBe(0);
      const other = await mediatorOf(placeB.id);
      expect(
        (await other.submit(`/en/workshops/${id}`, `/en/manage/workshops/${id}/attendance`, { attended: String(regA) })).statusCode,
      ).toBe(403);
      const bogus = await mediatorA.submit(`/en/manage/workshops/${id}`, `/en/manage/workshops/${id}/attendance`, { attended: 'abc' });
      expect(bogus.statusCode).toBe(400);
    });
  });

  describe('API', () => {
    it('registers with a bearer token: 201, then 200; DELETE cancels (204), then 404', async () => {
      const id = await publish({ capacity: 1 });
      const [a, b] = await citizens(2);
      const tokenA = (await createApiTokenForEmail(t.app.db, { email: a!.email, name: 'test' })).token;
      const tokenB = (await createApiTokenForEmail(t.app.db, { email: b!.email, name: 'test' })).token;
      const call = (method: 'POST' | 'DELETE', token?: string) =>
        t.app.inject({ method, url: `/api/v1/workshops/${id}/registration`, headers: token ? { authorization: `Bearer ${token}` } : {} });
      expect((await call('POST')).statusCode).toBe(401);
      const first = await call('POST', tokenA);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toEqual({ status: 'registered' });
      expect((await call('POST', tokenA)).statusCode).toBe(200);
      const second = await call('POST', tokenB);
      expect(second.statusCode).toBe(201);
      expect(second.json()).toEqual({ status: 'waitlisted' });
      const detail = await t.app.inject({ url: `/api/v1/workshops/${id}`, headers: { authorization: `Bearer ${tokenB}` } });
      expect(detail.json()).toMatchObject({ id, seatsLeft: 0, waitlist: 1, registration: { status: 'waitlisted', position: 1 } });
      expect((await call('DELETE', tokenA)).statusCode).toBe(204);
      expect((await call('DELETE', tokenA)).statusCode).toBe(404);
      expect(
        (await t.app.inject({ url: `/api/v1/workshops/${id}`, headers: { authorization: `Bearer ${tokenB}` } })).json().registration,
      ).toEqual({
        status: 'registered',
        position: null,
      });
      const list = await t.app.inject({ url: `/api/v1/places/${placeA.slug}/workshops` });
      expect(list.statusCode).toBe(200);
      expect(list.json().workshops.some((w: { id: number }) => w.id === id)).toBe(true);
      expect((await t.app.inject({ url: '/api/v1/places/nowhere/workshops' })).statusCode).toBe(404);
      expect((await t.app.inject({ url: '/api/v1/workshops/abc' })).statusCode).toBe(400);
    });
    it('is described in /api/v1/openapi.json, and its answers validate against the schemas', async () => {
      const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{
        paths: Record<string, Record<string, unknown>>;
        components: unknown;
      }>();
      expect(Object.keys(doc.paths['/api/v1/places/{slug}/workshops'] ?? {})).toContain('get');
      expect(Object.keys(doc.paths['/api/v1/workshops/{id}'] ?? {})).toContain('get');
      expect(Object.keys(doc.paths['/api/v1/workshops/{id}/registration'] ?? {}).sort()).toEqual(['delete', 'post']);
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'openapi', components: doc.components });
      const check = (schema: string, value: unknown) => {
        const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
        expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
      };
      const id = await publish({ mediatorId: mediatorA.userId });
      const [a] = await citizens(1);
      const token = (await createApiTokenForEmail(t.app.db, { email: a!.email, name: 'test' })).token;
      const registered = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workshops/${id}/registration`,
        headers: { authorization: `Bearer ${token}` },
      });
      check('WorkshopRegistration', registered.json());
      check('Workshop', (await t.app.inject({ url: `/api/v1/workshops/${id}`, headers: { authorization: `Bearer ${token}` } })).json());
      check('Workshop', (await t.app.inject({ url: `/api/v1/workshops/${id}` })).json());
      for (const w of (await t.app.inject({ url: `/api/v1/places/${placeA.slug}/workshops` })).json().workshops) check('Workshop', w);
      const unverified = await person([], { verified: false });
      const token2 = (await createApiTokenForEmail(t.app.db, { email: unverified.email, name: 'test' })).token;
      const refused = await t.app.inject({
        method: 'POST',
        url: `/api/v1/workshops/${id}/registration`,
        headers: { authorization: `Bearer ${token2}` },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('forbidden');
    });
  });

  describe('personal data', () => {
    it('exports registrations; deletion frees the seats to come and detaches the rest', async () => {
      const id = await publish({ capacity: 1 });
      const [leaving, waiting] = await citizens(2);
      await registerForWorkshop(t.app.db, leaving!.actor, id);
      await registerForWorkshop(t.app.db, waiting!.actor, id);
      const exported = await workshopsPersonalData.export(t.app.db, leaving!.userId);
      expect(exported.workshopRegistrations).toEqual([expect.objectContaining({ workshopId: id, status: 'registered' })]);
      await t.app.db.transaction().execute((trx) => workshopsPersonalData.anonymise(trx, leaving!.userId));
      expect(await statusOf(id, waiting!.userId)).toBe('registered');
      const left = await t.app.db.selectFrom('workshop_registrations').select('id').where('user_id', '=', leaving!.userId).execute();
      expect(left).toHaveLength(0);
      expect(await counters(id)).toEqual(await recountWorkshopCounters(t.app.db, id));
    });
  });

  describe('demo data', () => {
    it('seeds upcoming workshops, one full with a waiting list, consistently and once', async () => {
      await seedDemoWorkshops(t.app.db);
      await seedDemoWorkshops(t.app.db);
      const rows = await t.app.db
        .selectFrom('workshops')
        .select(['id', 'capacity', 'registered_count', 'waitlist_count'])
        .where('created_by', 'is', null)
        .execute();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const r of rows)
        expect(await recountWorkshopCounters(t.app.db, r.id)).toEqual({
          registered: Number(r.registered_count),
          waitlisted: Number(r.waitlist_count),
        });
    });
  });
});
