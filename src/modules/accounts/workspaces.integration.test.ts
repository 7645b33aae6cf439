import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from './index.js';
import { TestClient } from './testing.js';

describeEachDatabase('account page: "Your work" links by role', (dialect) => {
  let t: TestApp;
  let n = 0;
  const accountPage = async (roles: Role[], twoFactor = true) => {
    n += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `worker${n}@example.org`,
      displayName: `Worker ${n}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(twoFactor ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    const res = await client.get('/en/account');
    expect(res.statusCode).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('lists the work pages of each role in effect, and none for a citizen', async () => {
    const citizen = await accountPage([], false);
    expect(citizen).not.toContain('Your work');
    const admin = await accountPage(['admin']);
    for (const path of ['/en/admin/users', '/en/admin/audit', '/en/moderation', '/en/manage/services'])
      expect(admin).toContain(`href="${path}"`);
    const moderator = await accountPage(['moderator']);
    expect(moderator).toContain('href="/en/moderation"');
    expect(moderator).not.toContain('href="/en/admin/users"');
    expect(moderator).not.toContain('href="/en/manage/services"');
    const official = await accountPage(['official']);
    expect(official).toContain('href="/en/manage/services"');
    // Without two-factor authentication the role is not in effect: no link.
    const pending = await accountPage(['official'], false);
    expect(pending).not.toContain('href="/en/manage/services"');
  });
});
