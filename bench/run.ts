/**
 * `npm run bench`: builds E-COOP, generates a dataset into a fresh database, starts the app in
 * production mode as a child process on 127.0.0.1, then loads every page of pages.ts with
 * autocannon (anonymous and logged in) and checks the results against DESIGN.md's budgets.
 * Writes bench/results/latest.json. See bench/README.md.
 *
 *   npm run bench -- [--scale tiny|small|city|<factor>] [--duration 10] [--connections 50]
 *                    [--database postgres://…] [--only <text>] [--seed S] [--keep] [--strict] [--profile]
 *                    [--mode anon|logged-in]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createUserWithRoles } from '../src/modules/accounts/index.js';
import { createSession, sessionCookieName } from '../src/platform/session.js';
import { BUDGETS, evaluateBudgets, type Mode } from './budgets.js';
import { generateDataset, type DatasetSummary } from './generate.js';
import { BENCH_EMAIL_DOMAIN, BENCH_PASSWORD, BENCH_TOTP_SECRET } from './generators/accounts.js';
import {
  fetchOnce,
  keepCookies,
  pageWeight,
  processCpuMs,
  processRssMb,
  runLoad,
  stopActiveLoad,
  type LoadResult,
  type PageWeight,
} from './load.js';
import { PAGES, resolvePath, type BenchPage } from './pages.js';
import { formatTable, type ResultRow } from './report.js';
import { parseScale } from './scale.js';
import { createBenchDatabase, startApp, type AppProcess, type BenchDatabase } from './server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (line: string) => console.log(line);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export interface RunOptions {
  scale: ReturnType<typeof parseScale>;
  durationS: number;
  connections: number;
  database: string | undefined;
  only: string | undefined;
  seed: string;
  keep: boolean;
  strict: boolean;
  /** Write the app's CPU profile (V8's `.cpuprofile`) into bench/results/profiles/. */
  profile: boolean;
  /** Load only anonymous or only logged-in rows (and /healthz). */
  mode: Mode | undefined;
}

function modeOption(value: string | undefined): Mode | undefined {
  if (value === undefined || value === 'anon' || value === 'logged-in') return value;
  throw new Error(`--mode must be anon or logged-in; got "${value}"`);
}

function options(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      scale: { type: 'string' },
      duration: { type: 'string' },
      connections: { type: 'string' },
      database: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string' },
      keep: { type: 'boolean' },
      strict: { type: 'boolean' },
      profile: { type: 'boolean' },
      mode: { type: 'string' },
    },
    strict: true,
  });
  const positive = (name: string, value: string | undefined, fallback: number, max: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max) throw new Error(`--${name} must be a number in (0, ${max}]; got "${value}"`);
    return n;
  };
  return {
    scale: parseScale(values.scale),
    durationS: positive('duration', values.duration, 10, 600),
    connections: Math.round(positive('connections', values.connections, 50, 1000)),
    database: values.database,
    only: values.only,
    seed: values.seed ?? 'ecoop',
    keep: values.keep ?? false,
    strict: values.strict ?? false,
    profile: values.profile ?? false,
    mode: modeOption(values.mode),
  };
}

interface Target {
  path: string;
  mode: Mode;
  /** The request headers of this row (the session cookie of the account it is loaded as). */
  headers: Record<string, string>;
  expectedStatus: number;
  reference: boolean;
  cache: string | null;
  weight: PageWeight | undefined;
}

let app: AppProcess | null = null;
let database: BenchDatabase | null = null;
let keepDatabase = false;
let stopping = false;

let cleaning: Promise<void> | null = null;

/** Stops the load and the app and removes the database; once, however often it is called. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    stopActiveLoad();
    await app?.stop();
    if (database && !keepDatabase) await database.cleanup();
  })();
  return cleaning;
}

/** Thrown between steps once Ctrl-C was pressed. */
class Interrupted extends Error {}
const checkpoint = () => {
  if (stopping) throw new Interrupted('interrupted');
};

async function main(): Promise<number> {
  const opts = options(process.argv.slice(2));
  keepDatabase = opts.keep;
  const started = Date.now();
  const loadAtStart = os.loadavg();

  log('Building E-COOP…');
  const t0 = Date.now();
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const buildMs = Date.now() - t0;

  database = await createBenchDatabase(opts.database);
  log(`Database: ${database.dialect}, ${database.label}`);
  let dataset: DatasetSummary;
  {
    const handle = createDatabase(database.config);
    try {
      const t1 = Date.now();
      await migrateToLatest(handle.db);
      log(`Migrated in ${Date.now() - t1} ms.`);
      dataset = await generateDataset(handle, { scale: opts.scale, seed: opts.seed, log });
    } finally {
      await handle.close();
    }
  }

  log('Starting E-COOP (production mode)…');
  const t2 = Date.now();
  const profiles = path.join(root, 'bench/results/profiles');
  app = await startApp(root, database, log, opts.profile ? ['--cpu-prof', '--cpu-prof-dir', profiles] : []);
  log(`Ready at ${app.baseUrl} in ${Date.now() - t2} ms (pid ${app.pid}).`);

  // A signed-in citizen, with a session row as the sign-in page would create; and, for the pages
  // loaded as an official (`as: 'official'`), an official of the dataset's `officialOrganisation`,
  // with two-factor authentication on, without which the role is not in effect.
  let cookie: string;
  let officialCookie: string | null = null;
  {
    const handle = createDatabase(database.config);
    try {
      const userId = await createUserWithRoles(handle.db, {
        email: `bench-runner@${BENCH_EMAIL_DOMAIN}`,
        displayName: 'Bench Runner',
        password: BENCH_PASSWORD,
        locale: 'en',
        roles: [],
      });
      cookie = `${sessionCookieName(false)}=${await createSession(handle.db, userId)}`;
      const organisation = dataset.samples.officialOrganisation?.[0] ?? dataset.samples.organisation?.[0];
      const scope = organisation
        ? await handle.db.selectFrom('organisations').select('id').where('slug', '=', organisation).executeTakeFirst()
        : undefined;
      if (scope && PAGES.some((p) => p.as === 'official')) {
        const officialId = await createUserWithRoles(handle.db, {
          email: `bench-official@${BENCH_EMAIL_DOMAIN}`,
          displayName: 'Bench Official',
          password: BENCH_PASSWORD,
          locale: 'en',
          roles: [{ role: 'official', scopeType: 'organisation', scopeId: scope.id }],
          twoFactorSecret: BENCH_TOTP_SECRET,
        });
        officialCookie = `${sessionCookieName(false)}=${await createSession(handle.db, officialId)}`;
      }
    } finally {
      await handle.close();
    }
  }
  // Like a browser, each signed-in reader keeps the cookies the app sets: the CSRF secret, which
  // the first page holding a form (the sign-out button) gives them.
  cookie = await keepCookies(`${app.baseUrl}/en/`, cookie);
  if (officialCookie) officialCookie = await keepCookies(`${app.baseUrl}/en/`, officialCookie);
  // Every request says what every browser says: it takes Brotli and gzip (page-cache hits come
  // compressed; the app compresses nothing else, a reverse proxy does).
  const browser = { 'accept-encoding': 'gzip, deflate, br' };
  const headersFor = (mode: Mode, as: BenchPage['as'] = 'citizen'): Record<string, string> =>
    mode === 'logged-in' ? { ...browser, cookie: as === 'official' && officialCookie ? officialCookie : cookie } : browser;

  // Resolve and probe every page: its status, whether the page cache serves it, its weight.
  const targets: Target[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let sessionChecked = false;
  for (const page of PAGES) {
    const pagePath = resolvePath(page, dataset);
    if (!pagePath) {
      skipped.push({ path: String(page.path), reason: 'no sample in the dataset' });
      continue;
    }
    if (opts.only && !page.reference && !pagePath.includes(opts.only)) continue;
    const expectedStatus = page.status ?? 200;
    if (page.as === 'official' && !officialCookie) {
      skipped.push({ path: pagePath, reason: 'no sample organisation for an official' });
      continue;
    }
    for (const mode of page.modes ?? (['anon', 'logged-in'] as const)) {
      if (opts.mode && !page.reference && mode !== opts.mode) continue;
      const headers = headersFor(mode, page.as);
      const first = await fetchOnce(app.baseUrl + pagePath, headers);
      if (page.upcoming && first.status === 404 && expectedStatus !== 404) {
        if (mode === 'anon') skipped.push({ path: pagePath, reason: 'not served yet (404)' });
        continue;
      }
      if (first.status !== expectedStatus) log(`  ! ${pagePath} (${mode}) answered ${first.status}, expected ${expectedStatus}`);
      const again = await fetchOnce(app.baseUrl + pagePath, headers);
      const isHtml = (again.headers.get('content-type') ?? '').startsWith('text/html');
      if (mode === 'logged-in' && isHtml && !sessionChecked) {
        if (!/no-store/.test(again.headers.get('cache-control') ?? ''))
          throw new Error(`the bench session is not recognised on ${pagePath} (no "cache-control: no-store")`);
        sessionChecked = true;
      }
      targets.push({
        path: pagePath,
        mode,
        headers,
        expectedStatus,
        reference: page.reference ?? false,
        cache: again.headers.get('x-page-cache'),
        weight: isHtml ? await pageWeight(again.body, app.baseUrl) : undefined,
      });
    }
  }

  checkpoint();
  const warmupS = Math.min(3, opts.durationS);
  log(`Warming up (${warmupS} s per mode)…`);
  // One warm-up per account (anonymous, the citizen, the official).
  const groups = new Map<string, Target[]>();
  for (const t of targets) groups.set(t.headers.cookie ?? '', [...(groups.get(t.headers.cookie ?? '') ?? []), t]);
  for (const group of groups.values()) {
    await runLoad({
      url: app.baseUrl,
      connections: Math.min(10, opts.connections),
      durationS: warmupS,
      headers: group[0]!.headers,
      paths: group.map((t) => t.path),
    });
  }

  const ordered = [
    ...targets.filter((t) => t.reference),
    ...targets.filter((t) => !t.reference && t.mode === 'anon'),
    ...targets.filter((t) => !t.reference && t.mode === 'logged-in'),
  ];
  log(`Loading ${ordered.length} pages × ${opts.durationS} s at ${opts.connections} connections…`);
  const measured: {
    target: Target;
    load: LoadResult;
    serverCpuMs: number | null;
    elapsedMs: number;
    loadCpu: number;
    /** For an anonymous row: /healthz measured just before it and just after it (see `nearbyHealthz`). */
    healthzAround?: [number, number];
  }[] = [];
  // The anonymous budget is a share of /healthz, the machine's ceiling at the time. On a shared
  // virtual machine that ceiling drifts by a third within a run, so each anonymous row is compared
  // with /healthz loaded for a short while right before it and right after it.
  const referencePath = ordered.find((t) => t.reference)?.path;
  const nearbyS = Math.min(2, opts.durationS);
  const nearbyHealthz = async () =>
    referencePath ? (await runLoad({ url: app!.baseUrl + referencePath, connections: opts.connections, durationS: nearbyS })).rps : null;
  let healthzBefore: number | null = null;
  for (const target of ordered) {
    checkpoint();
    const bracketed = target.mode === 'anon' && !target.reference && referencePath !== undefined;
    if (bracketed) healthzBefore ??= await nearbyHealthz();
    const cpuBefore = processCpuMs(app.pid);
    const ownBefore = process.cpuUsage();
    const wall = Date.now();
    const load = await runLoad({
      url: app.baseUrl + target.path,
      connections: opts.connections,
      durationS: opts.durationS,
      headers: target.headers,
    });
    const elapsed = Date.now() - wall;
    const cpuAfter = processCpuMs(app.pid);
    const own = process.cpuUsage(ownBefore);
    let healthzAround: [number, number] | undefined;
    if (bracketed && healthzBefore !== null) {
      const after = (await nearbyHealthz())!;
      healthzAround = [healthzBefore, after];
      // What follows this row is what precedes the next one.
      healthzBefore = after;
    }
    measured.push({
      target,
      load,
      serverCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
      elapsedMs: elapsed,
      loadCpu: ((own.user + own.system) / 1000 / elapsed) * 100,
      ...(healthzAround ? { healthzAround } : {}),
    });
    log(`  ${target.path} (${target.mode}): ${Math.round(load.rps).toLocaleString('en')} req/s, p99 ${load.p99Ms} ms`);
    await new Promise((r) => setTimeout(r, 300));
  }
  checkpoint();
  const loadAtEnd = os.loadavg();
  const reference = measured.find((m) => m.target.reference);
  // /healthz again at the end: the two runs bracket the others, their gap is the run's noise, and
  // their mean is the reference.
  const healthzFirst = reference?.load.rps ?? Number.NaN;
  let healthzAgain: number | null = null;
  if (reference) {
    healthzAgain = (await runLoad({ url: app.baseUrl + reference.target.path, connections: opts.connections, durationS: opts.durationS }))
      .rps;
  }
  const healthzRps = healthzAgain === null ? healthzFirst : (healthzFirst + healthzAgain) / 2;
  const serverRssMb = processRssMb(app.pid);

  const rows: ResultRow[] = measured.map(({ target, load, serverCpuMs, elapsedMs, loadCpu, healthzAround }) => {
    const reference = healthzAround ? (healthzAround[0] + healthzAround[1]) / 2 : healthzRps;
    const unexpected = Object.entries(load.statuses).reduce(
      (n, [code, count]) => (Number(code) === target.expectedStatus ? n : n + count),
      0,
    );
    const errors = unexpected + load.connectionErrors;
    const weight = target.weight;
    return {
      path: target.path,
      mode: target.mode,
      expectedStatus: target.expectedStatus,
      rps: load.rps,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      ratio: load.rps / reference,
      healthzRps: reference,
      requests: load.requests,
      statuses: load.statuses,
      errors,
      cache: target.cache,
      ...(weight
        ? { htmlBytes: weight.htmlBytes, htmlGzip: weight.htmlGzip, totalGzip: weight.totalGzip, thirdParty: weight.thirdParty }
        : {}),
      serverCpu: serverCpuMs === null ? null : (serverCpuMs / elapsedMs) * 100,
      loadCpu,
      cpuPerRequestUs: serverCpuMs === null || load.requests === 0 ? null : (serverCpuMs * 1000) / load.requests,
      verdict: evaluateBudgets(
        {
          mode: target.mode,
          reference: target.reference,
          rps: load.rps,
          p99Ms: load.p99Ms,
          errors,
          compressedBytes: weight?.totalGzip,
          thirdParty: weight?.thirdParty,
        },
        reference,
      ),
    };
  });

  log('');
  log(
    `E-COOP bench — scale ${opts.scale.name}, ${database.dialect}, ${opts.connections} connections, ${opts.durationS} s per page, ${os.cpus().length} CPUs, Node ${process.version}`,
  );
  log(
    `Dataset: ${Object.entries(dataset.counts)
      .map(([t, n]) => `${n.toLocaleString('en')} ${t}`)
      .join(', ')} (generated in ${seconds(dataset.totalMs)})`,
  );
  log('');
  log(formatTable(rows));
  log('');
  if (healthzAgain !== null)
    log(
      `/healthz: ${Math.round(healthzFirst).toLocaleString('en')} req/s first, ${Math.round(healthzAgain).toLocaleString('en')} at the end ` +
        `(${(((healthzAgain - healthzFirst) / healthzFirst) * 100).toFixed(1)}%: the run's noise).`,
    );
  const nearby = measured.flatMap((m) => m.healthzAround ?? []);
  if (nearby.length > 0)
    log(
      `×healthz of an anonymous row is relative to /healthz loaded for ${nearbyS} s just before it and just after it ` +
        `(from ${Math.round(Math.min(...nearby)).toLocaleString('en')} to ${Math.round(Math.max(...nearby)).toLocaleString('en')} req/s in this run).`,
    );
  if (serverRssMb !== null) log(`Server memory at the end: ${serverRssMb} MB RSS.`);
  const busy = Math.max(loadAtStart[0]!, loadAtEnd[0]!) - 2;
  if (busy > os.cpus().length * 0.5) {
    log(
      `⚠ The machine was busy (load average ${loadAtStart[0]!.toFixed(1)} before, ${loadAtEnd[0]!.toFixed(1)} after, on ${os.cpus().length} CPUs): req/s and latencies are understated; µs/req is the steadier figure.`,
    );
  }
  for (const s of skipped) log(`Skipped ${s.path}: ${s.reason}.`);
  const failed = rows.filter((r) => !r.verdict.ok);
  log(failed.length ? `✗ ${failed.length} of ${rows.length} rows break a budget.` : `✓ Every row is within budget.`);
  log(
    `Budgets (DESIGN.md): anonymous ≥ ${BUDGETS.anonymousShareOfHealthz * 100}% of /healthz req/s; logged in ≥ ${BUDGETS.loggedInMinRps} req/s and p99 ≤ ${BUDGETS.loggedInMaxP99Ms} ms; HTML+CSS+JS ≤ ${BUDGETS.maxCompressedBytes / 1000} KB gzip; no third-party requests.`,
  );

  const results = {
    timestamp: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? null,
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd },
    },
    options: {
      scale: opts.scale,
      seed: opts.seed,
      durationS: opts.durationS,
      connections: opts.connections,
      database: database.dialect,
      only: opts.only ?? null,
    },
    budgets: BUDGETS,
    timings: { buildMs, generationMs: dataset.totalMs, generators: dataset.timings, totalMs: Date.now() - started },
    dataset: { counts: dataset.counts, samples: dataset.samples },
    healthz: { reference: healthzRps, first: healthzFirst, atEnd: healthzAgain },
    serverRssMb,
    rows,
    skipped,
  };
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(results, null, 2) + '\n';
  fs.writeFileSync(path.join(dir, 'latest.json'), json);
  fs.writeFileSync(path.join(dir, `${opts.scale.name}-${database.dialect}.json`), json);
  log(`Results: bench/results/latest.json (and ${opts.scale.name}-${database.dialect}.json). Total ${seconds(Date.now() - started)}.`);
  if (keepDatabase) log(`Kept the database: ${database.label}`);
  if (opts.profile)
    log('The app writes its CPU profile into bench/results/profiles/ as it stops; `npx tsx bench/profile.ts` summarises it.');
  return opts.strict && failed.length > 0 ? 1 : 0;
}

process.on('exit', () => {
  app?.killSync();
  if (!keepDatabase) database?.cleanupSync();
});
// Ctrl-C reaches the runner more than once (from the terminal and relayed by npm and tsx): the
// first starts the cleanup, later ones are ignored until it is done.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`\n${signal}: stopping…`);
    cleanup().finally(() => process.exit(130));
  });
}

main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (err: unknown) => {
    if (!stopping) console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await cleanup().catch(() => {});
    process.exit(stopping ? 130 : 1);
  },
);
