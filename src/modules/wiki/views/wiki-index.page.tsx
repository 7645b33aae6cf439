/**
 * The wiki's front page: what it is, "write a new page", the search box, and the pages of this
 * language, most recently changed first, each with its kind and category; a form narrows the list
 * to one kind of page or one category (GET: every view has its own address). Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Button, Pagination, Select, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { PAGE_TYPES, type PageType } from '../wiki.model.js';
import type { WikiCategory } from '../wiki-categories.js';
import { WikiSearchForm } from './wiki-search.page.js';

export interface WikiIndexProps {
  pages: { slug: string; title: string; type: PageType; category: WikiCategory | null; updatedAt: string }[];
  /** How many pages the filter finds. */
  total: number;
  page: number;
  pageCount: number;
  categories: readonly WikiCategory[];
  /** The kind and category shown (undefined: all). */
  filter: { type?: PageType | undefined; category?: string | undefined };
}

export function WikiIndexPage({ pages, total, page, pageCount, categories, filter }: WikiIndexProps) {
  const { t, href, locale } = useUi();
  const filtered = filter.type !== undefined || filter.category !== undefined;
  // A page written from a category's list is filed there to start with.
  const newIn = filter.category ? `&category=${encodeURIComponent(filter.category)}` : '';
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
      <ul>
        <li>
          <a href={`${href('/wiki/new')}?type=guide${newIn}`}>{t('wiki.index.writeGuide')}</a>
        </li>
        <li>
          <a href={`${href('/wiki/new')}?type=good_practice${newIn}`}>{t('wiki.index.writePractice')}</a>
        </li>
      </ul>
      <p>
        <a href={href('/wiki/recent-changes')}>{t('wiki.recent.link')}</a>
      </p>
      <form method="get" action={href('/wiki')} class="wiki-filters" aria-labelledby="wiki-filters-title">
        <h2 id="wiki-filters-title">{t('wiki.index.filtersTitle')}</h2>
        <Select
          id="wiki-filter-type"
          name="type"
          label={t('wiki.index.filterType')}
          options={[
            { value: '', label: t('wiki.index.allTypes') },
            ...PAGE_TYPES.map((type) => ({ value: type, label: t(`wiki.type.${type}`) })),
          ]}
          value={filter.type ?? ''}
        />
        <Select
          id="wiki-filter-category"
          name="category"
          label={t('wiki.index.filterCategory')}
          options={[{ value: '', label: t('wiki.index.allCategories') }, ...categories.map((c) => ({ value: c.slug, label: c.name }))]}
          value={filter.category ?? ''}
        />
        <Button variant="secondary">{t('wiki.index.filterSubmit')}</Button>
      </form>
      {filtered ? (
        <p>
          {t('wiki.index.count', { count: total })} · <a href={href('/wiki')}>{t('wiki.index.showAll')}</a>
        </p>
      ) : null}
      {pages.length === 0 ? (
        <p>{t(filtered ? 'wiki.index.emptyFiltered' : 'wiki.index.empty')}</p>
      ) : (
        <ul class="card-grid" aria-label={t('wiki.index.caption')}>
          {pages.map((p) => (
            <li key={p.slug} class="card">
              <h2 class="card__title">
                <a href={href(`/wiki/${p.slug}`)}>{p.title}</a>
              </h2>
              <p class="card__meta">
                <Tag>{t(`wiki.type.${p.type}`)}</Tag>
                {p.category ? ` ${p.category.name} ·` : ''} {t('wiki.index.updated', { date: formatDate(locale, p.updatedAt) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        basePath={href('/wiki')}
        query={{ type: filter.type, category: filter.category }}
        label={t('wiki.index.pages')}
      />
    </div>
  );
}
