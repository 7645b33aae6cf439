/**
 * The services REST API (`/api/v1/…`): the public catalogue as JSON (list with filters and a cursor,
 * one service, search with the ranking of the search page, reference lists), and the writes an
 * official does in the editor's forms (create, change, publish, withdraw, back to draft), through
 * the same service functions, so the same rules, revisions and audit apply.
 *
 * Reads are public (CORS `*` for anonymous requests). Writes need `Authorization: Bearer <token>`
 * of an admin or of an official of the service's organisation (two-factor rules already applied to
 * the token's roles); the session cookie counts for nothing here (platform/api-auth.ts). Described
 * in api.openapi.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditContext } from '../../platform/audit.js';
import { requireApiUser } from '../../platform/api-auth.js';
import { AppError } from '../../platform/errors.js';
import { moderationStatus } from '../../platform/flags.js';
import { MAX_SEARCH_LIMIT, MAX_SEARCH_OFFSET, search } from '../../platform/search.js';
import { listOrganisations } from '../territory/index.js';
import { responseCache } from './api.cache.js';
import {
  decodeCursor,
  encodeCursor,
  etagOf,
  filtersOf,
  listQuery,
  parseQuery,
  searchQuery,
  serviceJson,
  versionFromIfMatch,
  writableFields,
  type ListQuery,
  type ReferenceNames,
} from './api.schemas.js';
import { authorize, can, catalogueActor, type CatalogueActor } from './catalogue.policy.js';
import { countServices, listServicesAfter, type ServiceFilters } from './catalogue.queries.js';
import { listLifeEvents, listSectorsWithCounts } from './catalogue.service.js';
import { SLUG_PATTERN, type ServiceStatus, type Translated } from './services.model.js';
import { findService, getServiceForEditing, type ServiceRecord } from './services.queries.js';
import { createService, setServiceStatus, updateService } from './services.service.js';

/** Anonymous reads that query the database: generous, but a scraper in a loop is slowed down. */
const READ_RATE_LIMIT = { max: 600, timeWindow: 60_000 };
/** Writes: what an integration syncing a catalogue needs, not what a runaway script would do. */
const WRITE_RATE_LIMIT = { max: 120, timeWindow: 60_000 };

const STATUS_ROUTES: Record<string, ServiceStatus> = { publish: 'published', withdraw: 'withdrawn', unpublish: 'draft' };

const parseTranslated = (json: string): Translated => JSON.parse(json) as Translated;

export async function apiRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const { baseUrl, defaultLocale } = app.config;
  const readOptions = { config: { rateLimit: READ_RATE_LIMIT } };
  const writeOptions = { config: { rateLimit: WRITE_RATE_LIMIT } };
  const cache = responseCache(app);
  // PATCH bodies are JSON Merge Patch in all but name (top-level fields replace the current ones):
  // accept its media type too (RFC 7396). Scoped to the catalogue's routes.
  if (!app.hasContentTypeParser('application/merge-patch+json'))
    app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  /** Sectors, life events and organisations with their names: reference data, cached per content generation. */
  const reference = () =>
    app.contentCache.get('catalogue.api.reference', async () => {
      const [sectors, lifeEvents, organisations] = await Promise.all([
        listSectorsWithCounts(db),
        listLifeEvents(db),
        listOrganisations(db),
      ]);
      const lists = {
        sectors: sectors.map((s) => ({
          slug: s.slug,
          name: parseTranslated(s.name),
          description: parseTranslated(s.description),
          services: Number(s.services),
        })),
        lifeEvents: lifeEvents.map((e) => ({ slug: e.slug, name: parseTranslated(e.name) })),
        organisations: organisations.map((o) => ({ slug: o.slug, name: parseTranslated(o.name), kind: o.kind, website: o.website })),
      };
      const bySlug = (list: { slug: string; name: Translated }[]) => new Map(list.map((x) => [x.slug, x.name]));
      const names: ReferenceNames = {
        organisations: bySlug(lists.organisations),
        sectors: bySlug(lists.sectors),
        lifeEvents: bySlug(lists.lifeEvents),
      };
      return { ...lists, names };
    });

  const pageUrl = (request: FastifyRequest) => (path: string) => `${baseUrl}/${request.locale}${path}`;

  /** Anonymous GETs may be read by any web page (no cookie is ever used on /api/). */
  const publicRead = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('vary', 'accept-language, authorization');
    if (request.authVia !== 'token') reply.header('access-control-allow-origin', '*');
  };

  /** The JSON of services for a reader: `related` shows only published services unless they may edit it. */
  const present = async (request: FastifyRequest, services: ServiceRecord[], actor: CatalogueActor = null) => {
    const { names } = await reference();
    const related = [...new Set(services.flatMap((s) => s.related))];
    const published =
      related.length === 0
        ? new Set<string>()
        : new Set(
            (await db.selectFrom('services').select('slug').where('slug', 'in', related).where('status', '=', 'published').execute()).map(
              (r) => r.slug,
            ),
          );
    return services.map((s) =>
      serviceJson(s, names, {
        pageUrl: pageUrl(request),
        ...(can(actor, 'service.edit', s.organisationId) ? {} : { visibleRelated: published }),
      }),
    );
  };

  /** The token's user as a catalogue actor allowed to manage services at all: 401 / 403 otherwise. */
  const writer = async (request: FastifyRequest) => {
    const actor = await catalogueActor(db, requireApiUser(request));
    authorize(actor, 'service.manage');
    return actor;
  };
  const writeOptionsFor = (request: FastifyRequest) => {
    const { requestId, ip } = auditContext(request);
    return { defaultLocale, audit: { requestId, ip } };
  };
  const slugOf = (request: FastifyRequest) => {
    const slug = (request.params as { slug?: string }).slug ?? '';
    if (!SLUG_PATTERN.test(slug)) throw new AppError('not_found', 'No such service');
    return slug;
  };
  /** The answer to a write: the service as it now is. Cached anonymous answers are dropped at once. */
  const sendService = async (request: FastifyRequest, reply: FastifyReply, service: ServiceRecord, actor: CatalogueActor, status = 200) => {
    cache.clear();
    return reply
      .code(status)
      .header('etag', etagOf(service.version))
      .send((await present(request, [service], actor))[0]);
  };

  app.get('/api/v1/services', readOptions, async (request, reply) => {
    publicRead(request, reply);
    return cache.send(request, reply, async () => {
      const query = parseQuery(listQuery, request.query);
      const page = query.q !== undefined && query.q !== '' ? await searchPage(query, query.q) : await listPage(query);
      return { body: { data: await present(request, page.services), next: page.next, total: page.total } };
    });
  });

  /** A page in slug order after the cursor, with the number of matches. */
  async function listPage(query: ListQuery) {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'slug');
    const filters = filtersOf(query);
    const [page, total] = await Promise.all([
      listServicesAfter(db, filters, { ...(cursor?.kind === 'slug' ? { after: cursor.slug } : {}), limit: query.limit }),
      countServices(db, filters),
    ]);
    return { services: page.services, total, next: page.next === null ? null : encodeCursor({ kind: 'slug', slug: page.next }) };
  }

  /**
   * A page of search results, in the order of the platform search (the search page's), that pass
   * the filters. Search pages are bounded (MAX_SEARCH_OFFSET), so are these.
   */
  async function searchPage(query: ListQuery, q: string) {
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 'offset');
    const offset = cursor?.kind === 'offset' ? cursor.offset : 0;
    const filters = filtersOf(query);
    const nextOf = (total: number) =>
      offset + query.limit < total && offset + query.limit <= MAX_SEARCH_OFFSET
        ? encodeCursor({ kind: 'offset', offset: offset + query.limit })
        : null;
    if (Object.keys(filters).length === 0) {
      const found = await search(db, q, { types: ['service'], limit: query.limit, offset });
      return {
        services: await inOrder(
          filters,
          found.hits.map((h) => h.refId),
        ),
        total: found.total,
        next: nextOf(found.total),
      };
    }
    // With filters: walk the ranked hits by chunks, count the matches of each chunk (cheap), and
    // load only the chunks that overlap the requested page.
    const chunks: string[][] = [];
    for (let at = 0; at <= MAX_SEARCH_OFFSET; at += MAX_SEARCH_LIMIT) {
      const found = await search(db, q, { types: ['service'], limit: MAX_SEARCH_LIMIT, offset: at });
      if (found.hits.length > 0) chunks.push(found.hits.map((h) => h.refId));
      if (found.hits.length < MAX_SEARCH_LIMIT || at + MAX_SEARCH_LIMIT >= found.total) break;
    }
    const counts = await Promise.all(chunks.map((slugs) => countServices(db, { ...filters, slugs })));
    const total = counts.reduce((a, b) => a + b, 0);
    const services: ServiceRecord[] = [];
    let seen = 0;
    for (const [i, slugs] of chunks.entries()) {
      const n = counts[i]!;
      if (seen + n > offset && services.length < query.limit) {
        const matches = await inOrder(filters, slugs);
        services.push(...matches.slice(Math.max(0, offset - seen), Math.max(0, offset - seen) + query.limit - services.length));
      }
      seen += n;
      if (services.length >= query.limit) break;
    }
    return { services, total, next: nextOf(total) };
  }

  /** The published services among `slugs` that pass the filters, in the order of `slugs`. */
  async function inOrder(filters: ServiceFilters, slugs: string[]): Promise<ServiceRecord[]> {
    if (slugs.length === 0) return [];
    const rank = new Map(slugs.map((s, i) => [s, i]));
    const { services } = await listServicesAfter(db, { ...filters, slugs }, { limit: slugs.length });
    return services.sort((a, b) => rank.get(a.slug)! - rank.get(b.slug)!);
  }

  app.get('/api/v1/services/:slug', readOptions, async (request, reply) => {
    publicRead(request, reply);
    return cache.send(request, reply, async () => {
      const slug = slugOf(request);
      const found = await findService(db, { slug });
      if (!found) throw new AppError('not_found', 'No such service');
      const actor = request.authVia === 'token' ? await catalogueActor(db, request.user) : null;
      let service = found;
      if (found.status !== 'published') {
        // Drafts and withdrawn services exist only for those who may edit them: a 404 for everyone else.
        if (!can(actor, 'service.edit', found.organisationId)) throw new AppError('not_found', 'No such service');
        service = await getServiceForEditing(db, actor, slug);
      }
      return { body: (await present(request, [service], actor))[0], etag: etagOf(service.version) };
    });
  });

  app.post('/api/v1/services', writeOptions, async (request, reply) => {
    const actor = await writer(request);
    const { fields } = writableFields(request.body, 'draft');
    const service = await createService(db, actor, fields, writeOptionsFor(request));
    reply.header('location', `/api/v1/services/${service.slug}`);
    return sendService(request, reply, service, actor, 201);
  });

  app.patch('/api/v1/services/:slug', writeOptions, async (request, reply) => {
    const actor = await writer(request);
    const slug = slugOf(request);
    const current = await getServiceForEditing(db, actor, slug);
    const { fields, version } = writableFields(request.body, current.status);
    const expected = expectedVersion(versionFromIfMatch(request.headers['if-match']), version, true);
    const { service } = await updateService(db, actor, slug, fields, {
      ...writeOptionsFor(request),
      ...(expected === undefined ? {} : { expectedVersion: expected }),
    });
    return sendService(request, reply, service, actor);
  });

  for (const [action, status] of Object.entries(STATUS_ROUTES)) {
    app.post(`/api/v1/services/:slug/${action}`, writeOptions, async (request, reply) => {
      const actor = await writer(request);
      const slug = slugOf(request);
      const expected = expectedVersion(versionFromIfMatch(request.headers['if-match']), undefined, false);
      const service = await setServiceStatus(db, actor, slug, status, {
        ...writeOptionsFor(request),
        ...(expected === undefined ? {} : { expectedVersion: expected }),
      });
      return sendService(request, reply, service, actor);
    });
  }

  app.get('/api/v1/search', readOptions, async (request, reply) => {
    publicRead(request, reply);
    return cache.send(request, reply, async () => {
      const query = parseQuery(searchQuery, request.query);
      // Exactly the call of the search page (public.service.ts searchSite): same ranking, same paging.
      const found = await search(db, query.q, { ...(query.types ? { types: query.types } : {}), limit: query.limit, offset: query.offset });
      const url = pageUrl(request);
      // Content moderation hid (a wiki page: searchable and flaggable types share their names) is left out.
      const hidden = new Set<string>();
      for (const type of new Set(found.hits.map((h) => h.type))) {
        const ids = found.hits.filter((h) => h.type === type).map((h) => h.refId);
        for (const id of (await moderationStatus(db, type, ids)).keys()) hidden.add(`${type}\n${id}`);
      }
      const hits = found.hits
        .filter((h) => !hidden.has(`${h.type}\n${h.refId}`))
        .map((h) => ({
          type: h.type,
          refId: h.refId,
          title: h.title,
          summary: h.summary,
          path: h.url,
          url: url(h.url),
        }));
      return { body: { query: query.q, total: found.total, offset: query.offset, limit: query.limit, hits } };
    });
  });

  app.get('/api/v1/sectors', async (request, reply) => {
    publicRead(request, reply);
    return { data: (await reference()).sectors };
  });
  app.get('/api/v1/life-events', async (request, reply) => {
    publicRead(request, reply);
    return { data: (await reference()).lifeEvents };
  });
  app.get('/api/v1/organisations', async (request, reply) => {
    publicRead(request, reply);
    return { data: (await reference()).organisations };
  });
}

/**
 * The version a write must apply to, from `If-Match` or the body's `version` (both: they must
 * agree). `required` (PATCH) refuses a write that names no version: an integration must say which
 * version it changes, or it would silently undo someone else's edit. `If-Match: *` opts out.
 */
function expectedVersion(header: number | '*' | undefined, body: number | undefined, required: boolean): number | undefined {
  if (header !== undefined && header !== '*' && body !== undefined && header !== body)
    throw new AppError('bad_request', 'If-Match and version disagree', [
      { field: 'version', message: 'Send one version: If-Match or version' },
    ]);
  if (header === '*') return undefined;
  const version = header ?? body;
  if (version === undefined && required)
    throw new AppError('bad_request', 'Say which version you change', [
      { field: 'If-Match', message: 'Send the ETag you read (If-Match: W/"3") or "version": 3 in the body' },
    ]);
  return version;
}
