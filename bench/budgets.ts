/**
 * The budgets of DESIGN.md ("Budgets"), as the bench checks them. Pure: a measured row in, the
 * list of broken budgets out.
 */

export const BUDGETS = {
  /** Anonymous pages, served from the page cache, reach at least this share of /healthz's req/s. */
  anonymousShareOfHealthz: 0.5,
  /** Any page, logged in, at 50 connections, one process. */
  loggedInMinRps: 1000,
  loggedInMaxP99Ms: 50,
  /** Every HTML page with its CSS and JS, gzip-compressed (50 KB, counted as 50,000 bytes). */
  maxCompressedBytes: 50_000,
} as const;

export type Mode = 'anon' | 'logged-in';

export interface MeasuredRow {
  mode: Mode;
  /** The reference row (/healthz) is not held to page budgets. */
  reference: boolean;
  rps: number;
  p99Ms: number;
  /** Connection errors, timeouts and responses with another status than the page's expected one. */
  errors: number;
  /** For HTML pages: gzip size of the page plus its stylesheet and scripts. */
  compressedBytes?: number | undefined;
  /** URLs on other origins that the page would make the browser fetch. */
  thirdParty?: string[] | undefined;
}

export interface Verdict {
  ok: boolean;
  /** One short reason per broken budget. */
  failures: string[];
}

/** Checks one row against the budgets, given the req/s of /healthz. */
export function evaluateBudgets(row: MeasuredRow, healthzRps: number): Verdict {
  const failures: string[] = [];
  if (row.errors > 0) failures.push(`${row.errors} errors`);
  if (!row.reference) {
    if (row.mode === 'anon') {
      const floor = healthzRps * BUDGETS.anonymousShareOfHealthz;
      if (!(row.rps >= floor)) failures.push(`req/s < ${Math.round(BUDGETS.anonymousShareOfHealthz * 100)}% of /healthz`);
    } else {
      if (!(row.rps >= BUDGETS.loggedInMinRps)) failures.push(`req/s < ${BUDGETS.loggedInMinRps}`);
      if (!(row.p99Ms <= BUDGETS.loggedInMaxP99Ms)) failures.push(`p99 > ${BUDGETS.loggedInMaxP99Ms} ms`);
    }
    if (row.compressedBytes !== undefined && row.compressedBytes > BUDGETS.maxCompressedBytes) {
      failures.push(`${(row.compressedBytes / 1000).toFixed(1)} KB gz > ${BUDGETS.maxCompressedBytes / 1000} KB`);
    }
    if (row.thirdParty && row.thirdParty.length > 0) failures.push(`third-party: ${row.thirdParty.join(' ')}`);
  }
  return { ok: failures.length === 0, failures };
}
