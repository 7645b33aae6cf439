/**
 * The catalogue as officials keep it: the CPSV-AP fields a citizen needs on a service page (who it
 * is for, requirements and evidence, cost, processing time, contact point, languages, the service's
 * own accessibility status), a stable identifier for open data and imports, a version and a revision
 * per edit, related services, the Digital Public Spaces that help with a service, and the searches
 * that found nothing (counted, without personal data).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withId } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const add = (column: string, type: 'text' | 'integer', build: (c: any) => any = (c) => c) =>
    db.schema.alterTable('services').addColumn(column, type, build).execute();
  await add('identifier', 'text');
  // Translated texts (JSON {"en": "...", "fr": "..."}); requirements and evidence hold one item per line.
  for (const column of ['audience', 'requirements', 'evidence', 'cost_description', 'contact_hours']) {
    await add(column, 'text', (c) => c.notNull().defaultTo('{}'));
  }
  await add('cost_cents', 'integer');
  await add('cost_currency', 'text', (c) => c.notNull().defaultTo('EUR'));
  // ISO 8601 duration (P14D, PT2H…).
  await add('processing_time', 'text');
  await add('contact_email', 'text');
  await add('contact_phone', 'text');
  await add('contact_page', 'text');
  // ISO 639-1 codes of the languages the service can be used in, JSON array.
  await add('languages', 'text', (c) => c.notNull().defaultTo('[]'));
  // compliant | partial | non_compliant | unknown (the service's own accessibility statement).
  await add('accessibility', 'text', (c) => c.notNull().defaultTo('unknown'));
  await add('accessibility_url', 'text');
  await add('version', 'integer', (c) => c.notNull().defaultTo(1));
  await add('published_at', 'text');

  for (const row of await db.selectFrom('services').select('id').where('identifier', 'is', null).execute()) {
    await db.updateTable('services').set({ identifier: randomUUID() }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('services_identifier').unique().on('services').column('identifier').execute();
  await db.schema.createIndex('services_status_slug').on('services').columns(['status', 'slug']).execute();

  await withId(db, db.schema.createTable('service_revisions'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // Null once the author's account is deleted, or for a change made by the command line.
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    // create | update | publish | withdraw | unpublish | import
    .addColumn('action', 'text', (c) => c.notNull())
    // JSON [{"field": "name.fr", "before": "...", "after": "..."}]
    .addColumn('changes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_revisions_service').on('service_revisions').columns(['service_id', 'id']).execute();

  await db.schema
    .createTable('service_relations')
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('service_relations_pk', ['service_id', 'related_id'])
    .execute();

  await db.schema.createIndex('service_life_events_event').on('service_life_events').columns(['life_event_id', 'service_id']).execute();

  // Which Digital Public Spaces help people with which e-service (kept by the places module).
  await db.schema
    .createTable('place_services')
    .addColumn('place_id', 'integer', (c) => c.notNull().references('places.id').onDelete('cascade'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('place_services_pk', ['place_id', 'service_id'])
    .execute();
  await db.schema.createIndex('place_services_service').on('place_services').columns(['service_id', 'place_id']).execute();

  // Searches that found nothing: the normalised query and how often, never who asked.
  await withId(db, db.schema.createTable('search_misses'))
    .addColumn('query', 'text', (c) => c.notNull())
    // The words as first typed (trimmed, bounded), for people to read; `query` is what is counted.
    .addColumn('example', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('search_misses_query', ['query', 'locale'])
    .execute();
  await db.schema.createIndex('search_misses_count').on('search_misses').columns(['count', 'id']).execute();
}
