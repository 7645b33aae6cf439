/**
 * The demo Digital Public Spaces of Vallée-Verte. Mediation services use codes for the nine
 * services of the "lieux de médiation numérique" schema (see MEDIATION_SERVICES).
 */

/** Codes for the schema's nine services, with the exact French value used in exports. */
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
export type MediationService = keyof typeof MEDIATION_SERVICES;

export interface DemoPlace {
  slug: string;
  name: string;
  /** Slug of a municipality in territory/demo-data.ts. */
  municipality: 'saint-aubin-sur-verte' | 'mont-rivel' | 'les-ormeaux';
  organisation: 'county-council' | 'city-of-saint-aubin' | 'employment-agency' | 'family-allowance-office' | null;
  address: string;
  postcode: string;
  lat: number;
  lng: number;
  /** OSM opening_hours, e.g. `Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off`. */
  openingHours: string;
  phone: string;
  email: string;
  summary: { en: string; fr: string };
  services: MediationService[];
}

export const DEMO_PLACES: DemoPlace[] = [
  {
    slug: 'mediatheque-saint-aubin',
    name: 'Médiathèque Jean-Rostand',
    municipality: 'saint-aubin-sur-verte',
    organisation: 'city-of-saint-aubin',
    address: '12 rue de la République',
    postcode: '71400',
    lat: 46.7932,
    lng: 4.4298,
    openingHours: 'Tu-Fr 10:00-12:30,14:00-18:30; Sa 10:00-17:00; PH off',
    phone: '+33 3 85 00 21 10',
    email: 'numerique@mediatheque-saint-aubin.example',
    summary: {
      en: 'Ten public computers, free Wi-Fi and two digital mediators who help with online forms, email and smartphones.',
      fr: 'Dix ordinateurs en libre accès, Wi-Fi gratuit et deux médiateurs numériques pour les démarches en ligne, le courriel et le smartphone.',
    },
    services: ['admin_procedures', 'everyday_tools', 'internet_access', 'online_safety'],
  },
];
