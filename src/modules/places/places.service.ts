/** Places use cases available with the foundation: listing places and seeding the demo ones. */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { municipalityIdsBySlug, organisationIdsBySlug } from '../territory/index.js';
import { DEMO_PLACES } from './demo-data.js';
import './places.tables.js';

/** Places with their municipality name, by name. */
export function listPlaces(db: Db, limit = 50) {
  return db
    .selectFrom('places')
    .innerJoin('municipalities', 'municipalities.id', 'places.municipality_id')
    .select([
      'places.id',
      'places.slug',
      'places.name',
      'places.address',
      'places.postcode',
      'places.summary',
      'places.opening_hours',
      'municipalities.name as municipality',
    ])
    .orderBy('places.name')
    .limit(limit)
    .execute();
}

/** The names of the places with these ids (unknown ids are absent from the map). */
export async function placeNamesByIds(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('places')
    .select(['id', 'name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Inserts the demo places (skips those that exist). */
export async function seedDemoPlaces(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const municipalities = await municipalityIdsBySlug(trx);
    const organisations = await organisationIdsBySlug(trx);
    for (const p of DEMO_PLACES) {
      const municipalityId = municipalities.get(p.municipality);
      if (!municipalityId) throw new Error(`demo place ${p.slug}: unknown municipality`);
      const now = nowIso();
      await trx
        .insertInto('places')
        .values({
          slug: p.slug,
          name: p.name,
          municipality_id: municipalityId,
          organisation_id: p.organisation ? (organisations.get(p.organisation) ?? null) : null,
          address: p.address,
          postcode: p.postcode,
          latitude: p.lat,
          longitude: p.lng,
          opening_hours: p.openingHours,
          phone: p.phone,
          email: p.email,
          website: null,
          summary: JSON.stringify(p.summary),
          mediation_services: JSON.stringify(p.services),
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .execute();
    }
    // Places that help with administrative procedures help with every e-service offered at a DPS.
    const helping = await trx.selectFrom('places').select('id').where('mediation_services', 'like', '%"admin_procedures"%').execute();
    const services = await trx.selectFrom('services').select('id').where('channels', 'like', '%"dps"%').execute();
    for (const place of helping) {
      for (const service of services) {
        await trx
          .insertInto('place_services')
          .values({ place_id: place.id, service_id: service.id })
          .onConflict((oc) => oc.columns(['place_id', 'service_id']).doNothing())
          .execute();
      }
    }
  });
}

/** The Digital Public Spaces that help people with an e-service, by name. */
export function placesHelpingWith(db: Db, serviceId: number) {
  return db
    .selectFrom('place_services')
    .innerJoin('places', 'places.id', 'place_services.place_id')
    .innerJoin('municipalities', 'municipalities.id', 'places.municipality_id')
    .select([
      'places.id',
      'places.slug',
      'places.name',
      'places.address',
      'places.postcode',
      'places.opening_hours',
      'places.phone',
      'municipalities.name as municipality',
    ])
    .where('place_services.service_id', '=', serviceId)
    .orderBy('places.name')
    .execute();
}
