import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, formSession, type TestApp } from '../../../test/support.js';
import { nowIso } from '../../db/dialect.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';

describeEachDatabase('admin: people, roles, blocking', (dialect) => {
  let t: TestApp;
  let admin: { id: number; cookie: string };
  let mediator: { id: number; cookie: string };
  let target: { id: number; cookie: string };
  let csrf: { token: string; cookie: string };
  let placeId: number;
  let organisationId: number;
  let n = 0;

  const signIn = async (roles: Role[], displayName?: string) => {
    n += 1;
    const email = `person${n}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: displayName ?? `Person ${n}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    return { id, cookie: `ecoop_session=${await createSession(t.app.db, id)}` };
  };
  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie: string | undefined, payload: Record<string, string>, withToken = true) =>
    t.app.inject({
      method: 'POST',
      url,
      remoteAddress: '203.0.113.77',
      headers: { cookie: [cookie, csrf.cookie].filter(Boolean).join('; ') },
      payload: withToken ? { _csrf: csrf.token, ...payload } : payload,
    });
  const rolesOf = async (userId: number) =>
    (
      await t.app.db
        .selectFrom('user_roles')
        .select(['role', 'scope_type', 'scope_id'])
        .where('user_id', '=', userId)
        .orderBy('role')
        .execute()
    ).map((r) => `${r.role}:${r.scope_type}:${r.scope_id}`);
  const auditRows = (subjectId: number) =>
    t.app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action', 'subject_type', 'subject_id', 'data', 'request_id', 'ip'])
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', String(subjectId))
      .where('action', 'like', 'admin.%')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    admin = await signIn(['admin']);
    mediator = await signIn(['mediator']);
    target = await signIn([]);
    placeId = (await t.app.db.selectFrom('places').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    organisationId = (await t.app.db.selectFrom('organisations').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    csrf = formSession(await get(`/en/admin/users/${target.id}`, admin.cookie));
  });
  afterAll(() => t.close());

  describe('who may not', () => {
    it('anonymous visitors get 401 on every page and POST', async () => {
      for (const url of ['/en/admin/users', `/en/admin/users/${target.id}`, '/fr/admin/users?q=a', '/en/admin/audit'])
        expect((await get(url)).statusCode, url).toBe(401);
      for (const path of ['roles', 'roles/revoke', 'block', 'unblock'])
        expect((await post(`/en/admin/users/${target.id}/${path}`, undefined, { role: 'helper' })).statusCode, path).toBe(401);
    });

    it('citizens, helpers, moderators and officials get 403 on every admin page and POST', async () => {
      for (const roles of [[], ['helper'], ['moderator'], ['official'], ['helper', 'moderator', 'official']] as Role[][]) {
        const who = await signIn(roles);
        for (const url of ['/en/admin/users', `/en/admin/users/${target.id}`, '/en/admin/audit', '/en/admin/jobs'])
          expect((await get(url, who.cookie)).statusCode, `${roles.join('+')} ${url}`).toBe(403);
        for (const [path, payload] of [
          ['roles', { role: 'helper' }],
          ['roles', { role: 'mediator', placeId: String(placeId) }],
          ['roles/revoke', { role: 'helper' }],
          ['block', {}],
          ['unblock', {}],
        ] as const)
          expect((await post(`/en/admin/users/${target.id}/${path}`, who.cookie, payload)).statusCode, `${roles.join('+')} ${path}`).toBe(
            403,
          );
      }
      expect(await rolesOf(target.id)).toEqual(['citizen::0']);
      expect(await auditRows(target.id)).toEqual([]);
    });

    it('a missing CSRF token is refused (403) and changes nothing', async () => {
      for (const path of ['roles', 'block'])
        expect((await post(`/en/admin/users/${target.id}/${path}`, admin.cookie, { role: 'helper' }, false)).statusCode).toBe(403);
      expect(await rolesOf(target.id)).toEqual(['citizen::0']);
      const row = await t.app.db.selectFrom('users').select('blocked_at').where('id', '=', target.id).executeTakeFirstOrThrow();
      expect(row.blocked_at).toBeNull();
    });
  });

  describe('granting and revoking', () => {
    it('an admin grants mediator for a place; audited with request id and truncated IP', async () => {
      const res = await post(`/en/admin/users/${target.id}/roles`, admin.cookie, {
        role: 'mediator',
        placeId: String(placeId),
        organisationId: '',
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/en/admin/users/${target.id}?done=granted`);
      expect(await rolesOf(target.id)).toEqual(['citizen::0', `mediator:place:${placeId}`]);
      const [row] = await auditRows(target.id);
      expect(row).toMatchObject({
        actor_id: admin.id,
        action: 'admin.grant_role',
        request_id: res.headers['x-request-id'],
        ip: '203.0.113.0',
      });
      expect(JSON.parse(row!.data)).toEqual({ role: 'mediator', scopeType: 'place', scopeId: placeId });

      // A double submission adds nothing and logs nothing.
      expect(
        (await post(`/en/admin/users/${target.id}/roles`, admin.cookie, { role: 'mediator', placeId: String(placeId) })).statusCode,
      ).toBe(303);
      expect(await rolesOf(target.id)).toHaveLength(2);
      expect(await auditRows(target.id)).toHaveLength(1);

      const page = await get(res.headers.location as string, admin.cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('The role was granted.');
      const place = await t.app.db.selectFrom('places').select('name').where('id', '=', placeId).executeTakeFirstOrThrow();
      expect(page.body).toContain(`Place: ${place.name}`);
      expect(page.body).toContain(`aria-label="Revoke the role Mediator (Place: ${place.name})"`);
    });

    it('an admin grants official for an organisation, and global roles without a scope', async () => {
      const who = await signIn([]);
      expect(
        (await post(`/en/admin/users/${who.id}/roles`, admin.cookie, { role: 'official', organisationId: String(organisationId) }))
          .statusCode,
      ).toBe(303);
      // The scope fields of a role that applies everywhere are ignored.
      expect(
        (await post(`/en/admin/users/${who.id}/roles`, admin.cookie, { role: 'moderator', placeId: String(placeId) })).statusCode,
      ).toBe(303);
      expect(await rolesOf(who.id)).toEqual(['citizen::0', 'moderator::0', `official:organisation:${organisationId}`]);
    });

    it('refuses a nonexistent place, a missing scope or role with 422 and field errors, writing nothing', async () => {
      const who = await signIn([]);
      const cases: [Record<string, string>, string, string][] = [
        [{ role: 'mediator', placeId: '999999' }, 'grant-place', 'Choose a place from the list'],
        [{ role: 'mediator', placeId: 'abc' }, 'grant-place', 'Choose a place from the list'],
        [{ role: 'mediator', placeId: '' }, 'grant-place', 'Choose the place where this person is a mediator'],
        [{ role: 'mediator' }, 'grant-place', 'Choose the place where this person is a mediator'],
        [{ role: 'official', organisationId: '999999' }, 'grant-organisation', 'Choose an organisation from the list'],
        [{ role: 'official' }, 'grant-organisation', 'Choose the organisation this official works for'],
        [{ role: '' }, 'grant-role', 'Choose a role to grant'],
        [{ role: 'superuser' }, 'grant-role', 'Choose a role to grant'],
        [{ role: 'citizen' }, 'grant-role', 'Choose a role to grant'],
      ];
      for (const [payload, fieldId, message] of cases) {
        const res = await post(`/en/admin/users/${who.id}/roles`, admin.cookie, payload);
        expect(res.statusCode, JSON.stringify(payload)).toBe(422);
        expect(res.body).toContain('<title>Error: ');
        expect(res.body).toContain(`<a href="#${fieldId}">${message}</a>`);
        expect(res.body).toContain(`id="${fieldId}-error"`);
        if (payload.role === 'mediator') expect(res.body).toMatch(/<option value="mediator" selected/);
      }
      expect(await rolesOf(who.id)).toEqual(['citizen::0']);
      expect(await auditRows(who.id)).toEqual([]);
      const json = await t.app.inject({
        method: 'POST',
        url: `/en/admin/users/999999/roles`,
        headers: { cookie: `${admin.cookie}; ${csrf.cookie}` },
        payload: { _csrf: csrf.token, role: 'helper' },
      });
      expect(json.statusCode).toBe(404);
    });

    it('an admin revokes a role; revoking it again changes nothing', async () => {
      const who = await signIn(['moderator']);
      const res = await post(`/en/admin/users/${who.id}/roles/revoke`, admin.cookie, { role: 'moderator', scopeType: '', scopeId: '0' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/en/admin/users/${who.id}?done=revoked`);
      expect(await rolesOf(who.id)).toEqual(['citizen::0']);
      expect((await post(`/en/admin/users/${who.id}/roles/revoke`, admin.cookie, { role: 'moderator' })).statusCode).toBe(303);
      const rows = await auditRows(who.id);
      expect(rows.map((r) => r.action)).toEqual(['admin.revoke_role']);
      expect(rows[0]).toMatchObject({ request_id: res.headers['x-request-id'], ip: '203.0.113.0' });
      expect((await post(`/en/admin/users/${who.id}/roles/revoke`, admin.cookie, { role: 'citizen' })).statusCode).toBe(403);
      expect(
        (await post(`/en/admin/users/${who.id}/roles/revoke`, admin.cookie, { role: 'helper', scopeType: 'nowhere' })).statusCode,
      ).toBe(400);
    });

    it('an admin may not revoke their own admin role, but may revoke another admin’s', async () => {
      const res = await post(`/en/admin/users/${admin.id}/roles/revoke`, admin.cookie, { role: 'admin' });
      expect(res.statusCode).toBe(403);
      expect(await rolesOf(admin.id)).toContain('admin::0');
      const own = await get(`/en/admin/users/${admin.id}`, admin.cookie);
      expect(own.body).not.toContain('Revoke the role Administrator');
      expect(own.body).not.toContain('/block"');
      expect(own.body).toContain('This is your own account');

      const other = await signIn(['admin']);
      expect((await post(`/en/admin/users/${other.id}/roles/revoke`, admin.cookie, { role: 'admin' })).statusCode).toBe(303);
      expect(await rolesOf(other.id)).toEqual(['citizen::0']);
    });

    it('a mediator may grant and revoke the helper role only', async () => {
      const who = await signIn([]);
      const page = await get(`/en/admin/users/${who.id}`, mediator.cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<option value="helper"');
      expect(page.body).not.toContain('<option value="moderator"');
      expect(page.body).not.toContain('/block"');
      expect(page.body).not.toContain('href="/en/admin/audit"');
      expect((await post(`/en/admin/users/${who.id}/roles`, mediator.cookie, { role: 'helper' })).statusCode).toBe(303);
      for (const role of ['moderator', 'admin', 'official', 'mediator'])
        expect((await post(`/en/admin/users/${who.id}/roles`, mediator.cookie, { role, placeId: String(placeId) })).statusCode, role).toBe(
          403,
        );
      expect(await rolesOf(who.id)).toEqual(['citizen::0', 'helper::0']);
      expect((await post(`/en/admin/users/${who.id}/roles/revoke`, mediator.cookie, { role: 'helper' })).statusCode).toBe(303);
      expect(await rolesOf(who.id)).toEqual(['citizen::0']);
      expect((await post(`/en/admin/users/${who.id}/block`, mediator.cookie, {})).statusCode).toBe(403);
      expect((await get('/en/admin/audit', mediator.cookie)).statusCode).toBe(403);
    });
  });

  describe('blocking', () => {
    it('ends the blocked person’s sessions at once; unblocking lets them sign in again', async () => {
      const who = await signIn(['mediator']);
      const second = `ecoop_session=${await createSession(t.app.db, who.id)}`;
      expect((await get('/en/admin/users', who.cookie)).statusCode).toBe(200);

      const res = await post(`/en/admin/users/${who.id}/block`, admin.cookie, {});
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/en/admin/users/${who.id}?done=blocked`);
      expect((await get('/en/admin/users', who.cookie)).statusCode).toBe(401);
      expect((await get('/en/admin/users', second)).statusCode).toBe(401);
      expect(await t.app.db.selectFrom('sessions').select('id').where('user_id', '=', who.id).execute()).toEqual([]);
      // A session created after the block (say, by a sign-in racing it) does not work either.
      expect((await get('/en/admin/users', `ecoop_session=${await createSession(t.app.db, who.id)}`)).statusCode).toBe(401);

      const page = await get(res.headers.location as string, admin.cookie);
      expect(page.body).toContain('Blocked');
      expect(page.body).toContain(`action="/en/admin/users/${who.id}/unblock"`);

      expect((await post(`/en/admin/users/${who.id}/unblock`, admin.cookie, {})).statusCode).toBe(303);
      expect((await get('/en/admin/users', who.cookie)).statusCode).toBe(401); // ended sessions stay ended
      expect((await get('/en/admin/users', `ecoop_session=${await createSession(t.app.db, who.id)}`)).statusCode).toBe(200);

      const rows = await auditRows(who.id);
      expect(rows.map((r) => r.action)).toEqual(['admin.block_user', 'admin.unblock_user']);
      for (const r of rows)
        expect(r).toMatchObject({ actor_id: admin.id, ip: '203.0.113.0', request_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    });

    it('an admin may not block themself', async () => {
      expect((await post(`/en/admin/users/${admin.id}/block`, admin.cookie, {})).statusCode).toBe(403);
      expect((await get('/en/admin/users', admin.cookie)).statusCode).toBe(200);
      expect((await post(`/en/admin/users/999999/block`, admin.cookie, {})).statusCode).toBe(404);
    });
  });

  describe('finding people', () => {
    it('searches emails and names case-insensitively, wildcards taken literally, output escaped', async () => {
      const percent = await signIn([], 'Hundred % Sure');
      const underscore = await signIn(['helper'], 'Under_score');
      const script = await signIn([], '<script>alert(1)</script>');
      const list = async (q: string) => {
        const res = await get(`/en/admin/users?q=${encodeURIComponent(q)}`, admin.cookie);
        expect(res.statusCode, q).toBe(200);
        return res.body;
      };
      const percentPage = await list('%');
      expect(percentPage).toContain(`href="/en/admin/users/${percent.id}"`);
      expect(percentPage).not.toContain(`href="/en/admin/users/${underscore.id}"`);
      const underscorePage = await list('_');
      expect(underscorePage).toContain(`href="/en/admin/users/${underscore.id}"`);
      expect(underscorePage).not.toContain(`href="/en/admin/users/${percent.id}"`);
      expect(underscorePage).toContain('Helper');
      expect(await list('UNDER_')).toContain(`href="/en/admin/users/${underscore.id}"`);
      const scriptPage = await list('<script>');
      expect(scriptPage).toContain(`href="/en/admin/users/${script.id}"`);
      expect(scriptPage).toContain('&lt;script>alert(1)&lt;/script>');
      expect(scriptPage).toContain('Accounts matching “&lt;script>”');
      expect(scriptPage).not.toContain('<script>alert');
      expect(await list(`person${n - 1}@EXAMPLE.org`)).toContain(`href="/en/admin/users/${underscore.id}"`);
      const nothing = await list("' or 1=1 --");
      expect(nothing).toContain('No account matches this search.');
      expect((await get(`/en/admin/users/${script.id}`, admin.cookie)).body).not.toContain('<script>alert');
      expect((await get(`/en/admin/users?q=${'x'.repeat(101)}`, admin.cookie)).statusCode).toBe(400);
      expect((await get('/en/admin/users?q=%00', admin.cookie)).statusCode).toBe(200);
      expect((await get('/en/admin/users/abc', admin.cookie)).statusCode).toBe(400);
      expect((await get('/en/admin/users/999999', admin.cookie)).statusCode).toBe(404);
    });

    it('lists status and pages by keyset', async () => {
      const now = nowIso();
      const rows = Array.from({ length: 55 }, (_, i) => ({
        email: `bulk${i}@paging.example`,
        display_name: `Bulk ${i}`,
        password_hash: null,
        locale: 'fr',
        email_verified_at: i % 2 ? now : null,
        blocked_at: i === 54 ? now : null,
        created_at: now,
        updated_at: now,
      }));
      await t.app.db.insertInto('users').values(rows).execute();
      const before = t.app.database.queryCount();
      const first = await get('/en/admin/users?q=paging.example', admin.cookie);
      // Session (2 queries, maybe a touch), the page of people, their roles, and at most one read of
      // the content generation (once a second): not one query per person.
      expect(t.app.database.queryCount() - before).toBeLessThanOrEqual(6);
      expect(first.body).toContain('bulk54@paging.example');
      expect(first.body).toMatch(/Blocked/);
      expect(first.body).toMatch(/Email not verified/);
      expect(first.body).toMatch(/>Active</);
      expect(first.body).not.toContain('bulk4@paging.example');
      const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
      expect(next).toMatch(/^\/en\/admin\/users\?q=paging.example&before=\d+$/);
      const second = await get(next!, admin.cookie);
      expect(second.body).toContain('bulk4@paging.example');
      expect(second.body).toContain('bulk0@paging.example');
      expect(second.body).not.toContain('bulk5@paging.example');
      expect(second.body).not.toContain('rel="next"');
      const fr = await get('/fr/admin/users?q=paging.example', admin.cookie);
      expect(fr.body).toContain('Courriel non vérifié');
    });
  });
});
