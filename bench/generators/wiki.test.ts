import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractLinks, slugifyTitle } from '../../src/modules/wiki/markdown.js';
import { applyStoredDiff, sizeDelta, type StoredDiff } from '../../src/modules/wiki/revision-diff.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';
import { generateDataset, type DatasetSummary } from '../generate.js';
import { parseScale } from '../scale.js';
import { accountsGenerator } from './accounts.js';
import { catalogueGenerator } from './catalogue.js';
import { territoryGenerator } from './territory.js';
import { LONG_HISTORY, wikiGenerator } from './wiki.js';

/** The wiki and what it links to and is written by: territory (services' owners), services, people. */
const GENERATORS = [territoryGenerator, catalogueGenerator, accountsGenerator, wikiGenerator];

describeEachDatabase('wiki generator (tiny)', (dialect) => {
  let database: TestDatabase;
  let summary: DatasetSummary;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    summary = await generateDataset(database.handle, { scale: parseScale('tiny'), generators: GENERATORS });
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const revisionsOf = (pageId: number) =>
    database.handle.db.selectFrom('wiki_revisions').selectAll().where('page_id', '=', pageId).orderBy('id').execute();

  it('reports the counts that are in the database', async () => {
    expect(summary.counts.wiki_pages).toBe(20);
    for (const table of ['wiki_pages', 'wiki_revisions', 'wiki_links'] as const) {
      const row = await database.handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n), table).toBe(summary.counts[table]);
    }
  });

  it('writes every history as savePage would: a chain of diffs from the parent, sizes, counters, accepted', async () => {
    const pages = await database.handle.db.selectFrom('wiki_pages').selectAll().orderBy('id').execute();
    for (const page of pages) {
      const revisions = await revisionsOf(page.id);
      expect(page.revision_count).toBe(revisions.length);
      expect(page.current_revision_id).toBe(revisions.at(-1)!.id);
      expect(page.stable_revision_id).toBe(page.current_revision_id);
      expect(page.pending_since).toBeNull();
      expect(page.slug).toBe(slugifyTitle(page.title));
      expect(page.created_at).toBe(revisions[0]!.created_at);
      expect(page.updated_at).toBe(revisions.at(-1)!.created_at);
      let before = '';
      revisions.forEach((r, i) => {
        expect(r.parent_id).toBe(i === 0 ? null : revisions[i - 1]!.id);
        expect(r.kind).toBe(i === 0 ? 'create' : r.restored_from === null ? 'edit' : 'restore');
        expect(applyStoredDiff(before, JSON.parse(r.diff) as StoredDiff)).toBe(r.body);
        expect(r.body).not.toBe(before);
        expect(r.size).toBe(r.body.length);
        expect(r.size_delta).toBe(sizeDelta(before, r.body));
        expect(r.review_status).toBe('accepted');
        expect(r.locale).toBe(page.locale);
        expect(r.title).toBe(page.title);
        if (i > 0) expect(r.created_at > revisions[i - 1]!.created_at).toBe(true);
        if (r.restored_from !== null) expect(r.body).toBe(revisions.find((o) => o.id === r.restored_from)!.body);
        before = r.body;
      });
    }
  });

  it('stores the links of each page’s latest text, to pages and to published services', async () => {
    const db = database.handle.db;
    const latest = await db
      .selectFrom('wiki_pages as p')
      .innerJoin('wiki_revisions as r', 'r.id', 'p.current_revision_id')
      .select(['p.id', 'r.body'])
      .execute();
    const published = new Set(
      (await db.selectFrom('services').select('slug').where('status', '=', 'published').execute()).map((s) => s.slug),
    );
    const found = { pages: 0, services: 0 };
    for (const page of latest) {
      const stored = await db.selectFrom('wiki_links').select(['kind', 'target']).where('page_id', '=', page.id).execute();
      const links = extractLinks(page.body);
      const expected = [...links.pages.map((t) => `page ${t}`), ...links.services.map((t) => `service ${t}`)];
      expect(stored.map((l) => `${l.kind} ${l.target}`).sort()).toEqual(expected.sort());
      for (const slug of links.services) expect(published.has(slug)).toBe(true);
      found.pages += links.pages.length;
      found.services += links.services.length;
    }
    expect(found.pages).toBeGreaterThan(latest.length);
    expect(found.services).toBeGreaterThan(latest.length / 2);
  });

  it('has one page with exactly 500 revisions, and samples for its history and a diff across it', async () => {
    const db = database.handle.db;
    const long = await db.selectFrom('wiki_pages').selectAll().where('revision_count', '>=', LONG_HISTORY).execute();
    expect(long.map((p) => p.slug)).toEqual(summary.samples.wikiLongPage);
    expect(long[0]!.locale).toBe('en');
    const ids = (await revisionsOf(long[0]!.id)).map((r) => String(r.id));
    expect(ids).toHaveLength(LONG_HISTORY);
    expect(summary.samples.wikiLongRevision).toEqual([ids[0], ids[50], ids[LONG_HISTORY - 1]]);
    for (const slug of summary.samples.wikiPage ?? [])
      expect(await db.selectFrom('wiki_pages').select('locale').where('slug', '=', slug).executeTakeFirstOrThrow()).toEqual({
        locale: 'en',
      });
  });

  it('links translations in pairs of an English and a French page', async () => {
    const rows = await database.handle.db
      .selectFrom('wiki_pages')
      .select(['id', 'locale', 'translation_group'])
      .where('translation_group', 'is not', null)
      .execute();
    const groups = new Map<number, typeof rows>();
    for (const row of rows) groups.set(row.translation_group!, [...(groups.get(row.translation_group!) ?? []), row]);
    expect(groups.size).toBeGreaterThan(0);
    for (const [group, pages] of groups) {
      expect(pages.map((p) => p.locale).sort()).toEqual(['en', 'fr']);
      expect(group).toBe(Math.min(...pages.map((p) => p.id)));
    }
  });

  it('indexes every page for search through the wiki’s searchable', async () => {
    const documents = await database.handle.db
      .selectFrom('search_documents')
      .select('ref_id')
      .where('doc_type', '=', 'wiki.page')
      .execute();
    expect(documents).toHaveLength(summary.counts.wiki_pages!);
  });
});

describe('wiki generator: deterministic', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase('sqlite'), createTestDatabase('sqlite')]);
    for (const db of [first, second]) await generateDataset(db.handle, { scale: parseScale('tiny'), generators: GENERATORS });
  });
  afterAll(async () => {
    await first?.destroy();
    await second?.destroy();
  });

  it('gives the same pages, revisions and links for the same seed', async () => {
    for (const table of ['wiki_pages', 'wiki_revisions'] as const) {
      const rows = (db: TestDatabase) => db.handle.db.selectFrom(table).selectAll().orderBy('id').execute();
      expect(await rows(second), table).toEqual(await rows(first));
    }
    const links = (db: TestDatabase) => db.handle.db.selectFrom('wiki_links').selectAll().orderBy(['page_id', 'kind', 'target']).execute();
    expect(await links(second)).toEqual(await links(first));
  });
});
