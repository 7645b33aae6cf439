/**
 * Two-factor authentication: set-up (a secret confirmed by a first code), checking a code or a
 * recovery code at sign-in, new recovery codes, turning it off. Secrets are encrypted at rest with
 * AES-256-GCM under a key generated once per site (`getOrCreateSecret(db, 'two-factor')`); recovery
 * codes are kept as SHA-256 only. Every change is audited and emailed to the user.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { nowIso } from '../../db/dialect.js';
import { audit, type AuditContext } from '../../platform/audit.js';
import { sendMail } from '../../platform/mail.js';
import { getOrCreateSecret } from '../../platform/settings.js';
import { twoFactorEmail } from './account-emails.js';
import { findById } from './accounts.repository.js';
import { verifyPassword } from './passwords.js';
import { localeOf } from './registration.service.js';
import { base32Decode, base32Encode, matchTotp } from './totp.js';
import {
  countUnusedRecoveryCodes,
  deleteRecoveryCodes,
  deleteTwoFactor,
  enablePending,
  findTwoFactor,
  insertEnabled,
  putPendingSecret,
  replaceRecoveryCodes,
  useRecoveryCode,
  useStep,
} from './two-factor.repository.js';

/** How many recovery codes a user gets at a time. */
export const RECOVERY_CODE_COUNT = 10;
/** Recovery codes use letters and digits that cannot be mistaken for one another. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

async function key(db: Db): Promise<Buffer> {
  return Buffer.from(await getOrCreateSecret(db, 'two-factor'), 'base64url');
}

async function encrypt(db: Db, secret: Buffer): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await key(db), iv);
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

async function decrypt(db: Db, stored: string): Promise<Buffer> {
  const [iv, tag, data] = stored.split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', await key(db), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(data!), decipher.final()]);
}

/** A recovery code as typed: case, spaces and hyphens do not matter. */
const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const hashRecovery = (code: string) => createHash('sha256').update(normaliseRecovery(code)).digest('hex');

function newRecoveryCodes(): string[] {
  const part = () => Array.from({ length: 4 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => `${part()}-${part()}`);
}

/** Whether the password is the user's (the re-authentication before a security change). */
export async function passwordMatches(db: Db, userId: number, password: string): Promise<boolean> {
  const user = await findById(db, userId);
  if (!user?.password_hash || password.length === 0 || password.length > 1024) return false;
  return verifyPassword(user.password_hash, password);
}

/** Whether two-factor authentication is on, and how many recovery codes are left. */
export async function twoFactorStatus(db: Db, userId: number): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const row = await findTwoFactor(db, userId);
  const enabled = Boolean(row?.enabled_at);
  return { enabled, recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(db, userId) : 0 };
}

/**
 * Starts a set-up: a new random 20-byte secret, kept (encrypted) until a code from it confirms it.
 * Returns it in base32 for the QR code and for typing, or null when 2FA is already on.
 */
export async function beginTwoFactorSetup(db: Db, userId: number): Promise<string | null> {
  const secret = randomBytes(20);
  const stored = await encrypt(db, secret);
  const ok = await db.transaction().execute((trx) => putPendingSecret(trx, userId, stored, nowIso()));
  return ok ? base32Encode(secret) : null;
}

/** The secret of a set-up in progress (base32), or null when none is. */
export async function pendingSetupSecret(db: Db, userId: number): Promise<string | null> {
  const row = await findTwoFactor(db, userId);
  if (!row || row.enabled_at) return null;
  return base32Encode(await decrypt(db, row.secret));
}

async function notify(db: Db, userId: number, kind: 'enabled' | 'disabled' | 'recoveryCodes', baseUrl: string): Promise<void> {
  const user = await findById(db, userId);
  if (!user) return;
  await sendMail(db, twoFactorEmail({ email: user.email, displayName: user.display_name, locale: localeOf(user.locale) }, kind, baseUrl));
}

/**
 * Confirms a set-up with a current code: enables 2FA and returns the new recovery codes (the only
 * time they exist in clear), or null when the code is wrong or no set-up is in progress (nothing
 * changes then). Audited and emailed.
 */
export async function confirmTwoFactorSetup(
  db: Db,
  input: { userId: number; code: string; context: AuditContext; baseUrl: string; now?: Date },
): Promise<string[] | null> {
  const row = await findTwoFactor(db, input.userId);
  if (!row || row.enabled_at) return null;
  const step = matchTotp(await decrypt(db, row.secret), input.code, input.now);
  if (step === null) return null;
  const codes = newRecoveryCodes();
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    if (!(await enablePending(trx, input.userId, step, now))) return null;
    await replaceRecoveryCodes(trx, input.userId, codes.map(hashRecovery), now);
    await audit(trx, { ...input.context, action: 'accounts.two_factor_enable', subjectType: 'user', subjectId: String(input.userId) });
    await notify(trx, input.userId, 'enabled', input.baseUrl);
    return codes;
  });
}

/** Replaces the recovery codes with new ones and returns them; null when 2FA is off. Audited and emailed. */
export async function regenerateRecoveryCodes(
  db: Db,
  input: { userId: number; context: AuditContext; baseUrl: string },
): Promise<string[] | null> {
  const codes = newRecoveryCodes();
  return db.transaction().execute(async (trx) => {
    const row = await findTwoFactor(trx, input.userId);
    if (!row?.enabled_at) return null;
    await replaceRecoveryCodes(trx, input.userId, codes.map(hashRecovery), nowIso());
    await audit(trx, {
      ...input.context,
      action: 'accounts.two_factor_recovery_codes',
      subjectType: 'user',
      subjectId: String(input.userId),
    });
    await notify(trx, input.userId, 'recoveryCodes', input.baseUrl);
    return codes;
  });
}

/** Turns 2FA off: the secret and the recovery codes are deleted. Audited and emailed when it was on. */
export async function disableTwoFactor(db: Db, input: { userId: number; context: AuditContext; baseUrl: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await findTwoFactor(trx, input.userId);
    await deleteTwoFactor(trx, input.userId);
    await deleteRecoveryCodes(trx, input.userId);
    if (!row?.enabled_at) return;
    await audit(trx, { ...input.context, action: 'accounts.two_factor_disable', subjectType: 'user', subjectId: String(input.userId) });
    await notify(trx, input.userId, 'disabled', input.baseUrl);
  });
}

/**
 * Checks a second factor at sign-in: a current TOTP code whose time step was not used before
 * (a code works once), or an unused recovery code (used up here, atomically). Returns which one
 * worked, or null.
 */
export async function verifySecondFactor(db: Db, userId: number, code: string, now = new Date()): Promise<'totp' | 'recovery' | null> {
  const row = await findTwoFactor(db, userId);
  if (!row?.enabled_at || code.length > 100) return null;
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) {
    const step = matchTotp(await decrypt(db, row.secret), code.replace(/\s/g, ''), now);
    return step !== null && (await useStep(db, userId, step)) ? 'totp' : null;
  }
  if (normaliseRecovery(code).length !== 8) return null;
  return (await useRecoveryCode(db, userId, hashRecovery(code), nowIso(now))) ? 'recovery' : null;
}

/**
 * Turns 2FA on with a given base32 secret, without confirmation or recovery codes: for demo
 * accounts and tests only (their secret is public).
 */
export async function enableTwoFactorWithSecret(db: Db, userId: number, secretBase32: string): Promise<void> {
  await insertEnabled(db, userId, await encrypt(db, base32Decode(secretBase32)), nowIso());
}

/** Whether the user must give a second factor when signing in. */
export async function hasTwoFactor(db: Db, userId: number): Promise<boolean> {
  return Boolean((await findTwoFactor(db, userId))?.enabled_at);
}
