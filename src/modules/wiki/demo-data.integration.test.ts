/**
 * The demo wiki on both databases: enough guides and good-practice sheets in each language, every
 * service link naming a published service, every English page with its French translation, real
 * histories, an edit waiting for review, idempotence, and pages that render without a broken
 * service link.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { DEMO_WIKI_PAGES, seedDemoWiki } from './demo-data.js';
import { MISSING_TITLES } from './demo-pages/titles.js';
import { renderMarkdown, slugifyTitle, type WikiLinkResolver } from './markdown.js';

describeEachDatabase('demo wiki', (dialect) => {
  let t: TestApp;
  const options = { defaultLocale: 'en', locales: ['en', 'fr'] as const };

  /** The pages with their current text. */
  const pages = () =>
    t.app.db
      .selectFrom('wiki_pages as p')
      .innerJoin('wiki_revisions as r', 'r.id', 'p.current_revision_id')
      .select(['p.id', 'p.slug', 'p.locale', 'p.type', 'p.title', 'p.translation_group', 'p.revision_count', 'r.body'])
      .orderBy('p.id')
      .execute();
  const counts = async () => ({
    pages: (await t.app.db.selectFrom('wiki_pages').select('id').execute()).length,
    revisions: (await t.app.db.selectFrom('wiki_revisions').select('id').execute()).length,
  });
  const publishedServices = async () =>
    new Set((await t.app.db.selectFrom('services').select('slug').where('status', '=', 'published').execute()).map((s) => s.slug));

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    // The module's demo seed runs it; when it is not wired in yet, seed the wiki here.
    if ((await counts()).pages === 0) await seedDemoWiki(t.app.db, options);
  });
  afterAll(() => t.close());

  it('has at least twelve guides and three good-practice sheets in each language', async () => {
    const all = await pages();
    for (const locale of ['en', 'fr']) {
      expect(all.filter((p) => p.locale === locale && p.type === 'guide').length).toBeGreaterThanOrEqual(12);
      expect(all.filter((p) => p.locale === locale && p.type === 'good_practice').length).toBeGreaterThanOrEqual(3);
    }
    expect(all).toHaveLength(DEMO_WIKI_PAGES.length * 2);
    for (const page of all) expect(page.slug).toBe(slugifyTitle(page.title));
  });

  it('links only to published services', async () => {
    const services = await publishedServices();
    const links = await t.app.db.selectFrom('wiki_links').select(['target']).where('kind', '=', 'service').execute();
    expect(links.length).toBeGreaterThanOrEqual(12);
    for (const link of links) expect(services, link.target).toContain(link.target);
  });

  it('puts every English page and its French translation in one translation group', async () => {
    const all = await pages();
    for (const en of all.filter((p) => p.locale === 'en')) {
      expect(en.translation_group).toBe(en.id);
      const fr = all.filter((p) => p.locale === 'fr' && p.translation_group === en.id);
      expect(fr, en.title).toHaveLength(1);
      expect(fr[0]!.type).toBe(en.type);
    }
    expect(all.every((p) => p.translation_group !== null)).toBe(true);
  });

  it('gives some pages several revisions by different demo accounts', async () => {
    const all = await pages();
    const edited = all.filter((p) => p.revision_count >= 2);
    expect(edited.length).toBeGreaterThanOrEqual(4);
    expect(all.some((p) => p.revision_count >= 3)).toBe(true);
    for (const page of edited) {
      const revisions = await t.app.db
        .selectFrom('wiki_revisions')
        .select(['author_id', 'summary', 'kind', 'size_delta'])
        .where('page_id', '=', page.id)
        .orderBy('id')
        .execute();
      expect(revisions).toHaveLength(page.revision_count);
      expect(revisions[0]!.kind).toBe('create');
      expect(new Set(revisions.map((r) => r.author_id)).size).toBeGreaterThanOrEqual(2);
      for (const revision of revisions.slice(1)) {
        expect(revision.kind).toBe('edit');
        expect(revision.summary).not.toBe('');
      }
    }
  });

  it('leaves one citizen’s tip waiting for review in each language, so the review queue has work', async () => {
    const waiting = await t.app.db
      .selectFrom('wiki_pages as p')
      .innerJoin('wiki_revisions as r', 'r.id', 'p.current_revision_id')
      .select(['p.locale', 'p.stable_revision_id', 'p.current_revision_id', 'r.review_status'])
      .where('p.pending_since', 'is not', null)
      .orderBy('p.locale')
      .execute();
    expect(waiting.map((w) => [w.locale, w.review_status])).toEqual([
      ['en', 'pending'],
      ['fr', 'pending'],
    ]);
    for (const w of waiting) expect(w.stable_revision_id).not.toBe(w.current_revision_id);
  });

  it('changes nothing when run again', async () => {
    const before = await counts();
    await seedDemoWiki(t.app.db, options);
    expect(await counts()).toEqual(before);
  });

  it('renders every page with working service links and only the intended missing pages', async () => {
    const all = await pages();
    const services = await publishedServices();
    const slugs = new Set(all.map((p) => p.slug));
    const links: WikiLinkResolver = {
      page: (title) => ({ exists: slugs.has(slugifyTitle(title)), href: `/wiki/${slugifyTitle(title)}` }),
      service: (slug) => (services.has(slug) ? { name: slug, href: `/services/${slug}` } : null),
    };
    const intended = Object.values(MISSING_TITLES).flatMap((t) => [t.en, t.fr]);
    const missing = new Set<string>();
    for (const page of all) {
      const rendered = renderMarkdown(page.body, links);
      // A missing service is a placeholder `<a>` without href; missing pages keep theirs.
      expect(rendered.html, page.title).not.toContain('<a class="wiki-link--missing">');
      expect(rendered.headings.length, page.title).toBeGreaterThanOrEqual(4);
      for (const title of rendered.missingPages) missing.add(title);
    }
    expect([...missing].sort()).toEqual([...intended].sort());
  });

  it('links pages to other pages of the same language', async () => {
    const all = await pages();
    const locales = new Map(all.map((p) => [p.slug, p.locale]));
    const links = await t.app.db.selectFrom('wiki_links').select(['page_id', 'target']).where('kind', '=', 'page').execute();
    expect(links.length).toBeGreaterThanOrEqual(20);
    for (const link of links) {
      const target = locales.get(slugifyTitle(link.target));
      if (target !== undefined) expect(target, link.target).toBe(all.find((p) => p.id === link.page_id)!.locale);
    }
  });
});
