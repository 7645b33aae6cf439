/**
 * The directory as JSON: `GET /api/v1/places` (the page's filters, nearest first from `near` or
 * `lat`/`lng`, cursor pagination in the catalogue API's shape `{ data, next, total }`) and
 * `GET /api/v1/places/{slug}` (one place in full: opening hours and whether it is open now, codes
 * of the schema's vocabularies, mediators' display names, e-service slugs). Public reads (CORS `*`
 * for anonymous requests), rate-limited like the catalogue's. Described in directory.openapi.ts.
 *
 * Query errors are `bad_request` (400) naming each parameter in `fields` with an English hint, as
 * the catalogue API does: an integration that sends `service=typo` wants to hear about it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../platform/errors.js';
import { directoryEntries, eserviceOf, originOf } from './directory.routes.js';
import {
  API_DEFAULT_LIMIT as DEFAULT_LIMIT,
  API_MAX_LIMIT as MAX_LIMIT,
  LIST_PARAMETERS,
  parseDirectoryQuery,
  type DirectoryProblem,
} from './directory.schemas.js';
import { openingStatus, weeklySchedule, type OpeningStatus } from './opening-hours.js';
import { loadPlaceDetail, type PlaceDetail } from './place-page.queries.js';
import { codesOf } from './places.model.js';
import { appNow } from '../../platform/clock.js';
import { searchDirectory, type DirectoryResult } from './places.queries.js';

/** Anonymous reads: generous, but a scraper in a loop is slowed down (as the catalogue's API). */
const READ_RATE_LIMIT = { max: 600, timeWindow: 60_000 };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What each parameter accepts, for the error a developer reads. */
const HINTS: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(LIST_PARAMETERS).map(([name, vocabulary]) => [name, `codes among ${codesOf(vocabulary).join(', ')}`]),
  ),
  open: 'now',
  saturday: 'true or 1',
  evening: 'true or 1',
  free: 'true or 1',
  eservice: 'the slug of a published e-service (see /api/v1/services)',
  near: 'a municipality of the territory: its slug, name or postcode',
  lat: 'a latitude from -90 to 90, with lng',
  lng: 'a longitude from -180 to 180, with lat',
  cursor: 'the `next` value of the previous page, unchanged',
  limit: `an integer from 1 to ${MAX_LIMIT}`,
};

function fieldErrors(problems: DirectoryProblem[]): FieldError[] {
  const fields: FieldError[] = [];
  for (const p of problems) {
    if (fields.some((f) => f.field === p.field)) continue;
    const hint = HINTS[p.field];
    const message =
      p.kind === 'unknown_parameter'
        ? 'Unknown parameter'
        : p.kind === 'unknown_code'
          ? `Unknown code "${p.value}": expected ${hint}`
          : `Expected ${hint}`;
    fields.push({ field: p.field, message });
  }
  return fields;
}

/** The opaque cursor: base64url of `o:<offset>` into the ordered matches. */
const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
function decodeCursor(value: string): number {
  const text = /^[A-Za-z0-9_-]{1,40}$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : '';
  if (/^o:\d{1,6}$/.test(text)) return Number(text.slice(2));
  throw new AppError('bad_request', 'Invalid cursor', [{ field: 'cursor', message: `Expected ${HINTS.cursor}` }]);
}

function limitOf(raw: unknown): number {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const n = Number(raw);
  if (typeof raw === 'string' && Number.isInteger(n) && n >= 1 && n <= MAX_LIMIT) return n;
  throw new AppError('bad_request', 'Invalid query parameters', [{ field: 'limit', message: `Expected ${HINTS.limit}` }]);
}

const statusJson = (s: OpeningStatus) => ({
  state: s.state,
  nextChange: s.nextChange ? s.nextChange.toISOString() : null,
  nextChangeLocal: s.nextChangeLocal,
});

/** A place in a list. */
function listItemJson(pageUrl: string, p: DirectoryResult) {
  return {
    slug: p.slug,
    name: p.name,
    url: `${pageUrl}/${p.slug}`,
    municipality: p.municipality,
    address: p.address,
    postcode: p.postcode,
    location: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lng: p.longitude } : null,
    distanceKm: p.distanceKm === null ? null : Math.round(p.distanceKm * 100) / 100,
    timeZone: p.clock.timeZone,
    openingHours: p.openingHours,
    status: statusJson(p.status),
    openSaturday: p.openSaturday,
    openEvening: p.openEvening,
    services: p.services,
    publics: p.publics,
    specificSupport: p.support,
    fees: p.fees,
    accessibility: p.accessibility,
  };
}

/** A place in full. */
function detailJson(pageUrl: string, p: PlaceDetail, now: Date) {
  return {
    slug: p.slug,
    name: p.name,
    url: `${pageUrl}/${p.slug}`,
    municipality: p.municipality,
    address: p.address,
    addressComplement: p.addressComplement,
    postcode: p.postcode,
    country: p.clock.country,
    region: p.clock.region,
    location: p.latitude !== null && p.longitude !== null ? { lat: p.latitude, lng: p.longitude } : null,
    mobile: p.mobile,
    summary: p.summary,
    details: p.details,
    phone: p.phone,
    email: p.email,
    website: p.website,
    timeZone: p.clock.timeZone,
    openingHours: p.openingHours,
    status: statusJson(openingStatus(p.openingHours, p.clock, now)),
    week: p.openingHours ? weeklySchedule(p.openingHours, p.clock, now) : [],
    services: p.services,
    publics: p.publics,
    specificSupport: p.support,
    fees: p.fees,
    accessModes: p.accessModes,
    supportModes: p.supportModes,
    equipment: p.equipment,
    accessibility: p.accessibility,
    mediators: p.mediators,
    eservices: p.eservices.map((s) => s.slug),
    updatedAt: p.updatedAt,
  };
}

export async function placesApiRoutes(app: FastifyInstance): Promise<void> {
  /** The places pages in the default language (the page's language switcher offers the others). */
  const pageUrl = `${app.config.baseUrl}/${app.config.defaultLocale}/places`;
  const readOptions = { config: { rateLimit: READ_RATE_LIMIT } };

  /** Anonymous GETs may be read by any web page (no cookie is ever used on /api/). */
  const publicRead = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('vary', 'authorization');
    // Open now changes with the clock: a client or proxy may keep an answer a minute at most.
    reply.header('cache-control', 'public, max-age=60');
    if (request.authVia !== 'token') reply.header('access-control-allow-origin', '*');
  };

  app.get('/api/v1/places', readOptions, async (request, reply) => {
    publicRead(request, reply);
    const raw = Object.fromEntries(Object.entries((request.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''));
    const { query, problems } = parseDirectoryQuery(raw, { strict: true, allowed: ['cursor', 'limit'] });
    for (const name of ['cursor', 'limit', 'near', 'open', 'lat', 'lng', 'eservice', 'saturday', 'evening', 'free']) {
      if (Array.isArray(raw[name])) problems.push({ field: name, kind: 'bad_value' });
    }
    if (problems.length > 0) throw new AppError('bad_request', 'Invalid query parameters', fieldErrors(problems));
    const limit = limitOf(raw.limit);
    const offset = typeof raw.cursor === 'string' ? decodeCursor(raw.cursor) : 0;
    const [entries, eservice, located] = await Promise.all([
      directoryEntries(app),
      query.eservice !== undefined ? eserviceOf(app, query.eservice) : Promise.resolve(null),
      originOf(app, query),
    ]);
    if (query.eservice !== undefined && !eservice) {
      throw new AppError('bad_request', 'Invalid query parameters', [
        { field: 'eservice', message: `No published e-service "${query.eservice}"` },
      ]);
    }
    if (located.unknownNear) {
      throw new AppError('bad_request', 'Invalid query parameters', [
        { field: 'near', message: `Unknown municipality: expected ${HINTS.near}` },
      ]);
    }
    const results = searchDirectory(entries, { ...query.filters, eserviceId: eservice?.id }, appNow(app.config), located.origin);
    const page = results.slice(offset, offset + limit);
    return {
      data: page.map((p) => listItemJson(pageUrl, p)),
      next: offset + limit < results.length ? encodeCursor(offset + limit) : null,
      total: results.length,
    };
  });

  app.get('/api/v1/places/:slug', readOptions, async (request, reply) => {
    publicRead(request, reply);
    const slug = (request.params as { slug: string }).slug;
    if (!SLUG.test(slug) || slug.length > 200) throw new AppError('not_found', 'No such place');
    const place = await app.contentCache.get(`places:page:${slug}`, () => loadPlaceDetail(app.db, slug));
    if (!place) throw new AppError('not_found', 'No such place');
    return detailJson(pageUrl, place, appNow(app.config));
  });
}
