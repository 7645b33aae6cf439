/** Catalogue use cases available with the foundation: reading sectors and seeding the demo catalogue. */
import type { Db } from '../../db/database.js';
import type { SearchDocument } from '../../platform/search.js';
import { DEMO_LIFE_EVENTS, DEMO_SECTORS, DEMO_SERVICES, type DemoService } from './demo-data.js';
import { emptyServiceInput, type ServiceInput } from './services.model.js';
import { findService } from './services.queries.js';
import { refreshSectors } from './services.repository.js';
import { createService, serviceSearchDocument } from './services.service.js';
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
  await refreshSectors(db);
}

/** Life events in their display order. */
export function listLifeEvents(db: Db) {
  return db.selectFrom('life_events').select(['id', 'slug', 'name']).orderBy('position').execute();
}

/** The published services as search documents. */
export async function* serviceDocuments(db: Db): AsyncIterable<SearchDocument> {
  const rows = await db
    .selectFrom('services')
    .select(['slug', 'name', 'summary', 'description', 'keywords', 'audience'])
    .where('status', '=', 'published')
    .execute();
  for (const r of rows) {
    yield serviceSearchDocument({
      slug: r.slug,
      name: JSON.parse(r.name),
      summary: JSON.parse(r.summary),
      description: JSON.parse(r.description),
      keywords: JSON.parse(r.keywords),
      audience: JSON.parse(r.audience),
    });
  }
}

/** The demo service as a catalogue input (what an editor would have typed). */
export function demoServiceInput(s: DemoService): ServiceInput {
  return {
    ...emptyServiceInput(),
    slug: s.slug,
    organisation: s.organisation,
    sector: s.sector,
    lifeEvents: s.lifeEvents,
    name: s.name,
    summary: s.summary,
    description: s.description,
    keywords: s.keywords,
    channels: s.channels,
    onlineUrl: s.onlineUrl,
    isFree: s.isFree,
    languages: ['fr', 'en'],
    ...s.details,
  };
}

/**
 * Inserts the demo sectors, life events and services. Services go through createService like any
 * import (validated, indexed for search, counted in their sector, with a first revision).
 */
export async function seedDemoCatalogue(db: Db, defaultLocale: string): Promise<void> {
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
    for (const s of DEMO_SERVICES) {
      if (await findService(trx, { slug: s.slug })) continue;
      await createService(trx, 'cli', demoServiceInput(s), { defaultLocale, status: 'published', viaImport: true, audit: {} });
    }
  });
}
