/**
 * Generates the bench dataset into a migrated, empty database: every generator of
 * generators/index.ts in order, seeded so the same scale and seed give the same rows.
 *
 * Standalone: `npx tsx bench/generate.ts --scale city --database sqlite:/tmp/city.sqlite` (or a
 * postgres:// URL whose schema is empty) migrates and fills a database you can then serve yourself.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDatabase, type DatabaseHandle } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { GENERATORS, type Dataset, type DatasetGenerator } from './generators/index.js';
import { Rng } from './random.js';
import { parseScale, type Scale } from './scale.js';

/** The dataset's fixed "now": generated timestamps fall before it. */
export const DATASET_NOW = new Date('2026-11-01T09:00:00.000Z');

export interface GenerateOptions {
  scale: Scale;
  /** PRNG seed (default "ecoop"). */
  seed?: string;
  log?: (message: string) => void;
  /** Replaces the registry (tests). */
  generators?: readonly DatasetGenerator[];
}

/** What was generated: counts and samples (not ids), and how long each generator took. */
export interface DatasetSummary {
  scale: Scale;
  seed: string;
  counts: Record<string, number>;
  samples: Record<string, string[]>;
  timings: Record<string, number>;
  totalMs: number;
}

/** Fills the database; refuses one that already has content, so nothing existing is ever mixed in. */
export async function generateDataset(handle: DatabaseHandle, options: GenerateOptions): Promise<DatasetSummary> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 'ecoop';
  const existing = await handle.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const services = await handle.db
    .selectFrom('services')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0 || Number(services.n) > 0)
    throw new Error('The bench dataset goes into an empty database; this one has users or services.');

  const dataset: Dataset = { counts: {}, ids: {}, samples: {} };
  const timings: Record<string, number> = {};
  const started = performance.now();
  log(`Generating the ${options.scale.name} dataset (×${options.scale.factor} of city scale, seed "${seed}") on ${handle.dialect}…`);
  for (const generator of options.generators ?? GENERATORS) {
    const t0 = performance.now();
    const before = new Set(Object.keys(dataset.counts));
    await generator.generate({
      handle,
      db: handle.db,
      factor: options.scale.factor,
      rng: Rng.derive(seed, generator.name),
      dataset,
      now: DATASET_NOW,
      log,
    });
    timings[generator.name] = Math.round(performance.now() - t0);
    const added = Object.entries(dataset.counts).filter(([table]) => !before.has(table));
    log(
      `  ${generator.name.padEnd(10)} ${String(timings[generator.name]).padStart(6)} ms  ${added.map(([t, n]) => `${n.toLocaleString('en')} ${t}`).join(', ')}`,
    );
  }
  if (handle.dialect === 'postgres') {
    // Fresh planner statistics, as autovacuum would have gathered on a live database.
    const t0 = performance.now();
    for (const table of Object.keys(dataset.counts)) await sql.raw(`analyze "${table}"`).execute(handle.db);
    log(`  analyze    ${String(Math.round(performance.now() - t0)).padStart(6)} ms`);
  }
  const totalMs = Math.round(performance.now() - started);
  log(`Dataset generated in ${(totalMs / 1000).toFixed(1)} s.`);
  return { scale: options.scale, seed, counts: dataset.counts, samples: dataset.samples, timings, totalMs };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { scale: { type: 'string' }, database: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
  });
  if (!values.database)
    throw new Error('Usage: tsx bench/generate.ts --scale tiny|small|city|<factor> --database sqlite:<file>|postgres://… [--seed S]');
  const database = values.database.startsWith('postgres')
    ? ({ dialect: 'postgres', url: values.database } as const)
    : ({ dialect: 'sqlite', file: values.database.replace(/^sqlite:/, '') } as const);
  const handle = createDatabase(database);
  try {
    await migrateToLatest(handle.db);
    await generateDataset(handle, { scale: parseScale(values.scale), ...(values.seed ? { seed: values.seed } : {}), log: console.log });
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && /bench[\\/]generate\.ts$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
