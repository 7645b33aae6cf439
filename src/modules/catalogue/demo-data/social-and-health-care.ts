/**
 * Demo e-services of the “Social and health care” sector: minimum income, family benefits, help
 * for older and disabled people, child protection.
 */

import type { DemoService } from './taxonomy.js';

/** The sector’s services, in catalogue order. */
export const SOCIAL_AND_HEALTH_CARE_SERVICES: DemoService[] = [
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
];
