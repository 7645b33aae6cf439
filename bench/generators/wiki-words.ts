/**
 * Word lists for generated wiki pages. A wiki page is written in one language (en or fr, the UI
 * locales), so unlike the catalogue's texts these are not aligned across languages: each locale has
 * its own title patterns, headings, sentences, steps and edit summaries, in the voice of the demo
 * wiki (src/modules/wiki/demo-pages).
 */
import type { PageType } from '../../src/modules/wiki/wiki.model.js';

export const WIKI_LOCALES = ['en', 'fr'] as const;
export type WikiLocale = (typeof WIKI_LOCALES)[number];

/** What a sentence may mention: an action on a topic, a place, documents, and links to write. */
export interface WikiVars {
  /** "apply for housing benefit" / "demander une aide au logement". */
  does: string;
  topic: string;
  place: string;
  docs: string;
  minutes: number;
  days: number;
  phone: string;
  /** A `[[Title]]` link to another page (which may not exist yet). */
  page: string;
  /** A `[[service:slug]]` link. */
  service: string;
}

type Sentence = (v: WikiVars) => string;

/** Actions as titles start them: English gerunds, French infinitives. */
export const TITLE_ACTIONS: Record<WikiLocale, string[]> = {
  en: ['Applying for', 'Renewing', 'Changing the details of', 'Tracking', 'Cancelling', 'Getting help with', 'Appealing a decision on'],
  fr: ['Demander', 'Renouveler', 'Modifier', 'Suivre', 'Résilier', 'Se faire aider pour', 'Contester une décision concernant'],
};

/** The same actions (same index) inside a sentence: "how to apply for…", "comment demander…". */
export const ACTIONS: Record<WikiLocale, string[]> = {
  en: ['apply for', 'renew', 'change the details of', 'track', 'cancel', 'get help with', 'appeal a decision on'],
  fr: TITLE_ACTIONS.fr.map((a) => a.charAt(0).toLowerCase() + a.slice(1)),
};

const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Title patterns per page type: `a` is the action, `t` the topic, `p` a municipality. */
export const TITLES: Record<PageType, Record<WikiLocale, ((a: string, t: string, p: string) => string)[]>> = {
  guide: {
    en: [
      (a, t) => `${a} ${t} online`,
      (a, t, p) => `${a} ${t} in ${p}`,
      (a, t) => `${a} ${t} from your phone`,
      (a, t, p) => `${a} ${t} at the ${p} town hall`,
      (a, t, p) => `${a} ${t} with a mediator in ${p}`,
    ],
    fr: [
      (a, t) => `${a} ${t} en ligne`,
      (a, t, p) => `${a} ${t} à ${p}`,
      (a, t) => `${a} ${t} depuis son téléphone`,
      (a, t, p) => `${a} ${t} à la mairie de ${p}`,
      (a, t, p) => `${a} ${t} avec un médiateur à ${p}`,
    ],
  },
  good_practice: {
    en: [
      (a, t, p) => `Good practice in ${p}: ${a.toLowerCase()} ${t} with a mediator`,
      (_, t, p) => `A helpdesk for ${t} in ${p}`,
      (_, t, p) => `How ${p} helps people with ${t}`,
    ],
    fr: [
      (a, t, p) => `Bonne pratique à ${p} : ${a.toLowerCase()} ${t} avec un médiateur`,
      (_, t, p) => `Une permanence pour ${t} à ${p}`,
      (_, t, p) => `Comment ${p} accompagne les habitants pour ${t}`,
    ],
  },
  general: {
    en: [
      (_, t) => `Questions about ${t}`,
      (_, t, p) => `Where to ask about ${t} in ${p}`,
      (_, t, p) => `${cap(t)} in ${p}: what changes this year`,
    ],
    fr: [
      (_, t) => `Questions fréquentes sur ${t}`,
      (_, t, p) => `Où se renseigner sur ${t} à ${p}`,
      (_, t, p) => `${cap(t)} à ${p} : ce qui change cette année`,
    ],
  },
};

/** Section headings per page type (level-1 headings, as the demo pages use). */
export const HEADINGS: Record<PageType, Record<WikiLocale, string[]>> = {
  guide: {
    en: ['Before you start', 'Steps', 'If something goes wrong', 'Where to get help'],
    fr: ['Avant de commencer', 'Les étapes', 'En cas de problème', 'Où trouver de l’aide'],
  },
  good_practice: {
    en: ['The situation', 'What we did', 'What worked', 'What we would do differently'],
    fr: ['La situation', 'Ce que nous avons fait', 'Ce qui a marché', 'Ce que nous ferions autrement'],
  },
  general: {
    en: ['In short', 'Who can help', 'Useful pages'],
    fr: ['En bref', 'Qui peut aider', 'Pages utiles'],
  },
};

export const SENTENCES: Record<WikiLocale, Sentence[]> = {
  en: [
    (v) => `This page explains how to ${v.does}, step by step, for people who do not use a computer every day.`,
    (v) => `Have ${v.docs} at hand: the form asks for them.`,
    (v) => `It takes about ${v.minutes} minutes, and the answer comes within ${v.days} days.`,
    (v) => `The service to use is ${v.service}.`,
    (v) => `If you have no account yet, follow ${v.page} first.`,
    (v) => `The digital mediators in ${v.place} can do it with you, free of charge.`,
    (v) => `By phone, call ${v.phone} on weekdays from 9 am to 4.30 pm.`,
    () => 'Write down the application number shown at the end, or take a photo of the screen.',
    (v) => `Many people give up at the upload step: ${v.page} shows how to send a document from your phone.`,
    (v) => `The rules for ${v.topic} changed this year; check the amounts on ${v.service}.`,
    (v) => `In ${v.place}, the town hall lends a tablet for the afternoon if you need one.`,
    () => 'Ask for a printed copy of the confirmation if you do not have an email address.',
    (v) => `See also ${v.page}.`,
  ],
  fr: [
    (v) => `Cette page explique comment ${v.does}, étape par étape, pour les personnes peu à l’aise avec l’ordinateur.`,
    (v) => `Préparez ${v.docs} : le formulaire vous les demandera.`,
    (v) => `Comptez environ ${v.minutes} minutes ; la réponse arrive sous ${v.days} jours.`,
    (v) => `Le service à utiliser est ${v.service}.`,
    (v) => `Si vous n’avez pas encore de compte, suivez d’abord ${v.page}.`,
    (v) => `Les médiateurs numériques de ${v.place} peuvent le faire avec vous, gratuitement.`,
    (v) => `Par téléphone, appelez le ${v.phone} en semaine, de 9 h à 16 h 30.`,
    () => 'Notez le numéro de dossier affiché à la fin, ou prenez l’écran en photo.',
    (v) => `Beaucoup de personnes abandonnent à l’envoi des justificatifs : ${v.page} montre comment faire depuis un téléphone.`,
    (v) => `Les règles concernant ${v.topic} ont changé cette année ; vérifiez les montants sur ${v.service}.`,
    (v) => `À ${v.place}, la mairie prête une tablette pour l’après-midi si besoin.`,
    () => 'Demandez une copie papier de la confirmation si vous n’avez pas d’adresse électronique.',
    (v) => `Voir aussi ${v.page}.`,
  ],
};

/** Items of numbered steps and bullet lists. */
export const STEPS: Record<WikiLocale, Sentence[]> = {
  en: [
    (v) => `Open ${v.service} and press **Start**.`,
    () => 'Sign in with your account, or create one.',
    () => 'Fill in your address and the date you moved in.',
    () => 'Add the people who live with you and their income.',
    (v) => `Attach ${v.docs}.`,
    () => 'Check the summary page, then press **Send**.',
    () => 'Keep the confirmation email: it has your application number.',
    () => '**The page will not load**: wait a few minutes and try again; your answers are saved at each step.',
    (v) => `**You are stuck**: the mediators in ${v.place} can help.`,
  ],
  fr: [
    (v) => `Ouvrez ${v.service} et cliquez sur **Commencer**.`,
    () => 'Connectez-vous à votre compte, ou créez-en un.',
    () => 'Indiquez votre adresse et votre date d’arrivée dans le logement.',
    () => 'Ajoutez les personnes qui vivent avec vous et leurs revenus.',
    (v) => `Joignez ${v.docs}.`,
    () => 'Vérifiez le récapitulatif, puis cliquez sur **Envoyer**.',
    () => 'Gardez le courriel de confirmation : il contient votre numéro de dossier.',
    () => '**La page ne s’affiche pas** : patientez quelques minutes et réessayez ; vos réponses sont enregistrées.',
    (v) => `**Vous êtes bloqué** : les médiateurs de ${v.place} peuvent vous aider.`,
  ],
};

/** Documents a form asks for. */
export const DOCS: Record<WikiLocale, string[]> = {
  en: ['proof of identity', 'proof of address', 'your last tax notice', 'your bank details', 'a recent payslip', 'your tenancy agreement'],
  fr: [
    'une pièce d’identité',
    'un justificatif de domicile',
    'votre dernier avis d’imposition',
    'votre RIB',
    'un bulletin de salaire récent',
    'votre bail',
  ],
};

/** Pages that pages link to without anyone having written them (red links). */
export const MISSING_TITLES: Record<WikiLocale, string[]> = {
  en: ['Finding a Digital Public Space near you', 'Keeping your passwords safe', 'Scanning a document with your phone'],
  fr: ['Trouver un Espace public numérique près de chez vous', 'Protéger ses mots de passe', 'Numériser un document avec son téléphone'],
};

export const SUMMARIES: Record<WikiLocale, { create: string; edit: string[]; restore: string }> = {
  en: {
    create: 'First version of the page',
    edit: ['Typo', 'Updated the amounts', 'Clearer steps', 'Added a link', 'New opening hours', 'Simpler words', 'Removed outdated advice'],
    restore: 'Undo the last change',
  },
  fr: {
    create: 'Première version de la page',
    edit: [
      'Coquille',
      'Montants mis à jour',
      'Étapes plus claires',
      'Ajout d’un lien',
      'Nouveaux horaires',
      'Mots plus simples',
      'Conseil obsolète retiré',
    ],
    restore: 'Annulation de la dernière modification',
  },
};
