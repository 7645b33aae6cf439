/**
 * Kysely's "split building, compiling and executing" recipe, for the few queries run on nearly every
 * request (the session read): building and compiling such a query costs more than SQLite takes to
 * run it, so it is built and compiled once per database handle, then run with each request's values.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import type { Db } from './database.js';

/**
 * A query built once per database handle by `build`, from `placeholders` (distinct values that
 * stand for the arguments, in order), then run with real values. Every parameter of the compiled
 * SQL that equals a placeholder takes the matching value; any other parameter stays as built. A
 * placeholder the SQL does not hold is a mistake in `build`, and throws.
 */
export function compiledOnce<A extends readonly (string | number)[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
  ...placeholders: NoInfer<A>
): (db: Db, ...values: A) => Promise<R[]> {
  if (new Set(placeholders).size !== placeholders.length) throw new Error('compiledOnce: the placeholders must be distinct');
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; slots: number[] }>();
  const compile = (db: Db) => {
    const query = build(db, ...placeholders).compile();
    // For each parameter, which argument it stands for (-1: a constant of the query).
    const slots = query.parameters.map((p) => placeholders.indexOf(p as A[number]));
    placeholders.forEach((p, i) => {
      if (!slots.includes(i)) throw new Error(`compiledOnce: placeholder ${String(p)} is not in the query`);
    });
    const entry = { query, slots };
    compiled.set(db, entry);
    return entry;
  };
  return async (db, ...values) => {
    const { query, slots } = compiled.get(db) ?? compile(db);
    const parameters = query.parameters.map((p, i) => (slots[i]! >= 0 ? values[slots[i]!] : p));
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
}
