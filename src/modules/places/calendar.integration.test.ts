import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { nowIso } from '../../db/dialect.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { hashFeedToken } from './calendar.service.js';
import { workshopsPersonalData } from './workshops.personal-data.js';
import { cancelWorkshop, publishWorkshop, registerForWorkshop } from './workshops.service.js';

const DAY = 24 * 60 * 60 * 1000;
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');

describeEachDatabase('places: iCal feeds', (dialect) => {
  let t: TestApp;
  let place: { id: number; slug: string };
  let mediator: { id: number; roles: string[]; emailVerified: boolean; placeIds: number[] };
  let people = 0;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    place = await t.app.db
      .selectFrom('places')
      .select(['id', 'slug'])
      .where('slug', '=', 'mediatheque-saint-aubin')
      .executeTakeFirstOrThrow();
    const id = await createUserWithRoles(t.app.db, {
      email: `cal-mediator-${dialect}@example.org`,
      displayName: 'Mediator',
      password: 'a long enough password',
      locale: 'en',
      roles: [{ role: 'mediator', scopeType: 'place', scopeId: place.id }],
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    mediator = { id, roles: ['citizen', 'mediator'], emailVerified: true, placeIds: [place.id] };
  }, 60_000);
  afterAll(() => t.close());

  const citizen = async () => {
    people += 1;
    const email = `cal-${dialect}-${people}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Cal ${people}`,
      password: 'a long enough password',
      locale: 'fr',
      roles: [],
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, id));
    return Object.assign(client, { actor: { id, roles: ['citizen'], emailVerified: true, placeIds: [] }, userId: id });
  };
  const workshop = (title: string, capacity = 5) =>
    publishWorkshop(
      t.app.db,
      mediator,
      place.id,
      {
        title,
        description: 'Ligne un, avec virgule; point-virgule\nLigne deux',
        theme: 'everyday_tools',
        level: 'beginner',
        startsAt: new Date(Date.now() + 3 * DAY).toISOString(),
        durationMinutes: 120,
        capacity,
        mediatorId: null,
      },
      null,
    );

  it('serves a place’s upcoming workshops as iCalendar, cancelled ones marked', async () => {
    const kept = await workshop('Atelier tablette, niveau 1');
    const dropped = await workshop('Atelier annulé');
    await cancelWorkshop(t.app.db, mediator, dropped, null);
    const res = await t.app.inject({ url: `/places/${place.slug}/calendar.ics` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const lines = unfold(res.body).split('\r\n');
    expect(lines).toContain('SUMMARY:Atelier tablette\\, niveau 1');
    expect(lines.some((l) => l.startsWith(`UID:workshop-${kept}@`))).toBe(true);
    expect(lines).toContain('DESCRIPTION:Ligne un\\, avec virgule\\; point-virgule\\nLigne deux');
    const cancelledEvent = unfold(res.body)
      .split('BEGIN:VEVENT')
      .find((e) => e.includes(`UID:workshop-${dropped}@`));
    expect(cancelledEvent).toContain('STATUS:CANCELLED');
    expect((await t.app.inject({ url: '/places/nowhere/calendar.ics' })).statusCode).toBe(404);
  });

  it('makes a personal feed shown once, stores only its hash, serves workshops and appointments, and revokes it', async () => {
    const person = await citizen();
    const w = await workshop('Atelier personnel', 1);
    const full = await workshop('Atelier plein', 1);
    const other = await citizen();
    await registerForWorkshop(t.app.db, person.actor, w);
    await registerForWorkshop(t.app.db, other.actor, full);
    await registerForWorkshop(t.app.db, person.actor, full);
    // An active appointment, read straight from the booking tables.
    const now = nowIso();
    const start = new Date(Date.now() + 2 * DAY);
    const slot = await t.app.db
      .insertInto('appointment_slots')
      .values({
        place_id: place.id,
        mediator_id: null,
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + 30 * 60_000).toISOString(),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.app.db
      .insertInto('appointment_bookings')
      .values({
        slot_id: slot.id,
        user_id: person.userId,
        need: 'CAF',
        service_id: null,
        cancelled_by: null,
        cancelled_at: null,
        reminded_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();

    expect((await person.get('/fr/account/calendar')).body).toContain('Créer mon adresse');
    const created = await person.submit('/fr/account/calendar', '/fr/account/calendar', { action: 'create' });
    expect(created.statusCode).toBe(200);
    const url = /value="(https?:\/\/[^"]+\/calendar\/([A-Za-z0-9_-]{43})\.ics)"/.exec(created.body);
    expect(url).not.toBeNull();
    const token = url![2]!;
    const stored = await t.app.db
      .selectFrom('calendar_feeds')
      .select('token_hash')
      .where('user_id', '=', person.userId)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashFeedToken(token));
    expect(stored.token_hash).not.toContain(token);
    // Shown once: the page afterwards does not show it again.
    expect((await person.get('/fr/account/calendar')).body).not.toContain(token);

    const feed = await t.app.inject({ url: `/calendar/${token}.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['cache-control']).toBe('no-store');
    const text = unfold(feed.body);
    expect(text).toContain('SUMMARY:Atelier personnel');
    expect(text).toContain('SUMMARY:Liste d’attente : Atelier plein');
    expect(text).toContain('STATUS:TENTATIVE');
    expect(text).toContain('SUMMARY:Rendez-vous à Médiathèque Jean-Rostand');
    expect(text).toContain(
      `DTSTART:${start
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
    // Not someone else's.
    expect(text).not.toContain('SUMMARY:Atelier plein\r\n');

    expect((await t.app.inject({ url: `/calendar/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/calendar/short.ics' })).statusCode).toBe(404);

    // A new address replaces the old one.
    const again = await person.submit('/en/account/calendar', '/en/account/calendar', { action: 'create' });
    const token2 = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(again.body)![1]!;
    expect(token2).not.toBe(token);
    expect((await t.app.inject({ url: `/calendar/${token}.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/calendar/${token2}.ics` })).statusCode).toBe(200);

    const revoked = await person.submit('/en/account/calendar', '/en/account/calendar', { action: 'revoke' });
    expect(revoked.statusCode).toBe(303);
    expect((await t.app.inject({ url: `/calendar/${token2}.ics` })).statusCode).toBe(404);
  });

  it('requires signing in to manage a feed, and account deletion kills it', async () => {
    expect((await t.app.inject({ url: '/en/account/calendar' })).statusCode).toBe(303);
    const person = await citizen();
    const created = await person.submit('/en/account/calendar', '/en/account/calendar', { action: 'create' });
    const token = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(created.body)![1]!;
    await t.app.db.transaction().execute((trx) => workshopsPersonalData.anonymise(trx, person.userId));
    expect((await t.app.inject({ url: `/calendar/${token}.ics` })).statusCode).toBe(404);
    const bad = await person.submit('/en/account/calendar', '/en/account/calendar', { action: 'nonsense' });
    expect(bad.statusCode).toBe(400);
  });
});
