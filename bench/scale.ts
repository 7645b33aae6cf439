/**
 * Dataset scales. Every generator sizes its tables from one factor: 1 is DESIGN.md's city scale
 * (2,000 services, 200 DPS, 100,000 users…), and the named scales are fractions of it, so a module
 * that adds a generator states its city-scale counts once and gets every other scale for free.
 */

/** Named scales and their factor of the city scale. */
export const NAMED_SCALES = {
  /** A few rows per table: seconds end to end, for iterating on the bench itself. */
  tiny: 0.001,
  /** A tenth of a city: a realistic shape that generates in a few seconds. */
  small: 0.1,
  /** DESIGN.md's city scale: the one the budgets are stated for. */
  city: 1,
} as const;

export type ScaleName = keyof typeof NAMED_SCALES;

export interface Scale {
  /** `tiny`, `small`, `city`, or the number as given (`0.5`, `2`). */
  name: string;
  /** Multiplier of the city scale. */
  factor: number;
}

/** Largest multiplier accepted: 20 cities is already 2,000,000 users (and about 20 GB of SQLite, mostly wiki revisions). */
export const MAX_FACTOR = 20;

/**
 * Parses `--scale`: a named scale, or a positive number that multiplies the city scale
 * (`--scale 0.5` is half a city, `--scale 2` two). Throws with a usable message otherwise.
 */
export function parseScale(value: string | undefined): Scale {
  const text = (value ?? 'small').trim().toLowerCase();
  if (Object.hasOwn(NAMED_SCALES, text)) return { name: text, factor: NAMED_SCALES[text as ScaleName] };
  const factor = /^\d+(\.\d+)?$|^\.\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(factor) || factor <= 0 || factor > MAX_FACTOR) {
    throw new Error(`--scale must be tiny, small, city or a multiplier of the city scale in (0, ${MAX_FACTOR}]; got "${value}"`);
  }
  return { name: text, factor };
}

/**
 * How many rows a table gets at a factor: its city-scale count times the factor, rounded, and at
 * least `min` so that even the tiny scale has something on every page.
 */
export function scaled(cityCount: number, factor: number, min = 3): number {
  return Math.max(min, Math.round(cityCount * factor));
}
