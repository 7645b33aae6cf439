/** What the open-data exports read: every place with its municipality and organisation, in a stable order. */
import type { Db } from '../../db/database.js';
import { translatedText } from './places.model.js';
import type { PlaceExportRow } from './places-csv.js';
import './places.tables.js';

/** Every place as the exports need it, ordered by id (stable between runs). */
export async function placesForExport(db: Db): Promise<PlaceExportRow[]> {
  const rows = await db
    .selectFrom('places')
    .innerJoin('municipalities', 'municipalities.id', 'places.municipality_id')
    .leftJoin('organisations', 'organisations.id', 'places.organisation_id')
    .select([
      'places.slug',
      'places.name',
      'municipalities.name as municipality',
      'municipalities.insee_code as municipalityInsee',
      'organisations.name as organisationJson',
      'places.address',
      'places.address_complement',
      'places.postcode',
      'places.insee_code',
      'places.latitude',
      'places.longitude',
      'places.opening_hours',
      'places.phone',
      'places.email',
      'places.website',
      'places.pivot',
      'places.summary',
      'places.details',
      'places.mediation_services',
      'places.publics',
      'places.specific_support',
      'places.fees',
      'places.access_modes',
      'places.support_modes',
      'places.mobile',
      'places.source',
      'places.external_id',
      'places.updated_at',
    ])
    .orderBy('places.id')
    .execute();
  return rows.map(({ organisationJson, ...r }) => ({
    ...r,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    mobile: Number(r.mobile),
    organisationName: organisationJson ? translatedText(organisationJson, 'fr') || null : null,
  }));
}
