/**
 * Open311 GeoReport v2 at `/open311/v2/` (https://wiki.open311.org/GeoReport_v2): problem reports
 * are service requests, published e-services are service types, the report categories are the one
 * attribute of every service. Every endpoint answers in `.xml` (mandatory) and `.json`; errors use
 * the spec's document and statuses (400 bad or missing parameter, 403 bad api_key, 404 unknown
 * resource, jurisdiction or format) from this scope's own error and not-found handlers.
 *
 * Posting needs `api_key`, an API token of an account (a partner application's; the platform's
 * Bearer header works too): the citizen is identified by the request's email and names, stored as
 * the report's contact and never shown. Deviations from the spec, for e-services rather than
 * streets: a location is optional, a description (10 to 4,000 characters) is required, and
 * `phone`, `device_id`, `address_id`, `account_id` and `media_url` are accepted but not stored.
 * Described in open311.openapi.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, type Locale } from '../../config.js';
import { toAppError } from '../../platform/error-handler.js';
import { pick, translator } from '../../platform/i18n.js';
import { PROBLEM_CATEGORIES, problemInput, type ProblemCategory, type ProblemStatus } from './assessment.model.js';
import {
  CATEGORY_ATTRIBUTE,
  FORMATS,
  MAX_REQUESTS,
  Open311Error,
  discoveryDocument,
  errorsDocument,
  isFormat,
  param,
  parseRequestsQuery,
  requestCreatedDocument,
  requestsDocument,
  serialise,
  serviceDefinitionDocument,
  serviceListDocument,
  tokenDocument,
  w3cDateTime,
  type Format,
  type Open311ErrorItem,
  type RequestEntry,
  type Value,
} from './open311.js';
import {
  findPublishedService,
  findRequest,
  findRequests,
  latestExplanations,
  listPublishedServices,
  servicesChangedAt,
  type RequestRow,
} from './open311.queries.js';
import { createProblemReport } from './problems.service.js';

/** Reads: generous, but a scraper in a loop is slowed down. */
const READ_RATE_LIMIT = { max: 600, timeWindow: 60_000 };
/** Posting: what a partner application relaying citizens' reports needs, not what a runaway script would do. */
const POST_RATE_LIMIT = { max: 60, timeWindow: 60_000 };
/** The changeset when no e-service was ever written. */
const FIRST_CHANGESET = '2026-11-26T00:00:00Z';

type Params = Record<string, string>;
type Fields = Record<string, unknown>;

/** The format of a URL's resource (`….json` or XML), for error documents. */
function formatOfUrl(url: string): Format {
  return (url.split('?')[0] ?? '').endsWith('.json') ? 'json' : 'xml';
}

function send(reply: FastifyReply, format: Format, root: string, value: Value, status = 200): FastifyReply {
  return reply
    .code(status)
    .type(FORMATS[format])
    .send(serialise(format, root, value));
}

export async function open311Routes(app: FastifyInstance): Promise<void> {
  // Its own scope, so that its error and not-found handlers answer every /open311/ URL in the spec's format.
  await app.register(open311Scope, { prefix: '/open311' });
}

async function open311Scope(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const { baseUrl, defaultLocale, locales } = app.config;
  /** The one jurisdiction served: the site's host name without `www.`, as the spec suggests. */
  const jurisdiction = new URL(baseUrl).hostname.replace(/^www\./, '');
  const authenticate = app.modules.find((m) => m.authenticateBearer)?.authenticateBearer;
  const readOptions = { config: { rateLimit: READ_RATE_LIMIT } };

  app.setErrorHandler((err, request, reply) => {
    let failure: Open311Error;
    if (err instanceof Open311Error) {
      failure = err;
    } else {
      const e = toAppError(err);
      if (e.status >= 500) request.log.error({ err }, 'request failed');
      else request.log.info({ code: e.code }, 'request refused');
      if (e.code === 'rate_limited' && !reply.getHeader('retry-after')) reply.header('retry-after', '60');
      // The spec's statuses: 404 for what does not exist, 403 for the key, 400 for any other refusal.
      const status = e.status >= 500 || [401, 403, 404, 429].includes(e.status) ? e.status : 400;
      failure = Open311Error.of(status, e.status >= 500 ? 'Internal error: the request could not be processed' : e.message);
    }
    return send(reply, formatOfUrl(request.url), 'errors', errorsDocument(failure.errors), failure.status);
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, formatOfUrl(request.url), 'errors', errorsDocument([{ code: 404, description: 'No such Open311 resource' }]), 404),
  );

  /** The format in the URL; an unknown one is a resource that does not exist. */
  const formatOf = (request: FastifyRequest): Format => {
    const format = (request.params as Params).format ?? '';
    if (!isFormat(format)) throw Open311Error.of(404, `Format "${format.slice(0, 20)}" is not supported: use .xml or .json`);
    return format;
  };

  /** `jurisdiction_id` is optional (one jurisdiction); another one does not exist here. */
  const checkJurisdiction = (...sources: Fields[]) => {
    for (const fields of sources) {
      const given = param(fields, 'jurisdiction_id');
      if (given !== undefined && given.toLowerCase() !== jurisdiction) throw Open311Error.of(404, 'jurisdiction_id not found');
    }
  };

  /** Texts in `locale` when given and supported, else in the default locale. */
  const localeOf = (...sources: Fields[]): Locale => {
    for (const fields of sources) {
      const l = param(fields, 'locale');
      if (l !== undefined && isLocale(l) && locales.includes(l)) return l;
    }
    return defaultLocale;
  };

  const cors = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

  app.get('/v2/discovery.:format', readOptions, async (request, reply) => {
    const format = formatOf(request);
    const locale = localeOf(request.query as Fields);
    const t = translator(locale);
    const changedAt = await servicesChangedAt(db);
    const document = discoveryDocument({
      changeset: changedAt ? w3cDateTime(changedAt) : FIRST_CHANGESET,
      contact: t('open311.contact', { url: `${baseUrl}/${locale}/about` }),
      keyService: t('open311.keyService', { url: `${baseUrl}/${locale}/account/tokens` }),
      url: `${baseUrl}/open311/v2`,
    });
    return send(cors(reply), format, 'discovery', document);
  });

  app.get('/v2/services.:format', readOptions, async (request, reply) => {
    const format = formatOf(request);
    const query = request.query as Fields;
    checkJurisdiction(query);
    const locale = localeOf(query);
    const services = await app.contentCache.get(`open311.services.${locale}`, async () =>
      (await listPublishedServices(db)).map((s) => ({
        code: s.slug,
        name: pick(s.name, locale, defaultLocale),
        description: pick(s.summary, locale, defaultLocale),
        keywords: keywordsIn(s.keywords, locale, defaultLocale),
        group: pick(s.sector_name, locale, defaultLocale),
      })),
    );
    return send(cors(reply), format, 'services', serviceListDocument(services));
  });

  app.get('/v2/services/:code.:format', readOptions, async (request, reply) => {
    const format = formatOf(request);
    const query = request.query as Fields;
    checkJurisdiction(query);
    const code = (request.params as Params).code ?? '';
    const service = await findPublishedService(db, code);
    if (!service) throw Open311Error.of(404, 'service_code not found');
    const t = translator(localeOf(query));
    const names = Object.fromEntries(PROBLEM_CATEGORIES.map((c) => [c, t(`open311.category.${c}`)])) as Record<ProblemCategory, string>;
    return send(
      cors(reply),
      format,
      'service_definition',
      serviceDefinitionDocument(service.slug, t('open311.attributeDescription'), names),
    );
  });

  app.post('/v2/requests.:format', { config: { rateLimit: POST_RATE_LIMIT } }, async (request, reply) => {
    const format = formatOf(request);
    const body = request.body && typeof request.body === 'object' ? (request.body as Fields) : {};
    const query = request.query as Fields;
    checkJurisdiction(body, query);
    const apiKey = param(body, 'api_key');
    let client = apiKey === undefined ? null : authenticate ? await authenticate(db, apiKey) : null;
    if (apiKey === undefined && request.authVia === 'token') client = request.user;
    if (!client)
      throw Open311Error.of(
        403,
        apiKey === undefined ? 'api_key is missing' : 'Invalid api_key received -- cannot proceed with create_request',
      );
    const code = param(body, 'service_code');
    if (code === undefined) throw Open311Error.of(400, 'service_code was not provided');
    const service = await findPublishedService(db, code);
    if (!service) throw Open311Error.of(404, 'service_code not found');
    const input = newRequestInput(body);
    const locale = localeOf(body, query);
    const { id } = await createProblemReport(db, {
      ...input,
      serviceId: Number(service.id),
      reporterId: null,
      locale,
      source: 'open311',
      clientId: client.id,
    });
    const notice = translator(locale)('open311.serviceNotice', {
      organisation: pick(service.organisation_name, locale, defaultLocale),
      url: `${baseUrl}/${locale}/problems/${id}`,
    });
    return send(reply, format, 'service_requests', requestCreatedDocument(id, notice));
  });

  /** Requests as Open311 shows them, texts in `locale`. */
  const entries = async (rows: readonly RequestRow[], locale: Locale): Promise<RequestEntry[]> => {
    const t = translator(locale);
    const explanations = await latestExplanations(
      db,
      rows.map((r) => r.id),
    );
    const statusLabel = (r: RequestRow) =>
      r.status === 'duplicate' ? t('open311.status.duplicate', { id: r.duplicate_of ?? '' }) : t(`open311.status.${r.status}`);
    return rows.map((r) => ({
      id: r.id,
      status: r.status as ProblemStatus,
      statusNotes: explanations.get(r.id)?.note ?? statusLabel(r),
      serviceName: pick(r.service_name, locale, defaultLocale),
      serviceCode: r.service_slug,
      description: r.description,
      agency: pick(r.organisation_name, locale, defaultLocale),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      address: r.address,
      latitude: r.latitude,
      longitude: r.longitude,
    }));
  };

  app.get('/v2/requests.:format', readOptions, async (request, reply) => {
    const format = formatOf(request);
    const query = request.query as Fields;
    checkJurisdiction(query);
    const filter = parseRequestsQuery(query);
    const rows = await findRequests(db, filter, MAX_REQUESTS);
    return send(cors(reply), format, 'service_requests', requestsDocument(await entries(rows, localeOf(query))));
  });

  app.get('/v2/requests/:id.:format', readOptions, async (request, reply) => {
    const format = formatOf(request);
    const query = request.query as Fields;
    checkJurisdiction(query);
    const id = (request.params as Params).id ?? '';
    const row = /^\d{1,15}$/.test(id) ? await findRequest(db, { id: Number(id) }) : undefined;
    if (!row) throw Open311Error.of(404, 'service_request_id not found');
    return send(cors(reply), format, 'service_requests', requestsDocument(await entries([row], localeOf(query))));
  });

  app.get('/v2/tokens/:token.:format', readOptions, async (request, reply) => {
    const format = formatOf(request);
    checkJurisdiction(request.query as Fields);
    const token = (request.params as Params).token ?? '';
    const row = /^[A-Za-z0-9_-]{1,64}$/.test(token) ? await findRequest(db, { token }) : undefined;
    if (!row) throw Open311Error.of(404, 'token not found');
    return send(cors(reply), format, 'service_requests', tokenDocument(row.id, token));
  });
}

/** The keywords of a service in a locale (stored `{"en": [...], "fr": [...]}`). */
function keywordsIn(json: string, locale: Locale, fallback: Locale): string[] {
  try {
    const value = JSON.parse(json) as Partial<Record<string, string[]>>;
    return value[locale] ?? value[fallback] ?? [];
  } catch {
    return [];
  }
}

/** Each problem field's Open311 parameter and what to say when it is wrong. */
const FIELD_ERRORS: Record<string, Open311ErrorItem> = {
  category: { code: 400, description: `attribute[${CATEGORY_ATTRIBUTE}] is required: one of ${PROBLEM_CATEGORIES.join(', ')}` },
  description: { code: 400, description: 'description is required: 10 to 4,000 characters' },
  contactEmail: { code: 400, description: 'email is not a valid email address' },
  contactName: { code: 400, description: 'first_name and last_name together may not be longer than 100 characters' },
  address: { code: 400, description: 'address_string may not be longer than 300 characters' },
  latitude: { code: 400, description: 'lat must be a number from -90 to 90, sent with long' },
  longitude: { code: 400, description: 'long must be a number from -180 to 180, sent with lat' },
};

/** The problem a `POST requests` describes, validated like the site's form; Open311Error 400 otherwise. */
function newRequestInput(body: Fields) {
  const nested = body.attribute && typeof body.attribute === 'object' ? (body.attribute as Fields) : {};
  const category = param(body, `attribute[${CATEGORY_ATTRIBUTE}]`) ?? param(nested, CATEGORY_ATTRIBUTE);
  const name = [param(body, 'first_name'), param(body, 'last_name')].filter((s) => s !== undefined).join(' ');
  const lat = param(body, 'lat');
  const long = param(body, 'long');
  const number = (s: string | undefined) => (s === undefined ? null : /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN);
  const parsed = problemInput.safeParse({
    category,
    description: param(body, 'description') ?? '',
    contactEmail: param(body, 'email') ?? null,
    contactName: name || null,
    address: param(body, 'address_string') ?? null,
    latitude: number(lat),
    longitude: number(long),
  });
  const failed = new Set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
  // Both coordinates or neither.
  if ((lat === undefined) !== (long === undefined)) failed.add(lat === undefined ? 'latitude' : 'longitude');
  if (failed.size || !parsed.success) {
    throw new Open311Error(
      400,
      Object.keys(FIELD_ERRORS)
        .filter((f) => failed.has(f))
        .map((f) => FIELD_ERRORS[f]!),
    );
  }
  return parsed.data;
}
