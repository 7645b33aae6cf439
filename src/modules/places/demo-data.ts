/**
 * The demo Digital Public Spaces of Vallée-Verte. Mediation services use codes for the nine
 * services of the "lieux de médiation numérique" schema (see places.model.ts).
 */

import type { MediationService } from './places.model.js';

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
  },
];
