/** The co-assessment actor of a request's user (roles in effect, verified email, official scopes). */
import type { Db } from '../../db/database.js';
import { catalogueActor } from '../catalogue/index.js';
import type { AssessmentActor } from './assessment.policy.js';

export async function assessmentActor(
  db: Db,
  user: { id: number; roles: readonly string[]; emailVerified: boolean } | null | undefined,
): Promise<AssessmentActor> {
  if (!user) return null;
  const actor = await catalogueActor(db, user);
  return actor && { ...actor, emailVerified: user.emailVerified };
}
