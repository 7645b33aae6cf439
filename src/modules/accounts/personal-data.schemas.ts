/** Input of the personal-data forms, read leniently so the form can come back with what was sent. */
import { z } from 'zod';

const raw = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(10_000).catch(''));

/**
 * The delete-account form: the password again (untrimmed) and the confirmation checkbox. Any other
 * field (a `userId`, say) is dropped: the account is always the signed-in user's.
 */
export const deleteAccountBody = z.object({ password: raw, confirm: raw.transform((s) => s === 'yes') });
