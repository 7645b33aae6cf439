/** Once per test run: make sure pg_trgm exists on the test PostgreSQL (per-file schemas share it), and tidy up. */
import pg from 'pg';

export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL is set but PostgreSQL does not answer at it: ${(err as Error).message}`);
  }
  await client.query('create extension if not exists pg_trgm');
  // Schemas are named test_<epoch seconds>_<random>; drop those a crashed run left over an hour ago
  // (a concurrent run's schemas are younger than that).
  const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where nspname like 'test\\_%'");
  const cutoff = Date.now() / 1000 - 3600;
  for (const { nspname } of rows) {
    const created = Number(/^test_(\d+)_[0-9a-f]+$/.exec(nspname)?.[1] ?? 0);
    if (created && created < cutoff) await client.query(`drop schema if exists "${nspname}" cascade`);
  }
  await client.end();
}
