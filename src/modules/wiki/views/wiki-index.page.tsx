/** The wiki's front page: what it is, "write a new page", and the pages of this language, most recently changed first. Pure. */
import { formatDate } from '../../../platform/i18n.js';
import { Pagination, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { PageType } from '../wiki.model.js';
import { WikiSearchForm } from './wiki-search.page.js';

export interface WikiIndexProps {
  pages: { slug: string; title: string; type: PageType; updatedAt: string }[];
  page: number;
  pageCount: number;
}

export function WikiIndexPage({ pages, page, pageCount }: WikiIndexProps) {
  const { t, href, locale } = useUi();
  return (
    <div class="prose">
      <h1>{t('wiki.index.title')}</h1>
      <p class="lead">{t('wiki.index.lead')}</p>
      <WikiSearchForm />
      <p>
        <a class="button" href={href('/wiki/new')}>
          {t('wiki.index.write')}
        </a>
      </p>
      <p>
        <a href={href('/wiki/recent-changes')}>{t('wiki.recent.link')}</a>
      </p>
      {pages.length === 0 ? (
        <p>{t('wiki.index.empty')}</p>
      ) : (
        <ul class="card-grid" aria-label={t('wiki.index.caption')}>
          {pages.map((p) => (
            <li key={p.slug} class="card">
              <h2 class="card__title">
                <a href={href(`/wiki/${p.slug}`)}>{p.title}</a>
              </h2>
              <p class="card__meta">
                <Tag>{t(`wiki.type.${p.type}`)}</Tag> {t('wiki.index.updated', { date: formatDate(locale, p.updatedAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pageCount} basePath={href('/wiki')} query={{}} label={t('wiki.index.pages')} />
    </div>
  );
}
