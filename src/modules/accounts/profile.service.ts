/** What a signed-in person changes about their own account. */
import type { Db } from '../../db/database.js';
import { audit } from '../../platform/audit.js';
import { destroyUserSessions } from '../../platform/session.js';
import { setTermsAccepted, updateProfile } from './accounts.repository.js';
import { CURRENT_TERMS_VERSION } from './terms.js';

/** Saves the display name and language (already validated). */
export async function saveProfile(db: Db, userId: number, values: { displayName: string; locale: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await updateProfile(trx, userId, values);
    await audit(trx, { actorId: userId, action: 'accounts.update_profile', subjectType: 'user', subjectId: String(userId) });
  });
}

/** Records that the user accepted the current terms. Idempotent. */
export async function acceptCurrentTerms(db: Db, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setTermsAccepted(trx, userId, CURRENT_TERMS_VERSION);
    await audit(trx, {
      actorId: userId,
      action: 'accounts.accept_terms',
      subjectType: 'user',
      subjectId: String(userId),
      data: { version: CURRENT_TERMS_VERSION },
    });
  });
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(db: Db, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await destroyUserSessions(trx, userId);
    await audit(trx, { actorId: userId, action: 'accounts.sign_out_everywhere', subjectType: 'user', subjectId: String(userId) });
  });
}
