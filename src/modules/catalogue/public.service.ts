/**
 * What the public catalogue pages read: the reference lists behind the filters, a page of services
 * (browsed or searched), one service page with everything around it, and search results grouped by
 * content type.
 *
 * Lists are served from the catalogue index: every published service's card data (a few hundred
 * bytes each, about a megabyte for a city's 2,000 services), loaded in two queries and kept in the
 * content cache until the content changes. Filtering, ordering and paging 2,000 entries in memory
 * costs less than one SQL query that sorts on a JSON field, so a list page makes no query at all.
 */
import type { Db } from '../../db/database.js';
import { search, type SearchHit } from '../../platform/search.js';
import { placesHelpingWith } from '../places/index.js';
import type { ServiceFilters } from './catalogue.queries.js';
import { listLifeEvents, listSectorsWithCounts } from './catalogue.service.js';
import type { Channel, Translated } from './services.model.js';
import { getPublishedService, type ServiceRecord } from './services.queries.js';
import './catalogue.tables.js';

/** An organisation as the catalogue shows it (name is translated JSON). */
export interface OrganisationInfo {
  id: number;
  slug: string;
  name: string;
  website: string | null;
  email: string | null;
  phone: string | null;
}

/** The lists the catalogue's filters, cards and breadcrumbs name things from. Small; cache it. */
export interface CatalogueReference {
  sectors: Awaited<ReturnType<typeof listSectorsWithCounts>>;
  lifeEvents: Awaited<ReturnType<typeof listLifeEvents>>;
  organisations: OrganisationInfo[];
  /** ISO 639-1 codes some published service is available in. */
  languages: string[];
}

/** Loads the catalogue's reference lists (four small queries). */
export async function loadCatalogueReference(db: Db): Promise<CatalogueReference> {
  const [sectors, lifeEvents, organisations, languageRows] = await Promise.all([
    listSectorsWithCounts(db),
    listLifeEvents(db),
    db.selectFrom('organisations').select(['id', 'slug', 'name', 'website', 'email', 'phone']).orderBy('slug').execute(),
    db.selectFrom('services').select('languages').distinct().where('status', '=', 'published').execute(),
  ]);
  const languages = new Set<string>();
  for (const r of languageRows) for (const l of JSON.parse(r.languages) as string[]) languages.add(l);
  return { sectors, lifeEvents, organisations, languages: [...languages].sort() };
}

/** What a list shows of a published service (a card), and what its filters look at. */
export interface ServiceSummary {
  slug: string;
  /** Organisation slug. */
  organisation: string;
  /** Sector slug. */
  sector: string;
  /** Life event slugs. */
  lifeEvents: string[];
  name: Translated;
  summary: Translated;
  channels: Channel[];
  isFree: boolean;
  languages: string[];
}

/** Every published service's summary, by slug, with its name order per language (computed once each). */
export interface CatalogueIndex {
  bySlug: ReadonlyMap<string, ServiceSummary>;
  /** `locale|fallback` → the summaries in name order. Filled on first use. */
  sorted: Map<string, ServiceSummary[]>;
}

/** Loads the catalogue index (two queries). */
export async function loadCatalogueIndex(db: Db): Promise<CatalogueIndex> {
  const [rows, events] = await Promise.all([
    db
      .selectFrom('services')
      .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
      .innerJoin('sectors', 'sectors.id', 'services.sector_id')
      .select([
        'services.slug',
        'services.name',
        'services.summary',
        'services.channels',
        'services.is_free',
        'services.languages',
        'organisations.slug as organisation',
        'sectors.slug as sector',
      ])
      .where('services.status', '=', 'published')
      .execute(),
    db
      .selectFrom('service_life_events')
      .innerJoin('services', 'services.id', 'service_life_events.service_id')
      .innerJoin('life_events', 'life_events.id', 'service_life_events.life_event_id')
      .select(['services.slug as service', 'life_events.slug as event'])
      .where('services.status', '=', 'published')
      .execute(),
  ]);
  const lifeEvents = new Map<string, string[]>();
  for (const e of events) lifeEvents.set(e.service, [...(lifeEvents.get(e.service) ?? []), e.event]);
  const bySlug = new Map<string, ServiceSummary>();
  for (const r of rows) {
    bySlug.set(r.slug, {
      slug: r.slug,
      organisation: r.organisation,
      sector: r.sector,
      lifeEvents: lifeEvents.get(r.slug) ?? [],
      name: JSON.parse(r.name) as Translated,
      summary: JSON.parse(r.summary) as Translated,
      channels: JSON.parse(r.channels) as Channel[],
      isFree: r.is_free === 1,
      languages: JSON.parse(r.languages) as string[],
    });
  }
  return { bySlug, sorted: new Map() };
}

/** The index's services in name order for `locale` (names missing in it sort by the fallback's). */
export function inNameOrder(index: CatalogueIndex, locale: string, fallback: string): ServiceSummary[] {
  const key = `${locale}|${fallback}`;
  let list = index.sorted.get(key);
  if (!list) {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    const name = (s: ServiceSummary) => s.name[locale] || s.name[fallback] || s.slug;
    list = [...index.bySlug.values()].sort((a, b) => collator.compare(name(a), name(b)) || (a.slug < b.slug ? -1 : 1));
    index.sorted.set(key, list);
  }
  return list;
}

/** Whether a service passes the filters (the same ones catalogue.queries.ts applies in SQL). */
export function matches(s: ServiceSummary, f: ServiceFilters): boolean {
  return (
    (f.sector === undefined || s.sector === f.sector) &&
    (f.lifeEvent === undefined || s.lifeEvents.includes(f.lifeEvent)) &&
    (f.channel === undefined || s.channels.includes(f.channel)) &&
    (f.free === undefined || s.isFree === f.free) &&
    (f.language === undefined || s.languages.includes(f.language)) &&
    (f.organisation === undefined || s.organisation === f.organisation)
  );
}

/** At most this many search hits are filtered and listed on the catalogue page (the most relevant). */
export const MAX_CATALOGUE_HITS = 100;

/** A page of the catalogue: services matching the filters and, with a query, the search. */
export interface CataloguePage {
  services: ServiceSummary[];
  total: number;
  /** With a query: how many services the words match before the filters (0: a miss to count). */
  searchTotal: number | null;
}

/**
 * The catalogue's services for the filters, in name order; with `q`, the services the search finds
 * (its MAX_CATALOGUE_HITS most relevant) that pass the filters, in order of relevance.
 */
export async function browseCatalogue(
  db: Db,
  index: CatalogueIndex,
  filters: ServiceFilters,
  options: { q?: string | undefined; locale: string; fallback: string; page: number; perPage: number },
): Promise<CataloguePage> {
  let list: ServiceSummary[];
  let searchTotal: number | null = null;
  if (options.q === undefined) list = inNameOrder(index, options.locale, options.fallback).filter((s) => matches(s, filters));
  else {
    const found = await search(db, options.q, { types: ['service'], limit: MAX_CATALOGUE_HITS });
    searchTotal = found.total;
    list = found.hits.map((h) => index.bySlug.get(h.refId)).filter((s): s is ServiceSummary => s !== undefined && matches(s, filters));
  }
  const start = (Math.max(1, options.page) - 1) * options.perPage;
  return { services: list.slice(start, start + options.perPage), total: list.length, searchTotal };
}

/** One group of search results: a content type with its hits on this page and its total. */
export interface SearchGroup {
  type: string;
  hits: SearchHit[];
  total: number;
  /** For services: the summaries of the hits (organisation, channels, cost for the cards). */
  services: ServiceSummary[];
}

/**
 * Site-wide search, grouped by content type. Only services are searchable today; a module that
 * registers another searchable type adds a group here (guides, questions, places) with its own list.
 */
export async function searchSite(
  db: Db,
  index: CatalogueIndex,
  q: string,
  options: { page: number; perPage: number },
): Promise<{ groups: SearchGroup[]; total: number }> {
  const found = await search(db, q, { types: ['service'], limit: options.perPage, offset: (options.page - 1) * options.perPage });
  const services = found.hits.map((h) => index.bySlug.get(h.refId)).filter((s): s is ServiceSummary => s !== undefined);
  return { groups: [{ type: 'service', hits: found.hits, total: found.total, services }], total: found.total };
}

/** A place that helps with a service (a Digital Public Space), as the service page lists it. */
export type HelpingPlace = Awaited<ReturnType<typeof placesHelpingWith>>[number];

/** Everything the service page shows besides the reference lists. */
export interface ServicePageData {
  service: ServiceRecord;
  /** Related services that are published (the index holds only those). */
  related: ServiceSummary[];
  places: HelpingPlace[];
}

/** A published service with its related published services and the places that help with it; not_found otherwise. */
export async function loadServicePage(db: Db, index: CatalogueIndex, slug: string): Promise<ServicePageData> {
  const service = await getPublishedService(db, slug);
  const places = await placesHelpingWith(db, service.id);
  const related = service.related.map((r) => index.bySlug.get(r)).filter((s): s is ServiceSummary => s !== undefined);
  return { service, related, places };
}
