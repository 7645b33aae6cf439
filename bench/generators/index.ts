/**
 * The bench dataset's generators, one per module, run in this order (a generator may use the rows
 * of those before it, through ctx.dataset.ids or by querying).
 *
 * Golden path — a module adds its part of the city-scale dataset:
 * 1. Write `bench/generators/<module>.ts` exporting a `DatasetGenerator` (see types.ts):
 *    - size every table with `scaled(cityCount, ctx.factor)` from ../scale.ts, where cityCount is
 *      DESIGN.md's city-scale number (200,000 assessments, 20,000 wiki pages…);
 *    - take all randomness from `ctx.rng` and times from `ctx.now` (deterministic datasets);
 *    - build rows exactly as the module's repository writes them (JSON translated texts with
 *      en/fr/es keys, ISO-8601 times, the same statuses) and insert them with `insertRows()` from
 *      ../bulk.ts (batched, transactional, fast on both dialects);
 *    - maintain what the module maintains on write (aggregates, counters, search documents through
 *      the module's `searchables` and `indexDocument`), or the pages will lie;
 *    - record `ctx.dataset.counts[table]`, the `ids` later generators need, and a few `samples`
 *      (slugs of published rows) for pages to use.
 * 2. Add it to GENERATORS below, after the generators whose rows it references.
 * 3. Add the module's pages to ../pages.ts (using `dataset.samples` for slugs).
 * 4. `npm run bench -- --scale tiny --duration 1` to check, then city scale.
 */
import { accountsGenerator } from './accounts.js';
import { assessmentGenerator } from './assessment.js';
import { catalogueGenerator } from './catalogue.js';
import { placesGenerator } from './places.js';
import { territoryGenerator } from './territory.js';
import type { DatasetGenerator } from './types.js';
import { wikiGenerator } from './wiki.js';

export type { Dataset, DatasetGenerator, GeneratorContext } from './types.js';

export const GENERATORS: readonly DatasetGenerator[] = [
  territoryGenerator,
  catalogueGenerator,
  placesGenerator,
  accountsGenerator,
  assessmentGenerator,
  wikiGenerator,
];
