/**
 * The queries behind every write of a service (services.service.ts): its columns, its links to life
 * events and related services, its revisions and the sectors' published-service counters. Plain
 * functions over a transaction; no business rules.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import type { FieldChange, ServiceInput } from './services.model.js';
import './catalogue.tables.js';

/** The ids a service's slugs refer to, once resolved. */
export interface References {
  organisationId: number;
  sectorId: number;
  lifeEventIds: number[];
  relatedIds: number[];
}

/** The `services` columns of a checked input. */
export function columnsOf(input: ServiceInput, refs: References) {
  return {
    slug: input.slug,
    organisation_id: refs.organisationId,
    sector_id: refs.sectorId,
    name: JSON.stringify(input.name),
    summary: JSON.stringify(input.summary),
    description: JSON.stringify(input.description),
    audience: JSON.stringify(input.audience),
    requirements: JSON.stringify(input.requirements),
    evidence: JSON.stringify(input.evidence),
    keywords: JSON.stringify(input.keywords),
    channels: JSON.stringify(input.channels),
    online_url: input.onlineUrl,
    is_free: input.isFree ? 1 : 0,
    cost_cents: input.costAmount === null ? null : Math.round(input.costAmount * 100),
    cost_currency: input.costCurrency,
    cost_description: JSON.stringify(input.costDescription),
    processing_time: input.processingTime,
    contact_email: input.contactEmail,
    contact_phone: input.contactPhone,
    contact_page: input.contactPage,
    contact_hours: JSON.stringify(input.contactHours),
    languages: JSON.stringify(input.languages),
    accessibility: input.accessibility,
    accessibility_url: input.accessibilityUrl,
  };
}

/** Replaces a service's life events and related services (a service is never related to itself). */
export async function writeLinks(trx: Db, serviceId: number, refs: References): Promise<void> {
  await trx.deleteFrom('service_life_events').where('service_id', '=', serviceId).execute();
  for (const id of refs.lifeEventIds)
    await trx.insertInto('service_life_events').values({ service_id: serviceId, life_event_id: id }).execute();
  await trx.deleteFrom('service_relations').where('service_id', '=', serviceId).execute();
  for (const id of refs.relatedIds) {
    if (id !== serviceId) await trx.insertInto('service_relations').values({ service_id: serviceId, related_id: id }).execute();
  }
}

/** Records a revision: the version it made and the changed fields. */
export async function recordRevision(
  trx: Db,
  serviceId: number,
  version: number,
  actorId: number | null,
  action: 'create' | 'update' | 'publish' | 'withdraw' | 'unpublish' | 'import',
  changes: FieldChange[],
): Promise<void> {
  await trx
    .insertInto('service_revisions')
    .values({ service_id: serviceId, version, user_id: actorId, action, changes: JSON.stringify(changes), created_at: nowIso() })
    .execute();
}

/**
 * Recomputes the published-service counter of the given sectors, or of every sector when none are
 * given (call in the write's transaction).
 */
export async function refreshSectors(trx: Db, sectorIds?: readonly number[]): Promise<void> {
  const ids = sectorIds && [...new Set(sectorIds)];
  if (ids?.length === 0) return;
  let update = trx.updateTable('sectors').set({
    published_services: (eb) =>
      eb
        .selectFrom('services')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('services.sector_id', '=', 'sectors.id')
        .where('services.status', '=', 'published'),
  });
  if (ids) update = update.where('id', 'in', ids);
  await update.execute();
}
