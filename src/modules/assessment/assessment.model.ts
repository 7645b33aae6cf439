/**
 * The shapes and rules of co-assessment: the five-point satisfaction scale, the four E-COOP criteria
 * (easy to find, easy to use, works well, accessible), whether people managed what they came for and
 * how they used the service; problem report categories and the status workflow. Pure: no database.
 */
import { z } from 'zod';

/** The four criteria of the E-COOP brief, each scored 1–5. */
export const CRITERIA = ['find', 'use', 'works', 'accessible'] as const;
export type Criterion = (typeof CRITERIA)[number];

/** Satisfaction, stored 1 (very dissatisfied) … 5 (very satisfied); listed from best to worst. */
export const SATISFACTION_LEVELS = [5, 4, 3, 2, 1] as const;

/** "Did you manage to do what you came for?" */
export const COMPLETIONS = ['yes', 'partly', 'no'] as const;
export type Completion = (typeof COMPLETIONS)[number];

/** How the person used the service: on their own online, with someone's help, at a Digital Public Space. */
export const USAGES = ['alone', 'helped', 'dps'] as const;
export type Usage = (typeof USAGES)[number];

export const REVIEW_MAX = 4000;

const score = z.coerce.number().int().min(1).max(5);

/** One person's assessment of one service, as forms and the API send it. */
export const assessmentInput = z.object({
  satisfaction: score,
  find: score,
  use: score,
  works: score,
  accessible: score,
  completion: z.enum(COMPLETIONS),
  usage: z.enum(USAGES),
  review: z
    .string()
    .trim()
    .max(REVIEW_MAX)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type AssessmentInput = z.output<typeof assessmentInput>;

/** What can be wrong with a service. */
export const PROBLEM_CATEGORIES = ['broken_link', 'error_message', 'inaccessible', 'outdated', 'other'] as const;
export type ProblemCategory = (typeof PROBLEM_CATEGORIES)[number];

export const PROBLEM_STATUSES = ['open', 'acknowledged', 'in_progress', 'fixed', 'wont_fix', 'duplicate'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

/** Statuses of a report someone still has to deal with. */
export const OPEN_STATUSES: readonly ProblemStatus[] = ['open', 'acknowledged', 'in_progress'];
export const isOpenStatus = (s: ProblemStatus) => OPEN_STATUSES.includes(s);

/** Where officials may move a report from each status (reopening by the reporter is separate). */
export const STATUS_TRANSITIONS: Readonly<Record<ProblemStatus, readonly ProblemStatus[]>> = {
  open: ['acknowledged', 'in_progress', 'fixed', 'wont_fix', 'duplicate'],
  acknowledged: ['in_progress', 'fixed', 'wont_fix', 'duplicate'],
  in_progress: ['acknowledged', 'fixed', 'wont_fix', 'duplicate'],
  fixed: ['in_progress'],
  wont_fix: ['open', 'in_progress'],
  duplicate: ['open'],
};

export const canMoveTo = (from: ProblemStatus, to: ProblemStatus) => STATUS_TRANSITIONS[from].includes(to);

export type ProblemEventKind = 'created' | 'status' | 'note' | 'reopened' | 'merged';

export const DESCRIPTION_MAX = 4000;
export const NOTE_MAX = 4000;

/** A problem report as the form and Open311 send it (the reporter comes from the session or the request). */
export const problemInput = z.object({
  category: z.enum(PROBLEM_CATEGORIES),
  description: z.string().trim().min(10).max(DESCRIPTION_MAX),
  contactEmail: z.email().max(254).nullable().optional(),
  contactName: z.string().trim().max(100).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
});
export type ProblemInput = z.output<typeof problemInput>;

/** An official's change to a report: a new status (with the report it duplicates), a note, or both. */
export const triageInput = z
  .object({
    status: z.enum(PROBLEM_STATUSES).optional(),
    note: z
      .string()
      .trim()
      .max(NOTE_MAX)
      .optional()
      .transform((v) => (v ? v : undefined)),
    duplicateOf: z.coerce.number().int().positive().optional(),
  })
  .refine((v) => v.status !== undefined || v.note !== undefined, { message: 'Give a status or a note', path: ['note'] })
  .refine((v) => v.status !== 'duplicate' || v.duplicateOf !== undefined, {
    message: 'Which report does it duplicate?',
    path: ['duplicateOf'],
  });
export type TriageInput = z.output<typeof triageInput>;

/** `YYYY-MM` of an ISO timestamp (UTC). */
export const monthOf = (iso: string) => iso.slice(0, 7);
