/**
 * Demo e-services of the “Housing and building” sector: housing benefit, social housing, permits
 * and household waste.
 */

import type { DemoService } from './taxonomy.js';

/** Housing benefit, the demo’s typical service (first in DEMO_SERVICES). */
export const HOUSING_ALLOWANCE: DemoService = {
  slug: 'housing-allowance',
  organisation: 'family-allowance-office',
  sector: 'housing-and-building',
  lifeEvents: ['looking-for-a-place-to-live', 'moving'],
  name: { en: 'Apply for housing benefit', fr: 'Demander une aide au logement' },
  summary: {
    en: 'A monthly allowance that lowers the rent or loan repayments of people on modest incomes.',
    fr: 'Une aide mensuelle qui réduit le loyer ou les mensualités d’emprunt des personnes aux revenus modestes.',
  },
  description: {
    en: 'Tenants, lodgers and some home-buyers with modest incomes can receive housing benefit. The amount depends on your income, your rent, where you live and who lives with you.\n\nYou need your tenancy agreement, your landlord’s details, your bank details and your income for the last two years.\n\nApply online in about 20 minutes. The first payment arrives about two months after you apply.',
    fr: 'Les locataires, colocataires et certains accédants à la propriété aux revenus modestes peuvent recevoir une aide au logement. Son montant dépend de vos revenus, de votre loyer, de votre lieu de résidence et de la composition de votre foyer.\n\nVous avez besoin de votre bail, des coordonnées de votre propriétaire, de votre RIB et de vos revenus des deux dernières années.\n\nLa demande en ligne prend environ 20 minutes. Le premier versement arrive environ deux mois après la demande.',
  },
  keywords: { en: ['rent', 'housing allowance', 'APL', 'tenant'], fr: ['loyer', 'allocation logement', 'APL', 'locataire'] },
  channels: ['online', 'dps', 'phone', 'in_person'],
  onlineUrl: 'https://caf.vallee-verte.example/aide-logement',
  isFree: true,
  details: {
    audience: {
      en: 'Tenants, lodgers, people living in a residence or a hostel, and some home-buyers, with modest incomes. Students can apply too.',
      fr: 'Les locataires, colocataires, résidents d’un foyer ou d’une résidence, et certains accédants à la propriété, aux revenus modestes. Les étudiants peuvent aussi faire la demande.',
    },
    requirements: {
      en: 'You rent or are buying your main home, where you live at least 8 months a year\nThe home is decent: safe, healthy and at least 9 m² for one person\nYour income is under a ceiling that depends on your household',
      fr: 'Vous louez ou achetez votre résidence principale, où vous vivez au moins 8 mois par an\nLe logement est décent : sûr, sain et d’au moins 9 m² pour une personne\nVos revenus ne dépassent pas un plafond qui dépend de votre foyer',
    },
    evidence: {
      en: 'Your tenancy agreement or loan contract\nYour landlord’s name and address\nYour bank details (IBAN)\nYour income for the last two years, and that of the people who live with you',
      fr: 'Votre bail ou votre contrat de prêt\nLe nom et l’adresse de votre propriétaire\nVotre RIB\nVos revenus des deux dernières années, et ceux des personnes qui vivent avec vous',
    },
    processingTime: 'P2M',
    contactPhone: '+33 3 00 00 01 01',
    contactEmail: 'logement@caf.vallee-verte.example',
    contactPage: 'https://caf.vallee-verte.example/contact',
    contactHours: {
      en: 'Monday to Friday, 9 am to 4.30 pm',
      fr: 'Du lundi au vendredi, de 9 h à 16 h 30',
    },
    languages: ['fr', 'en', 'ar'],
    accessibility: 'partial',
    accessibilityUrl: 'https://caf.vallee-verte.example/accessibilite',
  },
};

/** The sector’s other services, in catalogue order. */
export const HOUSING_AND_BUILDING_SERVICES: DemoService[] = [
  {
    slug: 'apply-for-social-housing',
    organisation: 'county-council',
    sector: 'housing-and-building',
    lifeEvents: ['looking-for-a-place-to-live', 'moving'],
    name: { en: 'Apply for social housing', fr: 'Faire une demande de logement social' },
    summary: {
      en: 'Apply for a low-rent home from the social landlords of Vallée-Verte. One application covers all of them.',
      fr: 'Demandez un logement à loyer modéré auprès des bailleurs sociaux de Vallée-Verte. Une seule demande suffit pour tous.',
    },
    description: {
      en: 'Anyone living legally in France whose income is under the ceilings can apply for social housing. Most households in the county qualify.\n\nYou need an ID or residence permit for each adult and your tax notice from two years ago. Other documents, such as payslips, are asked for later.\n\nApply online in about 30 minutes and get a unique registration number. Renew your application every year. A committee allocates the homes; the average wait in the county is about ten months.',
      fr: 'Toute personne en situation régulière en France dont les revenus ne dépassent pas les plafonds peut demander un logement social. La plupart des ménages du département y ont droit.\n\nVous avez besoin d’une pièce d’identité ou d’un titre de séjour pour chaque adulte et de votre avis d’imposition d’il y a deux ans. D’autres pièces, comme les bulletins de salaire, sont demandées plus tard.\n\nLa demande en ligne prend 30 minutes environ et vous donne un numéro unique d’enregistrement. Renouvelez-la chaque année. Les logements sont attribués par une commission ; l’attente moyenne dans le département est d’environ dix mois.',
    },
    keywords: {
      en: ['social housing', 'council housing', 'HLM', 'low rent'],
      fr: ['logement social', 'HLM', 'demande de logement', 'numéro unique'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/logement-social',
    isFree: true,
    details: {
      audience: {
        en: 'Households whose income is under the social-housing ceilings, whatever their nationality if they live in France legally.',
        fr: 'Les foyers dont les revenus ne dépassent pas les plafonds du logement social, quelle que soit leur nationalité s’ils résident en France de façon régulière.',
      },
      requirements: {
        en: 'Your household’s income is under the ceiling\nYou live in France legally',
        fr: 'Les revenus de votre foyer ne dépassent pas le plafond\nVous résidez en France de façon régulière',
      },
      evidence: {
        en: 'An ID for each adult\nYour last tax notice\nYour current tenancy agreement or proof of address',
        fr: 'Une pièce d’identité pour chaque adulte\nVotre dernier avis d’imposition\nVotre bail actuel ou un justificatif de domicile',
      },
      processingTime: 'P1M',
      contactPhone: '+33 3 00 00 02 01',
      contactEmail: 'logement@vallee-verte.example',
      contactHours: { en: 'Tuesday and Thursday, 9 am to noon', fr: 'Le mardi et le jeudi, de 9 h à 12 h' },
      languages: ['fr'],
      accessibility: 'unknown',
      related: ['housing-allowance'],
    },
  },
  {
    slug: 'apply-for-housing-solidarity-fund',
    organisation: 'county-council',
    sector: 'housing-and-building',
    lifeEvents: ['looking-for-a-place-to-live', 'moving'],
    name: { en: 'Get help with a deposit or unpaid bills (FSL)', fr: 'Demander une aide du fonds de solidarité logement (FSL)' },
    summary: {
      en: 'Help for low-income households to pay a rent deposit, the first month’s rent, rent arrears, or energy and water bills.',
      fr: 'Une aide pour les ménages modestes : dépôt de garantie, premier loyer, impayés de loyer ou factures d’énergie et d’eau.',
    },
    description: {
      en: 'Low-income households who are moving into a home, or who can no longer pay their rent or their energy and water bills, can ask the housing solidarity fund for help. It can be a grant or an interest-free loan.\n\nYou need your ID, your income for the last three months, your tenancy agreement or details of the new home, and any unpaid bills.\n\nA social worker helps you prepare the application, online or at a Digital Public Space. A committee meets every month; the decision usually arrives within six weeks.',
      fr: 'Les ménages aux revenus modestes qui entrent dans un logement, ou qui n’arrivent plus à payer leur loyer ou leurs factures d’énergie et d’eau, peuvent demander l’aide du FSL. Elle prend la forme d’une subvention ou d’un prêt sans intérêt.\n\nVous avez besoin de votre pièce d’identité, de vos ressources des trois derniers mois, de votre bail ou des informations sur le futur logement et, le cas échéant, des factures impayées.\n\nUn travailleur social vous aide à constituer le dossier, en ligne ou dans un espace public numérique. Une commission se réunit chaque mois ; la décision arrive en général sous six semaines.',
    },
    keywords: {
      en: ['FSL', 'deposit', 'rent arrears', 'energy bill', 'housing help'],
      fr: ['FSL', 'dépôt de garantie', 'impayés de loyer', 'facture d’énergie', 'aide au logement'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/fsl',
    isFree: true,
  },
  {
    slug: 'apply-for-building-permit',
    organisation: 'city-of-saint-aubin',
    sector: 'housing-and-building',
    lifeEvents: [],
    name: { en: 'Apply for a building permit', fr: 'Demander un permis de construire' },
    summary: {
      en: 'The permission you need to build a house, add a large extension or change the use of a building in Saint-Aubin-sur-Verte.',
      fr: 'L’autorisation nécessaire pour construire une maison, réaliser une grande extension ou changer la destination d’un bâtiment à Saint-Aubin-sur-Verte.',
    },
    description: {
      en: 'You need a building permit to build a new house, to add more than 40 m² to a building in the urban area (20 m² elsewhere), or to change the use of a building while altering its structure or front.\n\nYou need the official form, a location plan, a site plan, a cross-section, drawings of the outside walls and photos of the site. An architect is required above 150 m².\n\nSubmit your application online; it is free. The city checks that it is complete within one month and decides within two months for a house, three months for other works.',
      fr: 'Un permis de construire est nécessaire pour construire une maison, pour agrandir un bâtiment de plus de 40 m² en zone urbaine (20 m² ailleurs) ou pour changer la destination d’un bâtiment en modifiant sa structure ou sa façade.\n\nVous avez besoin du formulaire Cerfa, d’un plan de situation, d’un plan de masse, d’un plan en coupe, des plans des façades et de photos du terrain. Le recours à un architecte est obligatoire au-delà de 150 m².\n\nDéposez votre dossier en ligne, gratuitement. La Ville vérifie qu’il est complet sous un mois et rend sa décision en deux mois pour une maison individuelle, trois mois pour les autres travaux.',
    },
    keywords: {
      en: ['building permit', 'planning permission', 'construction', 'extension', 'house'],
      fr: ['permis de construire', 'PC', 'urbanisme', 'construction', 'agrandissement'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/urbanisme/permis-de-construire',
    isFree: true,
  },
  {
    slug: 'declare-small-building-works',
    organisation: 'city-of-saint-aubin',
    sector: 'housing-and-building',
    lifeEvents: [],
    name: { en: 'Declare small building works', fr: 'Déposer une déclaration préalable de travaux' },
    summary: {
      en: 'The simpler application for small works: a fence, a garden shed, new windows, solar panels or a small extension.',
      fr: 'La démarche simplifiée pour les petits travaux : clôture, abri de jardin, changement de fenêtres, panneaux solaires ou petite extension.',
    },
    description: {
      en: 'Owners must make this declaration for works that change the outside of a building or create 5 to 20 m² of floor space (up to 40 m² in the urban area). Near a listed monument, more works are covered.\n\nYou need the official form, a location plan, a drawing of the project and photos of the building as it is now.\n\nSubmit it online; it is free. If you have no answer within one month (two months near a listed monument), your works are allowed.',
      fr: 'Les propriétaires doivent faire cette déclaration pour les travaux qui modifient l’aspect extérieur d’un bâtiment ou qui créent entre 5 et 20 m² de surface (jusqu’à 40 m² en zone urbaine). Près d’un monument historique, davantage de travaux sont concernés.\n\nVous avez besoin du formulaire Cerfa, d’un plan de situation, d’un plan ou croquis du projet et de photos de l’état actuel.\n\nDéposez la déclaration en ligne, gratuitement. Sans réponse sous un mois (deux mois près d’un monument historique), vos travaux sont autorisés.',
    },
    keywords: {
      en: ['prior declaration', 'small works', 'fence', 'garden shed', 'solar panels'],
      fr: ['déclaration préalable', 'DP', 'travaux', 'clôture', 'abri de jardin', 'panneaux solaires'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/urbanisme/declaration-prealable',
    isFree: true,
  },
  {
    slug: 'apply-for-county-road-permit',
    organisation: 'county-council',
    sector: 'housing-and-building',
    lifeEvents: [],
    name: { en: 'Ask permission to work on a county road', fr: 'Demander une permission de voirie sur une route départementale' },
    summary: {
      en: 'Needed before you dig, create a driveway, put up scaffolding or place a skip on or beside a county road.',
      fr: 'Obligatoire avant de creuser, créer un accès, installer un échafaudage ou poser une benne sur une route départementale ou en bordure.',
    },
    description: {
      en: 'Residents, businesses and utility companies need permission before occupying or working on a county road or its verges, for example to create a driveway, connect to the water network or put up scaffolding.\n\nYou need the application form, a location plan, a drawing of the works and, for a driveway, a photo of the site.\n\nApply online at least one month before the works. The county roads department replies within two months and can set conditions on signs and traffic.',
      fr: 'Particuliers, entreprises et gestionnaires de réseaux doivent obtenir une autorisation avant d’occuper une route départementale ou ses accotements, ou d’y faire des travaux, par exemple pour créer un accès, se raccorder au réseau d’eau ou installer un échafaudage.\n\nVous avez besoin du formulaire de demande, d’un plan de situation, d’un plan des travaux et, pour un accès, d’une photo des lieux.\n\nFaites la demande en ligne au moins un mois avant les travaux. Le service des routes du Département répond sous deux mois et peut fixer des conditions de signalisation et de circulation.',
    },
    keywords: {
      en: ['road permit', 'roadworks', 'driveway', 'scaffolding', 'skip'],
      fr: ['permission de voirie', 'permis de stationnement', 'accès', 'échafaudage', 'benne', 'route départementale'],
    },
    channels: ['online', 'phone', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/routes/permission-de-voirie',
    isFree: true,
  },
  {
    slug: 'order-a-waste-bin',
    organisation: 'city-of-saint-aubin',
    sector: 'housing-and-building',
    lifeEvents: ['moving'],
    name: { en: 'Order or replace a waste bin', fr: 'Commander ou remplacer un bac à déchets' },
    summary: {
      en: 'Get household waste and recycling bins when you move in, or replace a broken or stolen one.',
      fr: 'Obtenez vos bacs d’ordures ménagères et de tri à votre arrivée, ou remplacez un bac cassé ou volé.',
    },
    description: {
      en: 'Every household in Saint-Aubin-sur-Verte has a grey bin for general waste and a yellow bin for recycling. New residents and households whose bin is broken or stolen can ask for one.\n\nYou only need your address and, for a stolen bin, the date it disappeared. The size of the bin depends on how many people live in your home.\n\nOrder online in a few minutes. The bin is delivered within ten working days. Collection days for your street appear as soon as you enter your address.',
      fr: 'Chaque foyer de Saint-Aubin-sur-Verte dispose d’un bac gris pour les ordures ménagères et d’un bac jaune pour le tri. Les nouveaux habitants et les foyers dont le bac est cassé ou volé peuvent en demander un.\n\nIl suffit de votre adresse et, pour un vol, de la date de disparition. La taille du bac dépend du nombre de personnes dans le foyer.\n\nLa commande en ligne prend quelques minutes. Le bac est livré sous dix jours ouvrés. Les jours de collecte de votre rue s’affichent dès que vous saisissez votre adresse.',
    },
    keywords: {
      en: ['bin', 'waste collection', 'recycling', 'rubbish', 'collection days'],
      fr: ['poubelle', 'bac', 'collecte des déchets', 'tri', 'ordures ménagères'],
    },
    channels: ['online', 'dps', 'phone'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/dechets/bacs',
    isFree: true,
  },
];
