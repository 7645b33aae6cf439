/** Places use cases available with the foundation: listing places and seeding the demo ones (every field, derived flags, demo e-services). */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { municipalityIdsBySlug, organisationIdsBySlug } from '../territory/index.js';
import { DEMO_PLACE_CLOCK, DEMO_PLACES, type DemoPlace } from './demo-data.js';
import { placeColumns, validatePlaceInput, type PlaceInput } from './places.write.js';
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

/** The PlaceInput of a demo place (validated by the seed like any other write). */
export function demoPlaceInput(p: DemoPlace, municipalityId: number, organisationId: number | null): PlaceInput {
  return {
    name: p.name,
    slug: p.slug,
    municipalityId,
    organisationId,
    address: p.address,
    addressComplement: null,
    postcode: p.postcode,
    inseeCode: null,
    latitude: p.lat,
    longitude: p.lng,
    ...DEMO_PLACE_CLOCK,
    openingHours: p.openingHours,
    phone: p.phone,
    email: p.email,
    website: p.website ?? null,
    pivot: p.pivot ?? null,
    summary: p.summary,
    details: p.details ?? {},
    mobile: p.mobile ?? false,
    source: null,
    externalId: null,
    services: p.services,
    publics: p.publics,
    specificSupport: p.specificSupport,
    fees: p.fees,
    accessModes: p.accessModes,
    supportModes: p.supportModes,
    equipment: p.equipment,
    accessibility: p.accessibility,
  };
}

/**
 * Inserts the demo places (skips those that exist) with every field of the schema and their derived
 * opening flags, as places.write.ts writes them (each is validated by its rules first), then links
 * them to demo e-services: places that help with administrative procedures help with every e-service
 * offered at a DPS, and places that help with employment with the employment agency's e-services.
 */
export async function seedDemoPlaces(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const municipalities = await municipalityIdsBySlug(trx);
    const organisations = await organisationIdsBySlug(trx);
    /** The places inserted now: a place that existed keeps its e-services as they are. */
    const inserted: number[] = [];
    for (const p of DEMO_PLACES) {
      const municipalityId = municipalities.get(p.municipality);
      if (!municipalityId) throw new Error(`demo place ${p.slug}: unknown municipality`);
      const input = demoPlaceInput(p, municipalityId, p.organisation ? (organisations.get(p.organisation) ?? null) : null);
      const errors = validatePlaceInput(input);
      if (errors.length) throw new Error(`demo place ${p.slug}: ${errors.map((e) => `${e.field} ${e.message}`).join(', ')}`);
      const now = nowIso();
      const row = await trx
        .insertInto('places')
        .values({ ...placeColumns(input), slug: p.slug, created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) inserted.push(row.id);
    }
    if (inserted.length === 0) return;
    const link = async (places: { id: number }[], services: { id: number }[]) => {
      for (const place of places) {
        for (const service of services) {
          await trx
            .insertInto('place_services')
            .values({ place_id: place.id, service_id: service.id })
            .onConflict((oc) => oc.columns(['place_id', 'service_id']).doNothing())
            .execute();
        }
      }
    };
    const demoPlaces = (service: string) =>
      trx.selectFrom('places').select('id').where('id', 'in', inserted).where('mediation_services', 'like', `%"${service}"%`).execute();
    await link(
      await demoPlaces('admin_procedures'),
      await trx.selectFrom('services').select('id').where('channels', 'like', '%"dps"%').execute(),
    );
    const agency = organisations.get('employment-agency');
    if (agency !== undefined)
      await link(
        await demoPlaces('employment'),
        await trx.selectFrom('services').select('id').where('organisation_id', '=', agency).where('status', '=', 'published').execute(),
      );
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
