/**
 * The shape of the demo wiki's texts: one page in English and in French, written by a demo account,
 * and the later edits other demo accounts made to it, so that histories and diffs show real work.
 */

/** A demo account, by its role (each role has one account in accounts/demo-data.ts). */
export type DemoAuthor = 'citizen' | 'helper' | 'mediator' | 'official' | 'moderator' | 'admin';

/** One language of a page as first saved. */
export interface DemoPageText {
  title: string;
  body: string;
  /** The edit summary of the first revision. */
  summary: string;
}

/** A text replaced by another in the previous revision's body: `[before, after]`. */
export type DemoChange = readonly [string, string];

/**
 * A later revision: the changes apply in order to the previous body, in each language. Every
 * `before` must occur in that body (the seed fails loudly otherwise, so a typo cannot go unseen).
 */
export interface DemoEdit {
  author: DemoAuthor;
  summary: { en: string; fr: string };
  en: readonly DemoChange[];
  fr: readonly DemoChange[];
}

/** A demo page and its translation, with the edits made after its creation. */
export interface DemoWikiPage {
  type: 'guide' | 'good_practice';
  /** The category's slug (a demo catalogue sector); none for the digital basics. */
  category?: string;
  author: DemoAuthor;
  en: DemoPageText;
  fr: DemoPageText;
  edits?: readonly DemoEdit[];
}
