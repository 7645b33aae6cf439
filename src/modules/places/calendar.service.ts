/**
 * Calendar feeds. A place's feed is public (its upcoming workshops). A person's feed lists their
 * workshops (registered or waiting) and their active appointments, at a secret URL
 * `/calendar/{token}.ics`.
 *
 * Why a secret URL: calendar apps (phones, Outlook, Thunderbird…) subscribe by URL and send no
 * cookies, no bearer token, usually not even basic auth, so the URL itself must be the credential.
 * The token is 256 random bits, only its SHA-256 is stored (`calendar_feeds.token_hash`: a leaked
 * table reveals no feed), the request logger redacts `/calendar/…` paths (app.ts `redactPath`), the
 * response is `no-store`, and the person can revoke it or make a new one (the old URL then answers
 * 404) at any time. The feed holds no more than the person's own calendar would.
 *
 * We keep only the hash, so the full URL is shown once, right after it is made; someone who loses
 * it makes a new one.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';

/** The SHA-256 (hex) of a feed token. */
export function hashFeedToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A feed token's shape: 43 base64url characters (256 bits). */
export const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Makes (or replaces) the person's feed; returns the new token, to be shown once. */
export async function createFeedToken(db: Db, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashFeedToken(token);
  const now = nowIso();
  await db
    .insertInto('calendar_feeds')
    .values({ user_id: userId, token_hash: tokenHash, created_at: now })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: now }))
    .execute();
  return token;
}

/** Revokes the person's feed (its URL answers 404 from now on). */
export async function revokeFeedToken(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

/** When the person's feed was made, or null when they have none. */
export async function feedCreatedAt(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst();
  return row?.created_at ?? null;
}

/** The user of a feed token (not a deleted account), or null. */
export async function userOfFeedToken(db: Db, token: string): Promise<{ id: number; locale: string } | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const row = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('users as u', 'u.id', 'f.user_id')
    .select(['u.id', 'u.locale', 'u.deleted_at'])
    .where('f.token_hash', '=', hashFeedToken(token))
    .executeTakeFirst();
  return row && !row.deleted_at ? { id: row.id, locale: row.locale } : null;
}

/** The person's workshops for the feed: registered or waiting, from 30 days ago on. */
export async function feedWorkshops(db: Db, userId: number, now: Date = new Date()) {
  const since = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString();
  const rows = await db
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .innerJoin('places as p', 'p.id', 'w.place_id')
    .select([
      'w.id',
      'w.title',
      'w.starts_at',
      'w.duration_minutes',
      'w.status',
      'w.updated_at',
      'r.status as registration_status',
      'p.name as place_name',
      'p.address',
      'p.postcode',
    ])
    .where('r.user_id', '=', userId)
    .where('r.status', 'in', ['registered', 'waitlisted'])
    .where('w.starts_at', '>', since)
    .orderBy('w.starts_at')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, duration_minutes: Number(r.duration_minutes) }));
}

/** The person's active appointments for the feed (read straight from the booking tables), from 30 days ago on. */
export async function feedAppointments(db: Db, userId: number, now: Date = new Date()) {
  const since = new Date(now.getTime() - 30 * 24 * 60 * 60 * 1000).toISOString();
  return db
    .selectFrom('appointment_bookings as b')
    .innerJoin('appointment_slots as s', 's.id', 'b.slot_id')
    .innerJoin('places as p', 'p.id', 's.place_id')
    .select(['b.id', 's.starts_at', 's.ends_at', 'b.updated_at', 'p.name as place_name', 'p.slug as place_slug', 'p.address', 'p.postcode'])
    .where('b.user_id', '=', userId)
    .where('b.status', '=', 'active')
    .where('s.starts_at', '>', since)
    .orderBy('s.starts_at')
    .limit(500)
    .execute();
}
