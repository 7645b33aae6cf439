import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUserWithRoles } from '../modules/accounts/index.js';
import { createSession, loadSession } from './session.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';

describeEachDatabase('sessions', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database.destroy());

  const newUser = (email: string, roles: Parameters<typeof createUserWithRoles>[1]['roles'], twoFactorSecret?: string) =>
    createUserWithRoles(database.handle.db, {
      email,
      displayName: email,
      password: 'long enough pass',
      locale: 'en',
      roles,
      ...(twoFactorSecret ? { twoFactorSecret } : {}),
    });

  it('reads the user and each role they hold once, in one query', async () => {
    const { db } = database.handle;
    // Official of two organisations: the role is held twice, in effect once.
    const id = await newUser(
      'official@example.org',
      [{ role: 'helper' }, ...[1, 2].map((scopeId) => ({ role: 'official' as const, scopeType: 'organisation' as const, scopeId }))],
      'JBSWY3DPEHPK3PXP',
    );
    const token = await createSession(db, id);
    const before = database.handle.queryCount();
    const user = await loadSession(db, token);
    expect(database.handle.queryCount() - before).toBe(1);
    expect(user).toMatchObject({ id, displayName: 'official@example.org', twoFactor: true, pendingRoles: [] });
    expect([...user!.roles].sort()).toEqual(['citizen', 'helper', 'official']);
  });

  it('keeps privileged roles pending without two-factor authentication', async () => {
    const { db } = database.handle;
    const id = await newUser('moderator@example.org', [{ role: 'moderator' }]);
    const user = await loadSession(db, await createSession(db, id));
    expect(user).toMatchObject({ roles: ['citizen'], pendingRoles: ['moderator'], twoFactor: false });
  });

  it('gives a user who holds no role no roles', async () => {
    const { db } = database.handle;
    const id = await newUser('bare@example.org', []);
    await db.deleteFrom('user_roles').where('user_id', '=', id).execute();
    const user = await loadSession(db, await createSession(db, id));
    expect(user).toMatchObject({ id, roles: [], pendingRoles: [] });
  });

  it('knows no session for an unknown token, and none for a blocked user', async () => {
    const { db } = database.handle;
    expect(await loadSession(db, 'not-a-token')).toBeNull();
    const id = await newUser('blocked@example.org', []);
    const token = await createSession(db, id);
    await db.updateTable('users').set({ blocked_at: new Date().toISOString() }).where('id', '=', id).execute();
    expect(await loadSession(db, token)).toBeNull();
  });
});
