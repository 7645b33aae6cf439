/**
 * Reading the public catalogue: published services filtered as the catalogue pages and the API
 * offer (sector, life event, channel, free of charge, language, organisation), in name order for
 * the reader's language, by numbered page (pages) or by cursor (API).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { jsonTextAt } from '../../db/dialect.js';
import type { Channel } from './services.model.js';
import { findServicesByIds, type ServiceRecord } from './services.queries.js';

export interface ServiceFilters {
  sector?: string;
  lifeEvent?: string;
  channel?: Channel;
  free?: boolean;
  /** ISO 639-1 code. */
  language?: string;
  /** Organisation slug. */
  organisation?: string;
  /** Restrict to these slugs (a search's hits). */
  slugs?: readonly string[];
}

function filtered(db: Db, filters: ServiceFilters) {
  let q = db.selectFrom('services').where('services.status', '=', 'published');
  if (filters.sector !== undefined) {
    const sector = filters.sector;
    q = q.where('services.sector_id', '=', (eb) => eb.selectFrom('sectors').select('id').where('slug', '=', sector));
  }
  if (filters.organisation !== undefined) {
    const organisation = filters.organisation;
    q = q.where('services.organisation_id', '=', (eb) => eb.selectFrom('organisations').select('id').where('slug', '=', organisation));
  }
  if (filters.lifeEvent !== undefined) {
    const lifeEvent = filters.lifeEvent;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('service_life_events')
          .innerJoin('life_events', 'life_events.id', 'service_life_events.life_event_id')
          .select(sql.lit(1).as('one'))
          .whereRef('service_life_events.service_id', '=', 'services.id')
          .where('life_events.slug', '=', lifeEvent),
      ),
    );
  }
  // Channels and languages are JSON arrays of fixed codes: a quoted code matches exactly one element.
  if (filters.channel !== undefined) q = q.where('services.channels', 'like', `%"${filters.channel}"%`);
  if (filters.language !== undefined && /^[a-z]{2}$/.test(filters.language))
    q = q.where('services.languages', 'like', `%"${filters.language}"%`);
  if (filters.free !== undefined) q = q.where('services.is_free', '=', filters.free ? 1 : 0);
  if (filters.slugs !== undefined)
    q = filters.slugs.length === 0 ? q.where(sql.lit(false)) : q.where('services.slug', 'in', [...filters.slugs]);
  return q;
}

/** How many published services match. */
export async function countServices(db: Db, filters: ServiceFilters): Promise<number> {
  const row = await filtered(db, filters)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A page of matching services in name order for `locale` (falling back to `fallback`), with the total.
 * `page` counts from 1.
 */
export async function listServices(
  db: Db,
  filters: ServiceFilters,
  options: { locale: string; fallback: string; page: number; perPage: number },
): Promise<{ services: ServiceRecord[]; total: number }> {
  const total = await countServices(db, filters);
  const offset = (Math.max(1, options.page) - 1) * options.perPage;
  if (offset >= total) return { services: [], total };
  const name = sql`lower(coalesce(${jsonTextAt(db, 'services.name', options.locale)}, ${jsonTextAt(db, 'services.name', options.fallback)}))`;
  const rows = await filtered(db, filters)
    .select('services.id')
    .orderBy(name)
    .orderBy('services.id')
    .limit(options.perPage)
    .offset(offset)
    .execute();
  return {
    services: await findServicesByIds(
      db,
      rows.map((r) => r.id),
    ),
    total,
  };
}

/**
 * A page of matching services in slug order after the cursor `after` (a slug), for the API:
 * stable under inserts, as cheap on the last page as on the first.
 */
export async function listServicesAfter(
  db: Db,
  filters: ServiceFilters,
  options: { after?: string; limit: number },
): Promise<{ services: ServiceRecord[]; next: string | null }> {
  let q = filtered(db, filters)
    .select(['services.id', 'services.slug'])
    .orderBy('services.slug')
    .limit(options.limit + 1);
  if (options.after !== undefined) q = q.where('services.slug', '>', options.after);
  const rows = await q.execute();
  const page = rows.slice(0, options.limit);
  return {
    services: await findServicesByIds(
      db,
      page.map((r) => r.id),
    ),
    next: rows.length > options.limit ? (page.at(-1)?.slug ?? null) : null,
  };
}
