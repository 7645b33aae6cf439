/**
 * Writing and reading e-services: every write (form, API, import) goes through createService,
 * updateService or setServiceStatus, which validate with services.model.ts, check the actor's right
 * on the competent organisation, record a revision, keep the search index and the sector counters
 * in step, mark cached pages stale and audit — all in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { isUniqueViolation, nowIso } from '../../db/dialect.js';
import type { AuditContext } from '../../platform/audit.js';
import { audit } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { indexDocument, removeDocument, type SearchDocument } from '../../platform/search.js';
import { authorize, type CatalogueActor } from './catalogue.policy.js';
import {
  diffServices,
  validateServiceInput,
  type Accessibility,
  type Channel,
  type FieldChange,
  type ServiceInput,
  type ServiceStatus,
} from './services.model.js';
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

/** Options every write takes. */
export interface WriteOptions {
  /** The language a service must at least be written in (config.defaultLocale). */
  defaultLocale: string;
  /** Who acts, from where (the audit context); actorId null for the command line. */
  audit: Omit<AuditContext, 'actorId'> | { requestId?: null; ip?: null };
  /** Refuse the write (conflict) unless the service is still at this version. */
  expectedVersion?: number;
  /** Recorded as an import rather than an edit. */
  viaImport?: boolean;
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

/** The search document of a service. */
export function serviceSearchDocument(
  s: Pick<ServiceInput, 'slug' | 'name' | 'summary' | 'description' | 'keywords' | 'audience'>,
): SearchDocument {
  return {
    type: 'service',
    refId: s.slug,
    title: s.name,
    summary: s.summary,
    url: `/services/${s.slug}`,
    body: [s.summary, s.description, s.audience, Object.fromEntries(Object.entries(s.keywords).map(([l, k]) => [l, k.join(' ')]))],
  };
}

interface References {
  organisationId: number;
  sectorId: number;
  lifeEventIds: number[];
  relatedIds: number[];
}

/** Resolves the slugs a service refers to; unknown ones are field errors. */
async function resolveReferences(db: Db, input: ServiceInput): Promise<{ refs: References; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const org = await db.selectFrom('organisations').select('id').where('slug', '=', input.organisation).executeTakeFirst();
  if (!org) errors.push({ field: 'organisation', message: 'catalogue.errors.unknownReference' });
  const sector = await db.selectFrom('sectors').select('id').where('slug', '=', input.sector).executeTakeFirst();
  if (!sector) errors.push({ field: 'sector', message: 'catalogue.errors.unknownReference' });
  const events =
    input.lifeEvents.length === 0
      ? []
      : await db.selectFrom('life_events').select(['id', 'slug']).where('slug', 'in', input.lifeEvents).execute();
  if (events.length !== input.lifeEvents.length) errors.push({ field: 'lifeEvents', message: 'catalogue.errors.unknownReference' });
  const related =
    input.related.length === 0 ? [] : await db.selectFrom('services').select(['id', 'slug']).where('slug', 'in', input.related).execute();
  if (related.length !== input.related.length) errors.push({ field: 'related', message: 'catalogue.errors.unknownReference' });
  return {
    refs: {
      organisationId: org?.id ?? 0,
      sectorId: sector?.id ?? 0,
      lifeEventIds: input.lifeEvents.map((s) => events.find((e) => e.slug === s)!.id).filter(Boolean),
      relatedIds: input.related.map((s) => related.find((e) => e.slug === s)?.id ?? 0).filter((id) => id !== 0),
    },
    errors,
  };
}

/**
 * Validates `raw` completely (shape, rules and references) without writing anything: what an
 * import's dry run and every write use. Throws validation_failed with every problem at once.
 */
export async function checkServiceInput(db: Db, raw: unknown, defaultLocale: string): Promise<{ input: ServiceInput; refs: References }> {
  const parsed = validateServiceInput(raw, defaultLocale);
  if (!parsed.ok) throw new AppError('validation_failed', 'The service is not valid', parsed.errors);
  const { refs, errors } = await resolveReferences(db, parsed.value);
  if (errors.length > 0) throw new AppError('validation_failed', 'The service is not valid', errors);
  return { input: parsed.value, refs };
}

function columnsOf(input: ServiceInput, refs: References) {
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

async function writeLinks(trx: Db, serviceId: number, refs: References): Promise<void> {
  await trx.deleteFrom('service_life_events').where('service_id', '=', serviceId).execute();
  for (const id of refs.lifeEventIds)
    await trx.insertInto('service_life_events').values({ service_id: serviceId, life_event_id: id }).execute();
  await trx.deleteFrom('service_relations').where('service_id', '=', serviceId).execute();
  for (const id of refs.relatedIds) {
    if (id !== serviceId) await trx.insertInto('service_relations').values({ service_id: serviceId, related_id: id }).execute();
  }
}

async function recordRevision(
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

/** Recomputes the published-service counter of the given sectors (call in the write's transaction). */
async function refreshSectors(trx: Db, sectorIds: number[]): Promise<void> {
  const ids = [...new Set(sectorIds)];
  if (ids.length === 0) return;
  await trx
    .updateTable('sectors')
    .set({
      published_services: (eb) =>
        eb
          .selectFrom('services')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('services.sector_id', '=', 'sectors.id')
          .where('services.status', '=', 'published'),
    })
    .where('id', 'in', ids)
    .execute();
}

function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

function slugTaken(): AppError {
  return new AppError('validation_failed', 'The service is not valid', [{ field: 'slug', message: 'catalogue.errors.slugTaken' }]);
}

/**
 * Creates a service (a draft unless `status` says otherwise, for imports). The actor must be able
 * to edit services of its organisation; null actor means the command line (trusted).
 */
export async function createService(
  db: Db,
  actor: CatalogueActor | 'cli',
  raw: unknown,
  options: WriteOptions & { status?: ServiceStatus },
): Promise<ServiceRecord> {
  const { input, refs } = await checkServiceInput(db, raw, options.defaultLocale);
  if (actor !== 'cli') authorize(actor, 'service.edit', refs.organisationId);
  const actorId = actor === 'cli' ? null : (actor?.id ?? null);
  const status = options.status ?? 'draft';
  try {
    const id = await inTransaction(db, async (trx) => {
      if (await trx.selectFrom('services').select('id').where('slug', '=', input.slug).executeTakeFirst()) throw slugTaken();
      const now = nowIso();
      const identifier = input.identifier ?? randomUUID();
      const row = await trx
        .insertInto('services')
        .values({
          ...columnsOf(input, refs),
          identifier,
          status,
          version: 1,
          created_at: now,
          updated_at: now,
          published_at: status === 'published' ? now : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeLinks(trx, row.id, refs);
      await recordRevision(trx, row.id, 1, actorId, options.viaImport ? 'import' : 'create', diffServices(null, { ...input, identifier }));
      if (status === 'published') {
        await indexDocument(trx, serviceSearchDocument(input));
        await refreshSectors(trx, [refs.sectorId]);
        await contentChanged(trx);
      }
      await audit(trx, {
        ...options.audit,
        actorId,
        action: options.viaImport ? 'service.import' : 'service.create',
        subjectType: 'service',
        subjectId: input.slug,
        data: { status },
      });
      return row.id;
    });
    return (await findService(db, { id }))!;
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

/**
 * Changes a service: `raw` holds the fields to change (the rest stay as they are), and the result
 * is validated as a whole. Nothing changed, nothing written (no revision, same version), so
 * re-importing an export is a no-op.
 */
export async function updateService(
  db: Db,
  actor: CatalogueActor | 'cli',
  slug: string,
  raw: Record<string, unknown>,
  options: WriteOptions,
): Promise<{ service: ServiceRecord; changes: FieldChange[] }> {
  const current = actor === 'cli' ? await findService(db, { slug }) : await getServiceForEditing(db, actor, slug);
  if (!current) throw new AppError('not_found', 'No such service');
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new AppError('conflict', 'The service was changed by someone else', [
      { field: 'version', message: 'catalogue.errors.staleVersion' },
    ]);
  }
  const before = inputOf(current);
  // The identifier is for ever: an update cannot change it.
  const { input, refs } = await checkServiceInput(db, { ...before, ...raw, identifier: current.identifier }, options.defaultLocale);
  if (actor !== 'cli') authorize(actor, 'service.edit', refs.organisationId);
  const changes = diffServices(before, input);
  if (changes.length === 0) return { service: current, changes };
  const actorId = actor === 'cli' ? null : (actor?.id ?? null);
  try {
    await inTransaction(db, async (trx) => {
      if (
        input.slug !== current.slug &&
        (await trx.selectFrom('services').select('id').where('slug', '=', input.slug).executeTakeFirst())
      ) {
        throw slugTaken();
      }
      const updated = await trx
        .updateTable('services')
        .set({ ...columnsOf(input, refs), version: current.version + 1, updated_at: nowIso() })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new AppError('conflict', 'The service was changed by someone else', [
          { field: 'version', message: 'catalogue.errors.staleVersion' },
        ]);
      }
      await writeLinks(trx, current.id, refs);
      await recordRevision(trx, current.id, current.version + 1, actorId, options.viaImport ? 'import' : 'update', changes);
      if (current.status === 'published') {
        if (input.slug !== current.slug) await removeDocument(trx, 'service', current.slug);
        await indexDocument(trx, serviceSearchDocument(input));
        await refreshSectors(trx, [current.sectorId, refs.sectorId]);
        await contentChanged(trx);
      }
      await audit(trx, {
        ...options.audit,
        actorId,
        action: options.viaImport ? 'service.import' : 'service.update',
        subjectType: 'service',
        subjectId: input.slug,
        data: { fields: changes.map((c) => c.field), version: current.version + 1 },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
  return { service: (await findService(db, { id: current.id }))!, changes };
}

const STATUS_ACTION: Record<ServiceStatus, 'publish' | 'withdraw' | 'unpublish'> = {
  published: 'publish',
  withdrawn: 'withdraw',
  draft: 'unpublish',
};

/** Publishes, withdraws, or returns a service to draft. Same status: nothing happens. */
export async function setServiceStatus(
  db: Db,
  actor: CatalogueActor | 'cli',
  slug: string,
  status: ServiceStatus,
  options: WriteOptions,
): Promise<ServiceRecord> {
  const current = actor === 'cli' ? await findService(db, { slug }) : await getServiceForEditing(db, actor, slug);
  if (!current) throw new AppError('not_found', 'No such service');
  if (options.expectedVersion !== undefined && options.expectedVersion !== current.version) {
    throw new AppError('conflict', 'The service was changed by someone else', [
      { field: 'version', message: 'catalogue.errors.staleVersion' },
    ]);
  }
  if (current.status === status) return current;
  if (status === 'published') {
    // A service published must be complete in the default language (older drafts may predate a rule).
    await checkServiceInput(db, inputOf(current), options.defaultLocale);
  }
  const actorId = actor === 'cli' ? null : (actor?.id ?? null);
  await inTransaction(db, async (trx) => {
    const now = nowIso();
    const updated = await trx
      .updateTable('services')
      .set({ status, version: current.version + 1, updated_at: now, ...(status === 'published' ? { published_at: now } : {}) })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError('conflict', 'The service was changed by someone else', [
        { field: 'version', message: 'catalogue.errors.staleVersion' },
      ]);
    }
    await recordRevision(trx, current.id, current.version + 1, actorId, STATUS_ACTION[status], [
      { field: 'status', before: current.status, after: status },
    ]);
    if (status === 'published') await indexDocument(trx, serviceSearchDocument(current));
    else if (current.status === 'published') await removeDocument(trx, 'service', current.slug);
    await refreshSectors(trx, [current.sectorId]);
    await contentChanged(trx);
    await audit(trx, {
      ...options.audit,
      actorId,
      action: `service.${STATUS_ACTION[status]}`,
      subjectType: 'service',
      subjectId: current.slug,
      data: { from: current.status, to: status },
    });
  });
  return (await findService(db, { id: current.id }))!;
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
