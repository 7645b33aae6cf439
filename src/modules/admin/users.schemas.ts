/** zod schemas and form rules for the admin's people pages. */
import { z } from 'zod';
import { ROLE_SCOPE } from '../accounts/index.js';
import { isGrantableRole, type GrantableRole } from './admin.policy.js';

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Outcomes confirmed on the person's page after a redirect. */
export const USER_OUTCOMES = ['granted', 'revoked', 'blocked', 'unblocked'] as const;
export type UserOutcome = (typeof USER_OUTCOMES)[number];

/** The longest search term accepted (a bounded query, whatever is typed). */
export const SEARCH_MAX = 100;

/** `/admin/users?q=&before=`: an optional search in emails and display names, and a keyset cursor. */
export const usersQuery = z.object({
  q: z
    .string()
    .max(SEARCH_MAX)
    .optional()
    .transform((q) => q?.replace(/\0/g, '').trim() || undefined),
  before: id.optional(),
});

/** `/admin/users/:id…`. */
export const userParams = z.object({ id });

/** `/admin/users/:id?done=`. */
export const userQuery = z.object({ done: z.enum(USER_OUTCOMES).optional() });

const text = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(200).catch(''))
  .transform((s) => s.trim())
  .default('');

/** The grant form, read leniently so it can be shown again with what was chosen. */
export const grantForm = z.object({ role: text, placeId: text, organisationId: text });
export type GrantFormValues = z.output<typeof grantForm>;
export type GrantField = keyof GrantFormValues;
/** Message keys of the grant form's errors. */
export type GrantErrorKey =
  `admin.user.errors.${'roleRequired' | 'placeRequired' | 'placeUnknown' | 'organisationRequired' | 'organisationUnknown'}`;
export type GrantFormErrors = Partial<Record<GrantField, GrantErrorKey>>;

/** What a valid grant form asks for. */
export interface GrantCommand {
  role: GrantableRole;
  scopeType: '' | 'place' | 'organisation';
  scopeId: number;
}

/**
 * The grant form's rules: a role that can be granted, and the place (mediator) or organisation
 * (official) the role applies to; other roles apply everywhere, so their scope fields are ignored.
 * Whether the place or organisation exists is checked by the service, in its transaction.
 */
export function validateGrant(v: GrantFormValues): { errors: GrantFormErrors; command?: GrantCommand } {
  if (!isGrantableRole(v.role)) return { errors: { role: 'admin.user.errors.roleRequired' } };
  const scope = ROLE_SCOPE[v.role];
  if (!scope) return { errors: {}, command: { role: v.role, scopeType: '', scopeId: 0 } };
  const field = scope === 'place' ? 'placeId' : 'organisationId';
  const raw = v[field];
  if (!raw) return { errors: { [field]: `admin.user.errors.${scope}Required` } };
  const parsed = id.safeParse(raw);
  if (!parsed.success || String(parsed.data) !== raw) return { errors: { [field]: `admin.user.errors.${scope}Unknown` } };
  return { errors: {}, command: { role: v.role, scopeType: scope, scopeId: parsed.data } };
}

/** The revoke buttons' hidden fields: exactly which role row to remove. */
export const revokeForm = z.object({
  role: z.string().max(50),
  scopeType: z.enum(['', 'place', 'organisation']).default(''),
  scopeId: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
});
