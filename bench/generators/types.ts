/** What a dataset generator is and what it receives. See index.ts for how to add one. */
import type { DatabaseHandle, Db } from '../../src/db/database.js';
import type { Rng } from '../random.js';

/** The dataset as built so far, shared by the generators that run in order. */
export interface Dataset {
  /** Rows inserted per table. */
  counts: Record<string, number>;
  /**
   * Ids of inserted rows, by kind (`municipality`, `organisation`, `place`…), for generators that
   * run later and need foreign keys. Not written to the results file.
   */
  ids: Record<string, number[]>;
  /**
   * A few slugs (or ids as text) per kind that pages can point at (`service`, `place`, `sector`…),
   * taken from published, visible rows. Written to the results file.
   */
  samples: Record<string, string[]>;
}

export interface GeneratorContext {
  /** The open database (SQLite or PostgreSQL); `handle.sqlite` is set on SQLite. */
  handle: DatabaseHandle;
  db: Db;
  /** Multiplier of the city scale (1 = city); use `scaled()` from ../scale.ts. */
  factor: number;
  /** This generator's own random source (derived from the seed and its name). */
  rng: Rng;
  dataset: Dataset;
  /** A fixed "now" (ISO-8601) the dataset is generated at, so timestamps are deterministic too. */
  now: Date;
  /** Prints a progress line. */
  log(message: string): void;
}

/** One module's part of the bench dataset. */
export interface DatasetGenerator {
  /** The module it fills (as in src/modules/index.ts). */
  name: string;
  /** Inserts its rows; adds to ctx.dataset.counts, ids and samples. */
  generate(ctx: GeneratorContext): Promise<void>;
}
