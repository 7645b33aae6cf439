/**
 * The public catalogue: the list of services with filters (`/services`, `/sectors/:slug`,
 * `/life-events/:slug`), the service page (`/services/:slug`), site-wide search (`/search`) and,
 * for officials and admins, the searches that found nothing (`/catalogue/unmet-searches`).
 *
 * Searches that find nothing are counted (search-misses.ts). Those pages are therefore never put in
 * the anonymous page cache (a cached page would answer the next identical search before it could
 * be counted), and the search routes are rate-limited per address whenever a query is given.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '../../config.js';
import { AppError } from '../../platform/errors.js';
import { pick, translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { sendSharedPageFrom, type SharedPageContent } from '../../platform/shared-page.js';
import { searchRouteOptions } from '../../platform/rate-limit.js';
import { localizedGet } from '../../platform/routing.js';
import type { Crumb, Option } from '../../ui/components/index.js';
import { authorize, can, catalogueActor } from './catalogue.policy.js';
import type { ServiceFilters } from './catalogue.queries.js';
import { catalogueQuery, PER_PAGE, MAX_PAGE, pageQuery, parseSlug, searchQuery, type CatalogueQuery } from './public.schemas.js';
import {
  browseCatalogue,
  loadCatalogueIndex,
  loadCatalogueReference,
  loadServicePage,
  searchSite,
  type CatalogueIndex,
  type CatalogueReference,
} from './public.service.js';
import { governmentService, jsonLdText } from './schema-org.js';
import { listSearchMisses, recordSearchMiss } from './search-misses.js';
import { CHANNELS } from './services.model.js';
import { CataloguePage } from './views/public/catalogue.page.js';
import { languageName } from './views/public/format.js';
import type { HelpLinks } from './views/public/no-results.js';
import { CHANNEL_LABEL } from './views/public/service-card.js';
import { SearchPage } from './views/public/search.page.js';
import { ServicePage } from './views/public/service.page.js';
import { UnmetSearchesPage } from './views/public/unmet-searches.page.js';
import { MAX_SEARCH_OFFSET } from '../../platform/search.js';

/** The reference lists, cached per content generation. */
function reference(app: FastifyInstance): Promise<CatalogueReference> {
  return app.contentCache.get('catalogue:reference', () => loadCatalogueReference(app.db));
}

/** Every published service's card data, cached per content generation (see public.service.ts). */
function catalogueIndex(app: FastifyInstance): Promise<CatalogueIndex> {
  return app.contentCache.get('catalogue:index', () => loadCatalogueIndex(app.db));
}

/** Organisation names (translated JSON) by slug. */
const organisationNames = (ref: CatalogueReference) => new Map(ref.organisations.map((o) => [o.slug, o.name]));

/** Where to send someone a search did not help: existing pages only. */
function helpLinks(app: FastifyInstance, locale: Locale): HelpLinks {
  const exists = (path: string) => app.hasRoute({ method: 'GET', url: `/${locale}${path}` });
  return {
    ask: exists('/help') ? `/${locale}/help` : undefined,
    places: exists('/places') ? `/${locale}/places` : `/${locale}/#places`,
  };
}

/** The filter choices per reference list and language, built once (sorting by name is not free). */
const optionsCache = new WeakMap<CatalogueReference, Map<string, { organisations: Option[]; languages: Option[] }>>();

/** The filter choices, in the reader's language. */
function filterOptions(ref: CatalogueReference, locale: Locale, defaultLocale: Locale): { organisations: Option[]; languages: Option[] } {
  const byLocale = optionsCache.get(ref) ?? new Map<string, { organisations: Option[]; languages: Option[] }>();
  optionsCache.set(ref, byLocale);
  let options = byLocale.get(locale);
  if (!options) {
    const collator = new Intl.Collator(locale);
    const byLabel = (a: Option, b: Option) => collator.compare(a.label, b.label);
    options = {
      organisations: ref.organisations.map((o) => ({ value: o.slug, label: pick(o.name, locale, defaultLocale) })).sort(byLabel),
      languages: ref.languages.map((l) => ({ value: l, label: languageName(l, locale) })).sort(byLabel),
    };
    byLocale.set(locale, options);
  }
  return options;
}

/** The query with the values the lists do not know dropped (as if they were not given). */
function knownFilters(query: CatalogueQuery, ref: CatalogueReference): CatalogueQuery {
  return {
    ...query,
    language: query.language && ref.languages.includes(query.language) ? query.language : undefined,
    organisation: query.organisation && ref.organisations.some((o) => o.slug === query.organisation) ? query.organisation : undefined,
  };
}

/** The link to "what citizens can't find", for those allowed to see it. */
async function unmetSearchesLink(request: FastifyRequest): Promise<string | undefined> {
  if (!request.user) return undefined;
  const actor = await catalogueActor(request.server.db, request.user);
  return can(actor, 'searchMisses.view') ? `/${request.locale}/catalogue/unmet-searches` : undefined;
}

/** Mounts the public catalogue pages under every locale. */
export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const defaultLocale = app.config.defaultLocale;

  /** Renders a list of services: the whole catalogue, or with a sector or a life event fixed. */
  async function sendList(
    request: FastifyRequest,
    reply: Parameters<typeof sendPage>[1],
    page: { fixed: ServiceFilters; heading: string; lead: string; crumbs: Crumb[]; path: string; searchable: boolean },
  ) {
    const locale = request.locale;
    const unmetSearches = page.searchable ? await unmetSearchesLink(request) : undefined;
    // The list is the same for everyone (but officials' link to the unmet searches): a shared body
    // per URL and content generation, its query run on a miss only. A search that matched nothing
    // is counted on every view, cached or not.
    const load = async (): Promise<SharedPageContent> => {
      const [ref, index] = await Promise.all([reference(app), catalogueIndex(app)]);
      const parsed = catalogueQuery.parse(request.query ?? {});
      const query = knownFilters(page.searchable ? parsed : { ...parsed, q: undefined }, ref);
      const filters: ServiceFilters = {
        ...page.fixed,
        channel: query.channel,
        free: query.free,
        language: query.language,
        organisation: query.organisation,
      };
      const browse = (pageNumber: number) =>
        browseCatalogue(app.db, index, filters, { q: query.q, locale, fallback: defaultLocale, page: pageNumber, perPage: PER_PAGE });
      let result = await browse(query.page);
      // A page past the end (an old link, a list that shrank) shows the last page rather than nothing.
      if (result.services.length === 0 && result.total > 0) {
        query.page = Math.min(MAX_PAGE, Math.ceil(result.total / PER_PAGE));
        result = await browse(query.page);
      }
      // A search that matched nothing at all (whatever the filters) is what citizens could not find.
      const missed = query.q !== undefined && result.searchTotal === 0;
      const t = translator(locale);
      return {
        body: () => (
          <CataloguePage
            heading={page.heading}
            lead={page.lead}
            crumbs={page.crumbs}
            basePath={`/${locale}${page.path}`}
            query={query}
            searchable={page.searchable}
            {...filterOptions(ref, locale, defaultLocale)}
            services={result.services}
            total={result.total}
            pageCount={Math.min(MAX_PAGE, Math.ceil(result.total / PER_PAGE))}
            organisationNames={organisationNames(ref)}
            defaultLocale={defaultLocale}
            help={helpLinks(app, locale)}
            unmetSearches={unmetSearches}
          />
        ),
        options: {
          title: query.q !== undefined ? t('services.list.titleWithQuery', { title: page.heading, q: query.q }) : page.heading,
          description: page.lead,
          // Every miss must reach the handler to be counted.
          cacheable: !missed,
        },
        data: missed ? query.q : undefined,
      };
    };
    return sendSharedPageFrom(request, reply, `${request.url}\nunmet=${unmetSearches ?? ''}`, load, {
      eachView: async (missedQuery) => {
        if (typeof missedQuery === 'string') await recordSearchMiss(app.db, missedQuery, locale);
      },
    });
  }

  localizedGet(
    app,
    '/services',
    async (request, reply) => {
      const t = translator(request.locale);
      return sendList(request, reply, {
        fixed: {},
        heading: t('services.list.title'),
        lead: t('services.list.lead'),
        crumbs: [{ label: t('services.crumbs.home'), href: `/${request.locale}/` }, { label: t('services.crumbs.services') }],
        path: '/services',
        searchable: true,
      });
    },
    searchRouteOptions,
  );

  localizedGet(app, '/sectors/:slug', async (request, reply) => {
    const slug = parseSlug(request.params);
    const locale = request.locale;
    const sector = (await reference(app)).sectors.find((s) => s.slug === slug);
    if (!sector) throw new AppError('not_found', 'No such sector');
    const t = translator(locale);
    const name = pick(sector.name, locale, defaultLocale);
    return sendList(request, reply, {
      fixed: { sector: slug },
      heading: name,
      lead: pick(sector.description, locale, defaultLocale),
      crumbs: [
        { label: t('services.crumbs.home'), href: `/${locale}/` },
        { label: t('services.crumbs.services'), href: `/${locale}/services` },
        { label: name },
      ],
      path: `/sectors/${slug}`,
      searchable: false,
    });
  });

  localizedGet(app, '/life-events/:slug', async (request, reply) => {
    const slug = parseSlug(request.params);
    const locale = request.locale;
    const event = (await reference(app)).lifeEvents.find((e) => e.slug === slug);
    if (!event) throw new AppError('not_found', 'No such life event');
    const t = translator(locale);
    const name = pick(event.name, locale, defaultLocale);
    return sendList(request, reply, {
      fixed: { lifeEvent: slug },
      heading: name,
      lead: t('services.lifeEvent.lead'),
      crumbs: [
        { label: t('services.crumbs.home'), href: `/${locale}/` },
        { label: t('services.crumbs.lifeEvents'), href: `/${locale}/#life-events` },
        { label: name },
      ],
      path: `/life-events/${slug}`,
      searchable: false,
    });
  });

  localizedGet(app, '/services/:slug', async (request, reply) => {
    const slug = parseSlug(request.params);
    const locale = request.locale;
    // Everything below runs once per content generation: signed-in views reuse the body and options.
    return sendSharedPageFrom(request, reply, request.url, async () => {
      const [ref, index] = await Promise.all([reference(app), catalogueIndex(app)]);
      const data = await loadServicePage(app.db, index, slug);
      const { service } = data;
      const contributions = await app.slotContent('service.page', {
        serviceId: service.id,
        slug: service.slug,
        organisationId: service.organisationId,
        locale,
      });
      const t = translator(locale);
      const organisation = ref.organisations.find((o) => o.id === service.organisationId);
      const sector = ref.sectors.find((s) => s.id === service.sectorId);
      const organisationName = organisation ? pick(organisation.name, locale, defaultLocale) : undefined;
      const jsonLd = governmentService(service, {
        url: `${app.config.baseUrl}/${locale}/services/${service.slug}`,
        locale,
        defaultLocale,
        areaServed: t('meta.territory'),
        organisation: organisation && organisationName ? { ...organisation, name: organisationName } : undefined,
        places: data.places.map((p) => ({ ...p, municipality: p.municipality })),
        category: sector ? pick(sector.name, locale, defaultLocale) : undefined,
        channelNames: Object.fromEntries(CHANNELS.map((c) => [c, t(CHANNEL_LABEL[c])])),
      });
      const jsonLdHtml = jsonLdText(jsonLd);
      const name = service.name[locale] || service.name[defaultLocale] || service.slug;
      return {
        body: () => (
          <ServicePage
            service={service}
            organisation={organisation}
            sector={sector}
            lifeEvents={ref.lifeEvents.filter((e) => service.lifeEvents.includes(e.slug))}
            related={data.related}
            places={data.places}
            organisationNames={organisationNames(ref)}
            defaultLocale={defaultLocale}
            contributions={contributions}
          />
        ),
        options: {
          title: name,
          description: service.summary[locale] || service.summary[defaultLocale],
          head: <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdHtml }} />,
        },
      };
    });
  });

  localizedGet(
    app,
    '/search',
    async (request, reply) => {
      const locale = request.locale;
      const query = searchQuery.parse(request.query ?? {});
      // The results are the same for everyone: a shared body per URL and content generation. Every
      // search that found nothing is counted, served from the cache or not (it is what people could
      // not find), and never put in the anonymous page cache, which would skip the count.
      const load = async (): Promise<SharedPageContent> => {
        let page = Math.min(query.page, Math.floor(MAX_SEARCH_OFFSET / PER_PAGE) + 1);
        const find = (p: number) =>
          query.q === undefined
            ? Promise.resolve({ groups: [], total: 0 })
            : searchSite(app.db, index, query.q, { page: p, perPage: PER_PAGE });
        const [ref, index] = await Promise.all([reference(app), catalogueIndex(app)]);
        let result = await find(page);
        // A page past the end shows the last page rather than nothing.
        if (result.total > 0 && result.groups.every((g) => g.hits.length === 0)) {
          page = Math.min(page, Math.ceil(Math.min(result.total, MAX_SEARCH_OFFSET + PER_PAGE) / PER_PAGE));
          result = await find(page);
        }
        // Other modules' finds for the same words (guides…), beside the services' first page only.
        const contributions = query.q !== undefined && page === 1 ? await app.slotContent('catalogue.search', { q: query.q, locale }) : [];
        // Only the first page counts: "page 2 of nothing" is not a second search. A search that
        // found no service but found guides did help: it is not one of the unmet searches.
        const missed = query.q !== undefined && result.total === 0 && page === 1 && contributions.length === 0;
        const t = translator(locale);
        return {
          body: () => (
            <SearchPage
              q={query.q}
              page={page}
              perPage={PER_PAGE}
              groups={result.groups.map((g) => ({ ...g, total: Math.min(g.total, MAX_SEARCH_OFFSET + PER_PAGE) }))}
              total={result.total}
              organisationNames={organisationNames(ref)}
              defaultLocale={defaultLocale}
              help={helpLinks(app, locale)}
              contributions={contributions}
            />
          ),
          options: {
            title: query.q !== undefined ? t('search.resultsTitle', { q: query.q }) : t('search.title'),
            cacheable: !missed,
          },
          data: missed,
        };
      };
      return sendSharedPageFrom(request, reply, request.url, load, {
        eachView: async (missed) => {
          if (missed === true) await recordSearchMiss(app.db, query.q!, locale);
        },
      });
    },
    searchRouteOptions,
  );

  localizedGet(app, '/catalogue/unmet-searches', async (request, reply) => {
    authorize(await catalogueActor(app.db, request.user), 'searchMisses.view');
    const { page } = pageQuery.parse(request.query ?? {});
    const { misses, total } = await listSearchMisses(app.db, { page, perPage: 50 });
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <UnmetSearchesPage misses={misses} total={total} page={page} pageCount={Math.min(MAX_PAGE, Math.ceil(total / 50))} />,
      {
        title: t('services.misses.title'),
        cacheable: false,
      },
    );
  });
}
