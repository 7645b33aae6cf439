/** Territory use cases: reading municipalities and organisations, and seeding the demo territory. */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { DEMO_MUNICIPALITIES, DEMO_ORGANISATIONS } from './demo-data.js';
import './territory.tables.js';

/** Inserts the demo municipalities and organisations (skips those that exist). */
export async function seedDemoTerritory(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const m of DEMO_MUNICIPALITIES) {
      await trx
        .insertInto('municipalities')
        .values({
          slug: m.slug,
          name: m.name,
          postcode: m.postcode,
          insee_code: m.insee,
          latitude: m.lat,
          longitude: m.lng,
          population: m.population,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
    const ids = await municipalityIdsBySlug(trx);
    for (const o of DEMO_ORGANISATIONS) {
      const now = nowIso();
      await trx
        .insertInto('organisations')
        .values({
          slug: o.slug,
          name: JSON.stringify(o.name),
          kind: o.kind,
          municipality_id: ids.get(o.municipality) ?? null,
          website: o.website,
          email: o.email,
          phone: o.phone,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
  });
}

export async function municipalityIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('municipalities').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export async function organisationIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Municipalities for display, by name. */
export function listMunicipalities(db: Db) {
  return db.selectFrom('municipalities').selectAll().orderBy('name').execute();
}

/** Organisations for display (name is translated JSON). */
export function listOrganisations(db: Db) {
  return db.selectFrom('organisations').select(['id', 'slug', 'name', 'kind', 'website']).orderBy('slug').execute();
}

/** The names (translated JSON) of the organisations with these ids (unknown ids are absent from the map). */
export async function organisationNamesByIds(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
