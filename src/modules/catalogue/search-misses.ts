/**
 * "What citizens look for and can't find": searches that found nothing, counted per normalised
 * query and language. Nothing about the person is kept (no user, no address, no time of a single
 * search beyond the first and the last), so the list is anonymous by construction.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { normalize } from '../../platform/search.js';
import { MAX_QUERY } from './public.schemas.js';
import './catalogue.tables.js';

/** Shortest normalised query worth counting: a single letter is a stray key press, not a need. */
export const MIN_MISS_LENGTH = 2;

/** The form a miss is counted under: normalised (case, accents, plurals) and bounded; null if too short. */
export function missKey(query: string): string | null {
  const key = normalize(query).slice(0, MAX_QUERY).trim();
  return key.length >= MIN_MISS_LENGTH ? key : null;
}

/**
 * Counts one search that found nothing: inserts the normalised query for this locale or adds one
 * to its count (one statement, safe under concurrent searches). Call it at most once per request.
 */
export async function recordSearchMiss(db: Db, query: string, locale: string): Promise<void> {
  const key = missKey(query);
  if (key === null) return;
  const now = nowIso();
  await db
    .insertInto('search_misses')
    .values({ query: key, example: query.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY), locale, count: 1, first_at: now, last_at: now })
    .onConflict((oc) =>
      oc.columns(['query', 'locale']).doUpdateSet({
        count: sql<number>`search_misses.count + 1`,
        last_at: now,
      }),
    )
    .execute();
}

/** One query nobody found anything for. */
export interface SearchMiss {
  /** The words as the first person who searched for them typed them. */
  query: string;
  locale: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** A page of misses, most frequent first (ties: the newest first), with how many there are. */
export async function listSearchMisses(
  db: Db,
  options: { page: number; perPage: number },
): Promise<{ misses: SearchMiss[]; total: number }> {
  const row = await db
    .selectFrom('search_misses')
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(row.n);
  const offset = (Math.max(1, options.page) - 1) * options.perPage;
  if (offset >= total) return { misses: [], total };
  const rows = await db
    .selectFrom('search_misses')
    .select(['example', 'locale', 'count', 'first_at', 'last_at'])
    // The (count, id) index read backwards: no sort, however many distinct misses there are.
    .orderBy('count', 'desc')
    .orderBy('id', 'desc')
    .limit(options.perPage)
    .offset(offset)
    .execute();
  return {
    misses: rows.map((r) => ({ query: r.example, locale: r.locale, count: Number(r.count), firstAt: r.first_at, lastAt: r.last_at })),
    total,
  };
}
