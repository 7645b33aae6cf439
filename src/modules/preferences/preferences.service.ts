/** Use cases of the display preferences. */
import type { Db } from '../../db/database.js';
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import { parseStoredPreferences, serializeStoredPreferences, type DisplayPreferences } from '../../platform/preferences.js';
import { findUserPreferences, updateUserPreferences } from './preferences.repository.js';

/**
 * Saves a signed-in user's display preferences on their account (one UPDATE, atomic by itself), so
 * every device they sign in on applies them. Saving the same choice twice is harmless.
 */
export async function saveUserPreferences(db: Db, userId: number, preferences: DisplayPreferences): Promise<void> {
  await updateUserPreferences(db, userId, serializeStoredPreferences(preferences));
}

/** A user's saved preferences, or null when they never chose (for the GDPR export and tests). */
export async function showUserPreferences(db: Db, userId: number): Promise<DisplayPreferences | null> {
  return parseStoredPreferences(await findUserPreferences(db, userId));
}

/** This module's part of the personal-data registry: the saved display preferences, cleared on deletion. */
export const preferencesPersonalData: PersonalDataProvider = {
  export: async (db, userId) => ({ displayPreferences: await showUserPreferences(db, userId) }),
  anonymise: (trx, userId) => updateUserPreferences(trx, userId, '{}').then(() => undefined),
};
