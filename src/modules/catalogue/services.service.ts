/**
 * Writing e-services: every write (form, API, import) goes through createService, updateService or
 * setServiceStatus, which validate with services.model.ts, check the actor's right on the
 * competent organisation, record a revision, keep the search index and the sector counters in
 * step, mark cached pages stale and audit — all in one transaction. Reads are in
 * services.queries.ts; the queries behind these writes, in services.repository.ts.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { isUniqueViolation, nowIso } from '../../db/dialect.js';
import type { AuditContext } from '../../platform/audit.js';
import { audit } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { indexDocument, removeDocument, type SearchDocument } from '../../platform/search.js';
import { authorize, type CatalogueActor } from './catalogue.policy.js';
import { diffServices, validateServiceInput, type FieldChange, type ServiceInput, type ServiceStatus } from './services.model.js';
import { findService, getServiceForEditing, inputOf, type ServiceRecord } from './services.queries.js';
import { columnsOf, recordRevision, refreshSectors, writeLinks, type References } from './services.repository.js';
import './catalogue.tables.js';

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
