/** Input of the API token pages and commands: the token's name, and the id of a token to revoke. */
import { z } from 'zod';

export const TOKEN_NAME_MAX = 60;

/** Why a token name was refused, as a catalog key (the pages translate it; the CLI prints English). */
export type TokenNameError = 'tokens.errors.nameRequired' | 'tokens.errors.nameTooLong' | 'tokens.errors.nameTaken';

/** The create form's body, read leniently so the form can be shown again with what was typed. */
export const createTokenBody = z.object({
  name: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(10_000).catch(''))
    .transform((s) => s.trim())
    .catch(''),
});

/** `/account/tokens/:id/revoke`: a positive integer id (anything else is a token that does not exist). */
export const tokenParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

/** `/account/tokens?revoked=1`: the confirmation shown after a revocation. */
export const tokensQuery = z.object({ revoked: z.coerce.number().int().positive().optional().catch(undefined) });

/** Checks a (trimmed) token name's length; the service also refuses a name already in use. */
export function checkTokenName(name: string): TokenNameError | null {
  if (name.length === 0) return 'tokens.errors.nameRequired';
  if ([...name].length > TOKEN_NAME_MAX) return 'tokens.errors.nameTooLong';
  return null;
}
