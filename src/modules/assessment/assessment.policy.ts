/**
 * Who may do what in co-assessment. Any signed-in person with a verified email assesses services,
 * marks reviews helpful and reports problems; the officials of the organisation responsible for a
 * service (and admins) answer its reviews, triage its reports and read its dashboard. Pure and
 * synchronous; the matrix is in docs/permissions.md.
 */
import { AppError } from '../../platform/errors.js';

export const ASSESSMENT_ACTIONS = [
  /** Rate and review a service, mark reviews helpful, report a problem. */
  'assess',
  /** Post the official answer to a review of one organisation's service. */
  'review.answer',
  /** Change the status of a report on one organisation's service, add notes, merge duplicates. */
  'problem.triage',
  /** One organisation's dashboard and its CSV export. */
  'dashboard.view',
  /** Page feedback across the site. */
  'feedback.view',
] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** The person asking: roles in effect, verified email, organisations their official role covers. */
export type AssessmentActor = {
  readonly id: number;
  readonly roles: readonly string[];
  readonly emailVerified: boolean;
  readonly organisationIds: readonly number[];
} | null;

const isAdmin = (a: NonNullable<AssessmentActor>) => a.roles.includes('admin');
const isOfficialOf = (a: NonNullable<AssessmentActor>, organisationId: number | undefined) =>
  a.roles.includes('official') && organisationId !== undefined && a.organisationIds.includes(organisationId);

/** Whether `actor` may do `action` (on a service of `organisationId` where it matters). */
export function can(actor: AssessmentActor, action: AssessmentAction, organisationId?: number): boolean {
  if (!actor) return false;
  switch (action) {
    case 'assess':
      return actor.emailVerified;
    case 'review.answer':
    case 'problem.triage':
    case 'dashboard.view':
      return isAdmin(actor) || isOfficialOf(actor, organisationId);
    case 'feedback.view':
      return isAdmin(actor);
    default:
      return false;
  }
}

/** Throws `unauthorized` (nobody signed in), a clear `forbidden` for an unverified email, or `forbidden`. */
export function authorize(
  actor: AssessmentActor,
  action: AssessmentAction,
  organisationId?: number,
): asserts actor is NonNullable<AssessmentActor> {
  if (!actor) throw new AppError('unauthorized', 'Sign in first');
  if (action === 'assess' && !actor.emailVerified) throw new AppError('forbidden', 'Confirm your email address first');
  if (!can(actor, action, organisationId)) throw new AppError('forbidden', 'Not allowed');
}
