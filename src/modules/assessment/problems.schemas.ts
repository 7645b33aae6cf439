/**
 * What the problem report pages accept: route parameters, queries and forms (zod), and the checks of
 * the report and triage forms that give each field its message. Pure.
 */
import { z } from 'zod';
import { DESCRIPTION_MAX, NOTE_MAX, PROBLEM_CATEGORIES, PROBLEM_STATUSES, canMoveTo, type ProblemStatus } from './assessment.model.js';
import { MAX_PAGE } from './problems.queries.js';
import type { ProblemFormErrors, ProblemFormValues } from './views/problem-form.page.js';
import type { TriageFormErrors, TriageFormValues } from './views/triage.page.js';

export const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(100_000).catch(''));
export const slugParams = z.object({ slug: z.string().min(1).max(100) });
export const idParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const pageParam = z.coerce.number().int().min(1).max(MAX_PAGE).default(1).catch(1);
export const statusParam = z.enum(PROBLEM_STATUSES).optional().catch(undefined);
export const listQuery = z.object({ status: statusParam, page: pageParam });
export const reportQuery = z.object({ done: z.enum(['created', 'reopened', 'thanks']).optional().catch(undefined) });
export const triageListQuery = z.object({
  status: statusParam,
  service: z.string().min(1).max(100).optional().catch(undefined),
  page: pageParam,
});
export const triageQuery = z.object({ done: z.enum(['saved']).optional().catch(undefined) });
export const problemForm = z.object({ category: text, description: text, notify: text });
export const reopenForm = z.object({ note: text });
export const triageForm = z.object({ status: text, note: text, duplicateOf: text, expectedStatus: text });

/** The form's problems, as message keys by field; none when it can be filed. */
export function checkProblemForm(values: ProblemFormValues): ProblemFormErrors {
  const errors: ProblemFormErrors = {};
  if (!(PROBLEM_CATEGORIES as readonly string[]).includes(values.category)) errors.category = 'problems.form.errors.category';
  const description = values.description.trim();
  if (description === '') errors.description = 'problems.form.errors.descriptionMissing';
  else if (description.length < 10) errors.description = 'problems.form.errors.descriptionShort';
  else if (description.length > DESCRIPTION_MAX) errors.description = 'problems.form.errors.descriptionLong';
  return errors;
}

/** The triage form's problems that can be seen without the database. */
export function checkTriageForm(values: TriageFormValues, current: ProblemStatus): TriageFormErrors {
  const errors: TriageFormErrors = {};
  const status = values.status === '' ? undefined : values.status;
  if (status !== undefined && (!(PROBLEM_STATUSES as readonly string[]).includes(status) || !canMoveTo(current, status as ProblemStatus))) {
    errors.status = 'problems.triage.errors.statusNotAllowed';
  }
  if (status === 'duplicate' && !/^\d{1,9}$/.test(values.duplicateOf)) errors.duplicateOf = 'problems.triage.errors.duplicateMissing';
  if (values.note.trim().length > NOTE_MAX) errors.note = 'problems.triage.errors.noteLong';
  else if (status === undefined && values.note.trim() === '') errors.status = 'problems.triage.errors.nothing';
  return errors;
}
