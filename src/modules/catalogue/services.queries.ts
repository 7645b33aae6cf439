/**
 * Reading e-services: a stored service as a full record (with its life events and related
 * services) by slug, id or identifier, the light references other modules' pages need, the lookups
 * for the public and for editors with their not_found rules, and a service's revisions. Reads only;
 * every write is in services.service.ts.
 */
import type { Db } from '../../db/database.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type CatalogueActor } from './catalogue.policy.js';
import type { Accessibility, Channel, FieldChange, ServiceInput, ServiceStatus } from './services.model.js';
import type { ServicesTable } from './catalogue.tables.js';
import './catalogue.tables.js';

/** A stored service: what was written, plus what the platform keeps about it. */
export interface ServiceRecord extends ServiceInput {
  id: number;
  identifier: string;
  organisationId: number;
  sectorId: number;
  status: ServiceStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

type Row = Pick<
  ServicesTable,
  | 'slug'
  | 'name'
  | 'summary'
  | 'description'
  | 'keywords'
  | 'channels'
  | 'online_url'
  | 'is_free'
  | 'identifier'
  | 'processing_time'
  | 'contact_email'
  | 'contact_phone'
  | 'contact_page'
  | 'cost_cents'
  | 'accessibility_url'
  | 'created_at'
  | 'updated_at'
  | 'published_at'
> & {
  id: number;
  organisation_id: number;
  sector_id: number;
  status: ServiceStatus;
  audience: string;
  requirements: string;
  evidence: string;
  cost_description: string;
  contact_hours: string;
  cost_currency: string;
  languages: string;
  accessibility: string;
  version: number;
  organisation_slug: string;
  sector_slug: string;
};

const SERVICE_COLUMNS = [
  'services.id',
  'services.slug',
  'services.identifier',
  'services.organisation_id',
  'services.sector_id',
  'services.status',
  'services.name',
  'services.summary',
  'services.description',
  'services.audience',
  'services.requirements',
  'services.evidence',
  'services.keywords',
  'services.channels',
  'services.online_url',
  'services.is_free',
  'services.cost_cents',
  'services.cost_currency',
  'services.cost_description',
  'services.processing_time',
  'services.contact_email',
  'services.contact_phone',
  'services.contact_page',
  'services.contact_hours',
  'services.languages',
  'services.accessibility',
  'services.accessibility_url',
  'services.version',
  'services.created_at',
  'services.updated_at',
  'services.published_at',
] as const;

function toRecord(row: Row, lifeEvents: string[], related: string[]): ServiceRecord {
  return {
    id: row.id,
    identifier: row.identifier,
    slug: row.slug,
    organisation: row.organisation_slug,
    organisationId: row.organisation_id,
    sector: row.sector_slug,
    sectorId: row.sector_id,
    status: row.status,
    lifeEvents,
    related,
    name: JSON.parse(row.name),
    summary: JSON.parse(row.summary),
    description: JSON.parse(row.description),
    audience: JSON.parse(row.audience),
    requirements: JSON.parse(row.requirements),
    evidence: JSON.parse(row.evidence),
    keywords: JSON.parse(row.keywords),
    channels: JSON.parse(row.channels) as Channel[],
    onlineUrl: row.online_url,
    isFree: row.is_free === 1,
    costAmount: row.cost_cents === null ? null : row.cost_cents / 100,
    costCurrency: row.cost_currency,
    costDescription: JSON.parse(row.cost_description),
    processingTime: row.processing_time,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    contactPage: row.contact_page,
    contactHours: JSON.parse(row.contact_hours),
    languages: JSON.parse(row.languages),
    accessibility: row.accessibility as Accessibility,
    accessibilityUrl: row.accessibility_url,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

/** Only the fields a person writes (what revisions compare and exports carry). */
export function inputOf(record: ServiceRecord): ServiceInput {
  const {
    id: _id,
    organisationId: _o,
    sectorId: _s,
    status: _st,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    publishedAt: _p,
    ...input
  } = record;
  return input;
}

function selectServices(db: Db) {
  return db
    .selectFrom('services')
    .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
    .innerJoin('sectors', 'sectors.id', 'services.sector_id')
    .select([...SERVICE_COLUMNS, 'organisations.slug as organisation_slug', 'sectors.slug as sector_slug']);
}

/** Loads full records for the given rows (life events and related services in two queries). */
async function withLinks(db: Db, rows: Row[]): Promise<ServiceRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const events = await db
    .selectFrom('service_life_events')
    .innerJoin('life_events', 'life_events.id', 'service_life_events.life_event_id')
    .select(['service_life_events.service_id', 'life_events.slug'])
    .where('service_life_events.service_id', 'in', ids)
    .orderBy('life_events.position')
    .execute();
  const related = await db
    .selectFrom('service_relations')
    .innerJoin('services', 'services.id', 'service_relations.related_id')
    .select(['service_relations.service_id', 'services.slug'])
    .where('service_relations.service_id', 'in', ids)
    .orderBy('services.slug')
    .execute();
  const group = (list: { service_id: number; slug: string }[]) => {
    const m = new Map<number, string[]>();
    for (const r of list) m.set(r.service_id, [...(m.get(r.service_id) ?? []), r.slug]);
    return m;
  };
  const e = group(events);
  const r = group(related);
  return rows.map((row) => toRecord(row, e.get(row.id) ?? [], r.get(row.id) ?? []));
}

/** A service by slug, whatever its status (callers decide who may see a draft). */
export async function findService(db: Db, by: { slug: string } | { id: number } | { identifier: string }): Promise<ServiceRecord | null> {
  let q = selectServices(db);
  if ('slug' in by) q = q.where('services.slug', '=', by.slug);
  else if ('id' in by) q = q.where('services.id', '=', by.id);
  else q = q.where('services.identifier', '=', by.identifier);
  const row = (await q.executeTakeFirst()) as Row | undefined;
  return row ? ((await withLinks(db, [row]))[0] ?? null) : null;
}

/** Full records for many services, in the order of `ids`. */
export async function findServicesByIds(db: Db, ids: readonly number[]): Promise<ServiceRecord[]> {
  if (ids.length === 0) return [];
  const rows = (await selectServices(db)
    .where('services.id', 'in', [...ids])
    .execute()) as Row[];
  const records = await withLinks(db, rows);
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is ServiceRecord => r !== undefined);
}

/** What another module's page about a service needs: its id, slug, translated name and organisation. */
export interface PublishedServiceRef {
  id: number;
  slug: string;
  /** Translated: `{ en: "…", fr: "…" }`. */
  name: Record<string, string>;
  organisationId: number;
}

/** A published service's reference by slug (one light query), or a not_found error like getPublishedService. */
export async function getPublishedServiceRef(db: Db, slug: string): Promise<PublishedServiceRef> {
  const row = await db
    .selectFrom('services')
    .select(['id', 'slug', 'name', 'organisation_id', 'status'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!row || row.status !== 'published') throw new AppError('not_found', 'No such service');
  return { id: row.id, slug: row.slug, name: JSON.parse(row.name) as Record<string, string>, organisationId: row.organisation_id };
}

/** The published services among `slugs`, by slug, in one query (unknown, draft and withdrawn ones are left out). */
export async function getPublishedServiceRefs(db: Db, slugs: readonly string[]): Promise<Map<string, PublishedServiceRef>> {
  const refs = new Map<string, PublishedServiceRef>();
  if (slugs.length === 0) return refs;
  const rows = await db
    .selectFrom('services')
    .select(['id', 'slug', 'name', 'organisation_id'])
    .where('slug', 'in', [...new Set(slugs)])
    .where('status', '=', 'published')
    .execute();
  for (const row of rows)
    refs.set(row.slug, {
      id: row.id,
      slug: row.slug,
      name: JSON.parse(row.name) as Record<string, string>,
      organisationId: row.organisation_id,
    });
  return refs;
}

/** A published service by slug, or a not_found error (drafts and withdrawn services do not exist for the public). */
export async function getPublishedService(db: Db, slug: string): Promise<ServiceRecord> {
  const service = await findService(db, { slug });
  if (!service || service.status !== 'published') throw new AppError('not_found', 'No such service');
  return service;
}

/** A service the actor may edit, whatever its status; not_found for the public, forbidden for others. */
export async function getServiceForEditing(db: Db, actor: CatalogueActor, slug: string): Promise<ServiceRecord> {
  const service = await findService(db, { slug });
  if (!service) throw new AppError('not_found', 'No such service');
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  // Someone who cannot edit it learns nothing about a draft: a 404, as for the public.
  if (service.status !== 'published') {
    try {
      authorize(actor, 'service.edit', service.organisationId);
    } catch {
      throw new AppError('not_found', 'No such service');
    }
  }
  authorize(actor, 'service.edit', service.organisationId);
  return service;
}

/** One revision as the history page shows it. */
export interface ServiceRevision {
  id: number;
  version: number;
  action: string;
  createdAt: string;
  /** Null when the account was deleted or the change came from the command line. */
  author: { id: number; displayName: string } | null;
  changes: FieldChange[];
}

/** A service's revisions, newest first (the caller has checked the actor may edit it). */
export async function listRevisions(db: Db, serviceId: number, limit = 50, before?: number): Promise<ServiceRevision[]> {
  let q = db
    .selectFrom('service_revisions')
    .leftJoin('users', 'users.id', 'service_revisions.user_id')
    .select([
      'service_revisions.id',
      'service_revisions.version',
      'service_revisions.action',
      'service_revisions.created_at',
      'service_revisions.changes',
      'users.id as user_id',
      'users.display_name',
    ])
    .where('service_revisions.service_id', '=', serviceId)
    .orderBy('service_revisions.id', 'desc')
    .limit(limit);
  if (before !== undefined) q = q.where('service_revisions.id', '<', before);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    action: r.action,
    createdAt: r.created_at,
    author: r.user_id !== null && r.display_name !== null ? { id: r.user_id, displayName: r.display_name } : null,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}
