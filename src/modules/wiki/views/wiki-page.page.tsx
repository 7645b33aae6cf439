/**
 * A wiki page: its title and kind, a table of contents for long pages, the rendered text, when it
 * last changed, the languages it exists in, and links to edit it and to its history. The body's
 * HTML comes from renderMarkdown (safe by construction: no raw HTML from the source, URLs from an
 * allowlist). A page that does not exist yet says so and offers to write it. Pure.
 */
import type { VNode } from 'preact';
import { formatDate } from '../../../platform/i18n.js';
import type { ContentModeration } from '../../../platform/flags.js';
import { Breadcrumbs, HiddenContent, NotificationBanner, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { RenderedMarkdown } from '../markdown.js';
import { WIKI_PAGE_TYPE, type PageType } from '../wiki.model.js';
import type { WikiCategory } from '../wiki-categories.js';

/** What the banner after an action says (the page's `?done=`). */
export const WIKI_DONE = [
  'saved',
  'merged',
  'unchanged',
  'restored',
  'created',
  'pending',
  'protected',
  'unprotected',
  'watched',
  'unwatched',
  'classified',
] as const;
export type WikiDone = (typeof WIKI_DONE)[number];

export interface WikiPageProps {
  page: { id: number; slug: string; title: string; type: PageType; updatedAt: string; protected: boolean };
  /** Revisions after the accepted one wait for review: from the accepted one to the latest. */
  pending: { from: number; to: number } | null;
  /** Moderation hid the page: its reason is shown instead of the text. */
  hidden: ContentModeration | null;
  rendered: RenderedMarkdown;
  translations: { locale: string; slug: string; title: string }[];
  /** The reader's watch button (a hole of the shared body): a form, so below the meta line, not in it. */
  watch?: VNode;
  /** The page's discussion (wiki-discussion.tsx), at the end of the article. */
  discussion?: VNode | undefined;
  /** The page's category, named in the reader's language; null for none. */
  category: WikiCategory | null;
}

/** Headings enough for a table of contents to help. */
const TOC_FROM = 3;

export function WikiPage({ page, rendered, translations, pending, hidden, watch, discussion, category }: WikiPageProps) {
  const { t, href, locale } = useUi();
  return (
    <article class="prose wiki-page" aria-labelledby="wiki-title">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: page.title }]} />
      <p>
        <a href={`${href('/wiki')}?type=${page.type}`}>
          <Tag>{t(`wiki.type.${page.type}`)}</Tag>
        </a>
        {category ? (
          <>
            {' '}
            <a href={`${href('/wiki')}?category=${encodeURIComponent(category.slug)}`}>
              {t('wiki.category.filedUnder', { category: category.name })}
            </a>
          </>
        ) : null}
      </p>
      <h1 id="wiki-title">{page.title}</h1>
      <p class="card__meta">
        {t('wiki.page.updated', { date: formatDate(locale, page.updatedAt) })} ·{' '}
        <a href={href(`/wiki/${page.slug}/edit`)}>{t('wiki.page.edit')}</a> ·{' '}
        <a href={href(`/wiki/${page.slug}/history`)}>{t('wiki.page.history')}</a> ·{' '}
        <a href={href(`/flags/new?type=${WIKI_PAGE_TYPE}&id=${page.id}`)}>{t('wiki.page.report')}</a>
      </p>
      {watch ?? null}
      {page.protected ? <p>{t('wiki.page.protected')}</p> : null}
      {pending ? (
        <p>
          {t('wiki.review.pendingNotice')}{' '}
          <a href={href(`/wiki/${page.slug}/diff?from=${pending.from}&to=${pending.to}`)}>{t('wiki.review.pendingLink')}</a>
        </p>
      ) : null}
      {rendered.headings.length >= TOC_FROM ? (
        <nav aria-labelledby="wiki-toc" class="wiki-toc">
          <h2 id="wiki-toc">{t('wiki.page.contents')}</h2>
          <ul>
            {rendered.headings.map((h) => (
              <li key={h.id} class={h.level === 3 ? 'wiki-toc__sub' : undefined}>
                <a href={`#${h.id}`}>{h.text}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {hidden ? (
        <HiddenContent reason={hidden.reason} />
      ) : (
        /* renderMarkdown's output: only Markdown's elements, escaped text, allowlisted URLs. */
        <div class="wiki-body" dangerouslySetInnerHTML={{ __html: rendered.html }} />
      )}
      {rendered.missingPages.length > 0 ? (
        <p class="field__hint">{t('wiki.page.missingLinks', { titles: rendered.missingPages.join(', ') })}</p>
      ) : null}
      {translations.length > 0 ? (
        <section aria-labelledby="wiki-languages">
          <h2 id="wiki-languages">{t('wiki.page.languages')}</h2>
          <ul>
            {translations.map((tr) => (
              <li key={tr.slug}>
                <a href={`/${tr.locale}/wiki/${tr.slug}`} lang={tr.locale} hrefLang={tr.locale}>
                  {tr.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={href(`/wiki/${page.slug}/translations`)}>{t('wiki.translations.manage')}</a>
      </p>
      {discussion ?? null}
    </article>
  );
}

/** The notice after a save or a restore (outside the shared body: it depends on the URL's `done`). */
export function WikiDoneBanner({ done }: { done: WikiDone }) {
  const { t } = useUi();
  return (
    <NotificationBanner id="wiki-done" type="success">
      <p>{t(`wiki.page.done.${done}`)}</p>
    </NotificationBanner>
  );
}

/**
 * A page that does not exist yet: say so, and offer to write it. Or one whose first revision waits
 * for review (`waiting`): say so, and link to its history, where editors and reviewers find it.
 */
export function MissingWikiPage({ slug, waiting = false }: { slug: string; waiting?: boolean }) {
  const { t, href } = useUi();
  const title = t(waiting ? 'wiki.page.waitingTitle' : 'wiki.page.missingTitle');
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: title }]} />
      <h1>{title}</h1>
      {waiting ? (
        <p>
          {t('wiki.page.waitingLead')} <a href={href(`/wiki/${slug}/history`)}>{t('wiki.page.history')}</a>
        </p>
      ) : (
        <>
          <p>{t('wiki.page.missingLead', { slug })}</p>
          <p>
            <a class="button" href={href(`/wiki/${slug}/edit`)}>
              {t('wiki.page.create')}
            </a>
          </p>
        </>
      )}
    </div>
  );
}
