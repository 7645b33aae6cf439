/**
 * The demo territory's co-assessment: ten more demo citizens (they sign in with the demo password)
 * rate eight demo services over the last twelve months, with reviews in French and English, two
 * later updates (so the history shows), helpful marks, official answers, and problem reports in
 * every status with their timelines. Everything goes through the module's own service functions
 * (counters, month buckets, timelines and audit entries stay right), dated with their `now`
 * options. The main demo accounts are left without assessments, so trying the forms starts fresh.
 * Idempotent: it does nothing once the first extra citizen has assessed something.
 * The data is in demo-assessments.ts (assessments, helpful marks, answers) and demo-problems.ts.
 */
import type { Db } from '../../db/database.js';
import type { SeedContext } from '../../platform/module.js';
import { createUserWithRoles, DEMO_PASSWORD, hashPassword } from '../accounts/index.js';
import { assessmentActor } from './assessment.actor.js';
import type { AssessmentActor } from './assessment.policy.js';
import { submitAssessment } from './assessments.service.js';
import { ANSWERS, DEMO_ASSESSMENTS, HELPFUL } from './demo-assessments.js';
import { DEMO_PROBLEMS } from './demo-problems.js';
import { createProblemReport, triageProblemReport } from './problems.service.js';
import { answerReview, markHelpful } from './reviews.service.js';

const DAY = 86_400_000;

/** The extra demo citizens (index = the number used in demo-assessments.ts and demo-problems.ts). */
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
