/**
 * The directory's filters as a query string, shared by the page (`/places?…`) and the JSON API
 * (`/api/v1/places?…`), so both accept the same names and values. A list filter may repeat
 * (`service=a&service=b`, as a GET form of checkboxes sends it) or hold values separated by commas
 * (`service=a,b`, handier in an API call). Values are the vocabulary codes of places.model.ts.
 *
 * Parsing never throws: it returns what it understood and the problems, so the page can show an
 * error summary (and the list without the faulty filter) while the API answers 400 naming them.
 */
import { z } from 'zod';
import type { DirectoryFilters } from './places.queries.js';
import { isCode, type VocabularyName } from './places.model.js';

/** The list parameters and the vocabulary of each. */
export const LIST_PARAMETERS = {
  service: 'services',
  public: 'publics',
  support: 'specificSupport',
  access: 'accessibility',
} as const satisfies Record<string, VocabularyName>;

/** The yes/no parameters and the value that turns each on. */
export const FLAG_PARAMETERS = { open: 'now', saturday: '1', evening: '1', free: '1' } as const;

/** Every parameter the directory understands (the API refuses others). */
export const DIRECTORY_PARAMETERS = [
  ...Object.keys(LIST_PARAMETERS),
  ...Object.keys(FLAG_PARAMETERS),
  'eservice',
  'near',
  'lat',
  'lng',
] as const;

/** The API's largest page (`limit`) and its default. */
export const API_MAX_LIMIT = 100;
export const API_DEFAULT_LIMIT = 20;

/** The longest `near` considered (a municipality's name or a postcode). */
export const MAX_NEAR = 100;

export interface DirectoryQuery {
  filters: Omit<DirectoryFilters, 'eserviceId'>;
  /** The slug of an e-service (resolved by the caller). */
  eservice?: string;
  near?: string;
  lat?: number;
  lng?: number;
}

export type DirectoryProblem =
  | { field: string; kind: 'unknown_code'; value: string }
  | { field: string; kind: 'bad_value' }
  | { field: 'lat' | 'lng'; kind: 'bad_coordinates' }
  | { field: string; kind: 'unknown_parameter' };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const coordinate = (max: number) => z.coerce.number().finite().min(-max).max(max);

/** Every value of a parameter, split at commas, trimmed, empty ones dropped. */
function valuesOf(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list
    .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** The single value of a parameter (the first when repeated), trimmed; undefined when empty. */
function valueOf(raw: unknown): string | undefined {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (typeof v !== 'string') return undefined;
  const trimmed = v.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * Reads the directory's query string. `strict` (the API) also reports parameters it does not know;
 * the page ignores them (pagination and other links add their own).
 */
export function parseDirectoryQuery(
  raw: unknown,
  options: { strict?: boolean; allowed?: readonly string[] } = {},
): { query: DirectoryQuery; problems: DirectoryProblem[] } {
  const input = (raw ?? {}) as Record<string, unknown>;
  const problems: DirectoryProblem[] = [];
  const list = <V extends VocabularyName>(name: string, vocabulary: V) => {
    const codes: string[] = [];
    for (const value of valuesOf(input[name])) {
      if (!isCode(vocabulary, value)) problems.push({ field: name, kind: 'unknown_code', value: value.slice(0, 50) });
      else if (!codes.includes(value)) codes.push(value);
    }
    return codes as never;
  };
  const flag = (name: keyof typeof FLAG_PARAMETERS) => {
    const value = valueOf(input[name]);
    if (value === undefined) return false;
    if (value === FLAG_PARAMETERS[name] || (name !== 'open' && value === 'true')) return true;
    if (value === 'false' || value === '0') return false;
    problems.push({ field: name, kind: 'bad_value' });
    return false;
  };
  const query: DirectoryQuery = {
    filters: {
      services: list('service', 'services'),
      publics: list('public', 'publics'),
      support: list('support', 'specificSupport'),
      access: list('access', 'accessibility'),
      openNow: flag('open'),
      saturday: flag('saturday'),
      evening: flag('evening'),
      free: flag('free'),
    },
  };
  const eservice = valueOf(input.eservice);
  if (eservice !== undefined) {
    if (eservice.length <= 200 && SLUG.test(eservice)) query.eservice = eservice;
    else problems.push({ field: 'eservice', kind: 'bad_value' });
  }
  const near = valueOf(input.near);
  if (near !== undefined) query.near = near.slice(0, MAX_NEAR);
  const lat = valueOf(input.lat);
  const lng = valueOf(input.lng);
  if (lat !== undefined || lng !== undefined) {
    const la = coordinate(90).safeParse(lat);
    const lo = coordinate(180).safeParse(lng);
    if (la.success && lo.success && lat !== undefined && lng !== undefined) {
      query.lat = la.data;
      query.lng = lo.data;
    } else {
      problems.push({ field: !la.success || lat === undefined ? 'lat' : 'lng', kind: 'bad_coordinates' });
    }
  }
  if (options.strict) {
    const known = new Set<string>([...DIRECTORY_PARAMETERS, ...(options.allowed ?? [])]);
    for (const name of Object.keys(input)) if (!known.has(name)) problems.push({ field: name, kind: 'unknown_parameter' });
  }
  return { query, problems };
}

/** Whether any filter (not the location) is set. */
export function hasFilters(query: DirectoryQuery): boolean {
  const f = query.filters;
  return (
    f.services.length + f.publics.length + f.support.length + f.access.length > 0 ||
    f.openNow ||
    f.saturday ||
    f.evening ||
    f.free ||
    query.eservice !== undefined
  );
}

/**
 * The query string of a directory query (its filters and location), with `page` when > 1: the
 * links of pagination and of "remove this filter". Repeated parameters, as the form sends them.
 */
export function directorySearch(query: DirectoryQuery, page = 1): string {
  const params = new URLSearchParams();
  if (query.near !== undefined) params.set('near', query.near);
  if (query.lat !== undefined && query.lng !== undefined) {
    params.set('lat', String(query.lat));
    params.set('lng', String(query.lng));
  }
  const f = query.filters;
  for (const code of f.services) params.append('service', code);
  if (f.openNow) params.set('open', 'now');
  if (f.saturday) params.set('saturday', '1');
  if (f.evening) params.set('evening', '1');
  if (f.free) params.set('free', '1');
  for (const code of f.publics) params.append('public', code);
  for (const code of f.support) params.append('support', code);
  for (const code of f.access) params.append('access', code);
  if (query.eservice !== undefined) params.set('eservice', query.eservice);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
