/**
 * Creating an account from a script (`ecoop create-user`): the email, a password, a display name,
 * roles (scoped ones name their organisation or place by slug) and whether the email counts as
 * verified. Everything is checked before anything is written, and every problem is reported at once.
 */
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { audit } from '../../platform/audit.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { findByEmail, insertRole, insertUser } from './accounts.repository.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './passwords.js';
import { isRole, ROLE_SCOPE, ROLES, type Role } from './roles.js';

const provisionInput = z.object({
  email: z.email('must be an email address'),
  password: z
    .string()
    .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
  displayName: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters'),
});

/** A role as written on the command line: `helper`, `official:<organisation-slug>`, `mediator:<place-slug>`. */
export type RoleSpec = string;

/**
 * Creates a user with the citizen role plus the roles asked for. Throws `validation_failed` listing
 * every bad field (`email`, `password`, `name`, `role`) and `conflict` when the email is taken; in
 * both cases nothing is written. Audited as `accounts.create_user`.
 */
export async function provisionUser(
  db: Db,
  input: { email: string; password: string; displayName?: string | undefined; roles: RoleSpec[]; verified: boolean; locale: string },
): Promise<{ userId: number }> {
  const problems: FieldError[] = [];
  const parsed = provisionInput.safeParse({
    email: input.email.trim(),
    password: input.password,
    displayName: input.displayName ?? input.email.trim().split('@')[0] ?? '',
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.push({ field: i.path[0] === 'displayName' ? 'name' : String(i.path[0]), message: i.message });
  }
  const roles: { role: Role; scopeType?: 'organisation' | 'place'; scopeId?: number }[] = [];
  for (const spec of input.roles) {
    const [name = '', slug] = spec.split(/:(.*)/s, 2);
    if (!isRole(name)) {
      problems.push({ field: 'role', message: `"${spec}" is not a role (one of: ${ROLES.join(', ')})` });
      continue;
    }
    const scope = ROLE_SCOPE[name];
    if (!scope) {
      if (slug !== undefined)
        problems.push({ field: 'role', message: `"${name}" applies everywhere: write --role ${name}, without ":${slug}"` });
      else roles.push({ role: name });
      continue;
    }
    const what = scope === 'place' ? 'place' : 'organisation';
    if (!slug) {
      problems.push({ field: 'role', message: `"${name}" needs the ${what} it applies to: --role ${name}:<${what}-slug>` });
      continue;
    }
    const row = await db
      .selectFrom(scope === 'place' ? 'places' : 'organisations')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!row) problems.push({ field: 'role', message: `no ${what} has the slug "${slug}"` });
    else roles.push({ role: name, scopeType: scope, scopeId: row.id });
  }
  if (parsed.success && (await findByEmail(db, parsed.data.email)))
    problems.push({ field: 'email', message: 'an account with this email already exists' });
  if (problems.length || !parsed.success) throw new AppError('validation_failed', 'Invalid user', problems);

  const { email, password, displayName } = parsed.data;
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    let userId: number;
    try {
      ({ id: userId } = await insertUser(trx, { email, displayName, passwordHash, locale: input.locale, verified: input.verified }));
    } catch (err) {
      if (isUniqueViolation(err))
        throw new AppError('conflict', 'An account with this email was created at the same time', [], { cause: err });
      throw err;
    }
    await insertRole(trx, { userId, role: 'citizen' });
    for (const r of roles)
      await insertRole(trx, { userId, role: r.role, ...(r.scopeType ? { scopeType: r.scopeType, scopeId: r.scopeId } : {}) });
    await audit(trx, {
      actorId: null,
      action: 'accounts.create_user',
      subjectType: 'user',
      subjectId: String(userId),
      data: { via: 'cli', roles: input.roles, verified: input.verified },
    });
    return { userId };
  });
}
