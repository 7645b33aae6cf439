/**
 * The demo catalogue: the five E-COOP sectors, CPSV-AP life events, and the e-services of the
 * Vallée-Verte demo territory, in English and French.
 */

import type { Channel, ServiceInput } from './services.model.js';

export type { Channel };
export type Bilingual = { en: string; fr: string };

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

export const DEMO_SERVICES: DemoService[] = [
  {
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
  },
  {
    slug: 'apply-for-minimum-income',
    organisation: 'family-allowance-office',
    sector: 'social-and-health-care',
    lifeEvents: ['losing-a-job'],
    name: { en: 'Apply for the minimum income (RSA)', fr: 'Demander le revenu de solidarité active (RSA)' },
    summary: {
      en: 'A monthly income for people aged 25 or over with little or no income, with support to find work.',
      fr: 'Un revenu mensuel pour les personnes de 25 ans ou plus sans ressources ou aux ressources très faibles, avec un accompagnement vers l’emploi.',
    },
    description: {
      en: 'People aged 25 or over who live in France and have little or no income can receive the RSA. Under-25s can receive it if they are pregnant, have a child or have worked two of the last three years.\n\nYou need your ID or residence permit, your bank details and your income for the last three months, and those of the people who live with you.\n\nApply online in about 30 minutes, on your own or with a digital mediator. The office answers within a month. You then sign a commitment agreement and declare your income every three months.',
      fr: 'Les personnes de 25 ans ou plus qui vivent en France et qui n’ont pas ou peu de revenus peuvent recevoir le RSA. Avant 25 ans, vous pouvez y avoir droit si vous êtes enceinte, si vous avez un enfant ou si vous avez travaillé deux ans au cours des trois dernières années.\n\nVous avez besoin de votre pièce d’identité ou de votre titre de séjour, de votre RIB et de vos ressources des trois derniers mois, ainsi que de celles des personnes qui vivent avec vous.\n\nLa demande en ligne prend environ 30 minutes, seul ou avec un médiateur numérique. La caisse répond sous un mois. Vous signez ensuite un contrat d’engagement et vous déclarez vos ressources tous les trois mois.',
    },
    keywords: {
      en: ['RSA', 'minimum income', 'no income', 'benefits', 'CAF'],
      fr: ['RSA', 'revenu de solidarité', 'minima sociaux', 'sans revenus', 'CAF'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/rsa',
    isFree: true,
    details: {
      audience: {
        en: 'People aged 25 or over with little or no income. Younger people who are pregnant, have a child or have worked two of the last three years.',
        fr: 'Les personnes de 25 ans ou plus sans ressources ou aux ressources très faibles. Avant 25 ans : si vous êtes enceinte, si vous avez un enfant ou si vous avez travaillé deux ans sur les trois dernières années.',
      },
      requirements: {
        en: 'You live in France for good\nYour household’s income is under the RSA amount\nYou agree to take steps towards work or training',
        fr: 'Vous vivez en France de façon stable\nLes ressources de votre foyer sont inférieures au montant du RSA\nVous vous engagez dans des démarches vers l’emploi ou la formation',
      },
      evidence: {
        en: 'Your ID or residence permit\nYour bank details (IBAN)\nYour income for the last three months, and that of the people who live with you',
        fr: 'Votre pièce d’identité ou votre titre de séjour\nVotre RIB\nVos ressources des trois derniers mois, et celles des personnes qui vivent avec vous',
      },
      processingTime: 'P1M',
      contactPhone: '+33 3 00 00 01 02',
      contactPage: 'https://caf.vallee-verte.example/contact',
      contactHours: { en: 'Monday to Friday, 9 am to 4.30 pm', fr: 'Du lundi au vendredi, de 9 h à 16 h 30' },
      languages: ['fr', 'en'],
      accessibility: 'partial',
      related: ['housing-allowance'],
    },
  },
  {
    slug: 'claim-birth-grant',
    organisation: 'family-allowance-office',
    sector: 'social-and-health-care',
    lifeEvents: ['having-a-child'],
    name: { en: 'Claim the birth grant', fr: 'Demander la prime à la naissance' },
    summary: {
      en: 'A one-off payment to help with the costs of a new baby, for families under an income ceiling.',
      fr: 'Une aide versée une seule fois pour faire face aux dépenses liées à l’arrivée d’un bébé, sous conditions de ressources.',
    },
    description: {
      en: 'Expectant parents whose income is under a ceiling can receive the birth grant. It is part of the early-childhood benefit (PAJE), which also includes a monthly basic allowance until the child turns three.\n\nYou need the pregnancy declaration made by your doctor or midwife before the end of the 14th week, your bank details and your income from two years ago.\n\nDeclare your pregnancy online, then the office checks your rights. The grant is paid during the seventh month of pregnancy.',
      fr: 'Les futurs parents dont les revenus ne dépassent pas un plafond peuvent recevoir la prime à la naissance. Elle fait partie de la prestation d’accueil du jeune enfant (PAJE), qui comprend aussi une allocation de base mensuelle jusqu’aux trois ans de l’enfant.\n\nVous avez besoin de la déclaration de grossesse faite par votre médecin ou votre sage-femme avant la fin de la 14e semaine, de votre RIB et de vos revenus d’il y a deux ans.\n\nDéclarez votre grossesse en ligne, puis la caisse étudie vos droits. La prime est versée au cours du septième mois de grossesse.',
    },
    keywords: { en: ['birth grant', 'pregnancy', 'baby', 'PAJE', 'CAF'], fr: ['prime de naissance', 'grossesse', 'bébé', 'PAJE', 'CAF'] },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/prime-naissance',
    isFree: true,
    details: {
      audience: {
        en: 'Expectant parents whose income is under a ceiling.',
        fr: 'Les futurs parents dont les revenus ne dépassent pas un plafond.',
      },
      requirements: {
        en: 'Your pregnancy was declared before the end of the 14th week\nYour household’s income is under the ceiling',
        fr: 'Votre grossesse a été déclarée avant la fin de la 14e semaine\nLes revenus de votre foyer ne dépassent pas le plafond',
      },
      evidence: {
        en: 'The pregnancy declaration from your doctor or midwife\nYour bank details (IBAN)\nYour income from two years ago',
        fr: 'La déclaration de grossesse de votre médecin ou de votre sage-femme\nVotre RIB\nVos revenus d’il y a deux ans',
      },
      processingTime: 'P1M',
      contactPhone: '+33 3 00 00 01 03',
      contactHours: { en: 'Monday to Friday, 9 am to 4.30 pm', fr: 'Du lundi au vendredi, de 9 h à 16 h 30' },
      languages: ['fr', 'en'],
      accessibility: 'compliant',
      accessibilityUrl: 'https://caf.vallee-verte.example/accessibilite',
    },
  },
  {
    slug: 'claim-child-benefit',
    organisation: 'family-allowance-office',
    sector: 'social-and-health-care',
    lifeEvents: ['having-a-child'],
    name: { en: 'Claim child benefit', fr: 'Demander les allocations familiales' },
    summary: {
      en: 'A monthly allowance for families raising at least two children under 20.',
      fr: 'Une aide mensuelle pour les familles qui élèvent au moins deux enfants de moins de 20 ans.',
    },
    description: {
      en: 'Families living in France with at least two dependent children under 20 receive child benefit, whatever their income. The amount goes down above certain income levels and goes up when a child turns 14.\n\nIf the office already knows your family, you have nothing to send: the benefit starts automatically when your second child is born. Otherwise you need your ID, your children’s birth certificates and your bank details.\n\nCreate your account online and fill in the form in about 15 minutes. Payments start the month after the office receives a complete application.',
      fr: 'Les familles qui vivent en France et qui ont au moins deux enfants à charge de moins de 20 ans reçoivent les allocations familiales, quels que soient leurs revenus. Le montant baisse au-delà de certains revenus et augmente quand un enfant atteint 14 ans.\n\nSi la caisse connaît déjà votre famille, vous n’avez rien à envoyer : les allocations sont versées automatiquement à la naissance du deuxième enfant. Sinon, il vous faut une pièce d’identité, l’acte de naissance des enfants et votre RIB.\n\nCréez votre compte en ligne et remplissez le formulaire en 15 minutes environ. Les versements commencent le mois qui suit la réception d’un dossier complet.',
    },
    keywords: { en: ['child benefit', 'family allowance', 'children', 'CAF'], fr: ['allocations familiales', 'alloc', 'enfants', 'CAF'] },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/allocations-familiales',
    isFree: true,
    details: {
      audience: {
        en: 'Families living in France with at least two dependent children under 20, whatever their income.',
        fr: 'Les familles qui vivent en France avec au moins deux enfants à charge de moins de 20 ans, quels que soient leurs revenus.',
      },
      requirements: {
        en: 'You live in France with your children\nYou have at least two children under 20 in your care',
        fr: 'Vous vivez en France avec vos enfants\nVous avez au moins deux enfants de moins de 20 ans à charge',
      },
      evidence: {
        en: 'Your ID\nYour children’s birth certificates\nYour bank details (IBAN)',
        fr: 'Votre pièce d’identité\nL’acte de naissance de vos enfants\nVotre RIB',
      },
      processingTime: 'P3W',
      contactPhone: '+33 3 00 00 01 04',
      contactEmail: 'familles@caf.vallee-verte.example',
      contactHours: { en: 'Monday to Friday, 9 am to 4.30 pm', fr: 'Du lundi au vendredi, de 9 h à 16 h 30' },
      languages: ['fr', 'en'],
      accessibility: 'compliant',
      related: ['claim-birth-grant'],
    },
  },
  {
    slug: 'apply-for-in-work-bonus',
    organisation: 'family-allowance-office',
    sector: 'social-and-health-care',
    lifeEvents: [],
    name: { en: 'Apply for the in-work bonus', fr: 'Demander la prime d’activité' },
    summary: {
      en: 'A monthly top-up for workers on low pay, including apprentices, working students and the self-employed.',
      fr: 'Un complément de revenu mensuel pour les travailleurs aux revenus modestes, y compris les apprentis, les étudiants salariés et les indépendants.',
    },
    description: {
      en: 'People aged 18 or over who work and earn modest wages can receive the in-work bonus. Students and apprentices qualify if they earn at least about 78% of the minimum wage.\n\nYou need your payslips or business income for the last three months, the income of the people living with you and your bank details.\n\nCheck whether you qualify with the online simulator, then apply in about 20 minutes. You declare your income every three months to keep receiving it.',
      fr: 'Les personnes de 18 ans ou plus qui travaillent et perçoivent des revenus modestes peuvent recevoir la prime d’activité. Les étudiants et les apprentis y ont droit s’ils gagnent au moins 78 % du Smic environ.\n\nVous avez besoin de vos bulletins de salaire ou de vos revenus d’indépendant des trois derniers mois, des revenus des personnes qui vivent avec vous et de votre RIB.\n\nVérifiez votre droit avec le simulateur en ligne, puis faites la demande en 20 minutes environ. Vous déclarez vos revenus tous les trois mois pour continuer à la recevoir.',
    },
    keywords: {
      en: ['in-work bonus', 'activity bonus', 'low pay', 'top-up', 'CAF'],
      fr: ['prime d’activité', 'complément de salaire', 'petit salaire', 'CAF'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/prime-activite',
    isFree: true,
  },
  {
    slug: 'claim-help-with-childcare-costs',
    organisation: 'family-allowance-office',
    sector: 'social-and-health-care',
    lifeEvents: ['having-a-child'],
    name: { en: 'Claim help with childcare costs', fr: 'Demander une aide pour faire garder son enfant' },
    summary: {
      en: 'Help paying a registered childminder or a home childcarer for a child under six.',
      fr: 'Une aide pour payer une assistante maternelle agréée ou une garde à domicile pour un enfant de moins de six ans.',
    },
    description: {
      en: 'Parents who employ a registered childminder or a home childcarer for a child under six can receive this help, called CMG. It covers part of the wages and all or part of the social contributions.\n\nYou need the childminder’s approval number, the employment contract and your income from two years ago.\n\nApply online in about 15 minutes. Each month you declare the wages on a dedicated website, which pays the childminder and pays the help to you.',
      fr: 'Les parents qui emploient une assistante maternelle agréée ou une garde à domicile pour un enfant de moins de six ans peuvent recevoir cette aide, appelée complément de libre choix du mode de garde (CMG). Elle prend en charge une partie du salaire et tout ou partie des cotisations sociales.\n\nVous avez besoin du numéro d’agrément de l’assistante maternelle, du contrat de travail et de vos revenus d’il y a deux ans.\n\nLa demande en ligne prend 15 minutes environ. Chaque mois, vous déclarez le salaire sur un site dédié, qui rémunère l’assistante maternelle et vous verse l’aide.',
    },
    keywords: {
      en: ['childcare', 'childminder', 'nanny', 'CMG', 'CAF'],
      fr: ['garde d’enfant', 'assistante maternelle', 'nounou', 'CMG', 'CAF'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/garde-enfant',
    isFree: true,
  },
  {
    slug: 'claim-family-support-allowance',
    organisation: 'family-allowance-office',
    sector: 'social-and-health-care',
    lifeEvents: ['death-of-a-relative'],
    name: { en: 'Claim family support allowance', fr: 'Demander l’allocation de soutien familial' },
    summary: {
      en: 'A monthly allowance for a parent raising a child alone without child support, or for someone raising an orphan.',
      fr: 'Une aide mensuelle pour le parent qui élève seul un enfant sans pension alimentaire, ou pour la personne qui élève un orphelin.',
    },
    description: {
      en: 'You can receive this allowance if you raise a child whose other parent has died, does not pay child support or has not recognised the child. It is also paid to someone who takes in an orphan.\n\nYou need the death certificate or the court decision on child support, your children’s birth certificates and your bank details.\n\nApply online or with a digital mediator. The allowance is paid from the month after your situation changed. When the other parent does not pay, the office can also recover the money for you.',
      fr: 'Vous pouvez recevoir cette allocation si vous élevez un enfant dont l’autre parent est décédé, ne verse pas la pension alimentaire ou ne l’a pas reconnu. Elle est aussi versée à la personne qui recueille un orphelin.\n\nVous avez besoin de l’acte de décès ou du jugement qui fixe la pension alimentaire, de l’acte de naissance des enfants et de votre RIB.\n\nFaites la demande en ligne ou avec un médiateur numérique. L’allocation est versée à partir du mois qui suit le changement de situation. Quand l’autre parent ne paie pas, la caisse peut aussi récupérer les sommes dues à votre place.',
    },
    keywords: {
      en: ['ASF', 'single parent', 'child support', 'orphan', 'CAF'],
      fr: ['ASF', 'parent isolé', 'pension alimentaire', 'orphelin', 'CAF'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/soutien-familial',
    isFree: true,
  },
  {
    slug: 'apply-for-personal-autonomy-allowance',
    organisation: 'county-council',
    sector: 'social-and-health-care',
    lifeEvents: ['retirement', 'becoming-a-caretaker', 'health-problem'],
    name: { en: 'Apply for care support for an older person (APA)', fr: 'Demander l’allocation personnalisée d’autonomie (APA)' },
    summary: {
      en: 'Help for people aged 60 or over who are losing their independence, to pay for help at home or a care home.',
      fr: 'Une aide pour les personnes de 60 ans et plus en perte d’autonomie, pour financer l’aide à domicile ou l’hébergement en établissement.',
    },
    description: {
      en: 'People aged 60 or over who need help with everyday tasks such as washing, dressing or cooking can receive the personal autonomy allowance (APA). The person or a relative can apply.\n\nYou need the application form, an ID, your last tax notice and, if you own property, your latest property tax notice.\n\nAfter you apply, a county social worker visits you at home to assess your needs and propose a care plan. The decision is sent within two months.',
      fr: 'Les personnes de 60 ans ou plus qui ont besoin d’aide pour les gestes de la vie quotidienne, comme se laver, s’habiller ou préparer les repas, peuvent recevoir l’APA. La demande peut être faite par la personne ou par un proche.\n\nVous avez besoin du formulaire de demande, d’une pièce d’identité, du dernier avis d’imposition et, si vous êtes propriétaire, du dernier avis de taxe foncière.\n\nAprès la demande, un travailleur social du Département vient à domicile pour évaluer les besoins et proposer un plan d’aide. La décision est envoyée sous deux mois.',
    },
    keywords: {
      en: ['APA', 'elderly', 'home help', 'care home', 'older people'],
      fr: ['APA', 'personne âgée', 'aide à domicile', 'perte d’autonomie', 'dépendance'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/apa',
    isFree: true,
  },
  {
    slug: 'apply-for-disability-compensation',
    organisation: 'county-council',
    sector: 'social-and-health-care',
    lifeEvents: ['health-problem', 'becoming-a-caretaker'],
    name: { en: 'Apply for disability support (PCH)', fr: 'Demander la prestation de compensation du handicap (PCH)' },
    summary: {
      en: 'Funding for personal care, equipment, or home and vehicle adaptations for people with a disability.',
      fr: 'Un financement pour l’aide humaine, le matériel ou l’aménagement du logement et du véhicule des personnes en situation de handicap.',
    },
    description: {
      en: 'Children and adults whose disability limits their daily life can receive the disability compensation benefit (PCH). The county’s disability centre (MDPH) handles the request and can also grant the mobility inclusion card (CMI) in the same application.\n\nYou need the application form, a medical certificate less than one year old, an ID and proof of address.\n\nApply online or with a digital mediator. A team assesses your needs, then a committee decides, usually within four months.',
      fr: 'Les enfants et les adultes dont le handicap limite la vie quotidienne peuvent recevoir la PCH. La demande est étudiée par la maison départementale des personnes handicapées (MDPH), qui peut aussi accorder la carte mobilité inclusion (CMI) dans le même dossier.\n\nVous avez besoin du formulaire de demande, d’un certificat médical de moins d’un an, d’une pièce d’identité et d’un justificatif de domicile.\n\nFaites la demande en ligne ou avec un médiateur numérique. Une équipe évalue vos besoins, puis une commission décide, en général sous quatre mois.',
    },
    keywords: { en: ['PCH', 'disability', 'MDPH', 'CMI', 'disabled'], fr: ['PCH', 'handicap', 'MDPH', 'carte mobilité inclusion', 'CMI'] },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/mdph/pch',
    isFree: true,
  },
  {
    slug: 'report-a-child-at-risk',
    organisation: 'county-council',
    sector: 'social-and-health-care',
    lifeEvents: [],
    name: { en: 'Report a child at risk', fr: 'Signaler un enfant en danger' },
    summary: {
      en: 'Tell the county’s child protection service if you fear a child is in danger. In an emergency, call 119 or 17.',
      fr: 'Alertez la protection de l’enfance du Département si vous craignez qu’un enfant soit en danger. En cas d’urgence, appelez le 119 ou le 17.',
    },
    description: {
      en: 'Anyone can report a child they believe is being mistreated, neglected or at risk: a neighbour, a relative, a professional or the child themselves. You do not need proof, only what you have seen or heard.\n\nYou need no documents. If you can, give the child’s name, age and address, and describe the facts as precisely as possible.\n\nCall or visit the county’s child protection unit (CRIP). Every report is assessed within three months, and urgent action can be taken at once. The national 119 line answers free of charge, day and night.',
      fr: 'Toute personne peut signaler un enfant qu’elle pense maltraité, délaissé ou en danger : un voisin, un proche, un professionnel ou l’enfant lui-même. Vous n’avez pas besoin de preuves, seulement de ce que vous avez vu ou entendu.\n\nAucun document n’est nécessaire. Donnez si possible le nom, l’âge et l’adresse de l’enfant, et décrivez les faits le plus précisément possible.\n\nAppelez ou rendez-vous à la cellule départementale de recueil des informations préoccupantes (CRIP). Chaque signalement est évalué dans un délai de trois mois, et des mesures urgentes peuvent être prises immédiatement. Le 119 répond gratuitement, jour et nuit.',
    },
    keywords: {
      en: ['child protection', 'child abuse', '119', 'neglect', 'report'],
      fr: ['protection de l’enfance', 'maltraitance', '119', 'information préoccupante', 'CRIP'],
    },
    channels: ['phone', 'in_person'],
    onlineUrl: null,
    isFree: true,
  },
  {
    slug: 'sign-up-for-heatwave-check-ins',
    organisation: 'city-of-saint-aubin',
    sector: 'social-and-health-care',
    lifeEvents: ['retirement', 'health-problem', 'becoming-a-caretaker'],
    name: { en: 'Sign up for heatwave and cold-snap check-ins', fr: 'S’inscrire sur le registre des personnes fragiles' },
    summary: {
      en: 'Older, disabled or isolated people can join the city’s register so that someone calls or visits them during heatwaves and cold snaps.',
      fr: 'Les personnes âgées, handicapées ou isolées peuvent s’inscrire pour être appelées ou visitées par la Ville pendant les canicules et les grands froids.',
    },
    description: {
      en: 'People aged 65 or over, people aged 60 or over who are unfit for work, and adults with a disability who live at home can join the register. A relative, neighbour or doctor can also register them, with their consent.\n\nYou need the person’s name, address and phone number, and the details of a relative or doctor to contact in an emergency.\n\nSign up online, by phone or at the social welfare centre (CCAS); it takes five minutes and lasts until you ask to leave. During an alert, the CCAS team calls you regularly.',
      fr: 'Les personnes de 65 ans ou plus, celles de 60 ans ou plus reconnues inaptes au travail et les adultes handicapés qui vivent à domicile peuvent s’inscrire sur le registre. Un proche, un voisin ou un médecin peut aussi les inscrire, avec leur accord.\n\nIl faut le nom, l’adresse et le téléphone de la personne, ainsi que les coordonnées d’un proche ou d’un médecin à prévenir en cas d’urgence.\n\nL’inscription se fait en ligne, par téléphone ou au centre communal d’action sociale (CCAS) ; elle prend cinq minutes et reste valable tant que vous ne demandez pas à en sortir. Pendant une alerte, l’équipe du CCAS vous appelle régulièrement.',
    },
    keywords: {
      en: ['heatwave', 'cold snap', 'elderly', 'CCAS', 'vulnerable'],
      fr: ['canicule', 'grand froid', 'registre', 'CCAS', 'personnes âgées'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/registre-canicule',
    isFree: true,
  },
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
  {
    slug: 'register-as-a-job-seeker',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['losing-a-job', 'looking-for-a-job'],
    name: { en: 'Register as a job seeker', fr: 'S’inscrire comme demandeur d’emploi' },
    summary: {
      en: 'The first step to receive unemployment benefit and get support from an employment adviser.',
      fr: 'La première étape pour percevoir l’allocation chômage et être accompagné par un conseiller emploi.',
    },
    description: {
      en: 'Anyone looking for work can register, whether they have lost a job, are finishing their studies or want to change careers. Register as soon as your contract ends so that you lose no benefit.\n\nYou need an ID, your social security number, your bank details, a CV if you have one and your latest employer certificates.\n\nRegister online in about 20 minutes. Within a few days you get an appointment with an adviser to agree on your job-search plan.',
      fr: 'Toute personne qui cherche un emploi peut s’inscrire, qu’elle ait perdu son travail, qu’elle termine ses études ou qu’elle veuille changer de métier. Inscrivez-vous dès la fin de votre contrat pour ne perdre aucun jour d’indemnisation.\n\nVous avez besoin d’une pièce d’identité, de votre numéro de sécurité sociale, de votre RIB, d’un CV si vous en avez un et de vos dernières attestations employeur.\n\nL’inscription en ligne prend environ 20 minutes. Vous obtenez ensuite, sous quelques jours, un rendez-vous avec un conseiller pour définir votre projet de recherche d’emploi.',
    },
    keywords: {
      en: ['job seeker', 'register', 'unemployed', 'unemployment', 'job centre'],
      fr: ['demandeur d’emploi', 'inscription', 'chômage', 'recherche d’emploi'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/inscription',
    isFree: true,
    details: {
      audience: {
        en: 'Anyone looking for work: after losing a job, at the end of studies, or to change careers.',
        fr: 'Toute personne qui cherche un emploi : après la perte d’un emploi, à la fin des études ou pour changer de métier.',
      },
      requirements: {
        en: 'You are 16 or over\nYou are allowed to work in France',
        fr: 'Vous avez 16 ans ou plus\nVous avez le droit de travailler en France',
      },
      evidence: {
        en: 'Your ID\nYour social security number\nYour bank details (IBAN)\nYour CV, if you have one\nYour latest employer certificates',
        fr: 'Votre pièce d’identité\nVotre numéro de sécurité sociale\nVotre RIB\nVotre CV, si vous en avez un\nVos dernières attestations employeur',
      },
      processingTime: 'P5D',
      contactPhone: '+33 3 00 00 03 01',
      contactPage: 'https://emploi.vallee-verte.example/contact',
      contactHours: { en: 'Monday to Friday, 8.30 am to 5 pm', fr: 'Du lundi au vendredi, de 8 h 30 à 17 h' },
      languages: ['fr', 'en', 'es'],
      accessibility: 'partial',
      accessibilityUrl: 'https://emploi.vallee-verte.example/accessibilite',
      related: ['apply-for-minimum-income'],
    },
  },
  {
    slug: 'claim-unemployment-benefit',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['losing-a-job'],
    name: { en: 'Claim unemployment benefit', fr: 'Demander l’allocation chômage' },
    summary: {
      en: 'A monthly income for people who have lost their job and worked at least six months in the last two years.',
      fr: 'Un revenu mensuel pour les personnes qui ont perdu leur emploi et qui ont travaillé au moins six mois au cours des deux dernières années.',
    },
    description: {
      en: 'You can receive the return-to-work allowance (ARE) if you lost your job through no choice of your own, for example at the end of a fixed-term contract, by dismissal or by mutual agreement, and worked at least six months in the last 24 months.\n\nYou need the certificates from all your employers, your bank details and an ID. Employers usually send their certificates to the agency directly.\n\nYou claim when you register as a job seeker. The decision arrives within about two weeks, and payment starts after a seven-day waiting period. Benefit is paid monthly once you have updated your situation.',
      fr: 'Vous pouvez percevoir l’allocation d’aide au retour à l’emploi (ARE) si vous avez perdu votre emploi sans l’avoir choisi, par exemple à la fin d’un CDD, après un licenciement ou une rupture conventionnelle, et si vous avez travaillé au moins six mois au cours des 24 derniers mois.\n\nVous avez besoin des attestations de tous vos employeurs, de votre RIB et d’une pièce d’identité. Les employeurs transmettent en général leurs attestations directement à l’agence.\n\nLa demande se fait lors de votre inscription comme demandeur d’emploi. La décision arrive sous deux semaines environ, et le versement commence après un délai d’attente de sept jours. L’allocation est versée chaque mois après votre actualisation.',
    },
    keywords: {
      en: ['unemployment benefit', 'ARE', 'jobseeker’s allowance', 'dismissal', 'end of contract'],
      fr: ['chômage', 'ARE', 'allocation chômage', 'licenciement', 'rupture conventionnelle', 'fin de CDD'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/allocation-chomage',
    isFree: true,
    details: {
      audience: {
        en: 'People who lost their job through no choice of their own and worked at least 6 months in the last 2 years.',
        fr: 'Les personnes qui ont perdu leur emploi sans l’avoir choisi et qui ont travaillé au moins 6 mois au cours des 2 dernières années.',
      },
      requirements: {
        en: 'You are registered as a job seeker\nYou worked at least 6 months in the last 24 months\nYou are actively looking for work',
        fr: 'Vous êtes inscrit comme demandeur d’emploi\nVous avez travaillé au moins 6 mois au cours des 24 derniers mois\nVous cherchez activement un emploi',
      },
      evidence: {
        en: 'Your employer certificates\nYour bank details (IBAN)',
        fr: 'Vos attestations employeur\nVotre RIB',
      },
      processingTime: 'P2W',
      contactPhone: '+33 3 00 00 03 01',
      contactHours: { en: 'Monday to Friday, 8.30 am to 5 pm', fr: 'Du lundi au vendredi, de 8 h 30 à 17 h' },
      languages: ['fr', 'en'],
      accessibility: 'partial',
      related: ['register-as-a-job-seeker', 'apply-for-minimum-income'],
    },
  },
  {
    slug: 'update-your-situation-every-month',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['losing-a-job'],
    name: { en: 'Update your situation every month', fr: 'S’actualiser chaque mois' },
    summary: {
      en: 'Tell the agency each month that you are still looking for work and whether you worked, to keep your registration and benefit.',
      fr: 'Confirmez chaque mois que vous cherchez toujours un emploi et déclarez vos heures travaillées, pour garder votre inscription et votre allocation.',
    },
    description: {
      en: 'Every registered job seeker must update their situation once a month, between the 28th and the 15th of the following month, even if they receive no benefit.\n\nYou need your login and, if you worked during the month, your payslips: you declare the hours worked and the gross pay.\n\nIt takes two minutes online or in the mobile app. If you forget, your registration ends and your benefit stops, so turn on the reminder in the app.',
      fr: 'Tout demandeur d’emploi inscrit doit s’actualiser une fois par mois, entre le 28 du mois et le 15 du mois suivant, même s’il ne perçoit pas d’allocation.\n\nVous avez besoin de vos identifiants et, si vous avez travaillé dans le mois, de vos bulletins de salaire : il faut déclarer les heures travaillées et le salaire brut.\n\nL’actualisation prend deux minutes en ligne ou sur l’application mobile. En cas d’oubli, votre inscription prend fin et l’allocation s’arrête : activez le rappel dans l’application.',
    },
    keywords: {
      en: ['monthly update', 'declare hours', 'job seeker', 'payslip'],
      fr: ['actualisation', 's’actualiser', 'déclaration mensuelle', 'heures travaillées'],
    },
    channels: ['online', 'dps', 'phone'],
    onlineUrl: 'https://emploi.vallee-verte.example/actualisation',
    isFree: true,
  },
  {
    slug: 'find-and-fund-a-training-course',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['looking-for-a-job', 'losing-a-job'],
    name: { en: 'Find and fund a training course', fr: 'Trouver et financer une formation' },
    summary: {
      en: 'Find a training course near you and get it paid for through your training account or by the agency.',
      fr: 'Trouvez une formation près de chez vous et faites-la financer par votre compte formation ou par l’agence.',
    },
    description: {
      en: 'Job seekers and employees who want to learn a trade, get a qualification or update their skills can find a course and the money to pay for it. Many courses are free for job seekers.\n\nYou need your CV, the balance of your personal training account (CPF) and a short note on your career plans. Your adviser may ask the training provider for a quote.\n\nSearch the catalogue online, then talk about the course with your adviser. Funding is decided within two to four weeks; during the course you may keep or receive an allowance.',
      fr: 'Les demandeurs d’emploi et les salariés qui veulent apprendre un métier, obtenir un diplôme ou actualiser leurs compétences peuvent trouver une formation et son financement. De nombreuses formations sont gratuites pour les demandeurs d’emploi.\n\nVous avez besoin de votre CV, du solde de votre compte personnel de formation (CPF) et d’une courte présentation de votre projet professionnel. Votre conseiller peut demander un devis à l’organisme de formation.\n\nCherchez dans le catalogue en ligne, puis parlez de la formation avec votre conseiller. Le financement est décidé sous deux à quatre semaines ; pendant la formation, vous pouvez conserver ou percevoir une rémunération.',
    },
    keywords: {
      en: ['training', 'course', 'CPF', 'qualification', 'retraining'],
      fr: ['formation', 'CPF', 'reconversion', 'qualification', 'financement'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/formations',
    isFree: true,
  },
  {
    slug: 'search-and-apply-for-jobs',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['looking-for-a-job'],
    name: { en: 'Search and apply for jobs', fr: 'Chercher des offres d’emploi et postuler' },
    summary: {
      en: 'Browse job offers in Vallée-Verte and beyond, set up alerts and apply online with your CV.',
      fr: 'Consultez les offres d’emploi de Vallée-Verte et d’ailleurs, créez des alertes et postulez en ligne avec votre CV.',
    },
    description: {
      en: 'Anyone can search the job offers, registered or not. Local employers publish jobs, apprenticeships and seasonal work every day.\n\nTo apply, you need an account, a CV and, for some offers, a cover letter. You can create your CV on the website.\n\nSearch by job, place and type of contract, and save alerts to receive new offers by email. Employers usually answer within two weeks, and you can follow your applications in your account.',
      fr: 'Tout le monde peut consulter les offres, inscrit ou non. Les employeurs locaux publient chaque jour des emplois, des contrats d’apprentissage et des emplois saisonniers.\n\nPour postuler, il vous faut un compte, un CV et, pour certaines offres, une lettre de motivation. Vous pouvez créer votre CV sur le site.\n\nCherchez par métier, lieu et type de contrat, et enregistrez des alertes pour recevoir les nouvelles offres par courriel. Les employeurs répondent en général sous deux semaines, et vous suivez vos candidatures dans votre espace.',
    },
    keywords: {
      en: ['job offers', 'vacancies', 'jobs', 'apply', 'job alert'],
      fr: ['offres d’emploi', 'emploi', 'postuler', 'candidature', 'alerte emploi'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/offres',
    isFree: true,
  },
  {
    slug: 'join-a-cv-and-interview-workshop',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['looking-for-a-job'],
    name: { en: 'Join a CV and interview workshop', fr: 'Participer à un atelier CV et entretien' },
    summary: {
      en: 'Free group workshops to write a good CV, prepare for interviews and use job websites, at the agency or in a Digital Public Space.',
      fr: 'Des ateliers collectifs gratuits pour rédiger un bon CV, préparer un entretien et utiliser les sites d’emploi, à l’agence ou dans un espace public numérique.',
    },
    description: {
      en: 'The workshops are open to all job seekers, whatever their level. Some are for beginners with computers; others cover video interviews or applying online.\n\nBring an ID and, if you have one, your current CV on a USB stick or in your email. Computers are provided.\n\nBook a place online or through your adviser. Each workshop lasts half a day for six to ten people, and several take place every week in Saint-Aubin-sur-Verte and Mont-Rivel.',
      fr: 'Les ateliers sont ouverts à tous les demandeurs d’emploi, quel que soit leur niveau. Certains s’adressent aux débutants en informatique ; d’autres portent sur l’entretien en visioconférence ou la candidature en ligne.\n\nApportez une pièce d’identité et, si vous en avez un, votre CV actuel sur une clé USB ou dans votre messagerie. Les ordinateurs sont fournis.\n\nRéservez votre place en ligne ou auprès de votre conseiller. Chaque atelier dure une demi-journée, pour six à dix personnes, et plusieurs ont lieu chaque semaine à Saint-Aubin-sur-Verte et à Mont-Rivel.',
    },
    keywords: {
      en: ['CV', 'resume', 'job interview', 'workshop', 'cover letter'],
      fr: ['CV', 'atelier', 'entretien d’embauche', 'lettre de motivation', 'candidature'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/ateliers',
    isFree: true,
  },
  {
    slug: 'get-help-to-start-a-business',
    organisation: 'employment-agency',
    sector: 'employment',
    lifeEvents: ['losing-a-job'],
    name: { en: 'Get help to start a business', fr: 'Se faire accompagner pour créer son entreprise' },
    summary: {
      en: 'Advice, workshops and financial help for job seekers who want to start or take over a business.',
      fr: 'Conseils, ateliers et aides financières pour les demandeurs d’emploi qui veulent créer ou reprendre une entreprise.',
    },
    description: {
      en: 'Job seekers with a business idea, whatever its size, can get support, from testing the idea to the first months of trading. Those receiving unemployment benefit can keep part of it or receive the rest as a lump sum (ARCE).\n\nYou need a short description of your project and, later, a business plan and financial forecast. Your adviser tells you what to prepare at each step.\n\nAsk your adviser or sign up online for an information meeting. Support lasts up to six months. The lump sum is paid in two instalments, the first when the business starts.',
      fr: 'Les demandeurs d’emploi qui ont un projet d’entreprise, quelle que soit sa taille, peuvent être accompagnés, de la vérification de l’idée aux premiers mois d’activité. Ceux qui perçoivent l’allocation chômage peuvent en conserver une partie ou recevoir le reste sous forme de capital (ARCE).\n\nVous avez besoin d’une courte présentation de votre projet puis, plus tard, d’un business plan et d’un prévisionnel financier. Votre conseiller vous indique quoi préparer à chaque étape.\n\nParlez-en à votre conseiller ou inscrivez-vous en ligne à une réunion d’information. L’accompagnement dure jusqu’à six mois. Le capital est versé en deux fois, la première au démarrage de l’activité.',
    },
    keywords: {
      en: ['start a business', 'self-employed', 'ARCE', 'ACRE', 'entrepreneur'],
      fr: ['création d’entreprise', 'ARCE', 'ACRE', 'auto-entrepreneur', 'micro-entreprise'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/creation-entreprise',
    isFree: true,
  },
  {
    slug: 'get-back-to-work-support-on-rsa',
    organisation: 'county-council',
    sector: 'employment',
    lifeEvents: ['looking-for-a-job'],
    name: { en: 'Get support to return to work on RSA', fr: 'Être accompagné vers l’emploi quand on touche le RSA' },
    summary: {
      en: 'A named adviser, training, and help with transport or childcare for people on the RSA who want to get back to work.',
      fr: 'Un référent, des formations et des aides pour le transport ou la garde d’enfants pour les bénéficiaires du RSA qui veulent reprendre un emploi.',
    },
    description: {
      en: 'Everyone receiving the RSA has a named adviser at the county or one of its partners. The adviser helps you deal with what stands between you and a job: transport, childcare, health or housing.\n\nYou need your RSA claimant number, your CV if you have one, and certificates from any training you have done.\n\nThe county contacts you within two months of your RSA starting to sign a commitment agreement. You then meet your adviser regularly; help such as funding for a driving licence can be agreed within a few weeks.',
      fr: 'Chaque bénéficiaire du RSA a un référent au Département ou chez l’un de ses partenaires. Il vous aide à lever ce qui vous empêche de travailler : transport, garde d’enfants, santé ou logement.\n\nVous avez besoin de votre numéro d’allocataire, de votre CV si vous en avez un et des attestations des formations suivies.\n\nLe Département vous contacte dans les deux mois qui suivent l’ouverture de vos droits pour signer un contrat d’engagement. Vous rencontrez ensuite votre référent régulièrement ; des aides comme le financement du permis de conduire peuvent être accordées en quelques semaines.',
    },
    keywords: {
      en: ['RSA', 'back to work', 'adviser', 'driving licence', 'support'],
      fr: ['RSA', 'insertion', 'référent', 'retour à l’emploi', 'contrat d’engagement'],
    },
    channels: ['dps', 'phone', 'in_person'],
    onlineUrl: null,
    isFree: true,
  },
  {
    slug: 'get-a-qualification-for-your-experience',
    organisation: 'employment-agency',
    sector: 'education',
    lifeEvents: ['looking-for-a-job', 'losing-a-job'],
    name: { en: 'Get a qualification for your experience (VAE)', fr: 'Faire valider les acquis de son expérience (VAE)' },
    summary: {
      en: 'Turn your work or volunteering experience into a recognised qualification, without going back to full-time study.',
      fr: 'Obtenez un diplôme reconnu grâce à votre expérience professionnelle ou bénévole, sans reprendre des études à temps plein.',
    },
    description: {
      en: 'Anyone whose experience, paid or voluntary, matches a qualification can apply: job seekers, employees, family carers or volunteers.\n\nYou need proof of your experience, such as payslips, work certificates or a letter from an association, and an ID.\n\nAn adviser helps you choose the qualification and check you are eligible, then a coach helps you write your file. You present it to a panel; the whole process takes six months to a year and can be funded for job seekers.',
      fr: 'Toute personne dont l’expérience, salariée ou bénévole, correspond à un diplôme peut se lancer : demandeurs d’emploi, salariés, proches aidants ou bénévoles.\n\nVous avez besoin de justificatifs de votre expérience, comme des bulletins de salaire, des certificats de travail ou une attestation d’association, et d’une pièce d’identité.\n\nUn conseiller vous aide à choisir le diplôme et à vérifier la recevabilité, puis un accompagnateur vous aide à rédiger votre dossier. Vous le présentez devant un jury ; le parcours dure de six mois à un an et peut être financé pour les demandeurs d’emploi.',
    },
    keywords: {
      en: ['VAE', 'qualification', 'diploma', 'work experience', 'accreditation'],
      fr: ['VAE', 'validation des acquis', 'diplôme', 'expérience', 'certification'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://emploi.vallee-verte.example/vae',
    isFree: true,
  },
  {
    slug: 'enrol-your-child-in-school',
    organisation: 'city-of-saint-aubin',
    sector: 'education',
    lifeEvents: ['starting-education', 'moving'],
    name: { en: 'Enrol your child in a state nursery or primary school', fr: 'Inscrire son enfant à l’école maternelle ou élémentaire' },
    summary: {
      en: 'Register your child with the city for a place in a state nursery or primary school in Saint-Aubin-sur-Verte.',
      fr: 'Inscrivez votre enfant auprès de la Ville pour obtenir une place dans une école publique maternelle ou élémentaire de Saint-Aubin-sur-Verte.',
    },
    description: {
      en: 'Parents living in Saint-Aubin-sur-Verte enrol their child for the first year of school, for the move up to primary school in another building, or after moving house. School is compulsory from the age of three.\n\nYou need the family record book or your child’s birth certificate, proof of address less than three months old and the vaccination pages of the child’s health record.\n\nEnrol online from January for the following September. The city tells you which school your child will attend within three weeks; you then complete the admission with the head teacher.',
      fr: 'Les parents qui habitent Saint-Aubin-sur-Verte inscrivent leur enfant pour une première rentrée, pour le passage en élémentaire dans une autre école ou après un déménagement. L’instruction est obligatoire dès trois ans.\n\nVous avez besoin du livret de famille ou de l’acte de naissance de l’enfant, d’un justificatif de domicile de moins de trois mois et des pages vaccinations du carnet de santé.\n\nInscrivez votre enfant en ligne dès janvier pour la rentrée de septembre. La Ville vous indique l’école d’affectation sous trois semaines ; vous finalisez ensuite l’admission auprès du directeur ou de la directrice.',
    },
    keywords: {
      en: ['school enrolment', 'primary school', 'nursery school', 'school registration', 'new school year'],
      fr: ['inscription scolaire', 'école maternelle', 'école élémentaire', 'rentrée', 'école'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/ecoles/inscription',
    isFree: true,
    details: {
      audience: {
        en: 'Parents of a child starting nursery or primary school, or moving to a school in Saint-Aubin-sur-Verte.',
        fr: 'Les parents d’un enfant qui entre en maternelle ou à l’école élémentaire, ou qui change d’école à Saint-Aubin-sur-Verte.',
      },
      requirements: {
        en: 'You live in Saint-Aubin-sur-Verte\nYour child turns 3 this year or is older',
        fr: 'Vous habitez Saint-Aubin-sur-Verte\nVotre enfant a 3 ans cette année ou plus',
      },
      evidence: {
        en: 'Your family record book or your child’s birth certificate\nA proof of address less than 3 months old\nYour child’s vaccination record',
        fr: 'Votre livret de famille ou l’acte de naissance de l’enfant\nUn justificatif de domicile de moins de 3 mois\nLe carnet de vaccination de l’enfant',
      },
      processingTime: 'P2W',
      contactPhone: '+33 3 00 00 04 01',
      contactEmail: 'ecoles@saint-aubin-sur-verte.example',
      contactHours: {
        en: 'Monday to Friday, 8.30 am to noon and 1.30 pm to 5 pm',
        fr: 'Du lundi au vendredi, de 8 h 30 à 12 h et de 13 h 30 à 17 h',
      },
      languages: ['fr'],
      accessibility: 'non_compliant',
      related: ['claim-child-benefit'],
    },
  },
  {
    slug: 'sign-up-for-school-meals-and-after-school-care',
    organisation: 'city-of-saint-aubin',
    sector: 'education',
    lifeEvents: ['starting-education'],
    name: { en: 'Sign up for school meals and after-school care', fr: 'Inscrire son enfant à la cantine et au périscolaire' },
    summary: {
      en: 'Book school lunches, before- and after-school care and Wednesday activities. Prices depend on your family income.',
      fr: 'Réservez la cantine, l’accueil du matin et du soir et le mercredi. Les tarifs dépendent de votre quotient familial.',
    },
    description: {
      en: 'Parents whose children attend a state school in Saint-Aubin-sur-Verte can book school lunches, care before and after school, and Wednesday activities.\n\nYou need your family allowance number or your last tax notice to set your rate, your child’s health information and the names of the people allowed to collect them.\n\nCreate your family account online, then book or cancel up to two days ahead. You receive one bill a month and can pay it online, by direct debit or at the town hall.',
      fr: 'Les parents dont les enfants fréquentent une école publique de Saint-Aubin-sur-Verte peuvent réserver la cantine, l’accueil avant et après la classe et les activités du mercredi.\n\nVous avez besoin de votre numéro d’allocataire CAF ou de votre dernier avis d’imposition pour calculer votre tarif, des informations de santé de l’enfant et du nom des personnes autorisées à venir le chercher.\n\nCréez votre espace famille en ligne, puis réservez ou annulez jusqu’à deux jours à l’avance. Vous recevez une facture par mois, à régler en ligne, par prélèvement ou en mairie.',
    },
    keywords: {
      en: ['school canteen', 'school meals', 'after-school care', 'family account', 'Wednesday'],
      fr: ['cantine', 'périscolaire', 'garderie', 'espace famille', 'quotient familial'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/espace-famille',
    isFree: false,
    details: {
      audience: {
        en: 'Parents of children at a state nursery or primary school in Saint-Aubin-sur-Verte.',
        fr: 'Les parents d’enfants scolarisés dans une école publique de Saint-Aubin-sur-Verte.',
      },
      evidence: {
        en: 'Your family’s tax notice, to set the price\nThe name of a person allowed to collect your child',
        fr: 'L’avis d’imposition du foyer, pour calculer le tarif\nLe nom d’une personne autorisée à venir chercher l’enfant',
      },
      processingTime: 'P1W',
      contactPhone: '+33 3 00 00 04 02',
      contactEmail: 'periscolaire@saint-aubin-sur-verte.example',
      contactHours: { en: 'Monday to Friday, 8.30 am to noon', fr: 'Du lundi au vendredi, de 8 h 30 à 12 h' },
      languages: ['fr'],
      accessibility: 'partial',
      related: ['enrol-your-child-in-school'],
      costDescription: {
        en: 'The price of a meal depends on the family’s income, from €0.50 to €4.20.',
        fr: 'Le prix du repas dépend des revenus de la famille, de 0,50 € à 4,20 €.',
      },
    },
  },
  {
    slug: 'apply-for-a-school-bus-pass',
    organisation: 'county-council',
    sector: 'education',
    lifeEvents: ['starting-education', 'moving'],
    name: { en: 'Apply for a school bus pass', fr: 'Demander une carte de transport scolaire' },
    summary: {
      en: 'A bus pass for secondary school pupils in Vallée-Verte who live more than 3 km from their school.',
      fr: 'Une carte de car pour les collégiens et lycéens de Vallée-Verte qui habitent à plus de 3 km de leur établissement.',
    },
    description: {
      en: 'Pupils at a secondary school in the county who live more than 3 km from it can take the school buses. Pupils with a disability can get adapted transport.\n\nYou need a photo of your child, proof of address and the name of the school. For adapted transport, you also need the decision of the disability centre (MDPH).\n\nApply online before 15 July for the new school year. A flat fee of €30 per child per year is charged, and the pass is posted to you before term starts. Late applications are handled within three weeks.',
      fr: 'Les collégiens et lycéens scolarisés dans le département qui habitent à plus de 3 km de leur établissement peuvent prendre les cars scolaires. Les élèves en situation de handicap peuvent bénéficier d’un transport adapté.\n\nVous avez besoin d’une photo de l’enfant, d’un justificatif de domicile et du nom de l’établissement. Pour le transport adapté, il faut aussi la décision de la MDPH.\n\nFaites la demande en ligne avant le 15 juillet pour la rentrée. Une participation forfaitaire de 30 € par enfant et par an est demandée, et la carte est envoyée à domicile avant la rentrée. Les demandes tardives sont traitées sous trois semaines.',
    },
    keywords: {
      en: ['school bus', 'school transport', 'bus pass', 'secondary school', 'pupil'],
      fr: ['transport scolaire', 'car scolaire', 'carte de transport', 'collège', 'lycée'],
    },
    channels: ['online', 'dps', 'phone'],
    onlineUrl: 'https://www.vallee-verte.example/transport-scolaire',
    isFree: false,
    details: {
      costAmount: 30,
      processingTime: 'P3W',
      languages: ['fr', 'en'],
      accessibility: 'partial',
      costDescription: {
        en: 'An annual fee of €30 per child, free from the third child.',
        fr: 'Une participation annuelle de 30 € par enfant, gratuite à partir du troisième enfant.',
      },
    },
  },
  {
    slug: 'claim-back-to-school-allowance',
    organisation: 'family-allowance-office',
    sector: 'education',
    lifeEvents: ['starting-education'],
    name: { en: 'Claim the back-to-school allowance', fr: 'Demander l’allocation de rentrée scolaire' },
    summary: {
      en: 'A payment every August to help families on modest incomes buy school things for children aged 6 to 18.',
      fr: 'Une aide versée chaque année en août pour aider les familles aux revenus modestes à payer la rentrée des enfants de 6 à 18 ans.',
    },
    description: {
      en: 'Families on modest incomes receive this allowance for each child aged 6 to 18 who is at school or in an apprenticeship. The amount depends on the child’s age.\n\nIf you already receive a benefit from the office, you have nothing to do, except to confirm online that children aged 16 to 18 are still at school. Otherwise you need your income from two years ago and your bank details.\n\nThe allowance is paid automatically in the second half of August. If the office does not know you yet, apply online; payment follows within about a month.',
      fr: 'Les familles aux revenus modestes reçoivent cette allocation pour chaque enfant de 6 à 18 ans scolarisé ou en apprentissage. Son montant dépend de l’âge de l’enfant.\n\nSi vous percevez déjà une prestation de la caisse, vous n’avez rien à faire, sauf déclarer en ligne que vos enfants de 16 à 18 ans poursuivent leurs études. Sinon, il vous faut vos revenus d’il y a deux ans et votre RIB.\n\nL’allocation est versée automatiquement dans la seconde quinzaine d’août. Si la caisse ne vous connaît pas encore, faites la demande en ligne ; le versement suit en un mois environ.',
    },
    keywords: {
      en: ['back-to-school allowance', 'ARS', 'school supplies', 'CAF'],
      fr: ['allocation de rentrée scolaire', 'ARS', 'fournitures scolaires', 'rentrée', 'CAF'],
    },
    channels: ['online', 'dps', 'phone', 'in_person'],
    onlineUrl: 'https://caf.vallee-verte.example/rentree-scolaire',
    isFree: true,
  },
  {
    slug: 'apply-for-a-youth-project-grant',
    organisation: 'county-council',
    sector: 'education',
    lifeEvents: ['looking-for-a-job'],
    name: { en: 'Apply for a youth project grant', fr: 'Demander l’aide départementale aux projets des jeunes' },
    summary: {
      en: 'Up to €800 for 16- to 25-year-olds in Vallée-Verte towards a driving licence, a youth leader course or a training or community project.',
      fr: 'Jusqu’à 800 € pour les 16-25 ans de Vallée-Verte, pour le permis de conduire, le BAFA ou un projet de formation ou associatif.',
    },
    description: {
      en: 'Young people aged 16 to 25 who live in the county can apply for a grant towards a project that makes them more independent: a driving licence, a youth leader certificate (BAFA), a training course or a volunteer or community project.\n\nYou need an ID, proof of address, a quote for the cost and a short letter about your project. Under-18s also need a parent’s consent.\n\nApply online or at a youth information point. A committee meets every two months; in return, you give 20 hours of volunteering to a local association.',
      fr: 'Les jeunes de 16 à 25 ans qui habitent le département peuvent demander une aide pour un projet qui les rend plus autonomes : permis de conduire, brevet d’aptitude aux fonctions d’animateur (BAFA), formation, projet bénévole ou associatif.\n\nVous avez besoin d’une pièce d’identité, d’un justificatif de domicile, d’un devis et d’une courte lettre qui présente votre projet. Les mineurs fournissent aussi l’accord d’un parent.\n\nFaites la demande en ligne ou dans un point information jeunesse. Une commission se réunit tous les deux mois ; en contrepartie, vous donnez 20 heures de bénévolat à une association locale.',
    },
    keywords: {
      en: ['youth grant', 'driving licence', 'BAFA', 'young people', 'project'],
      fr: ['bourse', 'jeunes', 'permis de conduire', 'BAFA', 'aide aux projets'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/jeunes/aide-aux-projets',
    isFree: true,
  },
  {
    slug: 'get-a-library-card',
    organisation: 'city-of-saint-aubin',
    sector: 'education',
    lifeEvents: ['retirement', 'moving'],
    name: { en: 'Get a library card', fr: 'S’inscrire à la médiathèque' },
    summary: {
      en: 'Borrow books, films and games, use the computers and access online resources at the city’s media library. Free for residents.',
      fr: 'Empruntez livres, films et jeux, utilisez les ordinateurs et les ressources en ligne de la médiathèque. Gratuit pour les habitants.',
    },
    description: {
      en: 'Anyone can join the Jean-Rostand media library. Membership is free for people who live in Saint-Aubin-sur-Verte and costs €15 a year for others (free for under-18s, students and job seekers).\n\nYou need an ID and, for the free card, proof of address less than three months old. Children under 14 join with a parent.\n\nPre-register online, then collect your card at the desk; it is ready at once. You can borrow up to 15 items for four weeks and renew them online.',
      fr: 'Tout le monde peut s’inscrire à la médiathèque Jean-Rostand. L’inscription est gratuite pour les habitants de Saint-Aubin-sur-Verte et coûte 15 € par an pour les autres (gratuite pour les moins de 18 ans, les étudiants et les demandeurs d’emploi).\n\nVous avez besoin d’une pièce d’identité et, pour la carte gratuite, d’un justificatif de domicile de moins de trois mois. Les enfants de moins de 14 ans s’inscrivent avec un parent.\n\nPréinscrivez-vous en ligne, puis retirez votre carte à l’accueil : elle est prête tout de suite. Vous pouvez emprunter jusqu’à 15 documents pour quatre semaines et prolonger vos prêts en ligne.',
    },
    keywords: {
      en: ['library card', 'library', 'borrow books', 'media library', 'membership'],
      fr: ['médiathèque', 'bibliothèque', 'carte de lecteur', 'emprunter des livres', 'inscription'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/mediatheque/inscription',
    isFree: false,
    details: {
      costDescription: {
        en: 'Free for under-18s, students and job seekers; €12 a year for others.',
        fr: 'Gratuite pour les moins de 18 ans, les étudiants et les demandeurs d’emploi ; 12 € par an pour les autres.',
      },
    },
  },
  {
    slug: 'book-a-sports-facility',
    organisation: 'city-of-saint-aubin',
    sector: 'education',
    lifeEvents: [],
    name: { en: 'Book a sports hall, court or pitch', fr: 'Réserver un équipement sportif' },
    summary: {
      en: 'Book a sports hall, tennis court or football pitch in Saint-Aubin-sur-Verte by the hour, for a group, a club or your family.',
      fr: 'Réservez à l’heure un gymnase, un court de tennis ou un terrain de football à Saint-Aubin-sur-Verte, pour un groupe, un club ou en famille.',
    },
    description: {
      en: 'Residents, associations and schools can book the city’s sports facilities when clubs are not using them. Tennis courts are open to individuals; sports halls and pitches are for groups.\n\nYou need a user account and, for an association, its registration number and insurance certificate.\n\nBook online up to three weeks ahead and pay by card; prices start at €8 an hour, with a lower rate for residents. You can cancel free of charge up to 48 hours before.',
      fr: 'Les habitants, les associations et les écoles peuvent réserver les équipements sportifs de la Ville sur les créneaux laissés libres par les clubs. Les courts de tennis sont ouverts aux particuliers ; les gymnases et les terrains sont réservés aux groupes.\n\nVous avez besoin d’un compte usager et, pour une association, de son numéro RNA et de son attestation d’assurance.\n\nRéservez en ligne jusqu’à trois semaines à l’avance et payez par carte ; les tarifs commencent à 8 € de l’heure, avec un tarif réduit pour les habitants. L’annulation est gratuite jusqu’à 48 heures avant.',
    },
    keywords: {
      en: ['sports hall', 'tennis court', 'football pitch', 'gym', 'booking'],
      fr: ['gymnase', 'tennis', 'terrain de foot', 'réservation', 'équipement sportif'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/sports/reservation',
    isFree: false,
    details: {
      costDescription: {
        en: 'Free for local clubs; hourly rates for other groups.',
        fr: 'Gratuit pour les associations de la commune ; tarif horaire pour les autres groupes.',
      },
    },
  },
  {
    slug: 'register-to-vote',
    organisation: 'city-of-saint-aubin',
    sector: 'democracy-and-participation',
    lifeEvents: ['moving'],
    name: { en: 'Register to vote', fr: 'S’inscrire sur les listes électorales' },
    summary: {
      en: 'Register on the electoral roll of Saint-Aubin-sur-Verte to vote in local, national and European elections.',
      fr: 'Inscrivez-vous sur les listes électorales de Saint-Aubin-sur-Verte pour voter aux élections locales, nationales et européennes.',
    },
    description: {
      en: 'French citizens aged 18 or over who live or pay local taxes in Saint-Aubin-sur-Verte can register. Citizens of other EU countries can register for municipal and European elections. Young people who did their citizenship census are registered automatically at 18.\n\nYou need an ID and proof of address less than three months old.\n\nRegister online, at a Digital Public Space or at the town hall, up to the sixth Friday before an election. You can check your registration and polling station online at any time; your voter card is sent by post.',
      fr: 'Les Français de 18 ans ou plus qui habitent ou paient des impôts locaux à Saint-Aubin-sur-Verte peuvent s’inscrire. Les citoyens des autres pays de l’Union européenne peuvent s’inscrire pour les élections municipales et européennes. Les jeunes recensés sont inscrits automatiquement à 18 ans.\n\nVous avez besoin d’une pièce d’identité et d’un justificatif de domicile de moins de trois mois.\n\nInscrivez-vous en ligne, dans un espace public numérique ou en mairie, jusqu’au sixième vendredi avant le scrutin. Vous pouvez vérifier à tout moment votre inscription et votre bureau de vote en ligne ; la carte électorale est envoyée par courrier.',
    },
    keywords: {
      en: ['register to vote', 'electoral roll', 'voter card', 'polling station', 'elections'],
      fr: ['listes électorales', 'inscription', 'carte électorale', 'bureau de vote', 'élections'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/elections/inscription',
    isFree: true,
    details: {
      audience: {
        en: 'French citizens aged 18 or over, and citizens of other EU countries for local and European elections.',
        fr: 'Les citoyens français de 18 ans ou plus, et les citoyens des autres pays de l’Union européenne pour les élections municipales et européennes.',
      },
      requirements: {
        en: 'You are 18 or over on election day\nYou live or pay local taxes in the town',
        fr: 'Vous avez 18 ans ou plus le jour du scrutin\nVous habitez la commune ou y payez des impôts locaux',
      },
      evidence: {
        en: 'Your ID or passport\nA proof of address less than 3 months old',
        fr: 'Votre carte d’identité ou votre passeport\nUn justificatif de domicile de moins de 3 mois',
      },
      processingTime: 'P5D',
      contactPhone: '+33 3 00 00 04 03',
      contactEmail: 'elections@saint-aubin-sur-verte.example',
      contactHours: { en: 'Monday to Friday, 8.30 am to noon', fr: 'Du lundi au vendredi, de 8 h 30 à 12 h' },
      languages: ['fr'],
      accessibility: 'compliant',
    },
  },
  {
    slug: 'request-a-civil-status-certificate',
    organisation: 'city-of-saint-aubin',
    sector: 'democracy-and-participation',
    lifeEvents: ['death-of-a-relative'],
    name: { en: 'Request a birth, marriage or death certificate', fr: 'Demander un acte de naissance, de mariage ou de décès' },
    summary: {
      en: 'Get a free copy or extract of a birth, marriage or death certificate registered in Saint-Aubin-sur-Verte.',
      fr: 'Obtenez gratuitement une copie ou un extrait d’acte de naissance, de mariage ou de décès enregistré à Saint-Aubin-sur-Verte.',
    },
    description: {
      en: 'You can request the certificate of a birth, marriage or death that took place in Saint-Aubin-sur-Verte. Anyone can get a death certificate; a full copy of a birth or marriage certificate is only given to the person, their close family or their legal representative.\n\nYou need the person’s full name, the date of the event and, for a full copy, the names of their parents.\n\nRequest it online in five minutes; it is free. The certificate is posted within a week. Many administrations now check birth certificates directly, so ask first whether you really need one.',
      fr: 'Vous pouvez demander l’acte d’une naissance, d’un mariage ou d’un décès survenu à Saint-Aubin-sur-Verte. Tout le monde peut obtenir un acte de décès ; la copie intégrale d’un acte de naissance ou de mariage n’est délivrée qu’à la personne, à sa proche famille ou à son représentant légal.\n\nVous avez besoin des nom et prénoms de la personne, de la date de l’événement et, pour une copie intégrale, des noms de ses parents.\n\nLa demande en ligne prend cinq minutes et elle est gratuite. L’acte est envoyé par courrier sous une semaine. De nombreuses administrations vérifient désormais l’acte de naissance directement : demandez-leur d’abord s’il est vraiment nécessaire.',
    },
    keywords: {
      en: ['birth certificate', 'marriage certificate', 'death certificate', 'civil status', 'copy'],
      fr: ['acte de naissance', 'acte de décès', 'acte de mariage', 'état civil', 'extrait'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/etat-civil/actes',
    isFree: true,
  },
  {
    slug: 'register-a-birth',
    organisation: 'city-of-saint-aubin',
    sector: 'democracy-and-participation',
    lifeEvents: ['having-a-child'],
    name: { en: 'Register a birth', fr: 'Déclarer une naissance' },
    summary: {
      en: 'Every birth must be registered at the town hall of the place of birth within five days. There is a desk at the maternity ward.',
      fr: 'Toute naissance doit être déclarée à la mairie du lieu de naissance dans les cinq jours. Une permanence a lieu à la maternité.',
    },
    description: {
      en: 'Births at the Saint-Aubin-sur-Verte hospital are registered by the city’s civil status office. Usually the father or the other parent does it, but anyone who was present at the birth can.\n\nYou need the childbirth certificate from the doctor or midwife, the ID of the person registering, the family record book if you have one and, if you made one, the joint declaration of choice of surname.\n\nCome to the civil status desk, or to the desk at the maternity ward on weekday mornings, within five days of the birth (the day of birth does not count). It takes about 15 minutes, and you leave with copies of the birth certificate.',
      fr: 'Les naissances à l’hôpital de Saint-Aubin-sur-Verte sont déclarées au service de l’état civil de la Ville. C’est en général le père ou l’autre parent qui s’en charge, mais toute personne ayant assisté à l’accouchement peut le faire.\n\nVous avez besoin du certificat d’accouchement établi par le médecin ou la sage-femme, de la pièce d’identité du déclarant, du livret de famille si vous en avez un et, le cas échéant, de la déclaration conjointe de choix de nom.\n\nPrésentez-vous au guichet de l’état civil, ou à la permanence de la maternité en semaine le matin, dans les cinq jours qui suivent la naissance (le jour de l’accouchement n’est pas compté). La déclaration prend 15 minutes environ et vous repartez avec des copies de l’acte de naissance.',
    },
    keywords: {
      en: ['birth registration', 'register a birth', 'newborn', 'civil status', 'family record book'],
      fr: ['déclaration de naissance', 'naissance', 'état civil', 'livret de famille', 'nouveau-né'],
    },
    channels: ['in_person'],
    onlineUrl: null,
    isFree: true,
  },
  {
    slug: 'propose-or-vote-for-a-participatory-budget-project',
    organisation: 'city-of-saint-aubin',
    sector: 'democracy-and-participation',
    lifeEvents: [],
    name: { en: 'Propose or vote for a participatory budget project', fr: 'Proposer ou voter pour un projet du budget participatif' },
    summary: {
      en: 'Each year €300,000 of the city’s budget goes to projects proposed and chosen by residents. Submit an idea or vote for your favourites.',
      fr: 'Chaque année, 300 000 € du budget de la Ville financent des projets proposés et choisis par les habitants. Déposez une idée ou votez pour vos préférés.',
    },
    description: {
      en: 'Any resident of Saint-Aubin-sur-Verte aged 11 or over can propose a project or vote, whatever their nationality. Projects must serve the public interest, fall within the city’s powers and cost less than €50,000.\n\nYou need an account on the participation platform. To propose a project, describe it in a few lines; a photo or sketch helps.\n\nIdeas are collected from March to May, studied by city departments over the summer and put to the vote in October. Winning projects are carried out the following year, and you can follow their progress online.',
      fr: 'Tout habitant de Saint-Aubin-sur-Verte âgé d’au moins 11 ans peut proposer un projet ou voter, quelle que soit sa nationalité. Les projets doivent servir l’intérêt général, relever des compétences de la Ville et coûter moins de 50 000 €.\n\nVous avez besoin d’un compte sur la plateforme de participation. Pour proposer un projet, décrivez-le en quelques lignes ; une photo ou un croquis aide à le comprendre.\n\nLes idées sont recueillies de mars à mai, étudiées par les services pendant l’été et soumises au vote en octobre. Les projets lauréats sont réalisés l’année suivante, et vous suivez leur avancement en ligne.',
    },
    keywords: {
      en: ['participatory budget', 'citizen projects', 'vote', 'neighbourhood', 'ideas'],
      fr: ['budget participatif', 'projets citoyens', 'voter', 'quartier', 'idées'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/participer/budget-participatif',
    isFree: true,
  },
  {
    slug: 'start-or-sign-a-petition',
    organisation: 'city-of-saint-aubin',
    sector: 'democracy-and-participation',
    lifeEvents: [],
    name: { en: 'Start or sign a petition to the city council', fr: 'Lancer ou signer une pétition au conseil municipal' },
    summary: {
      en: 'Ask the city council to discuss a local issue. A petition signed by 1,000 residents is put on the agenda of a council meeting.',
      fr: 'Demandez au conseil municipal de débattre d’une question locale. Une pétition signée par 1 000 habitants est inscrite à l’ordre du jour d’une séance.',
    },
    description: {
      en: 'Any resident aged 16 or over can start or sign a petition on a subject the city is responsible for, such as streets, schools, parks or local services.\n\nYou need an account with a verified email address and a postal address in Saint-Aubin-sur-Verte. A petition needs a clear title and a few lines explaining what you are asking for.\n\nThe city checks each new petition within a week before publishing it. Signatures are collected for six months. Above 1,000 signatures, the council discusses it at a public meeting and publishes a written answer.',
      fr: 'Tout habitant de 16 ans ou plus peut lancer ou signer une pétition sur un sujet qui relève de la Ville : voirie, écoles, parcs ou services de proximité.\n\nIl faut un compte avec une adresse électronique vérifiée et une adresse postale à Saint-Aubin-sur-Verte. Une pétition a besoin d’un titre clair et de quelques lignes qui expliquent votre demande.\n\nLa Ville vérifie chaque nouvelle pétition sous une semaine avant de la publier. Les signatures sont recueillies pendant six mois. Au-delà de 1 000 signatures, le conseil en débat lors d’une séance publique et publie une réponse écrite.',
    },
    keywords: {
      en: ['petition', 'sign a petition', 'city council', 'local issue'],
      fr: ['pétition', 'signer', 'conseil municipal', 'droit de pétition'],
    },
    channels: ['online', 'dps'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/participer/petitions',
    isFree: true,
  },
  {
    slug: 'follow-city-council-meetings',
    organisation: 'city-of-saint-aubin',
    sector: 'democracy-and-participation',
    lifeEvents: [],
    name: { en: 'Follow city council meetings', fr: 'Suivre les séances du conseil municipal' },
    summary: {
      en: 'Watch council meetings live or later, read agendas and minutes, or come in person: meetings are open to the public.',
      fr: 'Regardez les conseils municipaux en direct ou en différé, consultez ordres du jour et procès-verbaux, ou assistez aux séances, qui sont publiques.',
    },
    description: {
      en: 'Council meetings are open to everyone. The city council meets about six times a year, usually on a Monday at 6.30 pm, in the council chamber of the town hall.\n\nYou need nothing to attend or watch. The agenda is published online five days before each meeting, and the minutes within a week after it.\n\nWatch live or later on the city website, with subtitles. The chamber is wheelchair accessible and has a hearing loop; seats are free, first come, first served.',
      fr: 'Les séances du conseil municipal sont ouvertes à tous. Le conseil se réunit environ six fois par an, en général le lundi à 18 h 30, dans la salle du conseil de l’hôtel de ville.\n\nAucune démarche n’est nécessaire pour assister ou regarder. L’ordre du jour est publié en ligne cinq jours avant chaque séance, et le procès-verbal dans la semaine qui suit.\n\nRegardez la séance en direct ou en différé sur le site de la Ville, avec sous-titres. La salle est accessible en fauteuil roulant et équipée d’une boucle magnétique ; l’entrée est libre, dans la limite des places disponibles.',
    },
    keywords: {
      en: ['city council', 'council meeting', 'live stream', 'minutes', 'agenda'],
      fr: ['conseil municipal', 'séance', 'direct', 'procès-verbal', 'ordre du jour'],
    },
    channels: ['online', 'in_person'],
    onlineUrl: 'https://www.saint-aubin-sur-verte.example/conseil-municipal',
    isFree: true,
  },
  {
    slug: 'give-your-opinion-in-a-county-consultation',
    organisation: 'county-council',
    sector: 'democracy-and-participation',
    lifeEvents: [],
    name: { en: 'Give your opinion in a county consultation', fr: 'Donner son avis dans une consultation du Département' },
    summary: {
      en: 'Say what you think about county plans such as new cycle routes, bus lines or care for older people, online or at a public meeting.',
      fr: 'Donnez votre avis sur les projets du Département, comme les voies cyclables, les lignes de car ou l’accompagnement des personnes âgées, en ligne ou en réunion publique.',
    },
    description: {
      en: 'Anyone who lives, works or studies in Vallée-Verte can take part, whatever their age or nationality. Several consultations run each year; each one says what is open for discussion and what is already decided.\n\nYou need an account on the participation platform to answer a questionnaire or comment. Paper questionnaires are available in Digital Public Spaces.\n\nEach consultation lasts four to eight weeks. Within three months of the closing date, the county publishes a summary of the contributions and explains what it changed as a result.',
      fr: 'Toute personne qui vit, travaille ou étudie en Vallée-Verte peut participer, quels que soient son âge et sa nationalité. Plusieurs consultations ont lieu chaque année ; chacune précise ce qui est ouvert au débat et ce qui est déjà décidé.\n\nVous avez besoin d’un compte sur la plateforme de participation pour répondre à un questionnaire ou commenter. Des questionnaires papier sont disponibles dans les espaces publics numériques.\n\nChaque consultation dure de quatre à huit semaines. Dans les trois mois qui suivent la clôture, le Département publie la synthèse des contributions et explique ce qu’il a modifié en conséquence.',
    },
    keywords: {
      en: ['public consultation', 'have your say', 'survey', 'county plans', 'participation'],
      fr: ['concertation', 'consultation publique', 'donner son avis', 'questionnaire', 'participation citoyenne'],
    },
    channels: ['online', 'dps', 'in_person'],
    onlineUrl: 'https://www.vallee-verte.example/participer/consultations',
    isFree: true,
  },
];
