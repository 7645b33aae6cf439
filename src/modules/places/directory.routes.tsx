/**
 * The directory of Digital Public Spaces (`/places`) and each place's page (`/places/{slug}`).
 *
 * Both show whether places are open now, which changes with the clock as well as with content. Their
 * bodies are the same for everyone, so they are shared (sendSharedPageFrom, keyed by the URL) and
 * rendered again at most once a minute: `expiresAt` is the next minute by the app's clock, and
 * opening hours, workshop starts and slot starts all fall on whole minutes, so "open now — closes at
 * 18:30" never outlives 18:30. Anonymous copies stay in the page cache until then too. Writes to a
 * place, its workshops, registrations, slots and bookings call `contentChanged`, which drops them at
 * once. On a miss, what follows content only (every place's directory row, the municipalities, one
 * place's details) comes from `app.contentCache`; opening hours are evaluated in each place's own
 * time zone (opening-hours.ts caches the parsed values).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { pick, translator } from '../../platform/i18n.js';
import { appNow, nextMinute } from '../../platform/clock.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { localizedGet } from '../../platform/routing.js';
import type { ErrorSummaryItem } from '../../ui/components/index.js';
import { getPublishedServiceRef } from '../catalogue/index.js';
import { parseDirectoryQuery, type DirectoryProblem, type DirectoryQuery } from './directory.schemas.js';
import { openingStatus, weeklySchedule } from './opening-hours.js';
import { loadPlaceActivity, loadPlaceDetail } from './place-page.queries.js';
import { loadDirectory, loadMunicipalities, resolveNear, searchDirectory, type DirectoryResult, type Origin } from './places.queries.js';
import { DirectoryPage } from './views/directory.page.js';
import { MapAssets, type MapData, type MapPoint } from './views/place-parts.js';
import { PlacePage } from './views/place.page.js';

/** Places per page of the directory. */
export const DIRECTORY_PER_PAGE = 20;
/** Markers on the directory's map at most (a territory has a few hundred places). */
const MAX_MAP_POINTS = 500;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every place's directory row, cached per content generation. */
export const directoryEntries = (app: FastifyInstance) => app.contentCache.get('places:directory', () => loadDirectory(app.db));
/** The territory's municipalities, cached per content generation. */
export const territoryMunicipalities = (app: FastifyInstance) =>
  app.contentCache.get('places:municipalities', () => loadMunicipalities(app.db));

/** The e-service of `eservice=<slug>`: its id and name, or null when no published service has that slug. */
export async function eserviceOf(app: FastifyInstance, slug: string): Promise<{ id: number; name: Record<string, string> } | null> {
  return app.contentCache.get(`places:eservice:${slug}`, async () => {
    try {
      const ref = await getPublishedServiceRef(app.db, slug);
      return { id: ref.id, name: ref.name };
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    }
  });
}

/** Where distances are measured from, from `near` (a municipality) or `lat`/`lng`. */
export async function originOf(
  app: FastifyInstance,
  query: DirectoryQuery,
): Promise<{ origin: Origin | null; municipality: { name: string } | null; unknownNear: boolean }> {
  if (query.near !== undefined) {
    const found = resolveNear(await territoryMunicipalities(app), query.near);
    if (found) return { origin: { lat: found.latitude!, lng: found.longitude! }, municipality: found, unknownNear: false };
    return { origin: null, municipality: null, unknownNear: true };
  }
  if (query.lat !== undefined && query.lng !== undefined)
    return { origin: { lat: query.lat, lng: query.lng }, municipality: null, unknownNear: false };
  return { origin: null, municipality: null, unknownNear: false };
}

/** The map's markers for a list of places (those with coordinates). */
function mapPoints(
  request: FastifyRequest,
  places: readonly Pick<DirectoryResult, 'slug' | 'name' | 'municipality' | 'latitude' | 'longitude'>[],
): MapPoint[] {
  const t = translator(request.locale);
  return places
    .filter((p) => p.latitude !== null && p.longitude !== null)
    .slice(0, MAX_MAP_POINTS)
    .map((p) => ({
      name: p.name,
      label: t('places.directory.mapMarker', { name: p.name, municipality: p.municipality }),
      lat: p.latitude!,
      lng: p.longitude!,
      url: `/${request.locale}/places/${p.slug}`,
    }));
}

function mapData(app: FastifyInstance, request: FastifyRequest, points: MapPoint[]): MapData {
  const t = translator(request.locale);
  return {
    assets: { js: app.assets.urls.mapJs, css: app.assets.urls.mapCss },
    tiles: app.config.mapTileUrl,
    points,
    labels: {
      zoomIn: t('places.map.zoomIn'),
      zoomOut: t('places.map.zoomOut'),
      // The island puts the number in (clusters hold two places or more).
      cluster: t('places.map.cluster', { count: '{count}' }),
      attribution: t('places.map.attribution'),
    },
  };
}

/** The directory's problems as error summary items (each linked to its field). */
function problemItems(problems: DirectoryProblem[], t: ReturnType<typeof translator>): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const p of problems) {
    const message = p.kind === 'bad_coordinates' ? t('places.directory.badCoordinates') : t('places.directory.badFilter');
    if (!items.some((i) => i.message === message))
      items.push({ fieldId: p.kind === 'bad_coordinates' ? 'near' : 'filters-heading', message });
  }
  return items;
}

export async function directoryRoutes(app: FastifyInstance): Promise<void> {
  const defaultLocale = app.config.defaultLocale;
  const mapHead = () => <MapAssets css={app.assets.urls.placesCss} js={app.assets.urls.placesJs} />;

  localizedGet(app, '/places', (request, reply) => sendSharedPageFrom(request, reply, request.url, () => directoryPage(request)));

  /** The directory for this request's filters, page and location: the same for everyone. */
  const directoryPage = async (request: FastifyRequest): Promise<SharedPageContent> => {
    const t = translator(request.locale);
    const raw = (request.query ?? {}) as Record<string, unknown>;
    const pageParam = Number(Array.isArray(raw.page) ? raw.page[0] : raw.page);
    let page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 1000 ? pageParam : 1;
    const { query, problems, municipalities, eservice, located, now, results } = await directoryResults(raw);
    const pageCount = Math.max(1, Math.ceil(results.length / DIRECTORY_PER_PAGE));
    page = Math.min(page, pageCount);
    const errors = problemItems(problems, t);
    const nearError = located.unknownNear ? t('places.directory.unknownNear', { near: query.near ?? '' }) : undefined;
    if (nearError) errors.unshift({ fieldId: 'near', message: nearError });
    const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
    return {
      body: () => (
        <DirectoryPage
          query={query}
          eserviceName={eservice ? pick(eservice.name, request.locale, defaultLocale) : undefined}
          municipalities={municipalities}
          places={results.slice((page - 1) * DIRECTORY_PER_PAGE, page * DIRECTORY_PER_PAGE)}
          total={results.length}
          page={page}
          pageCount={pageCount}
          origin={
            located.municipality ? { kind: 'municipality', name: located.municipality.name } : located.origin ? { kind: 'here' } : null
          }
          errors={errors}
          nearError={nearError}
          // The markers are fetched with the map (map.json, same filters): a territory's few hundred
          // places would double the page for those who never open it.
          map={{ ...mapData(app, request, []), pointsUrl: `/${request.locale}/places/map.json${search}` }}
          hasMapPoints={results.some((p) => p.latitude !== null && p.longitude !== null)}
        />
      ),
      options: {
        title: errors.length > 0 ? t('places.directory.titleWithErrors') : t('places.directory.title'),
        description: t('places.directory.lead'),
        head: mapHead(),
        // Malformed filters no form produces: the page still answers, with the summary, as a 400. An
        // e-service that is no longer published (an old link) and an unknown municipality (typed by
        // the person) are not malformed: a 200 with the summary.
        status: problems.some((p) => p.field !== 'eservice') ? 400 : 200,
        expiresAt: nextMinute(now),
      },
    };
  };

  /** The places matching the directory's query (`raw`), at the app's clock's now. */
  const directoryResults = async (raw: Record<string, unknown>) => {
    const { query, problems } = parseDirectoryQuery(raw);
    const [entries, municipalities, eservice, located] = await Promise.all([
      directoryEntries(app),
      territoryMunicipalities(app),
      query.eservice !== undefined ? eserviceOf(app, query.eservice) : Promise.resolve(null),
      originOf(app, query),
    ]);
    // A link to an e-service that is not (or no longer) published: the filter is dropped, and said so.
    if (query.eservice !== undefined && !eservice) {
      problems.push({ field: 'eservice', kind: 'bad_value' });
      delete query.eservice;
    }
    const now = appNow(app.config);
    const results = searchDirectory(entries, { ...query.filters, eserviceId: eservice?.id }, now, located.origin);
    return { query, problems, municipalities, eservice, located, now, results };
  };

  // The directory map's markers, for the same filters as the page (its island fetches them when
  // someone asks for the map). Not for a malformed query: the page says what is wrong.
  localizedGet(app, '/places/map.json', async (request, reply) => {
    const { problems, results } = await directoryResults((request.query ?? {}) as Record<string, unknown>);
    if (problems.some((p) => p.field !== 'eservice')) throw new AppError('bad_request', 'Malformed directory filters');
    return reply.header('cache-control', 'no-store').send({ points: mapPoints(request, results) });
  });

  localizedGet(app, '/places/:slug', (request, reply) => sendSharedPageFrom(request, reply, request.url, () => placePage(request)));

  /** One place's page: the same for everyone. */
  const placePage = async (request: FastifyRequest): Promise<SharedPageContent> => {
    const slug = (request.params as { slug: string }).slug;
    if (!SLUG.test(slug) || slug.length > 200) throw new AppError('not_found', 'No such place');
    const place = await app.contentCache.get(`places:page:${slug}`, () => loadPlaceDetail(app.db, slug));
    if (!place) throw new AppError('not_found', 'No such place');
    const now = appNow(app.config);
    const activity = await loadPlaceActivity(app.db, place.id, now);
    const status = openingStatus(place.openingHours, place.clock, now);
    const week = place.openingHours ? weeklySchedule(place.openingHours, place.clock, now) : [];
    const today = new Intl.DateTimeFormat('en-CA', {
      timeZone: place.clock.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(now);
    const points = mapPoints(request, [place]);
    const t = translator(request.locale);
    const summary = pick(place.summary, request.locale, defaultLocale);
    return {
      body: () => (
        <PlacePage
          place={place}
          status={status}
          week={week}
          today={today}
          workshops={activity.workshops}
          freeSlots={activity.freeSlots}
          map={points.length > 0 ? mapData(app, request, points) : null}
          defaultLocale={defaultLocale}
        />
      ),
      options: {
        title: place.name,
        description: summary || t('places.directory.lead'),
        head: (
          <>
            {mapHead()}
            <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: civicStructureJson(app, request.locale, place) }} />
          </>
        ),
        expiresAt: nextMinute(now),
      },
    };
  };
}

/** schema.org `CivicStructure` JSON-LD of a place (address, geo, contact, opening hours). */
function civicStructureJson(app: FastifyInstance, locale: string, place: NonNullable<Awaited<ReturnType<typeof loadPlaceDetail>>>): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'CivicStructure',
    name: place.name,
    url: `${app.config.baseUrl}/${locale}/places/${place.slug}`,
    description: pick(place.summary, locale as never, app.config.defaultLocale) || undefined,
    address: {
      '@type': 'PostalAddress',
      streetAddress: place.address,
      postalCode: place.postcode,
      addressLocality: place.municipality,
      addressCountry: place.clock.country,
    },
    ...(place.latitude !== null && place.longitude !== null
      ? { geo: { '@type': 'GeoCoordinates', latitude: place.latitude, longitude: place.longitude } }
      : {}),
    ...(place.phone ? { telephone: place.phone } : {}),
    ...(place.email ? { email: place.email } : {}),
    ...(place.website ? { sameAs: place.website } : {}),
    // OSM opening_hours rules are close to schema.org's `openingHours` text ("Mo-Fr 09:00-18:00"):
    // one entry per rule.
    ...(place.openingHours
      ? {
          openingHours: place.openingHours
            .split(';')
            .map((r) => r.trim())
            .filter((r) => r !== ''),
        }
      : {}),
    isAccessibleForFree: place.fees.includes('free') || undefined,
  };
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
