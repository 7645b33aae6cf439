/**
 * The demo territory's co-assessment: ten more demo citizens (they sign in with the demo password)
 * rate eight demo services over the last twelve months, with reviews in French and English, two
 * later updates (so the history shows), helpful marks, official answers, and problem reports in
 * every status with their timelines. Everything goes through the module's own service functions
 * (counters, month buckets, timelines and audit entries stay right), dated with their `now`
 * options. The main demo accounts are left without assessments, so trying the forms starts fresh.
 * Idempotent: it does nothing once the first extra citizen has assessed something.
 */
import type { Db } from '../../db/database.js';
import type { SeedContext } from '../../platform/module.js';
import { createUserWithRoles, DEMO_PASSWORD, hashPassword } from '../accounts/index.js';
import type { Completion, ProblemCategory, ProblemStatus, Usage } from './assessment.model.js';
import { assessmentActor } from './assessment.actor.js';
import type { AssessmentActor } from './assessment.policy.js';
import { submitAssessment } from './assessments.service.js';
import { createProblemReport, triageProblemReport } from './problems.service.js';
import { answerReview, markHelpful } from './reviews.service.js';

const DAY = 86_400_000;

/** The extra demo citizens (index = the number used below). */
export const DEMO_ASSESSORS: { email: string; displayName: string; locale: 'en' | 'fr' }[] = [
  { email: 'lucie.bernard@demo.ecoop.example', displayName: 'Lucie Bernard', locale: 'fr' },
  { email: 'marc.dubois@demo.ecoop.example', displayName: 'Marc Dubois', locale: 'fr' },
  { email: 'fatou.ndiaye@demo.ecoop.example', displayName: 'Fatou Ndiaye', locale: 'fr' },
  { email: 'pierre.lefevre@demo.ecoop.example', displayName: 'Pierre Lefèvre', locale: 'fr' },
  { email: 'emily.carter@demo.ecoop.example', displayName: 'Emily Carter', locale: 'en' },
  { email: 'helene.rousseau@demo.ecoop.example', displayName: 'Hélène Rousseau', locale: 'fr' },
  { email: 'youssef.amrani@demo.ecoop.example', displayName: 'Youssef Amrani', locale: 'fr' },
  { email: 'david.walsh@demo.ecoop.example', displayName: 'David Walsh', locale: 'en' },
  { email: 'claire.fontaine@demo.ecoop.example', displayName: 'Claire Fontaine', locale: 'fr' },
  { email: 'nadia.haddad@demo.ecoop.example', displayName: 'Nadia Haddad', locale: 'en' },
];

type Scores = [satisfaction: number, find: number, use: number, works: number, accessible: number];
/** [assessor, service slug, days ago, scores, completion, usage, review] — in the order they happened. */
type DemoAssessment = [number, string, number, Scores, Completion, Usage, string | null];

export const DEMO_ASSESSMENTS: DemoAssessment[] = [
  [
    3,
    'apply-for-minimum-income',
    340,
    [2, 2, 2, 3, 2],
    'partly',
    'dps',
    'Beaucoup de questions difficiles à comprendre. Sans l’aide de l’espace public numérique, je n’y serais pas arrivé.',
  ],
  [1, 'register-as-a-job-seeker', 320, [3, 4, 3, 3, 3], 'yes', 'alone', null],
  [
    0,
    'housing-allowance',
    330,
    [4, 4, 3, 4, 4],
    'yes',
    'alone',
    'La simulation m’a aidée à savoir à quoi m’attendre. Il faut quand même scanner beaucoup de justificatifs.',
  ],
  [
    0,
    'enrol-your-child-in-school',
    310,
    [3, 3, 4, 3, 4],
    'yes',
    'alone',
    'Inscription faite en ligne, mais mon justificatif de domicile a été refusé deux fois sans explication.',
  ],
  [1, 'claim-child-benefit', 300, [4, 4, 4, 5, 4], 'yes', 'alone', null],
  [
    4,
    'housing-allowance',
    290,
    [2, 3, 2, 2, 3],
    'partly',
    'helped',
    'The form timed out twice while I was uploading my lease. My daughter had to help me start again.',
  ],
  [2, 'claim-birth-grant', 280, [5, 4, 5, 5, 4], 'yes', 'alone', 'Déclaration faite depuis la maternité, sur mon téléphone. Parfait.'],
  [
    3,
    'apply-for-social-housing',
    270,
    [2, 2, 2, 3, 3],
    'partly',
    'dps',
    'Le dossier est très long, et on ne sait pas où en est la demande une fois envoyée.',
  ],
  [5, 'apply-for-minimum-income', 260, [3, 3, 3, 3, 3], 'yes', 'helped', null],
  [5, 'order-a-waste-bin', 250, [5, 4, 5, 5, 5], 'yes', 'alone', 'Commandé le lundi, livré le jeudi. Très bien.'],
  [
    1,
    'housing-allowance',
    240,
    [5, 5, 4, 5, 4],
    'yes',
    'alone',
    'Demande faite en vingt minutes, réponse reçue en trois semaines. Rien à redire.',
  ],
  [
    4,
    'register-as-a-job-seeker',
    230,
    [2, 3, 2, 2, 2],
    'partly',
    'alone',
    'The appointment booking step kept sending me back to the start. In the end I phoned them.',
  ],
  [
    7,
    'claim-child-benefit',
    220,
    [5, 4, 5, 5, 5],
    'yes',
    'alone',
    'Clear questions, and it remembered my answers when I came back the next day.',
  ],
  [2, 'enrol-your-child-in-school', 200, [5, 5, 5, 5, 4], 'yes', 'alone', null],
  [
    6,
    'apply-for-minimum-income',
    190,
    [1, 2, 1, 2, 2],
    'no',
    'helped',
    'On me demande un justificatif que je n’ai pas, et il n’y a aucune autre option. Je suis bloqué.',
  ],
  [6, 'apply-for-social-housing', 180, [3, 3, 3, 3, 3], 'yes', 'helped', null],
  [
    5,
    'housing-allowance',
    170,
    [3, 2, 3, 4, 3],
    'yes',
    'dps',
    'Je n’aurais pas trouvé la bonne page seule. La médiatrice de la médiathèque m’a montré le chemin.',
  ],
  [7, 'claim-birth-grant', 160, [4, 4, 4, 4, 4], 'yes', 'alone', null],
  [
    3,
    'claim-child-benefit',
    150,
    [3, 3, 3, 3, 2],
    'partly',
    'helped',
    'Les caractères sont petits et, quand je zoome, la page déborde de l’écran de mon téléphone.',
  ],
  [
    5,
    'register-as-a-job-seeker',
    140,
    [4, 4, 4, 4, 3],
    'yes',
    'dps',
    'L’atelier de l’espace numérique m’a permis de tout faire en une matinée.',
  ],
  [8, 'order-a-waste-bin', 130, [4, 3, 4, 4, 4], 'yes', 'alone', null],
  [
    7,
    'enrol-your-child-in-school',
    120,
    [4, 4, 5, 4, 4],
    'yes',
    'alone',
    'Available in English, which helped a lot as we had only just moved here.',
  ],
  [
    6,
    'housing-allowance',
    110,
    [2, 3, 2, 1, 2],
    'no',
    'helped',
    'Le site affiche une erreur au moment de valider. J’ai dû envoyer le dossier par la poste.',
  ],
  [
    4,
    'apply-for-social-housing',
    100,
    [2, 3, 2, 2, 3],
    'no',
    'alone',
    'I could not save my application halfway through, and lost everything after half an hour.',
  ],
  [
    9,
    'apply-for-minimum-income',
    95,
    [3, 4, 3, 3, 3],
    'partly',
    'alone',
    'The eligibility checker is useful, but the result page does not say what to do next.',
  ],
  [6, 'register-as-a-job-seeker', 80, [3, 3, 3, 3, 3], 'yes', 'helped', null],
  [8, 'claim-child-benefit', 70, [4, 5, 4, 4, 4], 'yes', 'alone', 'Simple et rapide.'],
  [
    4,
    'housing-allowance',
    60,
    [3, 3, 3, 3, 3],
    'partly',
    'alone',
    'Better now: the upload works, although it is still slow. I updated my rating.',
  ],
  [8, 'claim-birth-grant', 55, [4, 3, 4, 5, 4], 'yes', 'alone', 'Il faut chercher un peu le lien, mais ensuite tout est clair.'],
  [9, 'housing-allowance', 45, [4, 4, 4, 4, 3], 'yes', 'alone', null],
  [1, 'apply-for-social-housing', 40, [3, 3, 3, 4, 3], 'yes', 'alone', null],
  [9, 'order-a-waste-bin', 35, [4, 4, 4, 5, 4], 'yes', 'alone', 'Quick and easy.'],
  [0, 'apply-for-minimum-income', 30, [3, 3, 3, 4, 3], 'yes', 'dps', null],
  [
    9,
    'enrol-your-child-in-school',
    25,
    [3, 3, 3, 3, 2],
    'partly',
    'helped',
    'The date picker cannot be used with the keyboard, so my husband had to fill it in for me.',
  ],
  [4, 'claim-child-benefit', 20, [4, 4, 4, 3, 4], 'yes', 'alone', null],
  [
    6,
    'apply-for-minimum-income',
    18,
    [2, 2, 2, 2, 2],
    'partly',
    'helped',
    'Toujours compliqué, mais une conseillère m’a rappelé pour m’aider à finir. J’ai mis ma note à jour.',
  ],
  [8, 'register-as-a-job-seeker', 15, [4, 4, 4, 4, 4], 'yes', 'alone', 'Bien plus simple qu’avant.'],
  [
    2,
    'housing-allowance',
    12,
    [4, 3, 4, 4, 4],
    'yes',
    'dps',
    'Très bien une fois qu’on a ses identifiants. Le conseiller de l’espace numérique m’a aidée pour le mot de passe.',
  ],
];

/** Reviews (by assessor and service) and who marked them helpful. */
const HELPFUL: [number, string, number[]][] = [
  [4, 'housing-allowance', [0, 1, 5, 9]],
  [6, 'housing-allowance', [2, 3]],
  [6, 'apply-for-minimum-income', [3, 5, 9]],
  [4, 'register-as-a-job-seeker', [1, 6]],
  [4, 'apply-for-social-housing', [1, 3, 6]],
  [9, 'enrol-your-child-in-school', [0, 2]],
  [7, 'claim-child-benefit', [1]],
];

/** Official answers: [assessor, service, days ago, answer]. The family allowance office's come from the demo official, the others from the admin. */
const ANSWERS: [number, string, number, string][] = [
  [
    4,
    'housing-allowance',
    55,
    'Thank you for telling us. Uploads failed for large files until June; files up to 10 MB now go through. If it happens again, please report a problem from this page.',
  ],
  [
    6,
    'apply-for-minimum-income',
    15,
    'Merci pour votre retour. Si vous n’avez pas ce justificatif, vous pouvez désormais joindre une attestation sur l’honneur : l’option a été ajoutée au formulaire.',
  ],
  [
    4,
    'apply-for-social-housing',
    90,
    'We are sorry you lost your work. Since October the form saves your answers at each step, and you can come back to it later.',
  ],
];

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

const citizenActor = (id: number): AssessmentActor => ({ id, roles: ['citizen'], emailVerified: true, organisationIds: [] });

async function userIdByEmail(db: Db, email: string): Promise<number | undefined> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst())?.id;
}

/** Seeds the demo co-assessment (see the file's comment). */
export async function seedDemoAssessments({ db, log }: SeedContext, now: Date = new Date()): Promise<void> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  // People: the extra citizens (created once), the official and the admin.
  let passwordHash: string | undefined;
  const ids: number[] = [];
  for (const a of DEMO_ASSESSORS) {
    const existing = await userIdByEmail(db, a.email);
    if (existing !== undefined) {
      ids.push(existing);
      continue;
    }
    // One hash for every extra citizen (they share the public demo password): hashing is the slow part.
    passwordHash ??= await hashPassword(DEMO_PASSWORD);
    ids.push(
      await createUserWithRoles(db, {
        email: a.email,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        passwordHash,
        locale: a.locale,
        roles: [],
      }),
    );
  }
  if (await db.selectFrom('assessments').select('id').where('user_id', '=', ids[0]!).executeTakeFirst()) return;

  const services = new Map(
    (await db.selectFrom('services').select(['id', 'slug', 'organisation_id', 'status']).execute())
      .filter((s) => s.status === 'published')
      .map((s) => [s.slug, s]),
  );
  const officialId = await userIdByEmail(db, 'official@demo.ecoop.example');
  const adminId = await userIdByEmail(db, 'admin@demo.ecoop.example');
  const official = officialId ? await assessmentActor(db, { id: officialId, roles: ['citizen', 'official'], emailVerified: true }) : null;
  const admin: AssessmentActor = adminId ? { id: adminId, roles: ['admin'], emailVerified: true, organisationIds: [] } : null;
  /** Who answers for a service's organisation: the demo official where they can, the admin elsewhere. */
  const staffFor = (organisationId: number) => (official && official.organisationIds.includes(organisationId) ? official : admin);

  const reviewIds = new Map<string, number>();
  let assessed = 0;
  for (const [who, slug, daysAgo, [satisfaction, find, use, works, accessible], completion, usage, review] of DEMO_ASSESSMENTS) {
    const service = services.get(slug);
    if (!service) continue;
    const result = await submitAssessment(
      db,
      citizenActor(ids[who]!),
      service.id,
      { satisfaction, find, use, works, accessible, completion, usage, review },
      { locale: DEMO_ASSESSORS[who]!.locale, now: at(daysAgo) },
    );
    reviewIds.set(`${who}/${slug}`, result.id);
    assessed += 1;
  }
  for (const [who, slug, markers] of HELPFUL) {
    const reviewId = reviewIds.get(`${who}/${slug}`);
    if (reviewId === undefined) continue;
    for (const m of markers) await markHelpful(db, citizenActor(ids[m]!), reviewId, true, { now: at(5) });
  }
  for (const [who, slug, daysAgo, answer] of ANSWERS) {
    const reviewId = reviewIds.get(`${who}/${slug}`);
    const service = services.get(slug);
    const staff = service && staffFor(service.organisation_id);
    if (reviewId === undefined || !staff) continue;
    await answerReview(db, staff, reviewId, answer, { requestId: 'demo-seed', ip: null }, { now: at(daysAgo) });
  }

  const reportIds: number[] = [];
  for (const p of DEMO_PROBLEMS) {
    const service = services.get(p.service);
    if (!service) {
      reportIds.push(0);
      continue;
    }
    // No contact address: the demo sends no mail.
    const { id } = await createProblemReport(
      db,
      {
        serviceId: service.id,
        reporterId: ids[p.reporter]!,
        locale: DEMO_ASSESSORS[p.reporter]!.locale,
        source: 'web',
        category: p.category,
        description: p.description,
        contactEmail: null,
      },
      { now: at(p.daysAgo) },
    );
    reportIds.push(id);
    const staff = staffFor(service.organisation_id);
    if (!staff) continue;
    for (const [daysAgo, status, duplicateOf, note] of p.steps) {
      await triageProblemReport(
        db,
        staff,
        id,
        {
          ...(status ? { status } : {}),
          note: note ?? undefined,
          ...(duplicateOf !== null ? { duplicateOf: reportIds[duplicateOf]! } : {}),
        },
        { actorId: staff.id, requestId: 'demo-seed', ip: null },
        { now: at(daysAgo) },
      );
    }
  }
  log.info(`demo data: ${assessed} assessments, ${reportIds.length} problem reports`);
}
