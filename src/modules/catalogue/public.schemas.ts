/**
 * zod schemas for the public catalogue's query strings and path parameters. They are lenient: these
 * are links and GET forms anyone can edit, so an unknown or malformed filter value is ignored (the
 * list shows as if it was not given) rather than refused, and a page number out of range is page 1.
 */
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { CHANNELS, MAX_SLUG, SLUG_PATTERN } from './services.model.js';

/** The longest search accepted, in characters: longer input is cut (nobody types more; bots do). */
export const MAX_QUERY = 100;

/** Deepest page of a numbered list a link may ask for. */
export const MAX_PAGE = 1000;

/** Services per page of the catalogue and of search results. */
export const PER_PAGE = 20;

/** A repeated parameter (`?a=1&a=2`) counts as its first value. */
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** An optional value that is dropped, not refused, when it does not fit. */
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional()).catch(undefined);

/** The search words: control characters removed, trimmed, cut at MAX_QUERY; empty means none. */
const queryText = z.preprocess(
  first,
  z
    .string()
    .optional()
    .catch(undefined)
    .transform((q) => {
      const clean = (q ?? '')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .trim()
        .slice(0, MAX_QUERY)
        .trim();
      return clean === '' ? undefined : clean;
    }),
);

const page = z.preprocess(first, z.coerce.number().int().min(1).max(MAX_PAGE)).catch(1);

const slug = z.string().max(MAX_SLUG).regex(SLUG_PATTERN);

/** `/services?q=&channel=&free=&language=&organisation=&page=` (also the sector and life-event pages). */
export const catalogueQuery = z.object({
  q: queryText,
  channel: lenient(z.enum(CHANNELS)),
  /** The "free of charge only" checkbox sends `1`. */
  free: lenient(z.literal('1')).transform((v) => (v === '1' ? true : undefined)),
  language: lenient(z.string().regex(/^[a-z]{2}$/)),
  organisation: lenient(slug),
  page,
});
export type CatalogueQuery = z.output<typeof catalogueQuery>;

/** `/search?q=&page=`. */
export const searchQuery = z.object({ q: queryText, page });

/** `/catalogue/unmet-searches?page=`. */
export const pageQuery = z.object({ page });

/** `/services/:slug`, `/sectors/:slug`, `/life-events/:slug`: anything that is not a slug is not found. */
export const slugParams = z.object({ slug });

/** Parses path parameters or answers 404: a malformed slug names nothing. */
export function parseSlug(params: unknown): string {
  const parsed = slugParams.safeParse(params);
  if (!parsed.success) throw new AppError('not_found', 'No such page');
  return parsed.data.slug;
}
