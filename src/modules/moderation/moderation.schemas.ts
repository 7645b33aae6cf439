/** zod schemas for the report form, the moderation queue's query string and its decision forms. */
import { z } from 'zod';
import { FLAG_REASONS, MODERATION_STATUSES } from '../../platform/flags.js';

/** Form fields arrive as strings (or, tampered with, as arrays): take the first, keep it bounded, drop NULs. */
const text = (max: number) =>
  z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch(''))
    .transform((s) => s.replace(/\0/g, '').trim().slice(0, max))
    .default('');

/** Max length of a reporter's comment. */
export const COMMENT_MAX = 1000;
/** Max length of the reason a moderator shows in place of hidden content. */
export const REASON_MAX = 500;

/** What identifies a piece of content: its type (`wiki.page`) and its id within that type. */
export const contentRef = z.object({
  type: z.string().trim().min(1).max(100),
  id: z.string().trim().min(1).max(200),
});
export type ContentRef = z.output<typeof contentRef>;

/** `/flags/new?type=&id=&done=`. */
export const flagPageQuery = contentRef.extend({ done: z.enum(['reported', 'already']).optional().catch(undefined) });

/** The report form as typed, kept to show it again with its errors. */
export const flagForm = z.object({
  type: text(100),
  id: text(200),
  reason: text(50),
  // Not trimmed to the limit silently: a longer comment is an error the reporter sees.
  comment: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch(''))
    .transform((s) => s.replace(/\0/g, '').trim())
    .default(''),
});
export type FlagFormValues = z.output<typeof flagForm>;
export type FlagField = 'reason' | 'comment';
export type FlagFormErrors = Partial<Record<FlagField, 'moderation.flag.errors.reasonMissing' | 'moderation.flag.errors.commentTooLong'>>;

/** A validated report. */
export interface FlagCommand {
  reason: (typeof FLAG_REASONS)[number];
  comment: string | null;
}

/** The report form's errors, or the command when there are none. */
export function validateFlag(values: FlagFormValues): { errors: FlagFormErrors; command?: FlagCommand } {
  const errors: FlagFormErrors = {};
  const reason = FLAG_REASONS.find((r) => r === values.reason);
  if (!reason) errors.reason = 'moderation.flag.errors.reasonMissing';
  if (values.comment.length > COMMENT_MAX) errors.comment = 'moderation.flag.errors.commentTooLong';
  if (!reason || Object.keys(errors).length > 0) return { errors };
  return { errors, command: { reason, comment: values.comment || null } };
}

/** `/moderation?status=&before=&done=`: content waiting for a decision unless told otherwise. */
export const queueQuery = z.object({
  status: z
    .enum(['pending', ...MODERATION_STATUSES])
    .default('pending')
    .catch('pending'),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  done: z.enum(['hidden', 'dismissed', 'restored']).optional().catch(undefined),
});
export type QueueQuery = z.output<typeof queueQuery>;
export type QueueFilter = QueueQuery['status'];

/** The decision forms: which item, and (to hide it) the reason shown in its place. */
export const decisionForm = z.object({
  type: text(100),
  id: text(200),
  reason: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch(''))
    .transform((s) => s.replace(/\0/g, '').trim())
    .default(''),
  status: text(20),
});
export type DecisionFormValues = z.output<typeof decisionForm>;
