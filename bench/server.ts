/**
 * The bench's two resources: a database it creates (a temporary SQLite file, or a fresh schema on
 * a PostgreSQL server, dropped at the end — nothing else there is touched) and E-COOP itself,
 * built and started in production mode as a child process on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../src/config.js';

export interface BenchDatabase {
  dialect: 'sqlite' | 'postgres';
  /** For createDatabase() in this process. */
  config: Config['database'];
  /** The environment that points the app at it. */
  env: { DATA_DIR: string; DATABASE_URL: string };
  /** Where it is, for humans (no password). */
  label: string;
  /** Removes what was created (idempotent). */
  cleanup(): Promise<void>;
  /** The part of cleanup that can run synchronously (at process exit). */
  cleanupSync(): void;
}

/** Creates the bench database: a temp SQLite file (no argument) or a new schema on `postgres://…`. */
export async function createBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-bench-'));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!url) {
    const file = path.join(dataDir, 'ecoop.sqlite');
    return {
      dialect: 'sqlite',
      config: { dialect: 'sqlite', file },
      env: { DATA_DIR: dataDir, DATABASE_URL: `sqlite:${file}` },
      label: file,
      cleanup: async () => removeDir(),
      cleanupSync: removeDir,
    };
  }
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('--database takes a postgres:// URL (default: a temporary SQLite file)');
  const parsed = new URL(url);
  if (parsed.searchParams.has('options')) throw new Error('--database: the URL must not set "options" (the bench sets search_path itself)');
  const schema = `ecoop_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // pg_trgm lives in public, shared by every schema (as in the tests), so that dropping our schema never drops it.
    await admin.query('create extension if not exists pg_trgm schema public');
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  parsed.searchParams.set('options', `-c search_path=${schema},public`);
  let dropped = false;
  const label = `${parsed.host}${parsed.pathname} (schema ${schema})`;
  return {
    dialect: 'postgres',
    config: { dialect: 'postgres', url, schema },
    env: { DATA_DIR: dataDir, DATABASE_URL: parsed.toString() },
    label,
    cleanup: async () => {
      removeDir();
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
    },
    cleanupSync: () => {
      removeDir();
      if (!dropped) process.stderr.write(`The PostgreSQL schema ${schema} was left behind: drop schema ${schema} cascade;\n`);
    },
  };
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Lines the server printed (last 200). */
  output: string[];
  /** Stops the server: SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Kills at once (process exit). */
  killSync(): void;
}

/** Starts `bin/ecoop.js serve` in production mode against the bench database and waits for /readyz. */
export async function startApp(
  root: string,
  database: BenchDatabase,
  log: (line: string) => void,
  /** Node's own options for the app (`--cpu-prof …` when profiling). */
  nodeArgs: string[] = [],
): Promise<AppProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    RATE_LIMITS: 'off',
    DEMO_DATA: 'off',
    LOG_LEVEL: 'warn',
    JOBS_WORKER: 'on',
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: `http://127.0.0.1:${port}`,
    ...database.env,
  };
  // The runner itself runs under tsx; the app runs the plain build.
  delete env.NODE_OPTIONS;
  delete env.TSX_TSCONFIG_PATH;
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, path.join(root, 'bin/ecoop.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  let echoed = 0;
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 200) output.shift();
      // Warnings and errors from the server are worth seeing, but not thousands of them.
      if (/"level":(40|50|60)/.test(line) && echoed < 10) {
        echoed++;
        log(`  [server] ${line.slice(0, 300)}`);
      }
    }
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`E-COOP exited before it was ready:\n${output.slice(-30).join('\n')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`E-COOP was not ready after 60 s:\n${output.slice(-30).join('\n')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    baseUrl,
    pid: child.pid!,
    output,
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
    killSync: () => {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
