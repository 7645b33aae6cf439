/**
 * The pages the bench loads, in order. A module adds its pages here (with a path built from the
 * generated dataset's samples when it needs a slug). Every page is measured anonymous and logged
 * in unless `modes` says otherwise.
 *
 * `upcoming` marks a page of DESIGN.md whose route does not exist yet: while the app answers it
 * with 404 it is listed as skipped instead of failing, and it is measured as soon as the module
 * that serves it lands. Remove the flag once the page exists.
 */
import type { Mode } from './budgets.js';
import type { DatasetSummary } from './generate.js';

export interface BenchPage {
  /** A path on the app, or a function of the dataset (null: no suitable sample, skip). */
  path: string | ((dataset: DatasetSummary) => string | null);
  /** Expected status (default 200). */
  status?: number;
  /** Default: both. */
  modes?: readonly Mode[];
  /** A page DESIGN.md promises but the app may not serve yet (see above). */
  upcoming?: boolean;
  /** The reference the anonymous budget is relative to (/healthz only). */
  reference?: boolean;
  /**
   * Who the logged-in row is signed in as: a citizen (default), or an official of the dataset's
   * `samples.officialOrganisation[0]` (else `samples.organisation[0]`), for work pages such as the dashboard.
   */
  as?: 'citizen' | 'official';
}

/** The first sample of a kind, URL-encoded, or null. */
const sample = (dataset: DatasetSummary, kind: string): string | null => {
  const value = dataset.samples[kind]?.[0];
  return value === undefined ? null : encodeURIComponent(value);
};

/** The id of the long wiki page's revision sampled at `index` (0: first, 1: 51st, 2: latest), or null. */
const longRevision = (dataset: DatasetSummary, index: number): string | null =>
  sample(dataset, 'wikiLongPage') === null ? null : (dataset.samples.wikiLongRevision?.[index] ?? null);

export const PAGES: readonly BenchPage[] = [
  { path: '/healthz', modes: ['anon'], reference: true },
  // pages module
  { path: '/en/' },
  { path: '/fr/' },
  { path: '/en/about' },
  { path: '/fr/accessibility' },
  { path: '/en/privacy' },
  { path: '/en/this-page-does-not-exist', status: 404 },
  // catalogue
  { path: '/en/services' },
  { path: '/fr/services?channel=online&free=1' },
  { path: (d) => (sample(d, 'service') ? `/fr/services/${sample(d, 'service')}` : null) },
  { path: (d) => (sample(d, 'service') ? `/en/services/${sample(d, 'service')}` : null) },
  { path: (d) => (sample(d, 'sector') ? `/en/sectors/${sample(d, 'sector')}` : null) },
  { path: (d) => (sample(d, 'lifeEvent') ? `/fr/life-events/${sample(d, 'lifeEvent')}` : null) },
  // search (a query that finds something: searches that find nothing are never cached, and are counted)
  { path: (d) => (sample(d, 'query') ? `/en/search?q=${sample(d, 'query')}` : null) },
  // co-assessment: the most assessed service's page (with its ratings panel), reviews and
  // results; the results and the dashboard (an official's work page: logged in only) of the
  // organisation with the most services
  { path: (d) => (sample(d, 'assessedService') ? `/en/services/${sample(d, 'assessedService')}` : null) },
  { path: (d) => (sample(d, 'assessedService') ? `/fr/services/${sample(d, 'assessedService')}/reviews` : null) },
  { path: (d) => (sample(d, 'assessedService') ? `/en/services/${sample(d, 'assessedService')}/reviews?sort=helpful` : null) },
  { path: (d) => (sample(d, 'assessedService') ? `/en/services/${sample(d, 'assessedService')}/results` : null) },
  { path: (d) => (sample(d, 'officialOrganisation') ? `/fr/organisations/${sample(d, 'officialOrganisation')}/results` : null) },
  {
    path: (d) => (sample(d, 'officialOrganisation') ? `/en/manage/assessment/${sample(d, 'officialOrganisation')}` : null),
    modes: ['logged-in'],
    as: 'official',
  },
  // places: the directory (plain, and filtered by open now and sorted by distance), a place page,
  // its booking page and the workshops
  { path: '/fr/places' },
  { path: '/en/places?open=now&service=admin_procedures&free=1' },
  { path: (d) => (sample(d, 'place') ? `/en/places/${sample(d, 'place')}` : null) },
  { path: (d) => (sample(d, 'place') ? `/fr/places/${sample(d, 'place')}/appointments` : null) },
  { path: '/en/workshops' },
  // wiki: the front page (and one category of it), recent changes, an ordinary page, and the page with 500 revisions: itself,
  // the first and the last page of its history (keyset `?before=`), and the diff from its first
  // revision to its latest (samples.wikiLongRevision: the 1st, the 51st and the 500th)
  { path: '/en/wiki' },
  { path: '/fr/wiki/recent-changes' },
  { path: '/en/wiki?category=housing-and-building' },
  { path: (d) => (sample(d, 'wikiPage') ? `/en/wiki/${sample(d, 'wikiPage')}` : null) },
  { path: (d) => (sample(d, 'wikiLongPage') ? `/en/wiki/${sample(d, 'wikiLongPage')}` : null) },
  { path: (d) => (sample(d, 'wikiLongPage') ? `/en/wiki/${sample(d, 'wikiLongPage')}/history` : null) },
  { path: (d) => (longRevision(d, 1) ? `/en/wiki/${sample(d, 'wikiLongPage')}/history?before=${longRevision(d, 1)}` : null) },
  {
    path: (d) =>
      longRevision(d, 2) ? `/en/wiki/${sample(d, 'wikiLongPage')}/diff?from=${longRevision(d, 0)}&to=${longRevision(d, 2)}` : null,
  },
  // catalogue API (integrations read anonymously; with a token they are API clients, not page views)
  { path: (d) => (sample(d, 'sector') ? `/api/v1/services?sector=${sample(d, 'sector')}` : null), modes: ['anon'] },
  { path: (d) => (sample(d, 'query') ? `/api/v1/search?q=${sample(d, 'query')}` : null), modes: ['anon'] },
];

/** A page's concrete path for a dataset (null when it needs a sample the dataset lacks). */
export function resolvePath(page: BenchPage, dataset: DatasetSummary): string | null {
  return typeof page.path === 'string' ? page.path : page.path(dataset);
}
