/** The personal API tokens table (declared into the shared Database type). */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the whole token; the token itself is never stored. */
  token_hash: string;
  /** The token's first characters, shown in lists so a person can tell their tokens apart. */
  prefix: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

declare module '../../db/schema.js' {
  interface Database {
    api_tokens: ApiTokensTable;
  }
}
