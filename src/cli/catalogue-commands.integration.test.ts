/** `ecoop import services` and `ecoop export services`, in-process and once as a real process, on a temporary SQLite data folder. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../db/sqlite-driver.js';
import { runCli } from './main.js';

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return { out: { log: (s: string) => lines.push(s), error: (s: string) => errors.push(s) }, lines, errors };
}

const HEADER = 'slug,status,organisation,sector,name_en,summary_en,description_en,channels';

describe('ecoop import / export services', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-cli-catalogue-'));
    env = { DATA_DIR: dir, LOG_LEVEL: 'silent', NODE_ENV: 'test', BASE_URL: 'https://ecoop.example.org' };
    expect(await runCli(['seed'], env, capture().out)).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const count = (slug: string) => {
    const db = openSqlite(path.join(dir, 'ecoop.sqlite'), { readonly: true });
    const n = (db.prepare('select count(*) as n from services where slug = ?').get(slug) as { n: number }).n;
    db.close();
    return n;
  };

  it('exports CSV and JSON-LD to stdout or a file, and re-importing the export changes nothing', async () => {
    const csv = capture();
    expect(await runCli(['export', 'services', '--format', 'csv'], env, csv.out)).toBe(0);
    expect(csv.lines.join('\n')).toMatch(/^identifier,slug,status,/);
    const file = path.join(dir, 'export.jsonld');
    const ld = capture();
    expect(await runCli(['export', 'services', '--format', 'jsonld', '--output', file], env, ld.out)).toBe(0);
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))['@context'].cpsv).toBe('http://purl.org/vocab/cpsv#');
    expect(fs.readFileSync(file, 'utf8')).toContain('https://ecoop.example.org/id/service/');
    const again = capture();
    expect(await runCli(['import', 'services', file], env, again.out)).toBe(0);
    expect(again.lines.join('\n')).toMatch(/created: 0, updated: 0, unchanged: \d+, with problems: 0/);
  });

  it('prints every problem and exits 1 without writing; --skip-invalid writes the valid lines', async () => {
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(
      file,
      `${HEADER}\ncli-good,draft,county-council,education,Good,One.,Two.,phone\ncli-bad,draft,county-council,nowhere,Bad,One.,Two.,phone\n`,
    );
    const c = capture();
    expect(await runCli(['import', 'services', file], env, c.out)).toBe(1);
    const text = c.lines.join('\n');
    expect(text).toContain('line 3, sector: Choose one from the list: this one does not exist');
    expect(text).toContain('Nothing was written');
    expect(count('cli-good')).toBe(0);
    const dry = capture();
    expect(await runCli(['import', 'services', file, '--skip-invalid', '--dry-run'], env, dry.out)).toBe(0);
    expect(dry.lines.join('\n')).toContain('Dry run: nothing was written.');
    expect(count('cli-good')).toBe(0);
    const skip = capture();
    expect(await runCli(['import', 'services', file, '--skip-invalid'], env, skip.out)).toBe(0);
    expect(skip.lines.join('\n')).toContain('created: 1');
    expect(count('cli-good')).toBe(1);
    expect(count('cli-bad')).toBe(0);
  });

  it('refuses wrong usage (exit 2) and unreadable files (exit 1)', async () => {
    expect(await runCli(['import', 'services'], env, capture().out)).toBe(2);
    expect(await runCli(['import', 'workshops', 'x.csv'], env, capture().out)).toBe(2);
    expect(await runCli(['export', 'services'], env, capture().out)).toBe(2);
    expect(await runCli(['export', 'services', '--format', 'xml'], env, capture().out)).toBe(2);
    expect(await runCli(['import', 'services', path.join(dir, 'missing.csv')], env, capture().out)).toBe(1);
    const latin1 = path.join(dir, 'latin1.csv');
    fs.writeFileSync(latin1, Buffer.from([0x73, 0x6c, 0x75, 0x67, 0x0a, 0xe9, 0x0a]));
    const c = capture();
    expect(await runCli(['import', 'services', latin1], env, c.out)).toBe(1);
    expect(c.errors.join('\n')).toContain('not UTF-8');
  });

  it('works as a real command: `tsx src/cli/main.ts export services --format csv`', async () => {
    const { DATABASE_URL: _url, TEST_DATABASE_URL: _test, ...inherited } = process.env;
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'export', 'services', '--format', 'csv'],
      {
        cwd: root,
        env: { ...inherited, ...env },
        maxBuffer: 20 * 1024 * 1024,
      },
    );
    expect(stdout.startsWith('identifier,slug,status,organisation,sector,life_events,name_en,name_fr')).toBe(true);
    expect(stdout).toContain(',cli-good,draft,');
    expect(stdout.endsWith('\r\n')).toBe(true);
  });
});
