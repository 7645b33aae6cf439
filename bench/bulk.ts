/**
 * Fast bulk inserts for the dataset generator. On SQLite, one prepared statement on the raw
 * better-sqlite3 handle, run for every row inside a transaction per batch (hundreds of thousands
 * of rows a second). On PostgreSQL, multi-row INSERTs through Kysely, one transaction per batch.
 * Rows are plain column → value objects exactly as the app's repositories write them.
 */
import type { Insertable } from 'kysely';
import type { DatabaseHandle } from '../src/db/database.js';
import type { Database } from '../src/db/schema.js';

type Value = string | number | bigint | null;

/** PostgreSQL accepts at most 65,535 parameters per statement; stay well below. */
const PG_MAX_PARAMS = 30_000;
const SQLITE_BATCH = 10_000;

/**
 * Inserts rows into a table and returns how many. Every row must have the same columns (those of
 * the first row). `onBatch` is called after each committed batch with the running total.
 */
export async function insertRows<T extends keyof Database & string>(
  handle: DatabaseHandle,
  table: T,
  rows: Iterable<Insertable<Database[T]>>,
  onBatch?: (inserted: number) => void,
): Promise<number> {
  let columns: string[] | null = null;
  let batch: Record<string, Value>[] = [];
  let inserted = 0;
  let flush: (rows: Record<string, Value>[]) => Promise<void> = async () => {};
  let batchSize = SQLITE_BATCH;

  for (const row of rows as Iterable<Record<string, Value>>) {
    if (!columns) {
      columns = Object.keys(row);
      flush = flusher(handle, table, columns);
      batchSize = handle.dialect === 'sqlite' ? SQLITE_BATCH : Math.max(1, Math.floor(PG_MAX_PARAMS / columns.length));
    }
    batch.push(row);
    if (batch.length >= batchSize) {
      await flush(batch);
      inserted += batch.length;
      batch = [];
      onBatch?.(inserted);
    }
  }
  if (batch.length > 0) {
    await flush(batch);
    inserted += batch.length;
    onBatch?.(inserted);
  }
  return inserted;
}

function flusher(handle: DatabaseHandle, table: string, columns: string[]): (rows: Record<string, Value>[]) => Promise<void> {
  if (handle.sqlite) {
    const sqlite = handle.sqlite;
    const statement = sqlite.prepare(
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    const insertAll = sqlite.transaction((rows: Record<string, Value>[]) => {
      for (const row of rows) statement.run(columns.map((c) => row[c] ?? null));
    });
    return async (rows) => insertAll(rows);
  }
  return async (rows) => {
    const complete = rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    // The table name is only known at run time here; the rows were typed by the caller.
    await handle.db.transaction().execute((trx) =>
      trx
        .insertInto(table as any)
        .values(complete as any)
        .execute(),
    );
  };
}

/** The id of every row of a table by its slug (to resolve foreign keys after a bulk insert). */
export async function idsBySlug(
  handle: DatabaseHandle,
  table: 'municipalities' | 'organisations' | 'sectors' | 'life_events' | 'services' | 'places',
): Promise<Map<string, number>> {
  const rows = await handle.db.selectFrom(table).select(['id', 'slug']).orderBy('id').execute();
  return new Map(rows.map((r) => [r.slug, r.id]));
}

/** Prints progress at every quarter of a large insert. */
export function quarterly(log: (message: string) => void, label: string, total: number): (inserted: number) => void {
  let next = 0.25;
  return (inserted) => {
    if (total < 20_000) return;
    while (inserted / total >= next && next <= 1) {
      log(`  ${label}: ${inserted.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      next += 0.25;
    }
  };
}
