import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { audit } from '../../platform/audit.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';

describeEachDatabase('admin: audit log', (dialect) => {
  let t: TestApp;
  let adminCookie: string;
  let scriptUser: number;

  const signIn = async (email: string, displayName: string, roles: Role[]) => {
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    return { id, cookie: `ecoop_session=${await createSession(t.app.db, id)}` };
  };
  const get = async (url: string, cookie = adminCookie) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const setTime = (action: string, createdAt: string) =>
    t.app.db.updateTable('audit_log').set({ created_at: createdAt }).where('action', '=', action).execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const admin = await signIn('admin@example.org', 'Admin', ['admin']);
    adminCookie = admin.cookie;
    scriptUser = (await signIn('mallory@evil.example', '<script>alert("name")</script>', ['moderator'])).id;
    await audit(t.app.db, {
      actorId: scriptUser,
      action: 'test.payload',
      subjectType: 'wiki_page',
      subjectId: '<img src=x onerror=alert(1)>',
      data: { comment: '<script>alert("data")</script>', quote: '"&' },
      requestId: 'req-<b>1</b>',
      ip: '2001:db8:85a3:8d3::7',
    });
    await audit(t.app.db, {
      actorId: admin.id,
      action: 'test.old',
      subjectType: 'user',
      subjectId: String(scriptUser),
      ip: '198.51.100.23',
    });
    await audit(t.app.db, { actorId: null, action: 'test.system' });
    await setTime('test.old', '2026-01-15T10:00:00.000Z');
    await setTime('test.system', '2026-01-16T23:59:59.999Z');
  });
  afterAll(() => t.close());

  it('is for admins only', async () => {
    expect((await get('/en/admin/audit', '')).statusCode).toBe(401);
    for (const roles of [[], ['helper'], ['mediator'], ['official'], ['moderator']] as Role[][]) {
      const who = await signIn(`audit-${roles.join('-') || 'citizen'}@example.org`, 'Someone', roles);
      expect((await get('/en/admin/audit', who.cookie)).statusCode, roles.join()).toBe(403);
    }
  });

  it('shows every entry newest first, escaped, with times in UTC and truncated addresses', async () => {
    const res = await get('/en/admin/audit');
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>1</b>');
    expect(html).toContain('&lt;script>alert(&quot;name&quot;)&lt;/script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).toContain('&lt;script>alert(\\&quot;data\\&quot;)&lt;/script>');
    expect(html).toContain('req-&lt;b>1&lt;/b>');
    expect(html).toContain('2001:db8:85a3::');
    expect(html).toContain('198.51.100.0');
    expect(html).toContain('The system');
    expect(html).toContain('<time datetime="2026-01-16T23:59:59.999Z">16 January 2026 at 23:59</time>');
    // Newest first means most recently written first (by id), whatever the stored times say.
    expect(html.indexOf('<code>test.system</code>')).toBeLessThan(html.indexOf('<code>test.payload</code>'));
    expect(html).toContain('<option value="test.old">test.old</option>');
    expect(html).toContain(`href="/en/admin/users/${scriptUser}"`);
    const fr = await get('/fr/admin/audit');
    expect(fr.body).toContain('Journal d’audit');
    expect(fr.body).toContain('16 janvier 2026');
  });

  it('filters by action, actor email, object type and dates (UTC, inclusive)', async () => {
    const actions = (html: string) => ['test.payload', 'test.old', 'test.system'].filter((a) => html.includes(`<code>${a}</code>`));
    expect(actions((await get('/en/admin/audit?action=test.old')).body)).toEqual(['test.old']);
    expect((await get('/en/admin/audit?action=test.old')).body).toContain('<option value="test.old" selected>');
    expect(actions((await get('/en/admin/audit?actor=MALLORY%40')).body)).toEqual(['test.payload']);
    expect(actions((await get('/en/admin/audit?actor=%25')).body)).toEqual([]);
    expect(actions((await get('/en/admin/audit?subject=wiki_page')).body)).toEqual(['test.payload']);
    expect(actions((await get('/en/admin/audit?subject=wiki%25')).body)).toEqual([]);
    expect(actions((await get('/en/admin/audit?from=2026-01-15&to=2026-01-16')).body)).toEqual(['test.old', 'test.system']);
    expect(actions((await get('/en/admin/audit?from=2026-01-16&to=2026-01-16')).body)).toEqual(['test.system']);
    expect(actions((await get('/en/admin/audit?to=2026-01-15')).body)).toEqual(['test.old']);
    expect(actions((await get('/en/admin/audit?action=%3Cscript%3E')).body)).toEqual([]);
    expect((await get('/en/admin/audit?action=%00&actor=%00')).statusCode).toBe(200);
  });

  it('refuses an impossible date with the error summary, keeping what was typed', async () => {
    const res = await get('/en/admin/audit?from=2026-02-30&to=%3Cscript%3E');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#audit-from">Enter a date as year-month-day');
    expect(res.body).toContain('<a href="#audit-to">');
    expect(res.body).toContain('value="2026-02-30"');
    expect(res.body).toContain('value="&lt;script>"');
    expect(res.body).not.toContain('<code>test.old</code>');
  });

  it('pages by keyset, keeping the filters', async () => {
    for (let i = 0; i < 52; i++) await audit(t.app.db, { actorId: null, action: 'test.bulk', subjectType: 'job', subjectId: String(i) });
    const first = await get('/en/admin/audit?action=test.bulk');
    expect(first.body).toContain('job 51');
    expect(first.body).not.toContain('job 1<');
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/en\/admin\/audit\?action=test.bulk&before=\d+$/);
    const second = await get(next!);
    expect(second.body).toContain('job 1<');
    expect(second.body).toContain('job 0<');
    expect(second.body).not.toContain('job 2<');
    expect(second.body).not.toContain('rel="next"');
  });

  it('records the request id and truncated address of an admin action', async () => {
    const admin = await signIn('jobs-admin@example.org', 'Jobs admin', ['admin']);
    const jobId = (
      await t.app.db
        .insertInto('jobs')
        .values({
          type: 'x',
          payload: '{}',
          status: 'dead',
          max_attempts: 1,
          run_at: new Date().toISOString(),
          locked_at: null,
          locked_by: null,
          last_error: null,
          dedupe_key: null,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const page = await get('/en/admin/jobs', admin.cookie);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const csrfCookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const res = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${jobId}/retry`,
      remoteAddress: '::ffff:192.0.2.200',
      headers: { cookie: `${admin.cookie}; ${csrfCookie}` },
      payload: { _csrf: token },
    });
    expect(res.statusCode).toBe(303);
    const row = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'request_id', 'ip'])
      .where('action', '=', 'admin.retry_job')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ actor_id: admin.id, request_id: res.headers['x-request-id'], ip: '192.0.2.0' });
  });
});
