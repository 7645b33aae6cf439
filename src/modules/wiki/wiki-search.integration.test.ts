/**
 * The wiki in the platform search, on both databases: a saved page is found (typos forgiven) in its
 * own language, a page without an accepted revision is not, the site's search page shows guides
 * beside the services (and a search that only found guides is no unmet search), hostile titles are
 * escaped, the JSON API filters by `wiki.page`, the wiki's own search box, and `reindexAll` rebuilds
 * the wiki's documents.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { contentChanged } from '../../platform/content-cache.js';
import { reindexAll, search } from '../../platform/search.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { modules } from '../index.js';
import { excerpt, indexWikiPage, markdownText, searchWikiPages, WIKI_PAGE_TYPE } from './wiki-search.js';

describeEachDatabase('wiki search', (dialect) => {
  let t: TestApp;
  let author: TestClient;
  let ips = 0;
  const visitor = () => new TestClient(t.app, `10.7.${Math.floor(++ips / 250)}.${ips % 250}`);
  const fresh = () => t.app.contentGeneration.expire();
  const misses = async () =>
    (await t.app.db.selectFrom('search_misses').select('count').execute()).reduce((n, r) => n + Number(r.count), 0);

  /** Writes a page through the editor, in `locale`; returns its slug. */
  const write = async (locale: 'en' | 'fr', title: string, body: string) => {
    const res = await author.submit(`/${locale}/wiki/new`, `/${locale}/wiki/new`, {
      title,
      body,
      summary: '',
      type: 'guide',
      baseRevisionId: '',
    });
    expect(res.statusCode, res.body).toBe(303);
    return /\/wiki\/([a-z0-9-]+)\?/.exec(res.headers.location as string)![1]!;
  };
  const pageId = async (slug: string) =>
    (await t.app.db.selectFrom('wiki_pages').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
  const wikiRefs = async (q: string) => (await search(t.app.db, q, { types: [WIKI_PAGE_TYPE] })).hits.map((h) => h.refId);

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const userId = await createUserWithRoles(t.app.db, {
      email: 'wiki-search@example.org',
      displayName: 'Search author',
      password: 'a long enough password',
      locale: 'en',
      roles: [{ role: 'helper' }],
    });
    author = new TestClient(t.app, '10.7.255.1');
    author.cookies.set('ecoop_session', await createSession(t.app.db, userId));
  });
  afterAll(() => t.close());

  it('reads Markdown as plain text: the first paragraph, wiki links by their words, nothing of the syntax', () => {
    const text = markdownText(
      '# Before\n\nUse **[[service:housing-allowance]]** and [[Help desk|the desk]].\n\n- one `code`\n\n```\nx = 1\n```',
    );
    expect(text.firstParagraph).toBe('Use housing allowance and the desk.');
    expect(text.blocks).toEqual(['Before', 'Use housing allowance and the desk.', 'one code', 'x = 1']);
    expect(excerpt('word '.repeat(100)).length).toBeLessThanOrEqual(201);
    expect(excerpt('word '.repeat(100))).toMatch(/word…$/);
  });

  it('finds a saved page, typos forgiven, in its own language only', async () => {
    const slug = await write(
      'en',
      'Renewing a residence permit online',
      'Plan **two weeks** for the prefecture.\n\n# Steps\n\nUpload your photograph.',
    );
    const id = String(await pageId(slug));
    expect(await wikiRefs('residence permit')).toContain(id);
    expect(await wikiRefs('residnce permt')).toContain(id);
    expect(await wikiRefs('photograph')).toContain(id);
    const hit = (await search(t.app.db, 'prefecture', { types: [WIKI_PAGE_TYPE] })).hits.find((h) => h.refId === id)!;
    expect(hit).toMatchObject({ url: `/wiki/${slug}`, title: { en: 'Renewing a residence permit online' } });
    expect(hit.summary).toEqual({ en: 'Plan two weeks for the prefecture.' });
    expect((await searchWikiPages(t.app.db, 'residnce', 'en', 5)).hits.map((h) => h.slug)).toContain(slug);
    expect((await searchWikiPages(t.app.db, 'residnce', 'fr', 5)).hits.map((h) => h.slug)).not.toContain(slug);
    // An edit is found by its new words, no longer by the old ones.
    const form = await author.get(`/en/wiki/${slug}/edit`);
    const base = /name="baseRevisionId" value="(\d+)"/.exec(form.body)![1]!;
    await author.submit(`/en/wiki/${slug}/edit`, `/en/wiki/${slug}/edit`, {
      title: 'Renewing a residence permit online',
      body: 'Plan three weeks.\n\nUpload your portrait.',
      summary: '',
      baseRevisionId: base,
    });
    expect(await wikiRefs('portrait')).toContain(id);
    expect(await wikiRefs('photograph')).not.toContain(id);
  });

  it('does not find a page that has no accepted revision', async () => {
    const slug = await write('en', 'Quarantined draft about zephyrine', 'Zephyrine text.');
    const id = await pageId(slug);
    expect(await wikiRefs('zephyrine')).toContain(String(id));
    await t.app.db.updateTable('wiki_pages').set({ stable_revision_id: null }).where('id', '=', id).execute();
    await indexWikiPage(t.app.db, id);
    expect(await wikiRefs('zephyrine')).toEqual([]);
    // Nor after a rebuild, which lists the wiki's pages again.
    const searchables = modules.flatMap((m) => m.searchables ?? []);
    expect(searchables.map((s) => s.type)).toContain(WIKI_PAGE_TYPE);
    await reindexAll(t.app.db, searchables);
    expect(await wikiRefs('zephyrine')).toEqual([]);
  });

  it('rebuilds the wiki’s documents with reindexAll', async () => {
    const slug = await write('fr', 'Résilier un abonnement mobile', 'Envoyez une lettre recommandée.');
    await t.app.db.deleteFrom('search_documents').where('doc_type', '=', WIKI_PAGE_TYPE).execute();
    expect(await wikiRefs('abonnement')).toEqual([]);
    const wikiSearchable = modules.flatMap((m) => m.searchables ?? []).filter((s) => s.type === WIKI_PAGE_TYPE);
    const stable = await t.app.db
      .selectFrom('wiki_pages')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('stable_revision_id', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(await reindexAll(t.app.db, wikiSearchable)).toBe(Number(stable.n));
    expect(await wikiRefs('abonement')).toContain(String(await pageId(slug)));
  });

  it('shows guides beside the services on the search page, in the reader’s language', async () => {
    const slug = await write('en', 'Housing allowance, step by step', 'What to gather before applying for the housing allowance.');
    fresh();
    const en = await visitor().get('/en/search?q=housing+allowance');
    expect(en.statusCode).toBe(200);
    const services = en.body.indexOf('id="group-service"');
    const guides = en.body.indexOf('id="search-guides"');
    expect(services).toBeGreaterThan(0);
    expect(guides).toBeGreaterThan(services);
    expect(en.body).toContain('Guides and good practices');
    expect(en.body).toContain(`href="/en/wiki/${slug}"`);
    expect(en.body).toContain('What to gather before applying for the housing allowance.');
    // The French reader sees the French pages only.
    const fr = await visitor().get('/fr/search?q=housing+allowance');
    expect(fr.body).not.toContain(`/wiki/${slug}"`);
    // The API filters by the wiki's type.
    const api = await t.app.inject({ url: '/api/v1/search?q=housing+allowance&types=wiki.page' });
    expect(api.statusCode).toBe(200);
    const body = api.json<{ hits: { type: string; path: string }[] }>();
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits.every((h) => h.type === WIKI_PAGE_TYPE)).toBe(true);
    expect(body.hits.map((h) => h.path)).toContain(`/wiki/${slug}`);
  });

  it('counts a search that only found guides as found, and one that found nothing as not', async () => {
    const slug = await write('en', 'Quokkanite cards explained', 'A made-up word only this guide has.');
    fresh();
    const before = await misses();
    const found = await visitor().get('/en/search?q=quokkanite');
    expect(found.body).toContain('No e-service matches “quokkanite”.');
    expect(found.body).toContain(`href="/en/wiki/${slug}"`);
    expect(found.body).not.toContain('We found nothing for');
    expect(await misses()).toBe(before);
    const nothing = await visitor().get('/en/search?q=xylofonique+zzq');
    expect(nothing.body).toContain('We found nothing for');
    expect(nothing.body).not.toContain('id="search-guides"');
    expect(await misses()).toBe(before + 1);
  });

  it('escapes a hostile title in the results', async () => {
    const title = 'Wombatine <script>alert(1)</script> & "quotes"';
    const slug = await write('en', title, 'Wombatine <img src=x onerror=alert(1)> text.');
    fresh();
    const res = await visitor().get('/en/search?q=wombatine');
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toMatch(/<img[^>]*onerror/);
    const doc = parseDocument(res.body);
    const link = DomUtils.findOne((e) => e.name === 'a' && e.attribs.href === `/en/wiki/${slug}`, doc.children)!;
    expect(DomUtils.textContent(link)).toBe(title);
    const wiki = await visitor().get('/en/wiki?q=wombatine');
    expect(wiki.body).not.toContain('<script>alert(1)');
    expect(wiki.body).toContain(`href="/en/wiki/${slug}"`);
  });

  it('leaves out pages a moderator hid', async () => {
    const slug = await write('en', 'Offensive numbatine title', 'Numbatine.');
    fresh();
    expect((await visitor().get('/en/search?q=numbatine')).body).toContain(`href="/en/wiki/${slug}"`);
    const found = (await t.app.inject({ url: '/api/v1/search?q=numbatine' })).json<{ hits: { refId: string }[] }>();
    expect(found.hits.map((h) => h.refId)).toContain(String(await pageId(slug)));
    await t.app.db
      .insertInto('moderation_states')
      .values({
        content_type: WIKI_PAGE_TYPE,
        content_id: String(await pageId(slug)),
        status: 'hidden',
        reason_shown: 'Offensive',
        decided_by: null,
        decided_at: null,
        flag_count: 1,
        last_flag_id: 1,
        last_flagged_at: new Date().toISOString(),
      })
      .execute();
    // As a moderator's decision does.
    await contentChanged(t.app.db);
    fresh();
    expect((await visitor().get('/en/search?q=numbatine')).body).not.toContain(`/wiki/${slug}"`);
    expect((await visitor().get('/en/wiki?q=numbatine')).body).not.toContain(`/wiki/${slug}"`);
    const api = (await t.app.inject({ url: '/api/v1/search?q=numbatine' })).json<{ hits: { refId: string }[] }>();
    expect(api.hits.map((h) => h.refId)).not.toContain(String(await pageId(slug)));
  });

  it('searches the wiki alone from its front page', async () => {
    const slug = await write('en', 'Choosing a strong passphrase', 'Four random words beat a short password.');
    fresh();
    const index = await visitor().get('/en/wiki');
    expect(index.body).toContain('role="search"');
    expect(index.body).toContain('action="/en/wiki"');
    const res = await visitor().get('/en/wiki?q=pasphrase');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Wiki pages for “pasphrase”');
    expect(res.body).toContain(`href="/en/wiki/${slug}"`);
    // No e-service among the hits, and French pages are for French readers.
    expect(res.body).not.toContain('href="/en/services/');
    expect((await visitor().get('/fr/wiki?q=passphrase')).body).not.toContain(`/wiki/${slug}"`);
    const none = await visitor().get('/en/wiki?q=xylofonique+zzq');
    expect(none.body).toContain('No page of the wiki in this language matches “xylofonique zzq”.');
  });
});
