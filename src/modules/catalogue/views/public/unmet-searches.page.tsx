/**
 * "What citizens look for and can't find": the searches that found nothing, most frequent first,
 * for officials and admins deciding what to add or rename. Anonymous counts only.
 */
import { formatDate } from '../../../../platform/i18n.js';
import { Breadcrumbs, Pagination, Table, type TableColumn } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import type { SearchMiss } from '../../search-misses.js';
import { formatCount, languageName } from './format.js';

/** Props of UnmetSearchesPage. */
export interface UnmetSearchesPageProps {
  misses: SearchMiss[];
  total: number;
  page: number;
  pageCount: number;
}

export function UnmetSearchesPage({ misses, total, page, pageCount }: UnmetSearchesPageProps) {
  const { t, href, locale } = useUi();
  const columns: TableColumn<SearchMiss>[] = [
    { header: t('services.misses.query'), cell: (m) => <span lang={m.locale}>{m.query}</span>, rowHeader: true, wrap: true },
    { header: t('services.misses.language'), cell: (m) => languageName(m.locale, locale) },
    { header: t('services.misses.count'), cell: (m) => formatCount(m.count, locale), numeric: true },
    { header: t('services.misses.last'), cell: (m) => <time dateTime={m.lastAt}>{formatDate(locale, m.lastAt, 'date')}</time> },
  ];
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('services.crumbs.home'), href: href('/') },
          { label: t('services.crumbs.services'), href: href('/services') },
          { label: t('services.misses.title') },
        ]}
      />
      <div class="prose">
        <h1>{t('services.misses.title')}</h1>
        <p class="lead">{t('services.misses.lead')}</p>
        <p>{t('services.misses.total', { count: total, formatted: formatCount(total, locale) })}</p>
      </div>
      {misses.length > 0 ? (
        <Table
          id="misses"
          caption={t('services.misses.caption')}
          columns={columns}
          rows={misses}
          rowKey={(m) => `${m.locale}:${m.query}`}
        />
      ) : (
        <p>{t('services.misses.none')}</p>
      )}
      <Pagination page={page} pageCount={pageCount} basePath={href('/catalogue/unmet-searches')} query={{}} />
    </>
  );
}
