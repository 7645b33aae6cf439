/**
 * Demo e-services of the “Employment” sector: registering as a job seeker, benefits, training,
 * job search and starting a business.
 */

import type { DemoService } from './taxonomy.js';

/** The sector’s services, in catalogue order. */
export const EMPLOYMENT_SERVICES: DemoService[] = [
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
];
