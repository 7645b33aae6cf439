/** `ecoop create-user` and `ecoop api-token create`, run in-process against a test database (both dialects). */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../test/support.js';
import { verifyPassword } from '../modules/accounts/index.js';
import { runCli } from './main.js';

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: { log: (s: string) => lines.push(s), error: (s: string) => errors.push(s) }, lines, errors };
}

describeEachDatabase('ecoop create-user and api-token', (dialect) => {
  let t: TestApp;
  let env: Record<string, string>;
  const db = () => t.app.db;
  const countUsers = async () =>
    Number(
      (
        await db()
          .selectFrom('users')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = async (args: string[]) => {
    const c = capture();
    const code = await runCli(args, env, c.out);
    return { code, ...c };
  };

  beforeAll(async () => {
    // The demo territory provides organisations and places to scope roles to.
    t = await createTestApp(dialect, { seed: true });
    const database = t.database.databaseConfig;
    env = {
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      DATABASE_URL:
        database.dialect === 'sqlite'
          ? `sqlite:${database.file}`
          : `${database.url}${database.url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${database.schema},public`)}`,
    };
  }, 60_000);
  afterAll(() => t.close());

  it('creates a user with roles, scoped roles and a verified email, while the app runs', async () => {
    const r = await run([
      'create-user',
      '--email',
      'Nadia@Example.org',
      '--password',
      'eight ch',
      '--name',
      'Nadia Haddad',
      '--role',
      'helper',
      '--role',
      'official:family-allowance-office',
      '--role',
      'mediator:mediatheque-saint-aubin',
      '--verified',
    ]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.lines.join('\n')).toContain('User Nadia@Example.org created');
    const user = await db().selectFrom('users').selectAll().where('email', '=', 'nadia@example.org').executeTakeFirstOrThrow();
    expect(user.display_name).toBe('Nadia Haddad');
    expect(user.email_verified_at).not.toBeNull();
    const roles = await db()
      .selectFrom('user_roles')
      .select(['role', 'scope_type'])
      .where('user_id', '=', user.id)
      .orderBy('role')
      .execute();
    expect(roles).toEqual([
      { role: 'citizen', scope_type: '' },
      { role: 'helper', scope_type: '' },
      { role: 'mediator', scope_type: 'place' },
      { role: 'official', scope_type: 'organisation' },
    ]);
    const audit = await db().selectFrom('audit_log').select('action').where('subject_id', '=', String(user.id)).execute();
    expect(audit.map((a) => a.action)).toContain('accounts.create_user');
    expect(await verifyPassword(user.password_hash!, 'eight ch')).toBe(true);
  });

  it('leaves the email unverified without --verified and names the user after the email', async () => {
    expect((await run(['create-user', '--email', 'plain@example.org', '--password', 'long enough password'])).code).toBe(0);
    const user = await db().selectFrom('users').selectAll().where('email', '=', 'plain@example.org').executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeNull();
    expect(user.display_name).toBe('plain');
  });

  it('refuses bad input with exit 2 and clear messages, writing nothing', async () => {
    const before = await countUsers();
    const cases: [string[], RegExp][] = [
      [['create-user', '--email', 'x@example.org'], /needs --email and --password/],
      [['create-user', '--email', 'not-an-email', '--password', 'long enough password'], /--email: must be an email/],
      [['create-user', '--email', 'x@example.org', '--password', 'short'], /--password: must be at least 8/],
      [['create-user', '--email', 'x@example.org', '--password', 'x'.repeat(129)], /--password: must be at most 128/],
      [['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--role', 'king'], /"king" is not a role/],
      [['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--role', 'official'], /needs the organisation/],
      [['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--role', 'mediator'], /needs the place/],
      [
        ['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--role', 'official:no-such-org'],
        /no organisation has the slug "no-such-org"/,
      ],
      [
        ['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--role', 'mediator:family-allowance-office'],
        /no place has the slug/,
      ],
      [['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--role', 'admin:x'], /applies everywhere/],
      [['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--nope'], /Unknown option/],
      [['create-user', '--email', 'plain@example.org', '--password', 'long enough password'], /already exists/],
      [['create-user', '--email', 'x@example.org', '--password', 'long enough password', '--name', '  '], /--name: must not be empty/],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.errors.join('\n'), args.join(' ')).toMatch(message);
      expect(r.lines, args.join(' ')).toEqual([]);
    }
    // Several problems are reported together.
    const many = await run(['create-user', '--email', 'bad', '--password', 'short', '--role', 'king']);
    expect(many.errors.join('\n')).toMatch(/--email[\s\S]*--password[\s\S]*--role/);
    expect(await countUsers()).toBe(before);
  });

  it('api-token create prints only a working token on stdout, stored as a hash', async () => {
    const r = await run(['api-token', 'create', '--email', 'nadia@example.org', '--name', 'deploy script']);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    const token = r.lines[0]!;
    expect(token).toMatch(/^ecoop_[A-Za-z0-9_-]{43}$/);
    const row = await db().selectFrom('api_tokens').selectAll().where('name', '=', 'deploy script').executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const me = await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    // Without two-factor authentication (not set up yet), official and mediator are not in effect.
    expect(me.json()).toMatchObject({ displayName: 'Nadia Haddad' });
    expect(me.json<{ roles: string[] }>().roles).not.toEqual(expect.arrayContaining(['official']));
    expect(me.json<{ roles: string[] }>().roles).not.toEqual(expect.arrayContaining(['mediator']));
    const audit = await db()
      .selectFrom('audit_log')
      .select('data')
      .where('action', '=', 'accounts.api_token_create')
      .where('subject_id', '=', String(row.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.data)).toMatchObject({ via: 'cli', name: 'deploy script' });
  });

  it('api-token create: exit 1 for an unknown account, 2 for bad usage; nothing written', async () => {
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('api_tokens')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const unknown = await run(['api-token', 'create', '--email', 'nobody@example.org', '--name', 'x']);
    expect(unknown.code).toBe(1);
    expect(unknown.lines).toEqual([]);
    expect(unknown.errors.join('\n')).toContain('nobody@example.org');
    await run(['create-user', '--email', 'blocked@example.org', '--password', 'long enough password']);
    await db().updateTable('users').set({ blocked_at: new Date().toISOString() }).where('email', '=', 'blocked@example.org').execute();
    const blocked = await run(['api-token', 'create', '--email', 'blocked@example.org', '--name', 'x']);
    expect(blocked.code).toBe(1);
    expect(blocked.errors.join('\n')).toContain('blocked');
    for (const args of [
      ['api-token'],
      ['api-token', 'list'],
      ['api-token', 'create', '--email', 'nadia@example.org'],
      ['api-token', 'create', '--email', 'nadia@example.org', '--name', ''],
      ['api-token', 'create', '--email', 'nadia@example.org', '--name', 'x'.repeat(61)],
      ['api-token', 'create', '--email', 'nadia@example.org', '--name', 'x', '--role', 'admin'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.lines, args.join(' ')).toEqual([]);
    }
    expect(await count()).toBe(before);
  });
});
