/**
 * The wiki's vocabulary and limits: page types, what a save may hold, and how a page is shown to
 * the API. Pure.
 */

/** The content types people may report (platform/flags.ts): a page, and one revision of it. */
export const WIKI_PAGE_TYPE = 'wiki.page';
export const WIKI_REVISION_TYPE = 'wiki.revision';

/** Guides (step-by-step help with e-services or life events), good-practice sheets, general pages. */
export const PAGE_TYPES = ['guide', 'good_practice', 'general'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export const WIKI_LIMITS = {
  title: 150,
  /** A long guide is a few thousand words; 200,000 characters leaves room and bounds diff costs. */
  body: 200_000,
  summary: 300,
} as const;

/**
 * Where a revision stands: `accepted` (readers see the latest accepted one), `pending` (saved by a
 * new account, or on top of such a revision: waits for a reviewer), `rejected` (a reviewer turned
 * it down, with a reason; kept in the history).
 */
export const REVIEW_STATUSES = ['accepted', 'pending', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Who is a new account, whose edits wait for review (config.wikiReview). */
export interface ReviewThreshold {
  /** Accounts younger than this many days. */
  readonly accountDays: number;
  /** Accounts with fewer accepted edits than this. */
  readonly acceptedEdits: number;
}

/** What a save brings: the page's title, its Markdown, the edit summary, the revision it started from. */
export interface PageEdit {
  title: string;
  body: string;
  summary: string;
  /** The revision the editor started from; absent when creating the page. */
  baseRevisionId?: number | undefined;
  /** On creation only (later, `page.classify`: wiki-categories.ts). */
  type?: PageType | undefined;
  /** On creation only, like `type`: a category's slug, or none. */
  category?: string | null | undefined;
  locale?: string | undefined;
}

/** A page as the API gives it (with its internal `id`, which the API leaves out). */
export interface WikiPageView {
  id: number;
  slug: string;
  title: string;
  type: PageType;
  locale: string;
  category: string | null;
  body: string;
  /** The revision shown: the latest accepted one for readers, the latest one for editors. */
  revisionId: number;
  /** The latest revision, which an edit should start from (differs while changes wait for review). */
  latestRevisionId: number;
  /** Whether revisions newer than the latest accepted one wait for review. */
  pendingReview: boolean;
  protected: boolean;
  updatedAt: string;
}

/** One revision in a page's history. */
export interface RevisionSummary {
  id: number;
  parentId: number | null;
  author: string | null;
  summary: string;
  kind: 'create' | 'edit' | 'merge' | 'restore';
  size: number;
  sizeDelta: number;
  createdAt: string;
  reviewStatus: ReviewStatus;
  /** Why a reviewer rejected it. */
  reviewReason: string | null;
  /** Moderation hid this revision: its summary is left out (''). */
  hidden: boolean;
}
