/**
 * The titles of the demo pages, in both languages, so that the `[[links]]` between them are spelled
 * exactly as the pages are (a link names a page by its title). `MISSING_TITLES` are pages the demo
 * links to on purpose without writing them: the red links invite someone to start them.
 */

/** Every demo page's title, by a short key, in English and French. */
export const TITLES = {
  housing: { en: 'Applying for housing benefit online', fr: 'Demander l’aide au logement en ligne' },
  familyAccount: {
    en: 'Creating your family allowance office account',
    fr: 'Créer son espace personnel à la caisse d’allocations familiales',
  },
  birth: { en: 'Registering a birth and claiming the birth grant', fr: 'Déclarer une naissance et demander la prime de naissance' },
  jobs: { en: 'Looking for a job online and updating your situation', fr: 'Chercher un emploi en ligne et actualiser sa situation' },
  school: { en: 'Enrolling your child at school online', fr: 'Inscrire son enfant à l’école en ligne' },
  certificate: { en: 'Requesting a birth certificate online', fr: 'Demander un acte de naissance en ligne' },
  canteen: { en: 'Paying the school canteen bill online', fr: 'Payer la facture de cantine en ligne' },
  pdf: { en: 'Sending a document as a PDF from your phone', fr: 'Envoyer un document en PDF depuis son téléphone' },
  phishing: { en: 'Recognising a phishing email', fr: 'Reconnaître un courriel d’hameçonnage' },
  publicComputer: { en: 'Using a public computer safely', fr: 'Utiliser un ordinateur public en toute sécurité' },
  videoCall: { en: 'Making a video call with your doctor', fr: 'Faire une téléconsultation avec son médecin' },
  mediator: { en: 'Filling in a form with the help of a mediator', fr: 'Remplir un formulaire avec l’aide d’un médiateur' },
  libraryHours: {
    en: 'Digital helpers’ hours at the Saint-Aubin media library',
    fr: 'Les permanences d’aidants numériques à la médiathèque de Saint-Aubin',
  },
  phoneLine: {
    en: 'A phone line for the online housing benefit form',
    fr: 'Une ligne téléphonique pour le formulaire d’aide au logement',
  },
  teenagers: { en: 'Teenagers teaching seniors to use a smartphone', fr: 'Des adolescents apprennent le smartphone aux seniors' },
} as const;

/** Pages linked to but not written yet (shown as links to create). */
export const MISSING_TITLES = {
  findPlace: { en: 'Finding a Digital Public Space near you', fr: 'Trouver un Espace public numérique près de chez vous' },
  passwords: { en: 'Keeping your passwords safe', fr: 'Protéger ses mots de passe' },
} as const;
