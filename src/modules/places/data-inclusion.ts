/**
 * Places in the data·inclusion schema v1 (gip-inclusion/data-inclusion-schema, 1.0.x; the JSON
 * Schemas are schemas/data-inclusion-structure.schema.json and …-service.schema.json, against
 * which the tests validate what is written here): one `structure` per place, and one `service` per
 * place and kind of help it offers (its mediation services). Pure: no I/O. The mappings are
 * documented in docs/places-data.md.
 */
import { codesFromJson, schemaValue, translatedText, type AccessMode, type MediationService } from './places.model.js';
import { exportId, isoDate, schemaPhone, type PlaceExportRow } from './places-csv.js';

/** The data·inclusion `thematiques` of each mediation service (all in the `numerique` family, plus the closest other one). */
export const THEMATIQUES: Record<MediationService, readonly string[]> = {
  admin_procedures: [
    'numerique--realiser-des-demarches-administratives-avec-un-accompagnement',
    'numerique--devenir-autonome-dans-les-demarches-administratives',
    'acces-aux-droits-et-citoyennete--accompagnement-dans-les-demarches-administratives',
  ],
  everyday_tools: [
    'numerique--utiliser-le-numerique-au-quotidien',
    'numerique--prendre-en-main-un-ordinateur',
    'numerique--prendre-en-main-un-smartphone-ou-une-tablette',
  ],
  employment: ['numerique--favoriser-mon-insertion-professionnelle'],
  online_safety: ['numerique--utiliser-le-numerique-au-quotidien', 'numerique--approfondir-ma-culture-numerique'],
  parenting: ['numerique--soutenir-la-parentalite-et-l-education-avec-le-numerique', 'famille--soutien-a-la-parentalite'],
  leisure: ['numerique--creer-avec-le-numerique'],
  digital_culture: ['numerique--approfondir-ma-culture-numerique', 'numerique--promouvoir-la-citoyennete-numerique'],
  internet_access: ['numerique--acceder-a-une-connexion-internet', 'numerique--acceder-a-du-materiel'],
  affordable_equipment: ['numerique--s-equiper-en-materiel-informatique', 'equipement-et-alimentation--acces-a-du-materiel-informatique'],
};

/** data·inclusion `publics` of the schema's publics and specific support (the others have no equivalent). */
const PUBLICS: Record<string, string> = {
  youth: 'jeunes',
  students: 'etudiants',
  families: 'familles',
  seniors: 'seniors',
  women: 'femmes',
  deafness: 'personnes-en-situation-de-handicap',
  motor_disability: 'personnes-en-situation-de-handicap',
  mental_disability: 'personnes-en-situation-de-handicap',
  visual_impairment: 'personnes-en-situation-de-handicap',
};

/** data·inclusion service `types` of the schema's support modes. */
const TYPES: Record<string, string> = { individual: 'accompagnement', workshop: 'atelier', autonomous: 'autonomie' };

/** data·inclusion `modes_mobilisation` of the schema's access modes (online booking needs a link). */
const MOBILISATION: Partial<Record<AccessMode, string>> = {
  walk_in: 'se-presenter',
  phone: 'telephoner',
  email: 'envoyer-un-courriel',
  prescription: 'envoyer-un-courriel',
  online_booking: 'utiliser-lien-mobilisation',
};

export interface DataInclusionOptions {
  /** `source` of places that were not imported. */
  platformName: string;
  /** The place's page and its appointments page (absolute URLs). */
  placeUrl: (slug: string) => string;
  appointmentsUrl: (slug: string) => string;
}

const MIN_DESCRIPTION = 50;
const MAX_DESCRIPTION = 2000;

/** Text between 50 and 2000 characters: the parts joined, then `filler` appended while too short. */
function description(parts: (string | null | undefined)[], filler: string): string {
  let text = parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .join('\n\n');
  if ([...text].length < MIN_DESCRIPTION) text = text ? `${text} ${filler}` : filler;
  const chars = [...text];
  return chars.length > MAX_DESCRIPTION ? chars.slice(0, MAX_DESCRIPTION - 1).join('') + '…' : text;
}

/** A name of 3 to 150 characters that does not end with a dot. */
function dataInclusionName(name: string): string {
  let n = [...name.trim()]
    .slice(0, 150)
    .join('')
    .replace(/[.\s]+$/, '');
  if ([...n].length < 3) n = `${n} – lieu`.trim();
  return n;
}

const nullIfEmpty = <T>(values: T[]): T[] | null => (values.length ? [...new Set(values)] : null);

/** Accepted as an http(s) URL by the schema's `uri` format. */
function url(value: string | null): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? value : null;
  } catch {
    return null;
  }
}

/** The fields a structure and its services share. */
function where(place: PlaceExportRow) {
  const insee = place.insee_code ?? place.municipalityInsee;
  return {
    adresse: place.address,
    complement_adresse: place.address_complement,
    code_postal: /^\d{5}$/.test(place.postcode) ? place.postcode : null,
    code_insee: insee && /^\w{5}$/.test(insee) ? insee : null,
    commune: place.municipality,
    latitude: place.latitude,
    longitude: place.longitude,
    telephone: schemaPhone(place.phone) ?? place.phone,
    courriel: place.email,
  };
}

/** One place as a data·inclusion structure. */
export function placeToStructure(place: PlaceExportRow, options: DataInclusionOptions) {
  const services = codesFromJson('services', place.mediation_services).map((c) => schemaValue('services', c));
  return {
    id: exportId(place),
    source: place.source ?? options.platformName,
    nom: dataInclusionName(place.name),
    description: description(
      [translatedText(place.summary, 'fr'), translatedText(place.details, 'fr')],
      `Lieu de médiation numérique à ${place.municipality}${services.length ? ` : ${services.join(', ')}` : ''}.`,
    ),
    date_maj: isoDate(place.updated_at),
    siret: place.pivot && /^\d{14}$/.test(place.pivot) ? place.pivot : null,
    ...where(place),
    site_web: url(place.website) ?? options.placeUrl(place.slug),
    horaires_accueil: place.opening_hours,
    accessibilite_lieu: null,
    typologie: null,
    labels_nationaux: null,
    labels_autres: null,
  };
}

/** One data·inclusion service per mediation service of the place. */
export function placeToServices(place: PlaceExportRow, options: DataInclusionOptions) {
  const structureId = exportId(place);
  const fees = codesFromJson('fees', place.fees);
  const accessModes = codesFromJson('accessModes', place.access_modes);
  const supportModes = codesFromJson('supportModes', place.support_modes);
  const publics = [...codesFromJson('publics', place.publics), ...codesFromJson('specificSupport', place.specific_support)];
  const onlineBooking = accessModes.includes('online_booking');
  const modesAccueil = [
    ...(accessModes.includes('no_public') && supportModes.every((m) => m === 'remote') && supportModes.length > 0 ? [] : ['en-presentiel']),
    ...(supportModes.includes('remote') ? ['a-distance'] : []),
  ];
  return codesFromJson('services', place.mediation_services).map((service) => {
    const label = schemaValue('services', service);
    return {
      id: `${structureId}--${service.replace(/_/g, '-')}`,
      structure_id: structureId,
      source: place.source ?? options.platformName,
      nom: dataInclusionName(label),
      description: description(
        [`${label} à ${place.name} (${place.municipality}).`, translatedText(place.summary, 'fr')],
        'Accompagnement par les médiateurs numériques du lieu.',
      ),
      date_maj: isoDate(place.updated_at),
      ...where(place),
      types: nullIfEmpty([
        ...supportModes.flatMap((m) => (TYPES[m] ? [TYPES[m]] : [])),
        ...(service === 'internet_access' || service === 'affordable_equipment' ? ['aide-materielle'] : []),
      ]),
      thematiques: [...THEMATIQUES[service]],
      frais: fees.includes('free') || fees.includes('free_conditional') ? 'gratuit' : fees.includes('paid') ? 'payant' : null,
      frais_precisions: fees.includes('free_conditional') ? schemaValue('fees', 'free_conditional') : null,
      publics: nullIfEmpty(publics.flatMap((p) => (PUBLICS[p] ? [PUBLICS[p]] : []))),
      modes_accueil: nullIfEmpty(modesAccueil),
      modes_mobilisation: nullIfEmpty(accessModes.flatMap((m) => (MOBILISATION[m] ? [MOBILISATION[m]] : []))),
      lien_mobilisation: onlineBooking ? options.appointmentsUrl(place.slug) : null,
      mobilisable_par: accessModes.includes('prescription') ? ['usagers', 'professionnels'] : ['usagers'],
      horaires_accueil: place.opening_hours,
    };
  });
}
