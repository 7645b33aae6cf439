/**
 * The demo catalogue's taxonomy — the five E-COOP sectors and the CPSV-AP life events — and the
 * shape of a demo service, which the per-sector files beside this one fill in.
 */

import type { Channel, ServiceInput } from '../services.model.js';

export type { Channel };
/** A text in both languages of the demo territory. */
export type Bilingual = { en: string; fr: string };

/** The five E-COOP sectors, in the order the catalogue lists them. */
export const DEMO_SECTORS: { slug: string; name: Bilingual; description: Bilingual }[] = [
  {
    slug: 'social-and-health-care',
    name: { en: 'Social and health care', fr: 'Social et santé' },
    description: {
      en: 'Benefits, care for older and disabled people, health insurance and support for families.',
      fr: 'Aides sociales, accompagnement des personnes âgées et handicapées, assurance maladie et soutien aux familles.',
    },
  },
  {
    slug: 'housing-and-building',
    name: { en: 'Housing and building', fr: 'Logement et urbanisme' },
    description: {
      en: 'Finding a home, housing allowances, social housing, building permits and energy renovation.',
      fr: 'Trouver un logement, aides au logement, logement social, permis de construire et rénovation énergétique.',
    },
  },
  {
    slug: 'employment',
    name: { en: 'Employment', fr: 'Emploi' },
    description: {
      en: 'Registering as a job seeker, unemployment benefits, training and starting a business.',
      fr: 'S’inscrire comme demandeur d’emploi, allocations chômage, formation et création d’entreprise.',
    },
  },
  {
    slug: 'education',
    name: { en: 'Education', fr: 'Éducation' },
    description: {
      en: 'School enrolment, canteens and after-school care, school transport, grants and adult learning.',
      fr: 'Inscription scolaire, cantine et périscolaire, transport scolaire, bourses et formation des adultes.',
    },
  },
  {
    slug: 'democracy-and-participation',
    name: { en: 'Democracy and participation', fr: 'Démocratie et participation' },
    description: {
      en: 'Registering to vote, petitions, participatory budgets, public consultations and council meetings.',
      fr: 'Inscription sur les listes électorales, pétitions, budgets participatifs, consultations et conseils municipaux.',
    },
  },
];

/** The CPSV-AP life events services are filed under. */
export const DEMO_LIFE_EVENTS: { slug: string; name: Bilingual }[] = [
  { slug: 'having-a-child', name: { en: 'I am having a child', fr: 'J’attends un enfant' } },
  { slug: 'looking-for-a-place-to-live', name: { en: 'I am looking for a place to live', fr: 'Je cherche un logement' } },
  { slug: 'losing-a-job', name: { en: 'I lost my job', fr: 'J’ai perdu mon emploi' } },
  { slug: 'looking-for-a-job', name: { en: 'I am looking for a job', fr: 'Je cherche un emploi' } },
  { slug: 'starting-education', name: { en: 'My child is starting school', fr: 'Mon enfant entre à l’école' } },
  { slug: 'becoming-a-caretaker', name: { en: 'I care for a relative', fr: 'J’aide un proche' } },
  { slug: 'retirement', name: { en: 'I am retiring', fr: 'Je prends ma retraite' } },
  { slug: 'health-problem', name: { en: 'I have a health problem', fr: 'J’ai un problème de santé' } },
  { slug: 'moving', name: { en: 'I am moving house', fr: 'Je déménage' } },
  { slug: 'death-of-a-relative', name: { en: 'A relative has died', fr: 'Un proche est décédé' } },
];

/** A demo e-service as the seed writes it, before it becomes a ServiceInput. */
export interface DemoService {
  slug: string;
  /** Slug of an organisation in territory/demo-data.ts. */
  organisation: 'county-council' | 'city-of-saint-aubin' | 'employment-agency' | 'family-allowance-office';
  /** Slug of a sector above. */
  sector: string;
  /** Slugs of life events above. */
  lifeEvents: string[];
  name: Bilingual;
  /** One or two plain-language sentences: what it is and who it is for. */
  summary: Bilingual;
  /** A few short paragraphs (separated by blank lines): who it is for, what you need, how it works. */
  description: Bilingual;
  keywords: { en: string[]; fr: string[] };
  channels: Channel[];
  onlineUrl: string | null;
  isFree: boolean;
  /** The other CPSV-AP fields a service page shows (requirements, cost, contact…), when known. */
  details?: Partial<
    Omit<
      ServiceInput,
      | 'slug'
      | 'organisation'
      | 'sector'
      | 'lifeEvents'
      | 'name'
      | 'summary'
      | 'description'
      | 'keywords'
      | 'channels'
      | 'onlineUrl'
      | 'isFree'
    >
  >;
}
