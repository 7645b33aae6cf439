/**
 * A list of services with its filters: the whole catalogue (`/services`, with an optional search),
 * a sector or a life event (the same list with that filter fixed). The filters are a GET form, so
 * they work without JavaScript and every filtered list has a URL to bookmark or share; pagination
 * links keep them.
 */
import type { Locale } from '../../../../config.js';
import { formatCount } from './format.js';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  Pagination,
  Select,
  TextInput,
  type Crumb,
  type Option,
} from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { CHANNELS } from '../../services.model.js';
import type { ServiceSummary } from '../../public.service.js';
import type { CatalogueQuery } from '../../public.schemas.js';
import { NoResults, type HelpLinks } from './no-results.js';
import { CHANNEL_LABEL, ServiceCard } from './service-card.js';

/** Props of CataloguePage. */
export interface CataloguePageProps {
  heading: string;
  /** The sector's description, or the catalogue's introduction. */
  lead: string;
  crumbs: Crumb[];
  /** The list's own URL (localised, no query): the form's action and the base of its page links. */
  basePath: string;
  /** The filters in effect (unknown values already dropped). */
  query: CatalogueQuery;
  /** Whether the form has a search box (the whole catalogue). */
  searchable: boolean;
  organisations: Option[];
  languages: Option[];
  services: ServiceSummary[];
  total: number;
  pageCount: number;
  /** Organisation names (translated JSON) by slug, for the cards. */
  organisationNames: ReadonlyMap<string, string>;
  defaultLocale: Locale;
  help: HelpLinks;
  /** Shown to officials and admins: the link to the searches that found nothing. */
  unmetSearches?: string | undefined;
}

/** The filter parameters of a query, as the form and the pagination links carry them. */
export function filterParams(query: CatalogueQuery): Record<string, string | undefined> {
  return {
    q: query.q,
    channel: query.channel,
    free: query.free ? '1' : undefined,
    language: query.language,
    organisation: query.organisation,
  };
}

/** The filters in effect, in words ("Fully online", "Free of charge"…). */
function ActiveFilters({
  query,
  organisations,
  languages,
  basePath,
}: Pick<CataloguePageProps, 'query' | 'organisations' | 'languages' | 'basePath'>) {
  const { t } = useUi();
  const labels = [
    query.q !== undefined ? t('services.filters.activeQuery', { q: query.q }) : null,
    query.channel ? t(CHANNEL_LABEL[query.channel]) : null,
    query.free ? t('services.filters.freeOnly') : null,
    query.language ? languages.find((l) => l.value === query.language)?.label : null,
    query.organisation ? organisations.find((o) => o.value === query.organisation)?.label : null,
  ].filter((l): l is string => typeof l === 'string');
  if (labels.length === 0) return null;
  return (
    <p>
      {t('services.filters.active')} <strong>{labels.join(' · ')}</strong> — <a href={basePath}>{t('services.filters.clear')}</a>
    </p>
  );
}

/** The filter form (GET). */
function Filters(props: Pick<CataloguePageProps, 'query' | 'organisations' | 'languages' | 'basePath' | 'searchable'>) {
  const { t } = useUi();
  const { query } = props;
  return (
    <form method="get" action={props.basePath} class="card" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="card__title">
        {props.searchable ? t('services.filters.headingWithSearch') : t('services.filters.heading')}
      </h2>
      {props.searchable ? (
        <TextInput
          id="q"
          name="q"
          type="search"
          label={t('services.filters.query')}
          hint={t('services.filters.queryHint')}
          value={query.q}
        />
      ) : null}
      <Select
        id="channel"
        name="channel"
        label={t('services.filters.channel')}
        placeholder={t('services.filters.anyChannel')}
        value={query.channel}
        options={CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_LABEL[c]) }))}
      />
      <Checkboxes
        id="free"
        name="free"
        legend={t('services.filters.cost')}
        options={[{ value: '1', label: t('services.filters.freeOnly') }]}
        values={query.free ? ['1'] : []}
      />
      <Select
        id="language"
        name="language"
        label={t('services.filters.language')}
        placeholder={t('services.filters.anyLanguage')}
        value={query.language}
        options={props.languages}
      />
      <Select
        id="organisation"
        name="organisation"
        label={t('services.filters.organisation')}
        placeholder={t('services.filters.anyOrganisation')}
        value={query.organisation}
        options={props.organisations}
      />
      <Button variant="secondary">{t('services.filters.apply')}</Button>
    </form>
  );
}

export function CataloguePage(props: CataloguePageProps) {
  const { t, locale } = useUi();
  const { query, services, total } = props;
  const count = t('services.list.count', { count: total, formatted: formatCount(total, locale) });
  return (
    <>
      <Breadcrumbs items={props.crumbs} />
      <div class="prose">
        <h1>{props.heading}</h1>
        <p class="lead">{props.lead}</p>
      </div>
      <Filters {...props} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{count}</h2>
        <ActiveFilters {...props} />
        {services.length > 0 ? (
          <ul class="card-grid">
            {services.map((s) => (
              <ServiceCard key={s.slug} service={s} organisations={props.organisationNames} defaultLocale={props.defaultLocale} />
            ))}
          </ul>
        ) : query.q !== undefined && !hasOtherFilters(query) ? (
          <NoResults q={query.q} help={props.help} headingLevel={3} />
        ) : (
          <p>
            {t('services.list.none')} <a href={props.basePath}>{t('services.filters.clear')}</a>
          </p>
        )}
        <Pagination page={query.page} pageCount={props.pageCount} basePath={props.basePath} query={filterParams(query)} />
      </section>
      {props.unmetSearches ? (
        <p>
          <a href={props.unmetSearches}>{t('services.misses.link')}</a>
        </p>
      ) : null}
    </>
  );
}

/** Whether anything but the search words narrows the list. */
function hasOtherFilters(query: CatalogueQuery): boolean {
  return query.channel !== undefined || query.free !== undefined || query.language !== undefined || query.organisation !== undefined;
}
