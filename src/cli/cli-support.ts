/**
 * What the `ecoop` commands share: where they print (`Out`), option parsing that reports its own
 * errors, and a database opened for one command and closed after it.
 */
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { createDatabase } from '../db/database.js';

export type Out = { log: (s: string) => void; error: (s: string) => void };

export function parse<T extends Record<string, { type: 'string' }>>(
  args: string[],
  options: T,
  out: Out,
): { [K in keyof T]?: string } | null {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as { [K in keyof T]?: string };
  } catch (err) {
    out.error((err as Error).message);
    return null;
  }
}

export async function withDatabase(config: Config, fn: (db: ReturnType<typeof createDatabase>['db']) => Promise<number>): Promise<number> {
  const handle = createDatabase(config.database);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}
