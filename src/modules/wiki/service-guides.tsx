/**
 * The `service.page` slot: on an e-service's page, the wiki pages that link to it with
 * `[[service:slug]]` in the reader's language (one indexed query over `wiki_links`), and a link to
 * write one. Links only: the section is part of the service page's shared body.
 */
import type { Db } from '../../db/database.js';
import type { SlotProvider } from '../../platform/slots.js';
import { useUi } from '../../ui/context.js';
import './wiki.tables.js';

/** Guides listed on a service page at most. */
const MAX_GUIDES = 10;

function ServiceGuides({ guides }: { guides: { slug: string; title: string }[] }) {
  const { t, href } = useUi();
  return (
    <section aria-labelledby="service-guides">
      <h2 id="service-guides">{t('wiki.service.title')}</h2>
      {guides.length > 0 ? (
        <ul>
          {guides.map((g) => (
            <li key={g.slug}>
              <a href={href(`/wiki/${g.slug}`)}>{g.title}</a>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('wiki.service.none')}</p>
      )}
      <p>
        <a href={href('/wiki/new')}>{t('wiki.service.write')}</a>
      </p>
    </section>
  );
}

export const serviceGuides: SlotProvider<'service.page'> = async (db: Db, { slug, locale }) => {
  const guides = await db
    .selectFrom('wiki_links as l')
    .innerJoin('wiki_pages as p', 'p.id', 'l.page_id')
    .select(['p.slug', 'p.title'])
    .where('l.kind', '=', 'service')
    .where('l.target', '=', slug)
    .where('p.locale', '=', locale)
    .orderBy('p.title')
    .limit(MAX_GUIDES)
    .execute();
  return <ServiceGuides guides={guides} />;
};
