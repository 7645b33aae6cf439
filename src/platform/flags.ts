/**
 * Flags: the platform mechanism a module registers its content types with so that signed-in people
 * can report them and moderators can hide them (the moderation module owns the pages). A module
 * declares `flaggable: [{ type, labelKey, load }]` in its manifest; it asks `moderationStatus` which
 * of the items it shows are hidden, and renders `<HiddenContent>` in their place. The tables are
 * declared here because the platform reads them (`moderationStatus`); the platform knows no module.
 */
import type { FastifyInstance } from 'fastify';
import type { Generated } from 'kysely';
import type { Locale } from '../config.js';
import type { Db } from '../db/database.js';
import type { Timestamp } from '../db/schema.js';
import type { MessageKey } from './i18n.js';
import type { EcoopModule } from './module.js';

/** Why someone reports content. */
export const FLAG_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'] as const;
export type FlagReason = (typeof FLAG_REASONS)[number];

/**
 * Where reported content stands. `visible`: reported, waiting for a moderator; `auto_hidden`: hidden
 * because enough people reported it, waiting for a moderator; `hidden`: a moderator hid it (with a
 * reason shown in its place); `dismissed`: a moderator left it (or put it back) visible.
 */
export const MODERATION_STATUSES = ['visible', 'auto_hidden', 'hidden', 'dismissed'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

/** A piece of content as the report form and the moderation queue show it. */
export interface FlaggableItem {
  id: string;
  /** Its author, who is told about decisions (never who reported it); null when unknown or gone. */
  authorId: number | null;
  /** Plain text: a title or an excerpt (escaped on display, like everything else). */
  title: string;
  /** Where the content is shown, a path on this site (`/en/wiki/…`). */
  url: string;
  /** The language the content is written in, if known. */
  locale?: Locale | undefined;
}

/** A content type a module registers with the flag mechanism. */
export interface FlaggableType {
  /** Unique, `<module>.<thing>`: `wiki.page`, `ideas.comment`. */
  type: string;
  /** The catalog key naming this kind of content ("wiki page"). */
  labelKey: MessageKey;
  /**
   * The existing items among `ids` (unknown ids are left out), in any order. Called with at most a
   * page of ids at a time; it must answer in a bounded number of queries (no N+1).
   */
  load(db: Db, ids: readonly string[]): Promise<FlaggableItem[]>;
}

/** Every flaggable type of the running app, by type name. */
export type FlaggableRegistry = ReadonlyMap<string, FlaggableType>;

/** The registry of the given modules' flaggable types; a type declared twice is a programming error. */
export function flaggableRegistry(modules: readonly EcoopModule[]): FlaggableRegistry {
  const registry = new Map<string, FlaggableType>();
  for (const m of modules) {
    for (const f of m.flaggable ?? []) {
      if (registry.has(f.type)) throw new Error(`flaggable type "${f.type}" is declared twice`);
      registry.set(f.type, f);
    }
  }
  return registry;
}

/** Decorates the app with `flaggables`, the registry of the modules' flaggable types. */
export function registerFlaggables(app: FastifyInstance, modules: readonly EcoopModule[]): void {
  app.decorate('flaggables', flaggableRegistry(modules));
}

/** What a module needs to know to show or hide one item. */
export interface ContentModeration {
  status: 'hidden' | 'auto_hidden';
  /** The moderator's reason, shown in place of the content (null while hidden pending review). */
  reason: string | null;
}

/**
 * Which of `ids` (of one content type) are hidden, and why: one indexed query. Items absent from the
 * map are shown. Modules call it for the items of a page, and render `<HiddenContent>` instead of
 * the ones it returns.
 */
export async function moderationStatus(db: Db, type: string, ids: readonly string[]): Promise<Map<string, ContentModeration>> {
  const result = new Map<string, ContentModeration>();
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('moderation_states')
    .select(['content_id', 'status', 'reason_shown'])
    .where('content_type', '=', type)
    .where('content_id', 'in', [...new Set(ids)])
    .where('status', 'in', ['hidden', 'auto_hidden'])
    .execute();
  for (const r of rows) {
    result.set(r.content_id, { status: r.status as 'hidden' | 'auto_hidden', reason: r.status === 'hidden' ? r.reason_shown : null });
  }
  return result;
}

/** One report: who flagged what, and why. A person flags an item once. */
export interface FlagsTable {
  id: Generated<number>;
  content_type: string;
  content_id: string;
  reporter_id: number;
  reason: FlagReason;
  comment: string | null;
  created_at: Timestamp;
}

/** Where one reported item stands; `flag_count` is kept up to date by the transaction that adds a flag. */
export interface ModerationStatesTable {
  content_type: string;
  content_id: string;
  status: ModerationStatus;
  /** The reason shown in place of hidden content. */
  reason_shown: string | null;
  decided_by: number | null;
  decided_at: Timestamp | null;
  flag_count: number;
  /** The id of the latest flag: the queue's order and keyset cursor (unique, since a flag is of one item). */
  last_flag_id: number;
  last_flagged_at: Timestamp;
}

declare module '../db/schema.js' {
  interface Database {
    flags: FlagsTable;
    moderation_states: ModerationStatesTable;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every flaggable content type, by type name (see platform/flags.ts). */
    flaggables: FlaggableRegistry;
  }
}
