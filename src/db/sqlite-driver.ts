/**
 * Which better-sqlite3 to load. Version 12 is a classic native addon: it works on Node 20 and 22
 * but aborts on Node 24 (its Statement destructor trips Node 24's ObjectWrap cleanup-hook check,
 * at exit and during garbage collection). Version 13 is rebuilt on Node-API and ships prebuilt
 * binaries, but needs Node 22 or later and crashes on Node 20. E-COOP depends on both (13 under
 * the alias `better-sqlite3-node22`) and loads the one that suits the running Node.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);

/** The better-sqlite3 package for this Node version. */
export const driverPackage: string = Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3-node22' : 'better-sqlite3';

/** The better-sqlite3 Database constructor (same API in versions 12 and 13). */
export const SQLite = require(driverPackage) as typeof BetterSqlite3;
export type SQLiteDatabase = BetterSqlite3.Database;

/** Opens an SQLite file with better-sqlite3 (tests and tools that read a database directly). */
export function openSqlite(file: string, options?: BetterSqlite3.Options): SQLiteDatabase {
  return new SQLite(file, options);
}
