/**
 * The demo Digital Public Spaces of Vallée-Verte. Mediation services use codes for the nine
 * services of the "lieux de médiation numérique" schema (see places.model.ts).
 */

import type { AccessMode, Accessibility, Equipment, Fee, MediationService, Public, SpecificSupport, SupportMode } from './places.model.js';

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
  /** Longer presentation (optional in the schema). */
  details?: { en: string; fr: string };
  services: MediationService[];
  publics: Public[];
  specificSupport: SpecificSupport[];
  fees: Fee[];
  accessModes: AccessMode[];
  supportModes: SupportMode[];
  equipment: Equipment[];
  accessibility: Accessibility[];
  /** SIRET of the structure (the schema's `pivot`), when known. */
  pivot?: string;
  website?: string;
  mobile?: boolean;
}

/** Every demo place is in Saône-et-Loire (Bourgogne-Franche-Comté), on Paris time. */
export const DEMO_PLACE_CLOCK = { country: 'FR', region: 'FR-BFC', timeZone: 'Europe/Paris' } as const;

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
    openingHours: 'Tu,We,Fr 10:00-12:30,14:00-18:00; Th 10:00-12:30,14:00-20:00; Sa 10:00-17:00; PH off',
    phone: '+33 3 85 00 21 10',
    email: 'numerique@mediatheque-saint-aubin.example',
    summary: {
      en: 'Ten public computers, free Wi-Fi and two digital mediators who help with online forms, email and smartphones.',
      fr: 'Dix ordinateurs en libre accès, Wi-Fi gratuit et deux médiateurs numériques pour les démarches en ligne, le courriel et le smartphone.',
    },
    services: ['admin_procedures', 'everyday_tools', 'internet_access', 'online_safety'],
    publics: ['seniors', 'families', 'students'],
    specificSupport: ['visual_impairment', 'illiteracy'],
    fees: ['free'],
    accessModes: ['walk_in', 'phone', 'online_booking'],
    supportModes: ['autonomous', 'individual', 'workshop'],
    equipment: ['computers', 'printers', 'scanners', 'wifi', 'tablets', 'headsets'],
    accessibility: ['step_free', 'wheelchair', 'accessible_toilets', 'hearing_loop'],
    pivot: '21710400100015',
    website: 'https://mediatheque-saint-aubin.example/numerique',
    details: {
      en: 'Drop in during opening hours to use a computer on your own, or book a one-to-one session with a mediator (45 minutes) for an online form, your email or your smartphone. Screen readers and large keyboards on two computers. Late opening until 8 pm on Thursdays.',
      fr: 'Venez aux heures d’ouverture utiliser un ordinateur en autonomie, ou prenez rendez-vous avec un médiateur (45 minutes) pour une démarche en ligne, votre courriel ou votre smartphone. Lecteurs d’écran et claviers à grosses touches sur deux postes. Nocturne jusqu’à 20 h le jeudi.',
    },
  },
  {
    slug: 'centre-social-les-tilleuls',
    name: 'Centre social des Tilleuls',
    municipality: 'saint-aubin-sur-verte',
    organisation: null,
    address: '5 place des Tilleuls',
    postcode: '71400',
    lat: 46.7856,
    lng: 4.4391,
    openingHours: 'Mo,Tu,Th,Fr 09:00-12:00,13:30-19:00; We 09:00-12:00; PH off',
    phone: '+33 3 85 00 24 30',
    email: 'accueil@centresocial-tilleuls.example',
    summary: {
      en: 'Six computers, a printer and a scanner, and a mediator who helps with online forms by appointment. Workshops for parents on screens and school apps, and refurbished computers at low prices.',
      fr: 'Six ordinateurs, une imprimante et un scanner, et une médiatrice qui aide aux démarches en ligne sur rendez-vous. Ateliers parents sur les écrans et l’ENT, et ordinateurs reconditionnés à petit prix.',
    },
    services: ['admin_procedures', 'everyday_tools', 'parenting', 'internet_access', 'affordable_equipment'],
    publics: ['families', 'women', 'youth'],
    specificSupport: ['other_languages', 'illiteracy'],
    fees: ['free', 'free_conditional'],
    accessModes: ['walk_in', 'phone', 'prescription'],
    supportModes: ['individual', 'workshop'],
    equipment: ['computers', 'printers', 'scanners', 'wifi'],
    accessibility: ['step_free', 'wheelchair', 'accessible_toilets'],
    details: {
      en: 'Help with online forms is free and by appointment; refurbished computers are sold at a solidarity price to families on low incomes (ask the reception). Volunteers speak Arabic, Turkish and Portuguese.',
      fr: 'L’aide aux démarches en ligne est gratuite, sur rendez-vous ; les ordinateurs reconditionnés sont vendus à prix solidaire aux familles aux revenus modestes (renseignez-vous à l’accueil). Des bénévoles parlent arabe, turc et portugais.',
    },
  },
  {
    slug: 'espace-services-publics-saint-aubin',
    name: 'Espace services publics de l’hôtel de ville',
    municipality: 'saint-aubin-sur-verte',
    organisation: 'city-of-saint-aubin',
    address: '1 place de l’Hôtel-de-Ville',
    postcode: '71400',
    lat: 46.7919,
    lng: 4.4318,
    openingHours: 'Mo-Fr 08:30-12:00,13:30-17:30; Sa 09:00-12:00; PH off',
    phone: '+33 3 85 00 20 50',
    email: 'services-publics@saint-aubin-sur-verte.example',
    summary: {
      en: 'A one-stop counter where two trained staff help with family allowance, employment, tax, health insurance and ID procedures. Four computers, a scanner and video calls with partner offices.',
      fr: 'Un guichet unique où deux agents formés accompagnent les démarches CAF, emploi, impôts, assurance maladie et papiers d’identité. Quatre ordinateurs, un scanner et des rendez-vous en visio avec les organismes partenaires.',
    },
    services: ['admin_procedures', 'internet_access', 'everyday_tools', 'employment'],
    publics: ['seniors', 'youth', 'families'],
    specificSupport: ['deafness', 'motor_disability', 'english'],
    fees: ['free'],
    accessModes: ['walk_in', 'phone', 'email', 'online_booking'],
    supportModes: ['individual', 'autonomous', 'remote'],
    equipment: ['computers', 'scanners', 'printers', 'wifi', 'headsets'],
    accessibility: ['step_free', 'wheelchair', 'accessible_toilets', 'hearing_loop', 'sign_language', 'parking'],
    pivot: '21710400100023',
    website: 'https://saint-aubin-sur-verte.example/espace-services-publics',
  },
  {
    slug: 'point-information-jeunesse-saint-aubin',
    name: 'Point Information Jeunesse',
    municipality: 'saint-aubin-sur-verte',
    organisation: 'city-of-saint-aubin',
    address: '8 rue Victor-Hugo',
    postcode: '71400',
    lat: 46.7948,
    lng: 4.4275,
    openingHours: 'Tu,Th,Fr 13:30-19:00; We 10:00-12:00,13:30-19:00; Sa 14:00-17:00; PH off',
    phone: '+33 3 85 00 26 40',
    email: 'pij@saint-aubin-sur-verte.example',
    summary: {
      en: 'For 15- to 30-year-olds: free computers and Wi-Fi, help with CVs, job, training and university applications and student grants, and workshops on social networks, online safety and video making.',
      fr: 'Pour les 15-30 ans : ordinateurs et Wi-Fi gratuits, aide pour le CV, les candidatures, Parcoursup et les bourses, et ateliers sur les réseaux sociaux, la sécurité en ligne et la vidéo.',
    },
    services: ['employment', 'internet_access', 'online_safety', 'digital_culture', 'leisure'],
    publics: ['youth', 'students'],
    specificSupport: ['english', 'other_languages'],
    fees: ['free'],
    accessModes: ['walk_in', 'email', 'online_booking'],
    supportModes: ['autonomous', 'individual', 'workshop'],
    equipment: ['computers', 'printers', 'wifi'],
    accessibility: ['step_free', 'wheelchair'],
  },
  {
    slug: 'maison-pour-tous-mont-rivel',
    name: 'Maison pour tous de Mont-Rivel',
    municipality: 'mont-rivel',
    organisation: null,
    address: '14 avenue de la Gare',
    postcode: '71410',
    lat: 46.8461,
    lng: 4.3049,
    openingHours: 'Mo,We,Fr 09:00-12:00,14:00-18:00; Tu,Th 14:00-20:00; Sa 09:30-12:30; PH off',
    phone: '+33 3 85 47 12 60',
    email: 'contact@maisonpourtous-montrivel.example',
    summary: {
      en: 'Community centre housing the town library and a room with eight computers. A mediator runs beginners’ workshops and evening job-search sessions and helps with online forms. Refurbished laptops for sale.',
      fr: 'Centre social qui abrite la bibliothèque municipale et une salle de huit ordinateurs. Un médiateur anime des ateliers débutants et des soirées recherche d’emploi, et aide aux démarches en ligne. Vente de portables reconditionnés.',
    },
    services: ['everyday_tools', 'admin_procedures', 'employment', 'internet_access', 'affordable_equipment', 'leisure'],
    publics: ['seniors', 'families', 'youth'],
    specificSupport: ['motor_disability', 'illiteracy'],
    fees: ['free', 'paid'],
    accessModes: ['walk_in', 'phone'],
    supportModes: ['workshop', 'individual', 'autonomous'],
    equipment: ['computers', 'printers', 'scanners', 'wifi'],
    accessibility: ['step_free', 'wheelchair', 'accessible_toilets', 'parking'],
    pivot: 'W713001234',
    details: {
      en: 'Beginners’ workshops cost 2 euros a session (free for jobseekers); everything else is free. Evening job-search sessions on Tuesdays and Thursdays until 8 pm.',
      fr: 'Les ateliers débutants coûtent 2 euros la séance (gratuits pour les demandeurs d’emploi) ; tout le reste est gratuit. Soirées recherche d’emploi les mardis et jeudis jusqu’à 20 h.',
    },
  },
  {
    slug: 'mairie-mont-rivel',
    name: 'Mairie de Mont-Rivel – point numérique',
    municipality: 'mont-rivel',
    organisation: null,
    address: '2 place du Marché',
    postcode: '71410',
    lat: 46.8443,
    lng: 4.3078,
    openingHours: 'Mo,We,Fr 08:30-12:00; Tu,Th 08:30-12:00,14:00-17:00; PH off',
    phone: '+33 3 85 47 10 00',
    email: 'accueil@mont-rivel.example',
    summary: {
      en: 'A public computer with a scanner at the town hall reception, and a digital mediator on Tuesday and Thursday afternoons who helps with online procedures, by appointment.',
      fr: 'Un poste informatique avec scanner à l’accueil de la mairie, et une médiatrice numérique les mardis et jeudis après-midi pour aider aux démarches en ligne, sur rendez-vous.',
    },
    services: ['admin_procedures', 'internet_access', 'everyday_tools'],
    publics: ['seniors'],
    specificSupport: ['motor_disability'],
    fees: ['free'],
    accessModes: ['phone', 'walk_in'],
    supportModes: ['individual', 'autonomous'],
    equipment: ['computers', 'scanners'],
    accessibility: ['step_free', 'wheelchair', 'parking'],
  },
  {
    slug: 'bibliotheque-les-ormeaux',
    name: 'Bibliothèque des Ormeaux – coin numérique',
    municipality: 'les-ormeaux',
    organisation: null,
    address: '3 rue de l’Église',
    postcode: '71420',
    lat: 46.7391,
    lng: 4.5519,
    openingHours: 'We 14:00-18:00; Sa 10:00-12:00; PH off',
    phone: '+33 3 85 49 03 12',
    email: 'bibliotheque@lesormeaux.example',
    summary: {
      en: 'Two computers, a tablet and Wi-Fi in the village library, run by volunteers. A county mediator comes on Wednesday afternoons to help with email, smartphones and online forms.',
      fr: 'Deux ordinateurs, une tablette et le Wi-Fi à la bibliothèque du village, tenue par des bénévoles. Un médiateur du Département vient le mercredi après-midi pour le courriel, le smartphone et les démarches.',
    },
    services: ['internet_access', 'everyday_tools', 'admin_procedures'],
    publics: ['seniors', 'families'],
    specificSupport: [],
    fees: ['free'],
    accessModes: ['walk_in'],
    supportModes: ['autonomous', 'individual'],
    equipment: ['computers', 'tablets', 'wifi'],
    accessibility: ['step_free'],
  },
  {
    slug: 'club-des-aines-les-ormeaux',
    name: 'Club des aînés du Lavoir',
    municipality: 'les-ormeaux',
    organisation: null,
    address: '12 chemin du Lavoir',
    postcode: '71420',
    lat: 46.7372,
    lng: 4.5548,
    openingHours: 'Tu,Th 14:00-17:00; PH off',
    phone: '+33 3 85 49 05 40',
    email: 'club.aines@lesormeaux.example',
    summary: {
      en: 'Friendly afternoons for seniors to get to grips with smartphones and tablets, with tablets on loan: video calls with family, photos, spotting scams and booking a doctor online.',
      fr: 'Des après-midi conviviaux pour apprivoiser smartphone et tablette, avec des tablettes prêtées : appels vidéo avec la famille, photos, repérer les arnaques et prendre rendez-vous chez le médecin en ligne.',
    },
    services: ['everyday_tools', 'online_safety', 'leisure', 'admin_procedures'],
    publics: ['seniors'],
    specificSupport: ['deafness', 'visual_impairment'],
    fees: ['free_conditional'],
    accessModes: ['phone', 'walk_in'],
    supportModes: ['workshop'],
    equipment: ['tablets', 'wifi'],
    accessibility: ['step_free', 'accessible_toilets', 'hearing_loop'],
    mobile: true,
    details: {
      en: 'Open to members of the club (membership 10 euros a year). The club also visits the hamlets of Les Ormeaux with its tablets once a month.',
      fr: 'Réservé aux adhérents du club (adhésion 10 euros par an). Le club se déplace aussi une fois par mois dans les hameaux des Ormeaux avec ses tablettes.',
    },
  },
];
