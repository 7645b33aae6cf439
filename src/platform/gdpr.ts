/**
 * The personal-data registry (GDPR articles 15, 17 and 20). Each module that stores something
 * about a person declares a `personalData` provider in its manifest: what it exports for that
 * person, and how it erases their personal data while keeping their contributions. The platform
 * only orchestrates: it knows no module, it runs whatever the manifests declare.
 *
 * A deleted account keeps its `users` row (contributions still point to it) with every personal
 * field erased; its display name becomes the neutral marker `DELETED_PARTICIPANT`, which views render
 * as the translated "Deleted participant" with `participantName`.
 */
import type { Db } from '../db/database.js';
import type { Translate } from './i18n.js';
import type { EcoopModule } from './module.js';

/** What a module declares about the personal data it keeps. */
export interface PersonalDataProvider {
  /**
   * Everything this module stores about the user or that the user contributed, as plain JSON
   * (ISO dates, no secrets: never a password, token or code hash). Read-only.
   */
  export(db: Db, userId: number): Promise<Record<string, unknown>>;
  /**
   * Erases the user's personal data in this module inside the account deletion's transaction
   * (`trx`): contributions stay, still pointing at the user's id, whose name is then the marker.
   * Must not commit, roll back or enqueue anything that depends on the data after erasure.
   */
  anonymise(trx: Db, userId: number): Promise<void>;
}

/** The version of the archive's shape; a consumer checks it before reading the rest. */
export const PERSONAL_DATA_FORMAT = 'ecoop-personal-data/1';

/**
 * The display name stored on a deleted account: empty, which no form accepts for a live account,
 * and language-neutral, so each page renders it in its own language (`participantName`).
 */
export const DELETED_PARTICIPANT = '';

/** A display name as shown to people: the translated "Deleted participant" for a deleted account. */
export function participantName(displayName: string, t: Translate): string {
  return displayName === DELETED_PARTICIPANT ? t('personalData.deletedParticipant') : displayName;
}

/** The downloadable archive: who it is about, when it was made, and each module's part by name. */
export interface PersonalDataArchive {
  format: typeof PERSONAL_DATA_FORMAT;
  generatedAt: string;
  user: { id: number; displayName: string; email: string };
  modules: Record<string, Record<string, unknown>>;
}

/**
 * Builds a user's archive from every module that declares personal data, in module order. The
 * caller decides whose archive this is (always the signed-in user: no route takes a user id).
 */
export async function exportUserData(
  db: Db,
  modules: readonly EcoopModule[],
  userId: number,
  now: Date = new Date(),
): Promise<PersonalDataArchive> {
  const user = await db.selectFrom('users').select(['id', 'display_name', 'email']).where('id', '=', userId).executeTakeFirstOrThrow();
  const parts: Record<string, Record<string, unknown>> = {};
  for (const m of modules) if (m.personalData) parts[m.name] = await m.personalData.export(db, userId);
  return {
    format: PERSONAL_DATA_FORMAT,
    generatedAt: now.toISOString(),
    user: { id: user.id, displayName: user.display_name, email: user.email },
    modules: parts,
  };
}

/** What the caller does around the erasure, inside the same transaction. */
export interface DeletionSteps {
  /**
   * Runs first, while the personal data is still there: claim the account (a conditional update,
   * so a double submission deletes once: throw to abort), enqueue the goodbye email.
   */
  before?: (trx: Db) => Promise<void>;
  /** Runs last: the audit entry (without personal data). */
  after?: (trx: Db) => Promise<void>;
}

/**
 * Deletes an account in one transaction: `before`, then every module's `anonymise` in reverse
 * module order (the modules that own the content first, the accounts module, which owns the
 * `users` row, after them), then `after`. Either all of it happens or none.
 */
export async function deleteAccount(db: Db, modules: readonly EcoopModule[], userId: number, steps: DeletionSteps = {}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await steps.before?.(trx);
    for (const m of [...modules].reverse()) if (m.personalData) await m.personalData.anonymise(trx, userId);
    await steps.after?.(trx);
  });
}
