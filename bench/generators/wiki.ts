/**
 * Wiki: pages in French and English (city scale: 20,000; the county is French, so 60 % are in
 * French) — guides, good-practice sheets and general pages, some linked to their translation —
 * with their whole histories (city scale: 200,000 revisions). Most pages have a few revisions and a
 * long tail has hundreds (log-normal, at most MAX_OTHER_HISTORY); one English guide has exactly
 * LONG_HISTORY (500) at every scale, for the bench's long-history and diff rows.
 *
 * Rows are what `savePage` writes: each revision holds its full text, the stored diff from its
 * parent (`makeStoredDiff`), its size and size change; revisions are numbered in the order they
 * were saved across the wiki (recent changes read them by id); a page points at its latest
 * revision, accepted (current = stable), and counts them; `wiki_links` holds the latest text's
 * links, through the module's own `extractLinks`. Pages are indexed for search through the wiki's
 * `searchables`, when it has some.
 */
import { extractLinks } from '../../src/modules/wiki/markdown.js';
import { wikiModule } from '../../src/modules/wiki/index.js';
import { makeStoredDiff, sizeDelta } from '../../src/modules/wiki/revision-diff.js';
import { indexDocument } from '../../src/platform/search.js';
import { insertRows, quarterly } from '../bulk.js';
import type { DatasetGenerator, GeneratorContext } from './types.js';
import { editBody, firstBody, renderBody, type Block } from './wiki-body.js';
import { planPages, skewedPick } from './wiki-plan.js';
import { SUMMARIES } from './wiki-words.js';
import { SECTORS } from './catalogue-words.js';

export { LONG_HISTORY } from './wiki-plan.js';

/** Where a page is while its revisions are written. */
interface PageState {
  blocks: Block[];
  body: string;
  revisionId: number | null;
  /** When the next revision undoes the last edit: the text before it and its revision, which it restores. */
  previous: { blocks: Block[]; body: string; revisionId: number } | null;
  saved: number;
  /** Its text's length as the history counts it (`sizeDelta` from nothing), so each text is counted once. */
  length: number;
}

export const wikiGenerator: DatasetGenerator = {
  name: 'wiki',
  async generate(ctx) {
    const { rng, handle, db, dataset } = ctx;
    const users = dataset.ids.user ?? [];
    if (users.length === 0) throw new Error('wiki generator: no users (the accounts generator runs first)');
    const places = (await db.selectFrom('municipalities').select('name').orderBy('id').execute()).map((r) => r.name);
    const services = (await db.selectFrom('services').select('slug').where('status', '=', 'published').orderBy('id').execute()).map(
      (r) => r.slug,
    );
    const editors = skewedPick(rng, rng.sample(users, Math.max(5, Math.round(users.length * 0.05))));
    const plan = planPages(ctx, places, services, editors);

    // Revisions are numbered in the order they were saved, across the wiki, as the app numbers them.
    const events: { page: number; time: number }[] = plan.flatMap((p, page) => p.times.map((time) => ({ page, time })));
    events.sort((x, y) => x.time - y.time || x.page - y.page);
    const latest = new Array<number>(plan.length);
    events.forEach((e, i) => (latest[e.page] = i + 1));

    const iso = (ms: number) => new Date(ms).toISOString();
    const group = (i: number) => plan[i]!.translates ?? (plan[i + 1]?.translates === i ? i : null);
    dataset.counts.wiki_pages = await insertRows(
      handle,
      'wiki_pages',
      plan.map((p, i) => ({
        slug: p.slug,
        locale: p.locale,
        title: p.title,
        type: p.type,
        // Five pages in six filed under a sector, in turn; the rest (the digital basics) under none.
        category: i % 6 === 5 ? null : SECTORS[i % 6]!.slug,
        translation_group: group(i) === null ? null : group(i)! + 1,
        protected: i > 0 && rng.chance(0.01) ? 1 : 0,
        current_revision_id: latest[i]!,
        stable_revision_id: latest[i]!,
        pending_since: null,
        revision_count: p.times.length,
        created_by: p.creator,
        created_at: iso(p.times[0]!),
        updated_at: iso(p.times[p.times.length - 1]!),
      })),
    );

    const states: PageState[] = plan.map(() => ({ blocks: [], body: '', revisionId: null, previous: null, saved: 0, length: 0 }));
    function* revisions() {
      for (const [index, event] of events.entries()) {
        const page = plan[event.page]!;
        const state = states[event.page]!;
        const before = state.body;
        const restored = state.previous !== null && state.previous.body !== before ? state.previous : null;
        let blocks = restored ? restored.blocks : state.saved === 0 ? firstBody(rng, page) : state.blocks;
        let body = restored ? restored.body : renderBody(blocks);
        // Saving the same text again writes no revision in the app: every revision changes something.
        while (body === before) body = renderBody((blocks = editBody(rng, page, state.blocks, before.length)));
        const summaries = SUMMARIES[page.locale];
        const length = sizeDelta('', body);
        yield {
          page_id: event.page + 1,
          parent_id: state.revisionId,
          author_id: state.saved === 0 ? page.creator : editors(),
          title: page.title,
          body,
          diff: JSON.stringify(makeStoredDiff(before, body)),
          summary: restored ? summaries.restore : state.saved === 0 ? summaries.create : rng.chance(0.2) ? '' : rng.pick(summaries.edit),
          size: body.length,
          size_delta: length - state.length,
          kind: restored ? 'restore' : state.saved === 0 ? 'create' : 'edit',
          restored_from: restored?.revisionId ?? null,
          created_at: iso(event.time),
          review_status: 'accepted',
          reviewed_by: null,
          reviewed_at: null,
          review_reason: null,
          locale: page.locale,
        };
        // One edit in fifty is undone by the next revision; only then is the text before it kept.
        state.previous =
          state.revisionId !== null && !restored && rng.chance(0.02)
            ? { blocks: state.blocks, body: before, revisionId: state.revisionId }
            : null;
        state.blocks = blocks;
        state.body = body;
        state.length = length;
        state.revisionId = index + 1;
        state.saved++;
      }
    }
    dataset.counts.wiki_revisions = await insertRows(
      handle,
      'wiki_revisions',
      revisions(),
      quarterly(ctx.log, 'wiki_revisions', events.length),
    );
    await checkIds(
      ctx,
      events.map((e) => e.page + 1),
      plan.map((p) => p.slug),
    );

    dataset.counts.wiki_links = await insertRows(
      handle,
      'wiki_links',
      states.flatMap((state, i) => {
        const links = extractLinks(state.body);
        return [
          ...links.pages.map((target) => ({ page_id: i + 1, kind: 'page', target })),
          ...links.services.map((target) => ({ page_id: i + 1, kind: 'service', target })),
        ];
      }),
    );
    await indexForSearch(ctx);

    const long = plan[0]!;
    const longIds = events.flatMap((e, i) => (e.page === 0 ? [i + 1] : []));
    dataset.samples.wikiLongPage = [long.slug];
    // Its first revision, the newest of the history's last page (`?before=` the 51st), its latest.
    dataset.samples.wikiLongRevision = [longIds[0]!, longIds[50]!, longIds[longIds.length - 1]!].map(String);
    dataset.samples.wikiPage = rng
      .sample(
        plan.filter((p) => p.locale === 'en' && p !== long),
        5,
      )
      .map((p) => p.slug);
  },
};

/** Checks that pages and revisions got ids 1…n in insertion order, as the rows above assume. */
async function checkIds(ctx: GeneratorContext, revisionPages: number[], slugs: string[]): Promise<void> {
  const pages = await ctx.db.selectFrom('wiki_pages').select(['id', 'slug']).orderBy('id').execute();
  const revisions = await ctx.db.selectFrom('wiki_revisions').select(['id', 'page_id']).orderBy('id').execute();
  if (
    pages.length !== slugs.length ||
    pages.some((p, i) => p.id !== i + 1 || p.slug !== slugs[i]) ||
    revisions.length !== revisionPages.length ||
    revisions.some((r, i) => r.id !== i + 1 || r.page_id !== revisionPages[i])
  )
    throw new Error('wiki generator: page or revision ids are not 1…n in insertion order');
}

/** Indexes the pages through the wiki's own searchables (none yet: nothing to do). */
async function indexForSearch(ctx: GeneratorContext): Promise<void> {
  const searchables = wikiModule.searchables ?? [];
  if (searchables.length === 0) {
    ctx.log('  the wiki has no searchable yet: pages not indexed for search');
    return;
  }
  const started = Date.now();
  let indexed = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const searchable of searchables) {
      for await (const doc of searchable.documents(trx)) {
        await indexDocument(trx, doc);
        indexed++;
      }
    }
  });
  const row = await ctx.db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  ctx.dataset.counts.search_documents = Number(row.n);
  ctx.log(`  indexed ${indexed.toLocaleString('en')} wiki pages for search in ${Date.now() - started} ms`);
}
