/** The wiki's tables: pages, their revisions, what they link to (migration 0019), discussions and watches (0020). */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface WikiPagesTable {
  id: Generated<number>;
  slug: string;
  locale: string;
  title: string;
  /** guide | good_practice | general (wiki.model.ts). */
  type: Generated<string>;
  category: string | null;
  /** Pages that translate each other share the first one's id. */
  translation_group: number | null;
  /** Only helpers, mediators, moderators and admins edit a protected page. */
  protected: Generated<number>;
  /** The latest revision, which editors build on (pending review or not). */
  current_revision_id: number | null;
  /** The last accepted revision, which readers see; null while the first is waiting for review. */
  stable_revision_id: number | null;
  /** When the oldest revision waiting for review was saved; null when none waits (the queue's order). */
  pending_since: Timestamp | null;
  revision_count: Generated<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WikiRevisionsTable {
  id: Generated<number>;
  page_id: number;
  parent_id: number | null;
  author_id: number | null;
  title: string;
  body: string;
  /** JSON StoredDiff from the parent's body (revision-diff.ts). */
  diff: string;
  summary: Generated<string>;
  size: number;
  size_delta: number;
  /** create | edit | merge | restore */
  kind: Generated<string>;
  restored_from: number | null;
  created_at: Timestamp;
  /** accepted | pending | rejected (REVIEW_STATUSES in wiki.model.ts). */
  review_status: Generated<string>;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  /** Why a reviewer rejected it. */
  review_reason: string | null;
  /** Its page's language (recent changes by language read one index). */
  locale: string;
}

export interface WikiLinksTable {
  page_id: number;
  /** page | service */
  kind: string;
  target: string;
}

export interface WikiCommentsTable {
  id: Generated<number>;
  page_id: number;
  /** Null once the author deleted their account. */
  author_id: number | null;
  body: string;
  created_at: Timestamp;
}

export interface WikiWatchesTable {
  user_id: number;
  page_id: number;
  created_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface Database {
    wiki_pages: WikiPagesTable;
    wiki_revisions: WikiRevisionsTable;
    wiki_links: WikiLinksTable;
    wiki_comments: WikiCommentsTable;
    wiki_watches: WikiWatchesTable;
  }
}
