/** The accounts module's tables (declared into the shared Database type). */
import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/schema.js';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: string;
  email_verified_at: Timestamp | null;
  blocked_at: Timestamp | null;
  deleted_at: Timestamp | null;
  /** The version of the terms the user last accepted (null: never). */
  terms_version: string | null;
  terms_accepted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  scope_type: Generated<string>;
  scope_id: Generated<number>;
  granted_by: number | null;
  created_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** Single-use tokens sent by email; only their SHA-256 is stored. */
export interface AccountTokensTable {
  id: Generated<number>;
  user_id: number;
  purpose: string;
  token_hash: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
  /** For `change_email`: the address the link confirms (null otherwise). */
  new_email: string | null;
}

/** A user's TOTP secret (encrypted); enabled once a code from it was confirmed. */
export interface UserTwoFactorTable {
  user_id: number;
  /** AES-256-GCM: `iv.tag.ciphertext`, base64url each. */
  secret: string;
  enabled_at: Timestamp | null;
  /** The last time step accepted, so a code works once. */
  last_step: number | null;
  created_at: Timestamp;
}

/** Single-use recovery codes; only their SHA-256 is stored. */
export interface TwoFactorRecoveryCodesTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

/** Sign-ins whose password was right, waiting for the second factor (the cookie holds the token). */
export interface TwoFactorChallengesTable {
  token_hash: string;
  user_id: number;
  next: string;
  attempts: Generated<number>;
  expires_at: Timestamp;
  created_at: Timestamp;
}

declare module '../../db/schema.js' {
  interface Database {
    users: UsersTable;
    user_roles: UserRolesTable;
    sessions: SessionsTable;
    account_tokens: AccountTokensTable;
    user_two_factor: UserTwoFactorTable;
    two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
    two_factor_challenges: TwoFactorChallengesTable;
  }
}
