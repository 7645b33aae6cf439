/**
 * Site-wide search: one box, results grouped by kind of content (e-services; then what other
 * modules found for the same words, through the `catalogue.search` slot: guides…), and help when
 * nothing at all is found.
 */
import type { VNode } from 'preact';
import type { Locale } from '../../../../config.js';
import { formatCount } from './format.js';
import { Button, Pagination, TextInput } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { SearchGroup } from '../../public.service.js';
import { NoResults, type HelpLinks } from './no-results.js';
import { ServiceCard } from './service-card.js';

/** Props of SearchPage. */
export interface SearchPageProps {
  q: string | undefined;
  page: number;
  perPage: number;
  groups: SearchGroup[];
  total: number;
  organisationNames: ReadonlyMap<string, string>;
  defaultLocale: Locale;
  help: HelpLinks;
  /** Other modules' sections for the same words (the `catalogue.search` slot), after the services. */
  contributions?: VNode[];
}

/** The search box, as the search page and the home page show it. */
export function SearchForm({ q, id = 'q', label }: { q?: string | undefined; id?: string; label?: string }) {
  const { t, href } = useUi();
  return (
    <form method="get" action={href('/search')} role="search" class="prose">
      <TextInput id={id} name="q" type="search" label={label ?? t('search.label')} hint={t('search.hint')} value={q} />
      <Button>{t('search.button')}</Button>
    </form>
  );
}

/** The heading of each kind of result. */
const GROUP_HEADING = { service: 'search.groups.service' } as const;

export function SearchPage({
  q,
  page,
  perPage,
  groups,
  total,
  organisationNames,
  defaultLocale,
  help,
  contributions = [],
}: SearchPageProps) {
  const { t, href, locale } = useUi();
  return (
    <>
      <div class="prose">
        <h1>{q ? t('search.resultsTitle', { q }) : t('search.title')}</h1>
      </div>
      <SearchForm q={q} />
      {q === undefined ? null : total === 0 && contributions.length === 0 ? (
        <NoResults q={q} help={help} />
      ) : total === 0 ? (
        <p>{t('search.noServices', { q })}</p>
      ) : (
        <>
          <p>{t('search.count', { count: total, formatted: formatCount(total, locale) })}</p>
          {groups
            .filter((g) => g.total > 0)
            .map((g) => (
              <section key={g.type} aria-labelledby={`group-${g.type}`}>
                <h2 id={`group-${g.type}`}>
                  {t(GROUP_HEADING[g.type as keyof typeof GROUP_HEADING] ?? 'search.groups.service')}{' '}
                  <span class="card__meta">({formatCount(g.total, locale)})</span>
                </h2>
                <ul class="card-grid">
                  {g.services.map((s) => (
                    <ServiceCard key={s.slug} service={s} organisations={organisationNames} defaultLocale={defaultLocale} />
                  ))}
                </ul>
                <Pagination page={page} pageCount={Math.ceil(g.total / perPage)} basePath={href('/search')} query={{ q }} />
              </section>
            ))}
        </>
      )}
      {q === undefined ? null : contributions}
    </>
  );
}
