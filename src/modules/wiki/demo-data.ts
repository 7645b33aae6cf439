/**
 * The demo wiki of Vallée-Verte: a dozen guides and three good-practice sheets, each in English and
 * in French, written and edited by the demo accounts. Everything goes through `savePage`, so the
 * revisions, diffs and stored links are those a real edit would make.
 */
import type { Db } from '../../db/database.js';
import { DEMO_ACCOUNTS } from '../accounts/index.js';
import type { DemoAuthor, DemoChange, DemoWikiPage } from './demo-pages/demo-page.js';
import { BENEFIT_GUIDES } from './demo-pages/guides-benefits.js';
import { DIGITAL_GUIDES } from './demo-pages/guides-digital.js';
import { EVERYDAY_GUIDES } from './demo-pages/guides-everyday.js';
import { GOOD_PRACTICES } from './demo-pages/good-practices.js';
import { WORK_AND_SCHOOL_GUIDES } from './demo-pages/guides-work-school.js';
import { slugifyTitle } from './markdown.js';
import type { WikiActor } from './wiki.policy.js';
import { savePage } from './wiki.service.js';
import './wiki.tables.js';

/** Every demo page, in the order they are created. */
export const DEMO_WIKI_PAGES: readonly DemoWikiPage[] = [
  ...BENEFIT_GUIDES,
  ...WORK_AND_SCHOOL_GUIDES,
  ...EVERYDAY_GUIDES,
  ...DIGITAL_GUIDES,
  ...GOOD_PRACTICES,
];

type Language = 'en' | 'fr';
/** The demo wiki is the territory's published content: its edits do not wait for review. */
const PUBLISHED = { accountDays: 0, acceptedEdits: 0 } as const;
type Actors = ReadonlyMap<DemoAuthor, NonNullable<WikiActor>>;

/** The demo accounts that exist, as wiki actors (verified: they are the demo's own people). */
async function demoActors(db: Db): Promise<Actors> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const rows = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', emails).execute();
  const actors = new Map<DemoAuthor, NonNullable<WikiActor>>();
  for (const account of DEMO_ACCOUNTS) {
    const row = rows.find((r) => r.email === account.email);
    if (row) actors.set(account.role as DemoAuthor, { id: row.id, roles: [account.role], emailVerified: true });
  }
  return actors;
}

/** The actor for `author`, or another demo account when that one is missing (a trimmed seed). */
function actorFor(actors: Actors, author: DemoAuthor): NonNullable<WikiActor> {
  const actor = actors.get(author) ?? actors.values().next().value;
  if (!actor) throw new Error('the demo wiki needs at least one demo account');
  return actor;
}

/** `body` with each change made; throws when a change's text is not there (a broken demo edit). */
function applyChanges(body: string, changes: readonly DemoChange[]): string {
  return changes.reduce((text, [before, after]) => {
    if (!text.includes(before)) throw new Error(`demo wiki edit: text not found: ${before.slice(0, 60)}`);
    return text.replace(before, after);
  }, body);
}

/** Creates one language of a page and saves its edits in turn; returns the page's id. */
async function seedPage(
  db: Db,
  actors: Actors,
  page: DemoWikiPage,
  language: Language,
  options: { defaultLocale: string; locales: readonly string[] },
): Promise<number> {
  const text = page[language];
  const slug = slugifyTitle(text.title);
  let outcome = await savePage(
    db,
    actorFor(actors, page.author),
    slug,
    { title: text.title, body: text.body, summary: text.summary, type: page.type, category: page.category ?? null, locale: language },
    { ...options, review: PUBLISHED },
  );
  let body = text.body;
  for (const edit of page.edits ?? []) {
    if (outcome.status !== 'saved') break;
    body = applyChanges(body, edit[language]);
    outcome = await savePage(
      db,
      actorFor(actors, edit.author),
      slug,
      { title: text.title, body, summary: edit.summary[language], baseRevisionId: outcome.revisionId },
      { ...options, review: PUBLISHED },
    );
  }
  const row = await db.selectFrom('wiki_pages').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Seeds the demo wiki: every page of `DEMO_WIKI_PAGES` in English and French (each language only
 * when it is one of `locales`), with its later revisions by other demo accounts, then each English
 * page and its French translation put in one translation group (the English page's id). Does
 * nothing when the wiki already has a page, or when no demo account exists to sign the pages.
 */
export async function seedDemoWiki(db: Db, options: { defaultLocale: string; locales: readonly string[] }): Promise<void> {
  const existing = await db.selectFrom('wiki_pages').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const actors = await demoActors(db);
  if (actors.size === 0) return;
  const languages = (['en', 'fr'] as const).filter((l) => options.locales.includes(l));
  for (const page of DEMO_WIKI_PAGES) {
    const ids = new Map<Language, number>();
    for (const language of languages) ids.set(language, await seedPage(db, actors, page, language, options));
    const en = ids.get('en');
    const fr = ids.get('fr');
    // A translation group is not page text, so no revision records it: set directly on both pages.
    if (en !== undefined && fr !== undefined) {
      await db.updateTable('wiki_pages').set({ translation_group: en }).where('id', 'in', [en, fr]).execute();
    }
  }
  for (const language of languages) await seedWaitingEdit(db, actors, language, options);
}

/** A tip the demo citizen adds to the first guide, still waiting for review: the queue has work. */
const WAITING_TIP: Record<Language, { line: string; summary: string }> = {
  en: {
    line: 'Tip from a reader: have your last tax notice at hand, the form asks for its reference number.',
    summary: 'Added a tip about the tax notice',
  },
  fr: {
    line: 'Astuce d’une lectrice : gardez votre dernier avis d’imposition sous la main, le formulaire demande son numéro.',
    summary: 'Ajout d’une astuce sur l’avis d’imposition',
  },
};

async function seedWaitingEdit(db: Db, actors: Actors, language: Language, options: { defaultLocale: string; locales: readonly string[] }) {
  const citizen = actors.get('citizen');
  const first = DEMO_WIKI_PAGES[0];
  if (!citizen || !first) return;
  const slug = slugifyTitle(first[language].title);
  const page = await db.selectFrom('wiki_pages').select('current_revision_id').where('slug', '=', slug).executeTakeFirst();
  const current = page?.current_revision_id
    ? await db.selectFrom('wiki_revisions').select(['title', 'body']).where('id', '=', page.current_revision_id).executeTakeFirst()
    : undefined;
  if (!page?.current_revision_id || !current) return;
  const tip = WAITING_TIP[language];
  // As a new account: the edit waits for a reviewer, whatever the demo's own threshold.
  await savePage(
    db,
    citizen,
    slug,
    {
      title: current.title,
      body: `${current.body.trimEnd()}\n\n${tip.line}\n`,
      summary: tip.summary,
      baseRevisionId: page.current_revision_id,
    },
    { ...options, review: { accountDays: 36_500, acceptedEdits: 0 } },
  );
}
