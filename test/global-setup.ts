/** Once per test run: make sure pg_trgm exists on the test PostgreSQL (per-file schemas share it). */
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
  await client.end();
}
