/**
 * Searching the wiki alone: the box on its front page (`/wiki?q=`), the results page (pages in the
 * reader's language, most relevant first), and the cards of hits the site's search page reuses.
 * Pure.
 */
import { Breadcrumbs, Button, TextInput } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { WikiHit } from '../wiki-search.js';

/** Hits as cards: the title links the page, the excerpt says what it is about. */
export function WikiHitList({ hits, headingLevel }: { hits: WikiHit[]; headingLevel: 2 | 3 }) {
  const { href } = useUi();
  const Heading = `h${headingLevel}` as 'h2';
  return (
    <ul class="card-grid">
      {hits.map((hit) => (
        <li key={hit.slug} class="card">
          <Heading class="card__title">
            <a href={href(`/wiki/${hit.slug}`)}>{hit.title}</a>
          </Heading>
          {hit.summary ? <p>{hit.summary}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** The wiki's search box: a GET form to the front page, so results have an address. */
export function WikiSearchForm({ q }: { q?: string | undefined }) {
  const { t, href } = useUi();
  return (
    <form method="get" action={href('/wiki')} role="search">
      <TextInput id="wiki-q" name="q" type="search" label={t('wiki.search.label')} hint={t('wiki.search.hint')} value={q} />
      <Button>{t('wiki.search.button')}</Button>
    </form>
  );
}

export interface WikiSearchPageProps {
  q: string;
  hits: WikiHit[];
  /** More pages matched than are shown. */
  more: boolean;
}

export function WikiSearchPage({ q, hits, more }: WikiSearchPageProps) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: t('wiki.search.resultsTitle', { q }) }]} />
      <h1>{t('wiki.search.resultsTitle', { q })}</h1>
      <WikiSearchForm q={q} />
      {hits.length === 0 ? (
        <p>{t('wiki.search.none', { q })}</p>
      ) : (
        <>
          <p>{t('wiki.search.count', { count: hits.length })}</p>
          <WikiHitList hits={hits} headingLevel={2} />
          {more ? <p>{t('wiki.search.capped')}</p> : null}
        </>
      )}
      <p>
        <a href={href('/wiki')}>{t('wiki.search.all')}</a>
      </p>
    </div>
  );
}
