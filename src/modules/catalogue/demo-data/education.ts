/**
 * Demo e-services of the “Education” sector: school enrolment, meals and transport, grants,
 * libraries and sports facilities.
 */

import type { DemoService } from './taxonomy.js';

/** The sector’s services, in catalogue order. */
export const EDUCATION_SERVICES: DemoService[] = [
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
];
