/**
 * Word lists for generated e-services, aligned across languages: the same index in every language
 * says the same thing. French and Spanish noun phrases carry their article, so that "action +
 * topic + audience" reads as a sentence in every language.
 */
import type { Tr } from './text.js';

export const SECTORS: { slug: string; name: Tr; description: Tr }[] = [
  {
    slug: 'social-and-health-care',
    name: { en: 'Social and health care', fr: 'Social et santé', es: 'Servicios sociales y salud' },
    description: {
      en: 'Benefits, care for older and disabled people, health insurance and support for families.',
      fr: 'Aides sociales, accompagnement des personnes âgées et handicapées, assurance maladie et soutien aux familles.',
      es: 'Prestaciones, atención a personas mayores y con discapacidad, seguro de salud y apoyo a las familias.',
    },
  },
  {
    slug: 'housing-and-building',
    name: { en: 'Housing and building', fr: 'Logement et urbanisme', es: 'Vivienda y urbanismo' },
    description: {
      en: 'Finding a home, housing allowances, social housing, building permits and energy renovation.',
      fr: 'Trouver un logement, aides au logement, logement social, permis de construire et rénovation énergétique.',
      es: 'Encontrar vivienda, ayudas al alquiler, vivienda social, licencias de obra y rehabilitación energética.',
    },
  },
  {
    slug: 'employment',
    name: { en: 'Employment', fr: 'Emploi', es: 'Empleo' },
    description: {
      en: 'Registering as a job seeker, unemployment benefits, training and starting a business.',
      fr: 'S’inscrire comme demandeur d’emploi, allocations chômage, formation et création d’entreprise.',
      es: 'Inscribirse como demandante de empleo, prestaciones por desempleo, formación y creación de empresas.',
    },
  },
  {
    slug: 'education',
    name: { en: 'Education', fr: 'Éducation', es: 'Educación' },
    description: {
      en: 'School enrolment, canteens and after-school care, school transport, grants and adult learning.',
      fr: 'Inscription scolaire, cantine et périscolaire, transport scolaire, bourses et formation des adultes.',
      es: 'Matrícula escolar, comedor y actividades extraescolares, transporte escolar, becas y formación de adultos.',
    },
  },
  {
    slug: 'democracy-and-participation',
    name: { en: 'Democracy and participation', fr: 'Démocratie et participation', es: 'Democracia y participación' },
    description: {
      en: 'Registering to vote, petitions, participatory budgets, public consultations and council meetings.',
      fr: 'Inscription sur les listes électorales, pétitions, budgets participatifs, consultations et conseils municipaux.',
      es: 'Inscripción en el censo electoral, peticiones, presupuestos participativos, consultas y plenos municipales.',
    },
  },
];

export const LIFE_EVENTS: { slug: string; name: Tr }[] = [
  { slug: 'having-a-child', name: { en: 'I am having a child', fr: 'J’attends un enfant', es: 'Voy a tener un hijo' } },
  {
    slug: 'looking-for-a-place-to-live',
    name: { en: 'I am looking for a place to live', fr: 'Je cherche un logement', es: 'Busco vivienda' },
  },
  { slug: 'losing-a-job', name: { en: 'I lost my job', fr: 'J’ai perdu mon emploi', es: 'He perdido mi empleo' } },
  { slug: 'looking-for-a-job', name: { en: 'I am looking for a job', fr: 'Je cherche un emploi', es: 'Busco empleo' } },
  {
    slug: 'starting-education',
    name: { en: 'My child is starting school', fr: 'Mon enfant entre à l’école', es: 'Mi hijo empieza el colegio' },
  },
  { slug: 'becoming-a-caretaker', name: { en: 'I care for a relative', fr: 'J’aide un proche', es: 'Cuido de un familiar' } },
  { slug: 'retirement', name: { en: 'I am retiring', fr: 'Je prends ma retraite', es: 'Me jubilo' } },
  { slug: 'health-problem', name: { en: 'I have a health problem', fr: 'J’ai un problème de santé', es: 'Tengo un problema de salud' } },
  { slug: 'moving', name: { en: 'I am moving house', fr: 'Je déménage', es: 'Me mudo' } },
  { slug: 'death-of-a-relative', name: { en: 'A relative has died', fr: 'Un proche est décédé', es: 'Ha fallecido un familiar' } },
];

/** What a service is about: [sector slug, life event slugs, en, fr, es]. */
const TOPIC_ROWS: [string, string[], string, string, string][] = [
  [
    'social-and-health-care',
    ['health-problem', 'becoming-a-caretaker'],
    'a disability allowance',
    'une allocation aux adultes handicapés',
    'una prestación por discapacidad',
  ],
  [
    'social-and-health-care',
    ['retirement', 'becoming-a-caretaker'],
    'home help for older people',
    'une aide à domicile pour personnes âgées',
    'una ayuda a domicilio para mayores',
  ],
  [
    'social-and-health-care',
    ['health-problem', 'moving'],
    'a health insurance card',
    'une carte d’assurance maladie',
    'una tarjeta sanitaria',
  ],
  ['social-and-health-care', ['having-a-child'], 'family allowance', 'les allocations familiales', 'la prestación familiar'],
  ['social-and-health-care', ['having-a-child', 'looking-for-a-job'], 'a childcare place', 'une place en crèche', 'una plaza de guardería'],
  ['social-and-health-care', ['looking-for-a-place-to-live'], 'an energy cheque', 'un chèque énergie', 'un bono energético'],
  [
    'social-and-health-care',
    ['health-problem', 'losing-a-job'],
    'supplementary health cover',
    'une complémentaire santé solidaire',
    'un seguro médico complementario',
  ],
  [
    'social-and-health-care',
    ['becoming-a-caretaker'],
    'a carer’s allowance',
    'une allocation de proche aidant',
    'una prestación para cuidadores',
  ],
  [
    'social-and-health-care',
    ['death-of-a-relative'],
    'help with funeral costs',
    'une aide aux frais d’obsèques',
    'una ayuda para gastos funerarios',
  ],
  ['housing-and-building', ['looking-for-a-place-to-live', 'moving'], 'housing benefit', 'une aide au logement', 'una ayuda a la vivienda'],
  ['housing-and-building', ['looking-for-a-place-to-live'], 'social housing', 'un logement social', 'una vivienda social'],
  ['housing-and-building', ['moving'], 'a building permit', 'un permis de construire', 'una licencia de obras'],
  [
    'housing-and-building',
    ['moving'],
    'an energy renovation grant',
    'une aide à la rénovation énergétique',
    'una subvención para rehabilitación energética',
  ],
  [
    'housing-and-building',
    ['moving'],
    'a residents’ parking permit',
    'une carte de stationnement résident',
    'una tarjeta de aparcamiento para residentes',
  ],
  ['housing-and-building', ['moving'], 'a bulky waste collection', 'un enlèvement d’encombrants', 'una recogida de muebles y enseres'],
  ['housing-and-building', ['moving'], 'a water connection', 'un raccordement au réseau d’eau', 'una conexión a la red de agua'],
  [
    'housing-and-building',
    ['retirement', 'health-problem'],
    'a home adaptation grant',
    'une aide à l’adaptation du logement',
    'una ayuda para adaptar la vivienda',
  ],
  [
    'employment',
    ['losing-a-job', 'looking-for-a-job'],
    'job seeker registration',
    'une inscription comme demandeur d’emploi',
    'una inscripción como demandante de empleo',
  ],
  ['employment', ['losing-a-job'], 'unemployment benefit', 'une allocation chômage', 'una prestación por desempleo'],
  ['employment', ['looking-for-a-job'], 'vocational training', 'une formation professionnelle', 'una formación profesional'],
  [
    'employment',
    ['losing-a-job'],
    'support to start a business',
    'un accompagnement à la création d’entreprise',
    'un apoyo para crear una empresa',
  ],
  [
    'employment',
    ['looking-for-a-job', 'starting-education'],
    'an apprenticeship contract',
    'un contrat d’apprentissage',
    'un contrato de aprendizaje',
  ],
  ['employment', ['looking-for-a-job'], 'a skills assessment', 'un bilan de compétences', 'un balance de competencias'],
  [
    'employment',
    ['looking-for-a-job'],
    'a back-to-work bonus',
    'une prime de reprise d’activité',
    'una ayuda a la reincorporación laboral',
  ],
  ['education', ['starting-education', 'moving'], 'school enrolment', 'une inscription scolaire', 'una matrícula escolar'],
  ['education', ['starting-education'], 'school meals', 'la restauration scolaire', 'el comedor escolar'],
  ['education', ['starting-education', 'having-a-child'], 'after-school care', 'l’accueil périscolaire', 'el cuidado extraescolar'],
  ['education', ['starting-education', 'moving'], 'school transport', 'le transport scolaire', 'el transporte escolar'],
  ['education', ['starting-education'], 'a study grant', 'une bourse d’études', 'una beca de estudios'],
  [
    'education',
    ['looking-for-a-job'],
    'an adult literacy course',
    'un cours d’alphabétisation pour adultes',
    'un curso de alfabetización para adultos',
  ],
  ['education', ['retirement'], 'a library card', 'une carte de bibliothèque', 'un carné de biblioteca'],
  [
    'democracy-and-participation',
    ['moving'],
    'electoral registration',
    'une inscription sur les listes électorales',
    'una inscripción en el censo electoral',
  ],
  ['democracy-and-participation', [], 'a proxy vote', 'une procuration de vote', 'un voto por poder'],
  ['democracy-and-participation', [], 'a petition', 'une pétition', 'una petición'],
  [
    'democracy-and-participation',
    [],
    'a participatory budget project',
    'un projet de budget participatif',
    'un proyecto de presupuesto participativo',
  ],
  ['democracy-and-participation', [], 'a public consultation', 'une consultation publique', 'una consulta pública'],
  ['democracy-and-participation', [], 'a question to the council', 'une question au conseil municipal', 'una pregunta al pleno municipal'],
  [
    'democracy-and-participation',
    [],
    'a neighbourhood council seat',
    'un siège au conseil de quartier',
    'un puesto en el consejo de barrio',
  ],
];

export const TOPICS = TOPIC_ROWS.map(([sector, lifeEvents, en, fr, es]) => ({ sector, lifeEvents, text: { en, fr, es } as Tr }));

/** Verbs that take a topic as their object. */
export const ACTIONS: Tr[] = [
  { en: 'apply for', fr: 'demander', es: 'solicitar' },
  { en: 'renew', fr: 'renouveler', es: 'renovar' },
  { en: 'change the details of', fr: 'modifier', es: 'modificar' },
  { en: 'track', fr: 'suivre', es: 'seguir' },
  { en: 'cancel', fr: 'résilier', es: 'cancelar' },
  { en: 'get help with', fr: 'se faire aider pour', es: 'obtener ayuda con' },
  { en: 'appeal a decision on', fr: 'contester une décision concernant', es: 'recurrir una decisión sobre' },
  { en: 'book an appointment for', fr: 'prendre rendez-vous pour', es: 'pedir cita para' },
];

export const AUDIENCES: Tr[] = [
  { en: 'for students', fr: 'pour les étudiants', es: 'para estudiantes' },
  { en: 'for people over 60', fr: 'pour les plus de 60 ans', es: 'para mayores de 60 años' },
  { en: 'for families', fr: 'pour les familles', es: 'para familias' },
  { en: 'for people with disabilities', fr: 'pour les personnes handicapées', es: 'para personas con discapacidad' },
  { en: 'for young people', fr: 'pour les jeunes', es: 'para jóvenes' },
  { en: 'for tenants', fr: 'pour les locataires', es: 'para inquilinos' },
  { en: 'for carers', fr: 'pour les aidants', es: 'para cuidadores' },
  { en: 'for newcomers', fr: 'pour les nouveaux arrivants', es: 'para recién llegados' },
  { en: 'for farmers', fr: 'pour les agriculteurs', es: 'para agricultores' },
];

export const DOCUMENTS: Tr[] = [
  { en: 'proof of identity', fr: 'une pièce d’identité', es: 'un documento de identidad' },
  { en: 'proof of address', fr: 'un justificatif de domicile', es: 'un justificante de domicilio' },
  { en: 'your last tax notice', fr: 'votre dernier avis d’imposition', es: 'su última declaración de la renta' },
  { en: 'your bank details', fr: 'votre RIB', es: 'sus datos bancarios' },
  { en: 'your social security number', fr: 'votre numéro de sécurité sociale', es: 'su número de la seguridad social' },
  { en: 'a recent payslip', fr: 'un bulletin de salaire récent', es: 'una nómina reciente' },
  { en: 'your family record book', fr: 'votre livret de famille', es: 'su libro de familia' },
  { en: 'a medical certificate', fr: 'un certificat médical', es: 'un certificado médico' },
  { en: 'your tenancy agreement', fr: 'votre bail', es: 'su contrato de alquiler' },
];

/** Words that join the last item of a list. */
export const AND: Tr = { en: 'and', fr: 'et', es: 'y' };

/** Values a sentence can use. */
export interface SentenceVars {
  org: string;
  does: string;
  place: string;
  minutes: number;
  days: number;
  phone: string;
  docs: string;
}

type Sentence = Record<keyof Tr, (v: SentenceVars) => string>;

export const SUMMARY_OPENINGS: Sentence[] = [
  {
    en: (v) => `${v.org} lets you ${v.does} online or with help at a Digital Public Space.`,
    fr: (v) => `${v.org} vous permet de ${v.does} en ligne ou avec l’aide d’un espace public numérique.`,
    es: (v) => `${v.org} le permite ${v.does} en línea o con ayuda en un espacio público digital.`,
  },
  {
    en: (v) => `Use this service to ${v.does}.`,
    fr: (v) => `Ce service vous permet de ${v.does}.`,
    es: (v) => `Este servicio le permite ${v.does}.`,
  },
];

export const SUMMARY_ENDINGS: Sentence[] = [
  {
    en: (v) => `It takes about ${v.minutes} minutes and you get an answer within ${v.days} days.`,
    fr: (v) => `Comptez environ ${v.minutes} minutes ; la réponse arrive sous ${v.days} jours.`,
    es: (v) => `Se tarda unos ${v.minutes} minutos y recibirá respuesta en ${v.days} días.`,
  },
  {
    en: () => 'It is free and open to everyone who lives in the county.',
    fr: () => 'C’est gratuit et ouvert à toute personne qui vit dans le département.',
    es: () => 'Es gratuito y está abierto a todas las personas que viven en el departamento.',
  },
  {
    en: () => 'You can save your application and finish it later.',
    fr: () => 'Vous pouvez enregistrer votre demande et la terminer plus tard.',
    es: () => 'Puede guardar su solicitud y terminarla más tarde.',
  },
];

export const WHO_SENTENCES: Sentence[] = [
  {
    en: (v) => `Anyone who lives in ${v.place} can use this service.`,
    fr: (v) => `Toute personne qui vit à ${v.place} peut utiliser ce service.`,
    es: (v) => `Cualquier persona que viva en ${v.place} puede usar este servicio.`,
  },
  {
    en: () => 'The answer depends on your income, your household and where you live.',
    fr: () => 'La réponse dépend de vos revenus, de votre foyer et de votre lieu de résidence.',
    es: () => 'La respuesta depende de sus ingresos, de su hogar y de dónde vive.',
  },
  {
    en: () => 'If your situation changes, tell us within one month.',
    fr: () => 'Si votre situation change, prévenez-nous dans un délai d’un mois.',
    es: () => 'Si su situación cambia, avísenos en el plazo de un mes.',
  },
  {
    en: () => 'People who cannot use a computer can ask a digital mediator for help.',
    fr: () => 'Les personnes qui ne peuvent pas utiliser un ordinateur peuvent demander l’aide d’un médiateur numérique.',
    es: () => 'Las personas que no pueden usar un ordenador pueden pedir ayuda a un mediador digital.',
  },
];

export const NEEDS_SENTENCE: Sentence = {
  en: (v) => `You need ${v.docs}.`,
  fr: (v) => `Préparez ${v.docs}.`,
  es: (v) => `Necesita ${v.docs}.`,
};

export const HOW_SENTENCES: Sentence[] = [
  {
    en: (v) => `Apply online in about ${v.minutes} minutes, or book an appointment at a Digital Public Space.`,
    fr: (v) => `Faites la demande en ligne en ${v.minutes} minutes environ, ou prenez rendez-vous dans un espace public numérique.`,
    es: (v) => `Haga la solicitud en línea en unos ${v.minutes} minutos, o pida cita en un espacio público digital.`,
  },
  {
    en: (v) => `You will receive an acknowledgement by email, then a decision within ${v.days} days.`,
    fr: (v) => `Vous recevrez un accusé de réception par courriel, puis une décision sous ${v.days} jours.`,
    es: (v) => `Recibirá un acuse de recibo por correo electrónico y una decisión en ${v.days} días.`,
  },
  {
    en: () => 'The first payment arrives about two months after you apply.',
    fr: () => 'Le premier versement arrive environ deux mois après la demande.',
    es: () => 'El primer pago llega unos dos meses después de la solicitud.',
  },
  {
    en: () => 'You can follow your application in your personal space.',
    fr: () => 'Vous pouvez suivre votre demande dans votre espace personnel.',
    es: () => 'Puede seguir su solicitud en su espacio personal.',
  },
  {
    en: (v) => `Call ${v.phone} on weekdays if you have a question.`,
    fr: (v) => `Appelez le ${v.phone} en semaine si vous avez une question.`,
    es: (v) => `Llame al ${v.phone} entre semana si tiene alguna pregunta.`,
  },
];
