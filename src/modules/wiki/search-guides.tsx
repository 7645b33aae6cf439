/**
 * Wiki pages found by a search, where people search. The `catalogue.search` slot: on the site's
 * search page, after the e-services, a handful of pages in the reader's language that match the
 * same words, and a link to the wiki's own search for more; nothing when none match (so the page
 * can tell a search that found nothing). Links only: the section is part of a shared body. And the
 * wiki's own search (`/wiki?q=`), as the content of the front page's shared body.
 */
import type { Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { translator } from '../../platform/i18n.js';
import type { SharedPageContent } from '../../platform/shared-page.js';
import type { SlotProvider } from '../../platform/slots.js';
import { useUi } from '../../ui/context.js';
import { WikiHitList, WikiSearchPage } from './views/wiki-search.page.js';
import { searchWikiPages, type WikiHit } from './wiki-search.js';

/** Pages shown beside the services at most; the wiki's search has the rest. */
const MAX_GUIDES = 5;
/** Pages the wiki's search lists at most (one page of results: more words narrow it). */
const MAX_WIKI_HITS = 30;

function SearchGuides({ q, hits, more }: { q: string; hits: WikiHit[]; more: boolean }) {
  const { t, href } = useUi();
  return (
    <section aria-labelledby="search-guides">
      <h2 id="search-guides">{t('wiki.search.guides')}</h2>
      <WikiHitList hits={hits} headingLevel={3} />
      {more ? (
        <p>
          <a href={`${href('/wiki')}?q=${encodeURIComponent(q)}`}>{t('wiki.search.more', { q })}</a>
        </p>
      ) : null}
    </section>
  );
}

export const searchGuides: SlotProvider<'catalogue.search'> = async (db: Db, { q, locale }) => {
  const { hits, more } = await searchWikiPages(db, q, locale, MAX_GUIDES);
  return hits.length > 0 ? <SearchGuides q={q} hits={hits} more={more} /> : null;
};

/** The wiki's front page searching for `q`: the pages in `locale` that match, for its shared body. */
export async function wikiSearchContent(db: Db, locale: Locale, q: string): Promise<SharedPageContent> {
  const { hits, more } = await searchWikiPages(db, q, locale, MAX_WIKI_HITS);
  const t = translator(locale);
  return {
    body: () => <WikiSearchPage q={q} hits={hits} more={more} />,
    options: { title: t('wiki.search.resultsTitle', { q }) },
  };
}
