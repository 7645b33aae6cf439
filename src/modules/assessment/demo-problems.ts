/**
 * The demo co-assessment's problem reports, in every status, with the steps of their timelines.
 * Reporters are indexes into DEMO_ASSESSORS (demo-data.ts); seedDemoAssessments there writes them.
 */
import type { ProblemCategory, ProblemStatus } from './assessment.model.js';

/** A problem report and what happened to it: [days ago, new status or null for a note, duplicate of (index), note]. */
interface DemoProblem {
  reporter: number;
  service: string;
  daysAgo: number;
  category: ProblemCategory;
  description: string;
  steps: [number, ProblemStatus | null, number | null, string | null][];
}

export const DEMO_PROBLEMS: DemoProblem[] = [
  {
    reporter: 6,
    service: 'housing-allowance',
    daysAgo: 115,
    category: 'error_message',
    description: 'À la dernière étape, le bouton « Valider ma demande » affiche « Erreur 500 » et rien n’est envoyé.',
    steps: [
      [114, 'acknowledged', null, 'Merci, nous avons reproduit le problème et le transmettons à notre prestataire.'],
      [100, 'in_progress', null, null],
      [90, 'fixed', null, 'Corrigé : la demande peut de nouveau être validée. Merci de votre patience.'],
    ],
  },
  {
    reporter: 4,
    service: 'housing-allowance',
    daysAgo: 50,
    category: 'broken_link',
    description: 'The link to the list of documents at the bottom of the page leads to a “page not found” error.',
    steps: [
      [48, 'acknowledged', null, null],
      [47, 'fixed', null, 'The link now points to the current list of documents.'],
    ],
  },
  {
    reporter: 9,
    service: 'housing-allowance',
    daysAgo: 49,
    category: 'broken_link',
    description: 'The “documents you need” link is broken: it says the page does not exist.',
    steps: [[48, 'duplicate', 1, 'Already reported: we are fixing it there.']],
  },
  {
    reporter: 3,
    service: 'claim-child-benefit',
    daysAgo: 150,
    category: 'inaccessible',
    description: 'Avec le zoom à 200 %, le bouton « Continuer » sort de l’écran et je ne peux plus avancer.',
    steps: [
      [140, 'acknowledged', null, null],
      [60, 'in_progress', null, 'Une nouvelle mise en page, qui s’adapte au zoom, est en cours de test.'],
    ],
  },
  {
    reporter: 5,
    service: 'apply-for-minimum-income',
    daysAgo: 60,
    category: 'other',
    description: 'Il faudrait pouvoir faire cette demande par téléphone, pour les personnes qui n’ont pas d’ordinateur.',
    steps: [
      [
        55,
        'wont_fix',
        null,
        'La demande par téléphone n’est pas possible, mais les espaces publics numériques vous accompagnent gratuitement pour la faire en ligne.',
      ],
    ],
  },
  {
    reporter: 9,
    service: 'apply-for-minimum-income',
    daysAgo: 10,
    category: 'outdated',
    description: 'The page still gives last year’s income thresholds.',
    steps: [[8, 'acknowledged', null, 'Thank you: the new thresholds will be published this month.']],
  },
  {
    reporter: 4,
    service: 'register-as-a-job-seeker',
    daysAgo: 8,
    category: 'error_message',
    description: 'After I choose an appointment slot, I get “Session expired” every time and have to start again.',
    steps: [],
  },
  {
    reporter: 9,
    service: 'enrol-your-child-in-school',
    daysAgo: 25,
    category: 'inaccessible',
    description: 'The date of birth field cannot be filled in with the keyboard: it only opens a calendar you have to click.',
    steps: [[3, null, null, 'We have asked the supplier for a text field the keyboard can fill in.']],
  },
];
