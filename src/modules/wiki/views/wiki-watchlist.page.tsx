/**
 * The person's watchlist: the wiki pages they watch, most recently changed first, each with its
 * latest change (when, by whom, what, a link to the changes) and a "Stop watching" button.
 * Keyset-paged. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, KeysetPagination, NotificationBanner, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { WatchedPage } from '../wiki-watch.service.js';

export interface WikiWatchlistProps {
  pages: WatchedPage[];
  next: number | null;
  /** Where the list starts (the `before` cursor), undefined on the first page. */
  before: number | undefined;
  /** Just took a page off the list. */
  unwatched: boolean;
}

export function WikiWatchlistPage({ pages, next, before, unwatched }: WikiWatchlistProps) {
  const { t, href, locale } = useUi();
  const base = href('/wiki/watchlist');
  const here = before === undefined ? base : `${base}?before=${before}`;
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: t('wiki.watch.list.title') }]} />
      {unwatched ? (
        <NotificationBanner id="wiki-watch-done" type="success">
          <p>{t('wiki.watch.list.unwatched')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('wiki.watch.list.title')}</h1>
      <p class="lead">{t('wiki.watch.list.lead')}</p>
      {pages.length === 0 ? (
        <p>{t('wiki.watch.list.empty')}</p>
      ) : (
        <ul class="card-grid">
          {pages.map((p) => (
            <li key={p.slug} class="card">
              <h2 class="card__title">
                <a href={href(`/wiki/${p.slug}`)} lang={p.locale === locale ? undefined : p.locale}>
                  {p.title}
                </a>
              </h2>
              <p class="card__meta">
                {t('wiki.watch.list.changed', {
                  date: formatDate(locale, p.change.at, 'datetime'),
                  author: p.change.author ?? t('wiki.history.deleted'),
                })}
                {p.change.pending ? (
                  <>
                    {' '}
                    <Tag>{t('wiki.watch.list.pending')}</Tag>
                  </>
                ) : null}
              </p>
              <p>
                {p.change.hidden ? t('wiki.watch.summaryHidden') : p.change.summary || t('wiki.watch.email.noSummary')}
                {p.change.parentId !== null ? (
                  <>
                    {' '}
                    (
                    <a href={`${href(`/wiki/${p.slug}/diff`)}?from=${p.change.parentId}&to=${p.change.revisionId}`}>
                      {t('wiki.history.changes')}
                    </a>
                    )
                  </>
                ) : null}
              </p>
              <form method="post" action={href(`/wiki/${p.slug}/unwatch`)} class="inline-form">
                <CsrfField />
                <input type="hidden" name="returnTo" value={here} />
                <Button variant="secondary" ariaLabel={t('wiki.watch.list.unwatchLabel', { title: p.title })}>
                  {t('wiki.watch.unwatch')}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <KeysetPagination
        label={t('wiki.watch.list.pages')}
        newestHref={before === undefined ? null : base}
        olderHref={next !== null ? `${base}?before=${next}` : null}
      />
    </div>
  );
}
