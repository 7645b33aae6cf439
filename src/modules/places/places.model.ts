/**
 * The vocabularies of a Digital Public Space, after the "lieux de médiation numérique" Table Schema
 * (LaMednum/standard-mediation-num v1.0) and data·inclusion. Each value has a stable code (stored,
 * used in URLs, filters and the JSON API), the schema's exact French value (used in the CSV export
 * and read by the import) and a label in each locale (`places.vocab.<vocabulary>.<code>` in the
 * catalogs). Pure: no I/O.
 */

/** The schema's nine mediation services. */
export const MEDIATION_SERVICES = {
  admin_procedures: 'Aide aux démarches administratives',
  everyday_tools: 'Maîtrise des outils numériques du quotidien',
  employment: 'Insertion professionnelle via le numérique',
  online_safety: 'Utilisation sécurisée du numérique',
  parenting: 'Parentalité et éducation avec le numérique',
  leisure: 'Loisirs et créations numériques',
  digital_culture: 'Compréhension du monde numérique',
  internet_access: 'Accès internet et matériel informatique',
  affordable_equipment: 'Acquisition de matériel informatique à prix solidaire',
} as const;

/** `publics_specifiquement_adresses`. */
export const PUBLICS = {
  youth: 'Jeunes',
  students: 'Étudiants',
  families: 'Familles et/ou enfants',
  seniors: 'Seniors',
  women: 'Femmes',
} as const;

/** `prise_en_charge_specifique`. */
export const SPECIFIC_SUPPORT = {
  deafness: 'Surdité',
  motor_disability: 'Handicaps moteurs',
  mental_disability: 'Handicaps mentaux',
  illiteracy: 'Illettrisme',
  english: 'Langues étrangères (anglais)',
  other_languages: 'Langues étrangères (autres)',
  visual_impairment: 'Déficience visuelle',
} as const;

/** `frais_a_charge`. */
export const FEES = {
  free: 'Gratuit',
  free_conditional: 'Gratuit sous condition',
  paid: 'Payant',
} as const;

/** `modalites_acces`. */
export const ACCESS_MODES = {
  walk_in: 'Se présenter',
  phone: 'Téléphoner',
  email: 'Contacter par mail',
  online_booking: 'Prendre un RDV en ligne',
  no_public: "Ce lieu n'accueille pas de public",
  prescription: 'Envoyer un mail avec une fiche de prescription',
} as const;

/** `modalites_accompagnement`. */
export const SUPPORT_MODES = {
  autonomous: 'En autonomie',
  individual: 'Accompagnement individuel',
  workshop: 'Dans un atelier collectif',
  remote: 'À distance',
} as const;

/** Equipment available to the public (E-COOP's own list; not in the national schema). */
export const EQUIPMENT = {
  computers: 'Ordinateurs',
  printers: 'Imprimantes',
  scanners: 'Scanners',
  wifi: 'Wi-Fi',
  tablets: 'Tablettes',
  headsets: 'Casques audio',
} as const;

/** Venue accessibility (after Acceslibre's main criteria; `fiche_acces_libre` links the full sheet). */
export const ACCESSIBILITY = {
  step_free: 'Entrée de plain-pied',
  wheelchair: 'Accessible en fauteuil roulant',
  accessible_toilets: 'Toilettes adaptées',
  hearing_loop: 'Boucle à induction magnétique',
  sign_language: 'Accueil en langue des signes',
  parking: 'Stationnement adapté',
} as const;

export const VOCABULARIES = {
  services: MEDIATION_SERVICES,
  publics: PUBLICS,
  specificSupport: SPECIFIC_SUPPORT,
  fees: FEES,
  accessModes: ACCESS_MODES,
  supportModes: SUPPORT_MODES,
  equipment: EQUIPMENT,
  accessibility: ACCESSIBILITY,
} as const;
export type VocabularyName = keyof typeof VOCABULARIES;
export type VocabularyCode<V extends VocabularyName> = keyof (typeof VOCABULARIES)[V] & string;

export type MediationService = keyof typeof MEDIATION_SERVICES;
export type Public = keyof typeof PUBLICS;
export type SpecificSupport = keyof typeof SPECIFIC_SUPPORT;
export type Fee = keyof typeof FEES;
export type AccessMode = keyof typeof ACCESS_MODES;
export type SupportMode = keyof typeof SUPPORT_MODES;
export type Equipment = keyof typeof EQUIPMENT;
export type Accessibility = keyof typeof ACCESSIBILITY;

/** The codes of a vocabulary, in its order. */
export function codesOf<V extends VocabularyName>(vocabulary: V): VocabularyCode<V>[] {
  return Object.keys(VOCABULARIES[vocabulary]) as VocabularyCode<V>[];
}

/** Whether `value` is a code of `vocabulary`. */
export function isCode<V extends VocabularyName>(vocabulary: V, value: unknown): value is VocabularyCode<V> {
  return typeof value === 'string' && Object.hasOwn(VOCABULARIES[vocabulary], value);
}

/** The schema's French value of a code. */
export function schemaValue<V extends VocabularyName>(vocabulary: V, code: VocabularyCode<V>): string {
  return (VOCABULARIES[vocabulary] as Record<string, string>)[code]!;
}

/** The code of a schema value, comparing without case, accents or spacing differences; null if unknown. */
export function codeOfSchemaValue<V extends VocabularyName>(vocabulary: V, value: string): VocabularyCode<V> | null {
  const wanted = normaliseVocabularyValue(value);
  for (const [code, french] of Object.entries(VOCABULARIES[vocabulary])) {
    if (normaliseVocabularyValue(french) === wanted || code === value.trim()) return code as VocabularyCode<V>;
  }
  return null;
}

function normaliseVocabularyValue(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Workshop levels. */
export const WORKSHOP_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export type WorkshopLevel = (typeof WORKSHOP_LEVELS)[number];

/** Registration states. */
export type RegistrationStatus = 'registered' | 'waitlisted' | 'cancelled';

/** Limits shared by forms, the API and the import. */
export const PLACE_LIMITS = {
  name: 200,
  summary: 280,
  details: 5000,
  address: 300,
  openingHours: 500,
  workshopTitle: 150,
  workshopDescription: 3000,
  workshopCapacity: 200,
  workshopMinutes: { min: 15, max: 8 * 60 },
  slotMinutes: { min: 10, max: 4 * 60 },
  need: 1000,
} as const;

/** A place's translated text (summary, details) in `locale`, falling back to French then any. */
export function translatedText(json: string, locale: string): string {
  try {
    const value = JSON.parse(json) as Record<string, string>;
    return value[locale] || value.fr || value.en || Object.values(value)[0] || '';
  } catch {
    return '';
  }
}

/** A JSON array column as a list of known codes (unknown values are dropped). */
export function codesFromJson<V extends VocabularyName>(vocabulary: V, json: string): VocabularyCode<V>[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((c): c is VocabularyCode<V> => isCode(vocabulary, c)) : [];
  } catch {
    return [];
  }
}
