/** The wiki's tables: pages, their revisions and what they link to (migration 0019). */
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
  current_revision_id: number | null;
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
}

export interface WikiLinksTable {
  page_id: number;
  /** page | service */
  kind: string;
  target: string;
}

declare module '../../db/schema.js' {
  interface Database {
    wiki_pages: WikiPagesTable;
    wiki_revisions: WikiRevisionsTable;
    wiki_links: WikiLinksTable;
  }
}
