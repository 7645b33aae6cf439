import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, formSession, type TestApp } from '../../../test/support.js';
import { nowIso } from '../../db/dialect.js';
import { createSession } from '../../platform/session.js';
import { enqueue } from '../../platform/jobs.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';

describeEachDatabase('admin pages', (dialect) => {
  let t: TestApp;
  let adminCookie: string;
  let citizenCookie: string;

  const signIn = async (email: string, roles: Role[]) => {
    const db = t.app.db;
    const userId = await createUserWithRoles(db, {
      email,
      displayName: email,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    return `ecoop_session=${await createSession(db, userId)}`;
  };
  const addDeadJob = async (type = 'mail.send', error = 'Error: 550 mailbox unavailable') => {
    const id = await enqueue(t.app.db, type, { to: 'someone@example.org' });
    await t.app.db.updateTable('jobs').set({ status: 'dead', attempts: 5, last_error: error }).where('id', '=', id).execute();
    return id;
  };
  const status = async (id: number) =>
    await t.app.db.selectFrom('jobs').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    adminCookie = await signIn('admin@example.org', ['admin']);
    citizenCookie = await signIn('citizen@example.org', []);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.app.db.deleteFrom('jobs').execute();
  });

  it('the jobs page refuses anonymous visitors (401) and non-admins (403)', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/en/admin/jobs' });
    expect(anonymous.statusCode).toBe(401);
    const citizen = await t.app.inject({ method: 'GET', url: '/en/admin/jobs', headers: { cookie: citizenCookie } });
    expect(citizen.statusCode).toBe(403);
    const json = await t.app.inject({
      method: 'GET',
      url: '/en/admin/jobs',
      headers: { cookie: citizenCookie, accept: 'application/json' },
    });
    expect(json.json()).toMatchObject({ code: 'forbidden' });
  });

  it('lists dead jobs by default, without payloads, in an accessible table', async () => {
    const id = await addDeadJob('mail.send', 'Error: 550 <b>mailbox</b> unavailable');
    await enqueue(t.app.db, 'other.queued', {});
    const res = await t.app.inject({ method: 'GET', url: '/en/admin/jobs', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    expect(html).toContain('<caption id="jobs-caption">Failed jobs, newest first</caption>');
    expect(html).toContain('<th scope="col">Attempts</th>');
    expect(html).toContain(`<th scope="row">${id}</th>`);
    expect(html).toContain('<code>mail.send</code>');
    expect(html).toContain('5 of 5');
    expect(html).toContain('Error: 550 &lt;b>mailbox&lt;/b> unavailable');
    expect(html).toContain('1 job has this status.');
    expect(html).toContain(`action="/en/admin/jobs/${id}/retry"`);
    expect(html).toContain(`aria-label="Retry job ${id} (mail.send)"`);
    expect(html).toMatch(/<time datetime="[^"]+">[^<]*2\d{3}[^<]*<\/time>/);
    expect(html).not.toContain('other.queued');
    expect(html).not.toContain('someone@example.org');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('shows other statuses, in French too, without retry buttons', async () => {
    await enqueue(t.app.db, 'other.queued', {});
    const res = await t.app.inject({ method: 'GET', url: '/fr/admin/jobs?status=queued', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Tâches en attente, les plus récentes d’abord');
    expect(res.body).toContain('<code>other.queued</code>');
    expect(res.body).not.toContain('/retry');
    const bad = await t.app.inject({ method: 'GET', url: '/en/admin/jobs?status=everything', headers: { cookie: adminCookie } });
    expect(bad.statusCode).toBe(400);
  });

  it('pages through jobs by keyset', async () => {
    const ids: number[] = [];
    for (let n = 0; n < 52; n++) ids.push(await enqueue(t.app.db, 'page.me', { n }));
    const first = await t.app.inject({ method: 'GET', url: '/en/admin/jobs?status=queued', headers: { cookie: adminCookie } });
    const next = /href="(\/en\/admin\/jobs\?status=queued&amp;before=(\d+))" rel="next"/.exec(first.body);
    expect(next?.[2]).toBe(String(ids[2]));
    const second = await t.app.inject({ method: 'GET', url: next![1]!.replace('&amp;', '&'), headers: { cookie: adminCookie } });
    expect(second.body).toContain(`<th scope="row">${ids[1]}</th>`);
    expect(second.body).toContain(`<th scope="row">${ids[0]}</th>`);
    expect(second.body).not.toContain(`<th scope="row">${ids[2]}</th>`);
    expect(second.body).not.toContain('rel="next"');
  });

  it('retry needs a CSRF token, then puts the job back in the queue and says so', async () => {
    const id = await addDeadJob();
    const page = await t.app.inject({ method: 'GET', url: '/en/admin/jobs', headers: { cookie: adminCookie } });
    const { token, cookie } = formSession(page);

    const noToken = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${id}/retry`,
      headers: { cookie: `${adminCookie}; ${cookie}` },
      payload: {},
    });
    expect(noToken.statusCode).toBe(403);
    expect(await status(id)).toEqual({ status: 'dead', attempts: 5 });

    const wrongToken = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${id}/retry`,
      headers: { cookie: `${adminCookie}; ${cookie}` },
      payload: { _csrf: 'forged' },
    });
    expect(wrongToken.statusCode).toBe(403);
    expect(await status(id)).toEqual({ status: 'dead', attempts: 5 });

    const ok = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${id}/retry`,
      headers: { cookie: `${adminCookie}; ${cookie}` },
      payload: { _csrf: token },
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`/en/admin/jobs?status=dead&retried=${id}`);
    expect(await status(id)).toEqual({ status: 'queued', attempts: 0 });
    const audit = await t.app.db.selectFrom('audit_log').select(['action', 'subject_id']).where('action', '=', 'admin.retry_job').execute();
    expect(audit).toContainEqual({ action: 'admin.retry_job', subject_id: String(id) });

    const again = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${id}/retry`,
      headers: { cookie: `${adminCookie}; ${cookie}` },
      payload: { _csrf: token },
    });
    expect(again.statusCode).toBe(303);

    const confirmed = await t.app.inject({ method: 'GET', url: ok.headers.location as string, headers: { cookie: adminCookie } });
    expect(confirmed.body).toContain(`role="status"`);
    expect(confirmed.body).toContain(`Job ${id} is back in the queue`);

    const missing = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/999999/retry`,
      headers: { cookie: `${adminCookie}; ${cookie}` },
      payload: { _csrf: token },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('retry is refused to a citizen holding a valid CSRF token', async () => {
    const id = await addDeadJob();
    const page = await t.app.inject({ method: 'GET', url: '/en/admin/jobs', headers: { cookie: adminCookie } });
    const { token, cookie } = formSession(page);
    const res = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${id}/retry`,
      headers: { cookie: `${citizenCookie}; ${cookie}` },
      payload: { _csrf: token },
    });
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/en/admin/jobs/${id}/retry`,
      headers: { cookie },
      payload: { _csrf: token },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await status(id)).toEqual({ status: 'dead', attempts: 5 });
  });

  it('the outbox does not exist outside development', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/en/admin/outbox', headers: { cookie: adminCookie } });
    expect(res.statusCode).toBe(404);
    const jobs = await t.app.inject({ method: 'GET', url: '/en/admin/jobs', headers: { cookie: adminCookie } });
    expect(jobs.body).not.toContain('/admin/outbox');
  });
});

describeEachDatabase('admin outbox in development', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { isDev: true } });
  });
  afterAll(() => t.close());

  it('shows the outbox to admins only, newest first, with the text in a <pre>', async () => {
    const db = t.app.db;
    const admin = await createUserWithRoles(db, {
      email: 'admin@example.org',
      displayName: 'Admin',
      password: 'a long enough password',
      locale: 'en',
      roles: [{ role: 'admin' }],
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    const citizen = await createUserWithRoles(db, {
      email: 'c@example.org',
      displayName: 'C',
      password: 'a long enough password',
      locale: 'en',
      roles: [],
    });
    await db
      .insertInto('mail_outbox')
      .values([
        {
          to_address: 'first@example.org',
          subject: 'Older message',
          text_body: 'one',
          html_body: null,
          created_at: nowIso(new Date(Date.now() - 60_000)),
        },
        {
          to_address: 'second@example.org',
          subject: 'Newer <message>',
          text_body: 'Line 1\nLine 2 <script>',
          html_body: null,
          created_at: nowIso(),
        },
      ])
      .execute();

    expect((await t.app.inject({ method: 'GET', url: '/en/admin/outbox' })).statusCode).toBe(401);
    const asCitizen = await t.app.inject({
      method: 'GET',
      url: '/en/admin/outbox',
      headers: { cookie: `ecoop_session=${await createSession(db, citizen)}` },
    });
    expect(asCitizen.statusCode).toBe(403);

    const res = await t.app.inject({
      method: 'GET',
      url: '/fr/admin/outbox',
      headers: { cookie: `ecoop_session=${await createSession(db, admin)}` },
    });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('Boîte d’envoi');
    expect(html).toContain('second@example.org');
    expect(html).toContain('Newer &lt;message>');
    expect(html).toContain('<pre class="mail-message__body">Line 1\nLine 2 &lt;script></pre>');
    expect(html.indexOf('Newer')).toBeLessThan(html.indexOf('Older message'));
    expect(html).toContain('aria-current="page"');
  });
});
