/** zod schemas for the display preferences page: the `saved` and `return` query, and the form. */
import { z } from 'zod';
import { PREFERENCE_NAMES, type PreferenceName } from '../../platform/preferences.js';
import { AppError } from '../../platform/errors.js';

const MAX_RETURN_LENGTH = 512;

/**
 * A same-site path to go back to after saving, or undefined. Only a path on this site under one of
 * its locales (`/fr/about?x=1`) passes: no scheme, no host, no `//` or `\` tricks, no control
 * characters. The result is rebuilt from the parsed URL, never passed on as received.
 */
export function safeReturnPath(value: unknown, locales: readonly string[]): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_RETURN_LENGTH) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\p{Cc}]/u.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value, 'http://ecoop.invalid');
  } catch {
    return undefined;
  }
  if (url.origin !== 'http://ecoop.invalid') return undefined;
  const first = url.pathname.split('/')[1] ?? '';
  if (!locales.includes(first)) return undefined;
  return url.pathname + url.search;
}

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** `/preferences?saved=1&return=…`: `saved` after a successful POST; `return` is kept for the form. */
export const preferencesQuery = z.object({
  saved: z.preprocess(one, z.literal('1').optional().catch(undefined)),
  return: z.preprocess(one, z.string().optional().catch(undefined)),
});

/**
 * The form: `display` lists the ticked preferences (none ticked sends nothing, which means all
 * off). A value the form cannot send is refused rather than ignored: it is not a person's mistake.
 */
export const preferencesForm = z.object({
  display: z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(PREFERENCE_NAMES)).max(PREFERENCE_NAMES.length))
    .transform((names): PreferenceName[] => [...new Set(names)]),
  return: z.preprocess(one, z.string().optional()),
  _csrf: z.unknown().optional(),
});

/** Parses request input or throws `bad_request` (checkboxes cannot be filled in wrongly by a person). */
export function parseOrReject<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('bad_request', 'Invalid preferences');
  return parsed.data;
}
