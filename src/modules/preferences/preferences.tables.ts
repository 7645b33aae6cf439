/**
 * The column this module adds to the accounts module's `users` table (migration 0009), declared by
 * augmenting its row type so the accounts module's files stay its own.
 */
import type { Generated } from 'kysely';
import '../accounts/accounts.tables.js';

declare module '../accounts/accounts.tables.js' {
  interface UsersTable {
    /** Display preferences as JSON (`{"largeText":true,…}`); '{}' until the user chooses. */
    preferences: Generated<string>;
  }
}
