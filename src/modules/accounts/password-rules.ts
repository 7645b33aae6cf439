/**
 * What makes a password acceptable (NIST SP 800-63B, OWASP ASVS 2.1): 8 to 128 characters, no
 * composition rules, not one of the 10,000 most common passwords, and not built on the person's
 * own email name or display name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';

// The list sits beside the sources; from dist/ (the same depth under the project root) it is read from src/.
const LIST_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/modules/accounts/common-passwords.txt');

let common: Set<string> | undefined;

/** The common passwords, lower-cased, loaded once. */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(LIST_FILE, 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.toLowerCase()),
  );
  return common;
}

/** Why a password is refused, as a catalog key under `auth.errors`. */
export type PasswordProblem = 'passwordRequired' | 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordPersonal';

/** Returns the first problem with a password, or null when it may be used. */
export function passwordProblem(password: string, person: { email: string; displayName: string }): PasswordProblem | null {
  const length = [...password].length;
  if (length === 0) return 'passwordRequired';
  if (length < PASSWORD_MIN) return 'passwordTooShort';
  if (length > PASSWORD_MAX) return 'passwordTooLong';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'passwordCommon';
  // Parts shorter than 3 characters would refuse half of all passwords for no gain.
  const personal = [person.email.split('@')[0] ?? '', person.displayName].map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 3);
  if (personal.some((p) => lower.includes(p))) return 'passwordPersonal';
  return null;
}
