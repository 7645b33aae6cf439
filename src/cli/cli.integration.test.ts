/** The `ecoop` command, run in-process against a temporary data folder. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqlite } from '../db/sqlite-driver.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './main.js';

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: { log: (s: string) => lines.push(s), error: (s: string) => errors.push(s) }, lines, errors };
}

describe('ecoop CLI', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-cli-'));
    env = { DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test' };
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates, then says the database is up to date', async () => {
    const c = capture();
    expect(await runCli(['migrate'], env, c.out)).toBe(0);
    expect(c.lines.join('\n')).toMatch(/Applied \d+ migration/);
    const again = capture();
    expect(await runCli(['migrate'], env, again.out)).toBe(0);
    expect(again.lines.join('\n')).toContain('up to date');
  });

  it('creates an administrator, refuses a short password, and is idempotent', async () => {
    const bad = capture();
    expect(await runCli(['create-admin', '--email', 'boss@example.org', '--password', 'short'], env, bad.out)).toBe(2);
    expect(bad.errors.join('\n')).toMatch(/--password/);
    const ok = capture();
    expect(await runCli(['create-admin', '--email', 'Boss@Example.org', '--password', 'a long enough password'], env, ok.out)).toBe(0);
    expect(ok.lines.join('\n')).toContain('created');
    const again = capture();
    expect(await runCli(['create-admin', '--email', 'boss@example.org', '--password', 'another long password'], env, again.out)).toBe(0);
    expect(again.lines.join('\n')).toContain('already existed');
    const db = openSqlite(path.join(dir, 'ecoop.sqlite'), { readonly: true });
    const users = db.prepare('select u.email, r.role from users u join user_roles r on r.user_id = u.id').all();
    const audit = db.prepare("select count(*) as n from audit_log where action = 'accounts.create_admin'").get() as { n: number };
    db.close();
    expect(users).toEqual([{ email: 'boss@example.org', role: 'admin' }]);
    expect(audit.n).toBe(2);
  });

  it('refuses unknown commands and missing options with usage (exit 2)', async () => {
    const c = capture();
    expect(await runCli(['frobnicate'], env, c.out)).toBe(2);
    expect(c.errors.join('\n')).toContain('Usage: ecoop');
    expect(await runCli(['create-admin', '--email', 'x@example.org'], env, capture().out)).toBe(2);
    expect(await runCli(['backup'], env, capture().out)).toBe(2);
    expect(await runCli(['create-admin', '--nope'], env, capture().out)).toBe(2);
  });

  it('reports every invalid setting and exits 1', async () => {
    const c = capture();
    expect(await runCli(['migrate'], { ...env, PORT: 'x', RATE_LIMITS: 'perhaps' }, c.out)).toBe(1);
    expect(c.errors.join('\n')).toMatch(/PORT[\s\S]*RATE_LIMITS/);
  });

  it('seeds the demo territory and backs the SQLite database up online', async () => {
    expect(await runCli(['seed'], env, capture().out)).toBe(0);
    const target = path.join(dir, 'backups', 'copy.sqlite');
    const c = capture();
    expect(await runCli(['backup', '--to', target], env, c.out)).toBe(0);
    const copy = openSqlite(target, { readonly: true });
    const n = (copy.prepare('select count(*) as n from organisations').get() as { n: number }).n;
    copy.close();
    expect(n).toBe(4);
    // Never overwrites an existing file.
    expect(await runCli(['backup', '--to', target], env, capture().out)).toBe(1);
  });

  it('explains pg_dump instead of backing up PostgreSQL', async () => {
    const c = capture();
    expect(
      await runCli(['backup', '--to', path.join(dir, 'x')], { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, c.out),
    ).toBe(1);
    expect(c.errors.join('\n')).toContain('pg_dump');
  });
});
