/** Test helpers of the co-assessment module (imported by tests only). */
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import type { AssessmentInput } from './assessment.model.js';
import type { AssessmentActor } from './assessment.policy.js';

let counter = 0;

/** Inserts `n` verified users (no password: they never sign in) and returns their ids. */
export async function insertUsers(db: Db, n: number, prefix = 'assessor'): Promise<number[]> {
  const ids: number[] = [];
  const now = nowIso();
  for (let i = 0; i < n; i++) {
    counter += 1;
    const row = await db
      .insertInto('users')
      .values({
        email: `${prefix}-${process.pid}-${counter}@example.test`,
        display_name: `${prefix} ${counter}`,
        password_hash: null,
        locale: 'en',
        email_verified_at: now,
        terms_version: null,
        terms_accepted_at: null,
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** A citizen actor (verified email, no role). */
export const citizen = (id: number): NonNullable<AssessmentActor> => ({ id, roles: [], emailVerified: true, organisationIds: [] });

/** An official of the given organisations. */
export const official = (id: number, organisationIds: number[]): NonNullable<AssessmentActor> => ({
  id,
  roles: ['official'],
  emailVerified: true,
  organisationIds,
});

/** A complete, valid assessment (override what the test is about). */
export const anAssessment = (over: Partial<AssessmentInput> = {}): AssessmentInput => ({
  satisfaction: 4,
  find: 4,
  use: 3,
  works: 5,
  accessible: 4,
  completion: 'yes',
  usage: 'alone',
  review: null,
  ...over,
});
