/**
 * What the service editor reads beyond one service: the list of services a person may edit (every
 * status, filtered and paginated), the choices of the form, and the revisions someone wrote (their
 * part of a personal-data export). Queries only; permissions are decided by the caller.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { ilike, jsonTextAt } from '../../db/dialect.js';
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import type { FieldChange, ServiceStatus } from './services.model.js';
import './catalogue.tables.js';

/** One row of the editors' list. */
export interface EditableServiceRow {
  slug: string;
  /** Translated (JSON). */
  name: string;
  status: ServiceStatus;
  /** Translated (JSON). */
  organisationName: string;
  updatedAt: string;
}

export interface EditableFilters {
  /** The organisations whose services may be listed; 'all' for admins. */
  organisationIds: readonly number[] | 'all';
  status?: ServiceStatus | undefined;
  /** Organisation slug. */
  organisation?: string | undefined;
  /** Part of the name, in any of `locales`. */
  q?: string | undefined;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A page of the services these filters allow, in name order for `locale` (then `fallback`), with
 * the total. An official without organisations sees nothing.
 */
export async function listEditableServices(
  db: Db,
  filters: EditableFilters,
  options: { locale: string; fallback: string; locales: readonly string[]; page: number; perPage: number },
): Promise<{ services: EditableServiceRow[]; total: number }> {
  let q = db
    .selectFrom('services')
    .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
    .where((eb) =>
      filters.organisationIds === 'all' ? eb.lit(true) : eb('services.organisation_id', 'in', [0, ...filters.organisationIds]),
    );
  if (filters.status) q = q.where('services.status', '=', filters.status);
  if (filters.organisation) q = q.where('organisations.slug', '=', filters.organisation);
  if (filters.q) {
    const pattern = likePattern(filters.q);
    const op = ilike(db);
    q = q.where((eb) =>
      eb.or([
        eb(sql`services.slug`, op, sql`${pattern} escape '\\'`),
        ...options.locales.map((l) => eb(sql`coalesce(${jsonTextAt(db, 'services.name', l)}, '')`, op, sql`${pattern} escape '\\'`)),
      ]),
    );
  }
  const { n } = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const total = Number(n);
  const offset = (options.page - 1) * options.perPage;
  if (offset >= total) return { services: [], total };
  const name = sql`lower(coalesce(${jsonTextAt(db, 'services.name', options.locale)}, ${jsonTextAt(db, 'services.name', options.fallback)}, ''))`;
  const rows = await q
    .select(['services.slug', 'services.name', 'services.status', 'services.updated_at', 'organisations.name as organisation_name'])
    .orderBy(name)
    .orderBy('services.id')
    .limit(options.perPage)
    .offset(offset)
    .execute();
  return {
    services: rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      status: r.status,
      organisationName: r.organisation_name,
      updatedAt: r.updated_at,
    })),
    total,
  };
}

/** Organisations to choose from: these ids, or all of them; by slug. */
export function organisationChoices(db: Db, ids: readonly number[] | 'all') {
  let q = db.selectFrom('organisations').select(['id', 'slug', 'name']).orderBy('slug');
  if (ids !== 'all') q = q.where('id', 'in', [0, ...ids]);
  return q.execute();
}

/** Slugs and names of services, for the "related services" hint (at most `limit`). */
export function serviceNames(db: Db, organisationId: number, limit = 50) {
  return db
    .selectFrom('services')
    .select(['slug', 'name'])
    .where('organisation_id', '=', organisationId)
    .orderBy('slug')
    .limit(limit)
    .execute();
}

/** One revision someone wrote, for their data export. */
export interface AuthoredRevision {
  service: string;
  version: number;
  action: string;
  createdAt: string;
  changes: FieldChange[];
}

/**
 * The revisions of services that `userId` made (newest first): their contribution to the catalogue,
 * for "Download my data". Texts they changed are public service descriptions, not personal data,
 * but they are what the person wrote.
 */
export async function revisionsByAuthor(db: Db, userId: number): Promise<AuthoredRevision[]> {
  const rows = await db
    .selectFrom('service_revisions')
    .innerJoin('services', 'services.id', 'service_revisions.service_id')
    .select([
      'services.slug',
      'service_revisions.version',
      'service_revisions.action',
      'service_revisions.created_at',
      'service_revisions.changes',
    ])
    .where('service_revisions.user_id', '=', userId)
    .orderBy('service_revisions.id', 'desc')
    .execute();
  return rows.map((r) => ({
    service: r.slug,
    version: r.version,
    action: r.action,
    createdAt: r.created_at,
    changes: JSON.parse(r.changes) as FieldChange[],
  }));
}

/**
 * The catalogue's part of a person's data (platform/gdpr.ts): the service revisions they made.
 * Nothing to erase on deletion: a revision holds public service texts, and keeps pointing at the
 * account, whose name becomes the neutral marker ("Deleted participant" in the history).
 */
export const catalogueEditorPersonalData: PersonalDataProvider = {
  export: async (db, userId) => ({ serviceRevisions: await revisionsByAuthor(db, userId) }),
  anonymise: async () => {},
};
