/**
 * A wiki page: its title and kind, a table of contents for long pages, the rendered text, when it
 * last changed, the languages it exists in, and links to edit it and to its history. The body's
 * HTML comes from renderMarkdown (safe by construction: no raw HTML from the source, URLs from an
 * allowlist). A page that does not exist yet says so and offers to write it. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Breadcrumbs, NotificationBanner, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { RenderedMarkdown } from '../markdown.js';
import type { PageType } from '../wiki.model.js';

export type WikiDone = 'saved' | 'merged' | 'unchanged' | 'restored' | 'created';

export interface WikiPageProps {
  page: { slug: string; title: string; type: PageType; updatedAt: string; protected: boolean };
  rendered: RenderedMarkdown;
  translations: { locale: string; slug: string; title: string }[];
}

/** Headings enough for a table of contents to help. */
const TOC_FROM = 3;

export function WikiPage({ page, rendered, translations }: WikiPageProps) {
  const { t, href, locale } = useUi();
  return (
    <article class="prose wiki-page" aria-labelledby="wiki-title">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: page.title }]} />
      <p>
        <Tag>{t(`wiki.type.${page.type}`)}</Tag>
      </p>
      <h1 id="wiki-title">{page.title}</h1>
      <p class="card__meta">
        {t('wiki.page.updated', { date: formatDate(locale, page.updatedAt) })} ·{' '}
        <a href={href(`/wiki/${page.slug}/edit`)}>{t('wiki.page.edit')}</a> ·{' '}
        <a href={href(`/wiki/${page.slug}/history`)}>{t('wiki.page.history')}</a>
      </p>
      {page.protected ? <p>{t('wiki.page.protected')}</p> : null}
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
      {/* renderMarkdown's output: only Markdown's elements, escaped text, allowlisted URLs. */}
      <div class="wiki-body" dangerouslySetInnerHTML={{ __html: rendered.html }} />
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

/** A page that does not exist yet: say so, and offer to write it. */
export function MissingWikiPage({ slug }: { slug: string }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: t('wiki.page.missingTitle') }]} />
      <h1>{t('wiki.page.missingTitle')}</h1>
      <p>{t('wiki.page.missingLead', { slug })}</p>
      <p>
        <a class="button" href={href(`/wiki/${slug}/edit`)}>
          {t('wiki.page.create')}
        </a>
      </p>
    </div>
  );
}
