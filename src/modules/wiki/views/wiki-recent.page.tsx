/** The wiki's recent changes: the latest revisions of every page in this language, with a link to each change and the Atom feed. Pure. */
import { formatDate } from '../../../platform/i18n.js';
import { Breadcrumbs, KeysetPagination, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { sizeChange } from './size-change.js';
import type { RecentChange } from '../wiki.queries.js';

export interface WikiRecentProps {
  changes: RecentChange[];
  next: number | null;
  isFirstPage: boolean;
}

export function WikiRecentPage({ changes, next, isFirstPage }: WikiRecentProps) {
  const { t, href, locale } = useUi();
  const base = href('/wiki/recent-changes');
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: t('wiki.recent.title') }]} />
      <h1>{t('wiki.recent.title')}</h1>
      <p class="lead">{t('wiki.recent.lead')}</p>
      <p>
        <a href={`${base}.atom`} type="application/atom+xml">
          {t('wiki.recent.feed')}
        </a>
      </p>
      {changes.length === 0 ? (
        <p>{t('wiki.recent.empty')}</p>
      ) : (
        <ul class="card-grid">
          {changes.map((c) => (
            <li key={c.id} class="card">
              <h2 class="card__title">
                <a href={href(`/wiki/${c.page.slug}`)}>{c.page.title}</a>
              </h2>
              <p class="card__meta">
                <time dateTime={c.createdAt}>{formatDate(locale, c.createdAt, 'datetime')}</time> · {c.author ?? t('wiki.history.deleted')}{' '}
                · {sizeChange(t, locale, c.sizeDelta)}
              </p>
              <p>
                {t(`wiki.history.kind.${c.kind}`)}
                {c.summary ? `: ${c.summary}` : ''}
                {c.reviewStatus !== 'accepted' ? (
                  <>
                    {' '}
                    <Tag>{t(`wiki.review.status.${c.reviewStatus}`)}</Tag>
                  </>
                ) : null}
                {c.parentId !== null ? (
                  <>
                    {' '}
                    (<a href={`${href(`/wiki/${c.page.slug}/diff`)}?from=${c.parentId}&to=${c.id}`}>{t('wiki.history.changes')}</a>)
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      <KeysetPagination
        label={t('wiki.recent.pages')}
        newestHref={isFirstPage ? null : base}
        olderHref={next !== null ? `${base}?before=${next}` : null}
        newestText={t('wiki.history.newest')}
        olderText={t('wiki.history.older')}
      />
    </div>
  );
}
