/**
 * The catalogue's vocabularies as admins keep them: public organisations (the competent
 * authorities of services), sectors and life events (both in a display order). Every write checks
 * the right, runs in one transaction, is audited, and marks cached pages stale (names show on public
 * pages). Nothing that is referred to can be deleted: the error says by what.
 *
 * Organisations are the territory module's table; the catalogue, whose services hang on them, is
 * where admins edit them (the territory module only reads and seeds them).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { isUniqueViolation, nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { contentChanged } from '../../platform/content-cache.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type CatalogueActor } from './catalogue.policy.js';
import type { OrganisationCommand, TermCommand, TermKind } from './taxonomy.schemas.js';
import './catalogue.tables.js';

/** An organisation as the admin list shows it. */
export interface OrganisationRow {
  id: number;
  slug: string;
  /** Translated. */
  name: Record<string, string>;
  kind: string;
  website: string | null;
  email: string | null;
  phone: string | null;
  municipality: string | null;
  /** Services of any status. */
  services: number;
}

/** A sector or life event as the admin list shows it. */
export interface TermRow {
  id: number;
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
  position: number;
  /** Services of any status that use it. */
  services: number;
}

const TABLE = { sectors: 'sectors', 'life-events': 'life_events' } as const;
const SUBJECT = { sectors: 'sector', 'life-events': 'life_event' } as const;

function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

const slugTaken = () => new AppError('validation_failed', 'Slug taken', [{ field: 'slug', message: 'taxonomy.errors.slugTaken' }]);
const notFound = () => new AppError('not_found', 'No such item');

/** Every organisation, by slug, with its number of services. */
export async function listOrganisationsForAdmin(db: Db): Promise<OrganisationRow[]> {
  const rows = await db
    .selectFrom('organisations')
    .leftJoin('municipalities', 'municipalities.id', 'organisations.municipality_id')
    .select((eb) => [
      'organisations.id',
      'organisations.slug',
      'organisations.name',
      'organisations.kind',
      'organisations.website',
      'organisations.email',
      'organisations.phone',
      'municipalities.slug as municipality',
      eb
        .selectFrom('services')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('services.organisation_id', '=', 'organisations.id')
        .as('services'),
    ])
    .orderBy('organisations.slug')
    .execute();
  return rows.map((r) => ({ ...r, name: JSON.parse(r.name) as Record<string, string>, services: Number(r.services ?? 0) }));
}

/** One organisation by slug, or not_found. */
export async function findOrganisation(db: Db, slug: string): Promise<OrganisationRow> {
  const found = (await listOrganisationsForAdmin(db)).find((o) => o.slug === slug);
  if (!found) throw notFound();
  return found;
}

/** Sectors or life events in their display order, each with its number of services. */
export async function listTerms(db: Db, kind: TermKind): Promise<TermRow[]> {
  if (kind === 'sectors') {
    const rows = await db
      .selectFrom('sectors')
      .select((eb) => [
        'sectors.id',
        'sectors.slug',
        'sectors.name',
        'sectors.description',
        'sectors.position',
        eb
          .selectFrom('services')
          .select(sql<number>`count(*)`.as('n'))
          .whereRef('services.sector_id', '=', 'sectors.id')
          .as('services'),
      ])
      .orderBy('sectors.position')
      .orderBy('sectors.id')
      .execute();
    return rows.map((r) => ({ ...r, name: JSON.parse(r.name), description: JSON.parse(r.description), services: Number(r.services ?? 0) }));
  }
  const rows = await db
    .selectFrom('life_events')
    .select((eb) => [
      'life_events.id',
      'life_events.slug',
      'life_events.name',
      'life_events.position',
      eb
        .selectFrom('service_life_events')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('service_life_events.life_event_id', '=', 'life_events.id')
        .as('services'),
    ])
    .orderBy('life_events.position')
    .orderBy('life_events.id')
    .execute();
  return rows.map((r) => ({ ...r, name: JSON.parse(r.name), description: {}, services: Number(r.services ?? 0) }));
}

/** One sector or life event by slug, or not_found. */
export async function findTerm(db: Db, kind: TermKind, slug: string): Promise<TermRow> {
  const found = (await listTerms(db, kind)).find((t) => t.slug === slug);
  if (!found) throw notFound();
  return found;
}

async function municipalityId(db: Db, slug: string | null): Promise<number | null> {
  if (slug === null) return null;
  const row = await db.selectFrom('municipalities').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!row)
    throw new AppError('validation_failed', 'Unknown municipality', [{ field: 'municipality', message: 'taxonomy.errors.municipality' }]);
  return row.id;
}

/** Runs a write, turning a unique-slug violation (a race with another admin) into the form's error. */
async function write<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken();
    throw err;
  }
}

/** Adds an organisation. */
export async function createOrganisation(
  db: Db,
  actor: CatalogueActor,
  context: AuditContext,
  command: OrganisationCommand,
): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  await write(() =>
    inTransaction(db, async (trx) => {
      if (await trx.selectFrom('organisations').select('id').where('slug', '=', command.slug).executeTakeFirst()) throw slugTaken();
      const now = nowIso();
      await trx
        .insertInto('organisations')
        .values({
          slug: command.slug,
          name: JSON.stringify(command.name),
          kind: command.kind,
          website: command.website,
          email: command.email,
          phone: command.phone,
          municipality_id: await municipalityId(trx, command.municipality),
          created_at: now,
          updated_at: now,
        })
        .execute();
      await audit(trx, { ...context, action: 'taxonomy.organisation.create', subjectType: 'organisation', subjectId: command.slug });
      await contentChanged(trx);
    }),
  );
}

/** Changes an organisation (its slug included). */
export async function updateOrganisation(
  db: Db,
  actor: CatalogueActor,
  context: AuditContext,
  slug: string,
  command: OrganisationCommand,
): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  await write(() =>
    inTransaction(db, async (trx) => {
      const current = await trx.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
      if (!current) throw notFound();
      if (
        command.slug !== slug &&
        (await trx.selectFrom('organisations').select('id').where('slug', '=', command.slug).executeTakeFirst())
      ) {
        throw slugTaken();
      }
      await trx
        .updateTable('organisations')
        .set({
          slug: command.slug,
          name: JSON.stringify(command.name),
          kind: command.kind,
          website: command.website,
          email: command.email,
          phone: command.phone,
          municipality_id: await municipalityId(trx, command.municipality),
          updated_at: nowIso(),
        })
        .where('id', '=', current.id)
        .execute();
      await audit(trx, {
        ...context,
        action: 'taxonomy.organisation.update',
        subjectType: 'organisation',
        subjectId: command.slug,
        ...(command.slug === slug ? {} : { data: { previousSlug: slug } }),
      });
      await contentChanged(trx);
    }),
  );
}

/**
 * Deletes an organisation nothing refers to: no service, no Digital Public Space, no official's
 * role. Otherwise a conflict whose field error says what still uses it.
 */
export async function deleteOrganisation(db: Db, actor: CatalogueActor, context: AuditContext, slug: string): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  await inTransaction(db, async (trx) => {
    const current = await trx.selectFrom('organisations').select('id').where('slug', '=', slug).executeTakeFirst();
    if (!current) throw notFound();
    const count = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
    const services = await count(
      trx
        .selectFrom('services')
        .select(sql<number>`count(*)`.as('n'))
        .where('organisation_id', '=', current.id)
        .executeTakeFirst(),
    );
    const places = await count(
      trx
        .selectFrom('places')
        .select(sql<number>`count(*)`.as('n'))
        .where('organisation_id', '=', current.id)
        .executeTakeFirst(),
    );
    const roles = await count(
      trx
        .selectFrom('user_roles')
        .select(sql<number>`count(*)`.as('n'))
        .where('scope_type', '=', 'organisation')
        .where('scope_id', '=', current.id)
        .executeTakeFirst(),
    );
    if (services + places + roles > 0) {
      throw new AppError('conflict', 'The organisation is in use', [
        {
          field: slug,
          message:
            services > 0 ? 'taxonomy.errors.inUseServices' : places > 0 ? 'taxonomy.errors.inUsePlaces' : 'taxonomy.errors.inUseRoles',
        },
      ]);
    }
    await trx.deleteFrom('organisations').where('id', '=', current.id).execute();
    await audit(trx, { ...context, action: 'taxonomy.organisation.delete', subjectType: 'organisation', subjectId: slug });
    await contentChanged(trx);
  });
}

/** Adds a sector or life event at the end of the order. */
export async function createTerm(
  db: Db,
  actor: CatalogueActor,
  context: AuditContext,
  kind: TermKind,
  command: TermCommand,
): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  const table = TABLE[kind];
  await write(() =>
    inTransaction(db, async (trx) => {
      if (await trx.selectFrom(table).select('id').where('slug', '=', command.slug).executeTakeFirst()) throw slugTaken();
      const last = await trx
        .selectFrom(table)
        .select(sql<number>`max(position)`.as('p'))
        .executeTakeFirst();
      const position = Number(last?.p ?? 0) + 1;
      if (kind === 'sectors') {
        await trx
          .insertInto('sectors')
          .values({ slug: command.slug, name: JSON.stringify(command.name), description: JSON.stringify(command.description), position })
          .execute();
      } else {
        await trx
          .insertInto('life_events')
          .values({ slug: command.slug, name: JSON.stringify(command.name), position })
          .execute();
      }
      await audit(trx, { ...context, action: `taxonomy.${SUBJECT[kind]}.create`, subjectType: SUBJECT[kind], subjectId: command.slug });
      await contentChanged(trx);
    }),
  );
}

/** Changes a sector's or life event's slug, name (and a sector's description). */
export async function updateTerm(
  db: Db,
  actor: CatalogueActor,
  context: AuditContext,
  kind: TermKind,
  slug: string,
  command: TermCommand,
): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  const table = TABLE[kind];
  await write(() =>
    inTransaction(db, async (trx) => {
      const current = await trx.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
      if (!current) throw notFound();
      if (command.slug !== slug && (await trx.selectFrom(table).select('id').where('slug', '=', command.slug).executeTakeFirst())) {
        throw slugTaken();
      }
      if (kind === 'sectors') {
        await trx
          .updateTable('sectors')
          .set({ slug: command.slug, name: JSON.stringify(command.name), description: JSON.stringify(command.description) })
          .where('id', '=', current.id)
          .execute();
      } else {
        await trx
          .updateTable('life_events')
          .set({ slug: command.slug, name: JSON.stringify(command.name) })
          .where('id', '=', current.id)
          .execute();
      }
      await audit(trx, {
        ...context,
        action: `taxonomy.${SUBJECT[kind]}.update`,
        subjectType: SUBJECT[kind],
        subjectId: command.slug,
        ...(command.slug === slug ? {} : { data: { previousSlug: slug } }),
      });
      await contentChanged(trx);
    }),
  );
}

/** Deletes a sector or life event that no service uses; otherwise a conflict. */
export async function deleteTerm(db: Db, actor: CatalogueActor, context: AuditContext, kind: TermKind, slug: string): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  const table = TABLE[kind];
  await inTransaction(db, async (trx) => {
    const current = await trx.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirst();
    if (!current) throw notFound();
    const used =
      kind === 'sectors'
        ? await trx.selectFrom('services').select('id').where('sector_id', '=', current.id).limit(1).executeTakeFirst()
        : await trx
            .selectFrom('service_life_events')
            .select('service_id')
            .where('life_event_id', '=', current.id)
            .limit(1)
            .executeTakeFirst();
    if (used) throw new AppError('conflict', 'In use', [{ field: slug, message: 'taxonomy.errors.inUseServices' }]);
    await trx.deleteFrom(table).where('id', '=', current.id).execute();
    await audit(trx, { ...context, action: `taxonomy.${SUBJECT[kind]}.delete`, subjectType: SUBJECT[kind], subjectId: slug });
    await contentChanged(trx);
  });
}

/**
 * Moves a sector or life event one place up or down the display order, by swapping positions with
 * its neighbour. At either end nothing happens (and nothing is written).
 */
export async function moveTerm(
  db: Db,
  actor: CatalogueActor,
  context: AuditContext,
  kind: TermKind,
  slug: string,
  direction: 'up' | 'down',
): Promise<void> {
  authorize(actor, 'taxonomy.manage');
  await inTransaction(db, async (trx) => {
    // The whole list is short (tens of items): read it in order and swap in place.
    const terms = await trx.selectFrom(TABLE[kind]).select(['id', 'slug', 'position']).orderBy('position').orderBy('id').execute();
    const i = terms.findIndex((t) => t.slug === slug);
    if (i < 0) throw notFound();
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= terms.length) return;
    const order = [...terms];
    [order[i], order[j]] = [order[j]!, order[i]!];
    // Positions become 1…n, which also repairs duplicates left by older data.
    for (const [index, term] of order.entries()) {
      if (term.position !== index + 1)
        await trx
          .updateTable(TABLE[kind])
          .set({ position: index + 1 })
          .where('id', '=', term.id)
          .execute();
    }
    await audit(trx, {
      ...context,
      action: `taxonomy.${SUBJECT[kind]}.move`,
      subjectType: SUBJECT[kind],
      subjectId: slug,
      data: { direction },
    });
    await contentChanged(trx);
  });
}
