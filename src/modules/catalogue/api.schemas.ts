/**
 * The services API's boundary: zod schemas for query strings (strict, unlike the pages': an
 * integration that sends `?secter=` wants to hear about it), opaque cursors, `If-Match`, which keys
 * a JSON body may hold, and the public JSON shape of a service.
 *
 * Query errors are `bad_request` (400) naming each parameter in `fields` with an English hint for
 * the developer; body errors are `validation_failed` (422) with `catalogue.errors.*` keys, as the
 * forms report them.
 */
import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.js';
import type { ServiceFilters } from './catalogue.queries.js';
import { CHANNELS, emptyServiceInput, MAX_SLUG, SLUG_PATTERN, type ServiceInput, type Translated } from './services.model.js';
import type { ServiceRecord } from './services.queries.js';

/** Largest page of the list (`limit`). */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;
/** Longest `q` accepted, in characters. */
export const MAX_QUERY = 200;

const slug = z.string().max(MAX_SLUG).regex(SLUG_PATTERN);
const limit = (max: number) => z.coerce.number().int().min(1).max(max).default(DEFAULT_LIMIT);
/** Control characters, which search words never need (they come from bots and copy-paste accidents). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
const queryText = z
  .string()
  .max(MAX_QUERY)
  .transform((q) => q.replace(CONTROL, ' ').trim());

/** `GET /api/v1/services` query. */
export const listQuery = z.strictObject({
  sector: slug.optional(),
  lifeEvent: slug.optional(),
  channel: z.enum(CHANNELS).optional(),
  free: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional(),
  organisation: slug.optional(),
  q: queryText.optional(),
  cursor: z.string().max(200).optional(),
  limit: limit(MAX_LIMIT),
});
export type ListQuery = z.output<typeof listQuery>;

/** `GET /api/v1/search` query. */
export const searchQuery = z.strictObject({
  q: queryText,
  types: z
    .string()
    .max(200)
    .regex(/^[a-z][a-z0-9._-]*(,[a-z][a-z0-9._-]*)*$/)
    .transform((v) => v.split(','))
    .optional(),
  limit: limit(MAX_LIMIT),
  offset: z.coerce.number().int().min(0).max(1000).default(0),
});

/** What each parameter accepts, for the error a developer reads. */
const PARAMETER_HINTS: Record<string, string> = {
  sector: 'a sector slug (see /api/v1/sectors)',
  lifeEvent: 'a life event slug (see /api/v1/life-events)',
  organisation: 'an organisation slug (see /api/v1/organisations)',
  channel: `one of ${CHANNELS.join(', ')}`,
  free: 'true or false',
  language: 'a two-letter ISO 639-1 code',
  q: `search words, at most ${MAX_QUERY} characters`,
  cursor: 'the `next` value of the previous page, unchanged',
  limit: `an integer from 1 to ${MAX_LIMIT}`,
  offset: 'an integer from 0 to 1000',
  types: 'content types separated by commas (for example service)',
};

/**
 * Parses a query string or throws `bad_request` naming every faulty parameter. An empty value
 * (`?sector=`) counts as absent, as a GET form sends it; a repeated parameter is refused.
 */
export function parseQuery<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const input = Object.fromEntries(Object.entries((raw ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: FieldError[] = [];
  for (const issue of parsed.error.issues) {
    const names = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
    for (const name of names) {
      if (fields.some((f) => f.field === name)) continue;
      const hint = PARAMETER_HINTS[name];
      fields.push({ field: name, message: hint ? `Expected ${hint}` : 'Unknown parameter' });
    }
  }
  throw new AppError('bad_request', 'Invalid query parameters', fields);
}

/** The filters of a parsed list query. */
export function filtersOf(query: ListQuery): ServiceFilters {
  const filters: ServiceFilters = {};
  if (query.sector !== undefined) filters.sector = query.sector;
  if (query.lifeEvent !== undefined) filters.lifeEvent = query.lifeEvent;
  if (query.channel !== undefined) filters.channel = query.channel;
  if (query.free !== undefined) filters.free = query.free;
  if (query.language !== undefined) filters.language = query.language;
  if (query.organisation !== undefined) filters.organisation = query.organisation;
  return filters;
}

/**
 * Cursors are opaque to clients: base64url of `s:<slug>` (the last slug of a page in slug order)
 * or `o:<offset>` (a position in search results). A cursor of the wrong kind or a forged one is a
 * `bad_request` on `cursor`.
 */
export type Cursor = { kind: 'slug'; slug: string } | { kind: 'offset'; offset: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(cursor.kind === 'slug' ? `s:${cursor.slug}` : `o:${cursor.offset}`).toString('base64url');
}

export function decodeCursor(value: string, kind: Cursor['kind']): Cursor {
  const text = /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : '';
  if (kind === 'slug' && text.startsWith('s:') && SLUG_PATTERN.test(text.slice(2))) return { kind, slug: text.slice(2) };
  if (kind === 'offset' && /^o:\d{1,4}$/.test(text)) return { kind, offset: Number(text.slice(2)) };
  throw new AppError('bad_request', 'Invalid cursor', [{ field: 'cursor', message: `Expected ${PARAMETER_HINTS.cursor}` }]);
}

/** The weak ETag of a version: it names the service's version, not the exact bytes. */
export const etagOf = (version: number) => `W/"${version}"`;

/**
 * The version an `If-Match` header asks for: `W/"3"`, `"3"` or `3`; `*` means any (no check);
 * undefined when there is no header. Anything else (a list, garbage) is a `bad_request`.
 */
export function versionFromIfMatch(header: string | string[] | undefined): number | '*' | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*') return '*';
  const m = /^(?:(?:W\/)?"([1-9][0-9]{0,9})"|([1-9][0-9]{0,9}))$/.exec(value);
  if (!m)
    throw new AppError('bad_request', 'Invalid If-Match', [{ field: 'If-Match', message: 'Expected one ETag, as sent by GET (W/"3")' }]);
  return Number(m[1] ?? m[2]);
}

/** The keys a client may write (ServiceInput's). */
export const WRITABLE_KEYS: ReadonlySet<string> = new Set([...Object.keys(emptyServiceInput()), 'identifier']);
/**
 * Keys of the Service representation a client may send back unchanged (GET, edit, PATCH): they are
 * ignored. `status` is not among them: it changes only through publish / withdraw / unpublish.
 */
export const READ_ONLY_KEYS: ReadonlySet<string> = new Set(['version', 'url', 'path', 'createdAt', 'updatedAt', 'publishedAt', 'names']);

/**
 * The writable fields of a JSON body, or `validation_failed` (422): the body is not an object, a key
 * is unknown (a typo would otherwise be dropped silently), or `status` asks for a change that only
 * publish / withdraw / unpublish make. `version` is returned apart (optimistic concurrency).
 */
export function writableFields(body: unknown, currentStatus: string): { fields: Record<string, unknown>; version: number | undefined } {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new AppError('validation_failed', 'The body must be a JSON object', [{ field: '', message: 'catalogue.errors.shape' }]);
  const errors: FieldError[] = [];
  const fields: Record<string, unknown> = {};
  let version: number | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (WRITABLE_KEYS.has(key)) fields[key] = value;
    else if (key === 'status') {
      if (value !== currentStatus) errors.push({ field: 'status', message: 'catalogue.errors.shape' });
    } else if (key === 'version') {
      if (typeof value === 'number' && Number.isInteger(value) && value > 0) version = value;
      else errors.push({ field: 'version', message: 'catalogue.errors.staleVersion' });
    } else if (!READ_ONLY_KEYS.has(key)) errors.push({ field: key, message: 'catalogue.errors.shape' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'The service is not valid', errors);
  return { fields, version };
}

/** Names of what a service refers to, in every language. */
export interface ReferenceNames {
  organisations: ReadonlyMap<string, Translated>;
  sectors: ReadonlyMap<string, Translated>;
  lifeEvents: ReadonlyMap<string, Translated>;
}

/** A service as the API returns it: everything written (ServiceInput) plus what the platform keeps. */
export type ServiceJson = ServiceInput & {
  identifier: string;
  status: ServiceRecord['status'];
  version: number;
  path: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  names: { organisation: Translated; sector: Translated; lifeEvents: Record<string, Translated> };
};

/**
 * The JSON of a service. `visibleRelated` filters `related` (the public must not learn the slugs of
 * drafts); `pageUrl` makes the absolute URL of its public page in the reader's language.
 */
export function serviceJson(
  record: ServiceRecord,
  names: ReferenceNames,
  options: { pageUrl: (path: string) => string; visibleRelated?: ReadonlySet<string> },
): ServiceJson {
  const { id: _id, organisationId: _o, sectorId: _s, ...rest } = record;
  const path = `/services/${record.slug}`;
  return {
    ...rest,
    related: options.visibleRelated ? record.related.filter((s) => options.visibleRelated!.has(s)) : record.related,
    path,
    url: options.pageUrl(path),
    names: {
      organisation: names.organisations.get(record.organisation) ?? {},
      sector: names.sectors.get(record.sector) ?? {},
      lifeEvents: Object.fromEntries(record.lifeEvents.map((e) => [e, names.lifeEvents.get(e) ?? {}])),
    },
  };
}
