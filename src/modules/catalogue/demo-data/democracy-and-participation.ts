/**
 * Demo e-services of the “Democracy and participation” sector: electoral roll, civil status,
 * participatory budget, petitions, council meetings and consultations.
 */

import type { DemoService } from './taxonomy.js';

/** The sector’s services, in catalogue order. */
export const DEMOCRACY_AND_PARTICIPATION_SERVICES: DemoService[] = [
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
