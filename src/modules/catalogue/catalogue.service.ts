/** Catalogue use cases available with the foundation: reading sectors and seeding the demo catalogue. */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import type { SearchDocument } from '../../platform/search.js';
import { indexDocument } from '../../platform/search.js';
import { organisationIdsBySlug } from '../territory/index.js';
import { DEMO_LIFE_EVENTS, DEMO_SECTORS, DEMO_SERVICES } from './demo-data.js';
import './catalogue.tables.js';

/** Sectors in their display order, each with its number of published services (a maintained counter). */
export async function listSectorsWithCounts(db: Db) {
  return db
    .selectFrom('sectors')
    .select(['id', 'slug', 'name', 'description', 'published_services as services'])
    .orderBy('position')
    .execute();
}

/**
 * Recomputes every sector's published-service counter. Call it in the transaction of any write that
 * publishes, withdraws, moves or deletes services (and after bulk loads), so pages only read it.
 */
export async function refreshSectorCounts(db: Db): Promise<void> {
  await db
    .updateTable('sectors')
    .set({
      published_services: (eb) =>
        eb
          .selectFrom('services')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('services.sector_id', '=', 'sectors.id')
          .where('services.status', '=', 'published'),
    })
    .execute();
}

/** Life events in their display order. */
export function listLifeEvents(db: Db) {
  return db.selectFrom('life_events').select(['id', 'slug', 'name']).orderBy('position').execute();
}

/** The published services as search documents. */
export async function* serviceDocuments(db: Db): AsyncIterable<SearchDocument> {
  const rows = await db
    .selectFrom('services')
    .select(['slug', 'name', 'summary', 'description', 'keywords'])
    .where('status', '=', 'published')
    .execute();
  for (const r of rows) yield serviceDocument(r);
}

function serviceDocument(r: { slug: string; name: string; summary: string; description: string; keywords: string }): SearchDocument {
  const keywords = JSON.parse(r.keywords) as Record<string, string[]>;
  return {
    type: 'service',
    refId: r.slug,
    title: JSON.parse(r.name),
    summary: JSON.parse(r.summary),
    url: `/services/${r.slug}`,
    body: [
      JSON.parse(r.summary),
      JSON.parse(r.description),
      Object.fromEntries(Object.entries(keywords).map(([l, k]) => [l, k.join(' ')])),
    ],
  };
}

/** Inserts the demo sectors, life events and services, and indexes the services for search. */
export async function seedDemoCatalogue(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [i, s] of DEMO_SECTORS.entries()) {
      await trx
        .insertInto('sectors')
        .values({ slug: s.slug, name: JSON.stringify(s.name), description: JSON.stringify(s.description), position: i + 1 })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
    for (const [i, e] of DEMO_LIFE_EVENTS.entries()) {
      await trx
        .insertInto('life_events')
        .values({ slug: e.slug, name: JSON.stringify(e.name), position: i + 1 })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
    const orgs = await organisationIdsBySlug(trx);
    const sectors = new Map((await trx.selectFrom('sectors').select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]));
    const events = new Map((await trx.selectFrom('life_events').select(['id', 'slug']).execute()).map((r) => [r.slug, r.id]));
    for (const s of DEMO_SERVICES) {
      const organisationId = orgs.get(s.organisation);
      const sectorId = sectors.get(s.sector);
      if (!organisationId || !sectorId) throw new Error(`demo service ${s.slug}: unknown organisation or sector`);
      const now = nowIso();
      const row = await trx
        .insertInto('services')
        .values({
          slug: s.slug,
          organisation_id: organisationId,
          sector_id: sectorId,
          status: 'published',
          name: JSON.stringify(s.name),
          summary: JSON.stringify(s.summary),
          description: JSON.stringify(s.description),
          keywords: JSON.stringify(s.keywords),
          channels: JSON.stringify(s.channels),
          online_url: s.onlineUrl,
          is_free: s.isFree ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!row) continue;
      for (const e of s.lifeEvents) {
        const lifeEventId = events.get(e);
        if (!lifeEventId) throw new Error(`demo service ${s.slug}: unknown life event ${e}`);
        await trx.insertInto('service_life_events').values({ service_id: row.id, life_event_id: lifeEventId }).execute();
      }
      await indexDocument(
        trx,
        serviceDocument({
          slug: s.slug,
          name: JSON.stringify(s.name),
          summary: JSON.stringify(s.summary),
          description: JSON.stringify(s.description),
          keywords: JSON.stringify(s.keywords),
        }),
      );
    }
    await refreshSectorCounts(trx);
  });
}
