/**
 * Opens the database named by the config: an embedded SQLite file (WAL) by default, or PostgreSQL
 * when DATABASE_URL says so. Returns a Kysely instance tagged with its dialect (see dialect.ts) and
 * a query counter that tests use to prove there is no N+1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.js';
import type { DialectName } from './dialect.js';
import { SQLite, type SQLiteDatabase } from './sqlite-driver.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: DialectName;
  /** Number of queries run so far (for tests that assert a bounded number of queries). */
  queryCount(): number;
  /** Whether the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The raw better-sqlite3 handle (SQLite only), used for online backups. */
  readonly sqlite?: SQLiteDatabase;
}

// PostgreSQL returns int8 (count(*), sums) as strings; our counts fit in a JS number.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number.parseInt(v, 10);
    if (oid === 1700) return (v: string) => Number.parseFloat(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** Opens the configured database. The caller owns the handle and must close it. */
export function createDatabase(database: Config['database'], options: { poolSize?: number } = {}): DatabaseHandle {
  let count = 0;
  const log = (event: LogEvent) => {
    if (event.level === 'query') count++;
  };
  if (database.dialect === 'sqlite') {
    if (database.file !== ':memory:') fs.mkdirSync(path.dirname(database.file), { recursive: true });
    const sqlite = new SQLite(database.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), log });
    return {
      db,
      dialect: 'sqlite',
      sqlite,
      queryCount: () => count,
      ping: async () => {
        try {
          sqlite.prepare('select 1').get();
          return true;
        } catch {
          return false;
        }
      },
      close: () => db.destroy(),
    };
  }
  const pool = new pg.Pool({
    connectionString: database.url,
    max: options.poolSize ?? 10,
    types: pgTypes,
    // Tests isolate each file in its own schema; pg_trgm stays in public.
    ...(database.schema ? { options: `-c search_path=${database.schema},public` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
  return {
    db,
    dialect: 'postgres',
    queryCount: () => count,
    ping: async () => {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * Kysely's SQLite driver prepares every statement anew on each query; preparing costs more than
 * running most of ours. Queries built by the app have a bounded set of SQL texts, so prepared
 * statements are kept (LRU) and reused. Safe because Kysely runs one query at a time per connection
 * and never leaves a statement mid-iteration between queries.
 */
function withStatementCache(sqlite: SQLiteDatabase, max = 500): SqliteDatabase {
  const cache = new Map<string, ReturnType<SQLiteDatabase['prepare']>>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (statement) {
        cache.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, statement);
      return statement as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}
