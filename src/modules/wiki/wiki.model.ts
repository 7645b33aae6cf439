/**
 * The wiki's vocabulary and limits: page types, what a save may hold, and how a page is shown to
 * the API. Pure.
 */

/** Guides (step-by-step help with e-services or life events), good-practice sheets, general pages. */
export const PAGE_TYPES = ['guide', 'good_practice', 'general'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

export const WIKI_LIMITS = {
  title: 150,
  /** A long guide is a few thousand words; 200,000 characters leaves room and bounds diff costs. */
  body: 200_000,
  summary: 300,
} as const;

/** What a save brings: the page's title, its Markdown, the edit summary, the revision it started from. */
export interface PageEdit {
  title: string;
  body: string;
  summary: string;
  /** The revision the editor started from; absent when creating the page. */
  baseRevisionId?: number | undefined;
  /** On creation only (later changes go through the page's settings). */
  type?: PageType | undefined;
  locale?: string | undefined;
}

/** A page as the API gives it. */
export interface WikiPageView {
  slug: string;
  title: string;
  type: PageType;
  locale: string;
  category: string | null;
  body: string;
  revisionId: number;
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
}
