/** A signed-in test client for the co-assessment's integration tests (imported by tests only). */
import type { FastifyInstance } from 'fastify';
import { createSession } from '../../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../../accounts/index.js';
import { TestClient } from '../../accounts/testing.js';

/** A role to give, as `createUserWithRoles` takes it. */
export type RoleGrant = { role: Role; scopeType?: 'organisation'; scopeId?: number };

/** A client that keeps cookies, signed in as a user of its own. */
export type SignedInPerson = TestClient & { userId: number; email: string };

/** A user with these roles (2FA on when there are any, so privileged roles are in effect), signed in. */
export async function signedInPerson(
  app: FastifyInstance,
  user: { email: string; displayName: string; roles?: RoleGrant[] },
): Promise<SignedInPerson> {
  const roles = user.roles ?? [];
  const userId = await createUserWithRoles(app.db, {
    email: user.email,
    displayName: user.displayName,
    password: 'a long enough password',
    locale: 'en',
    roles,
    ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
  });
  const client = new TestClient(app);
  client.cookies.set('ecoop_session', await createSession(app.db, userId));
  return Object.assign(client, { userId, email: user.email });
}
