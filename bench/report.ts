/** The results table printed at the end of a bench run, and the row type written to results/. */
import type { Mode, Verdict } from './budgets.js';

export interface ResultRow {
  path: string;
  mode: Mode;
  expectedStatus: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** rps / the /healthz rps of reference. */
  ratio: number;
  /** That reference: for an anonymous row, the mean of /healthz just before and just after it; else the run's. */
  healthzRps: number;
  requests: number;
  statuses: Record<string, number>;
  /** Connection errors, timeouts and responses with another status than expected. */
  errors: number;
  /** The x-page-cache header of a repeated fetch ("hit", "miss") or null. */
  cache: string | null;
  htmlBytes?: number;
  htmlGzip?: number;
  /** HTML + CSS + JS, gzip. */
  totalGzip?: number;
  thirdParty?: string[];
  /** CPU used by the server and by the load generator during the run, in % of one core. */
  serverCpu: number | null;
  loadCpu: number;
  /**
   * Server CPU time per response, in microseconds: what a request costs, largely independent of
   * other load on the machine (1,000,000 / this = req/s one core could serve).
   */
  cpuPerRequestUs: number | null;
  verdict: Verdict;
}

const COLUMNS: { title: string; right?: boolean; cell: (r: ResultRow) => string }[] = [
  { title: 'page', cell: (r) => (r.path.length > 44 ? `${r.path.slice(0, 43)}…` : r.path) },
  { title: 'mode', cell: (r) => r.mode },
  { title: 'req/s', right: true, cell: (r) => Math.round(r.rps).toLocaleString('en') },
  { title: 'p50 ms', right: true, cell: (r) => r.p50Ms.toFixed(1) },
  { title: 'p99 ms', right: true, cell: (r) => r.p99Ms.toFixed(1) },
  { title: '×healthz', right: true, cell: (r) => `${Math.round(r.ratio * 100)}%` },
  { title: 'errors', right: true, cell: (r) => String(r.errors) },
  { title: 'cache', cell: (r) => r.cache ?? '–' },
  { title: 'HTML B', right: true, cell: (r) => (r.htmlBytes === undefined ? '–' : r.htmlBytes.toLocaleString('en')) },
  { title: 'HTML gz', right: true, cell: (r) => (r.htmlGzip === undefined ? '–' : r.htmlGzip.toLocaleString('en')) },
  { title: '+CSS/JS gz', right: true, cell: (r) => (r.totalGzip === undefined ? '–' : r.totalGzip.toLocaleString('en')) },
  { title: 'CPU app/load', right: true, cell: (r) => `${r.serverCpu === null ? '?' : Math.round(r.serverCpu)}/${Math.round(r.loadCpu)}%` },
  { title: 'µs/req', right: true, cell: (r) => (r.cpuPerRequestUs === null ? '?' : Math.round(r.cpuPerRequestUs).toLocaleString('en')) },
  { title: 'budget', cell: (r) => (r.verdict.ok ? '✓' : `✗ ${r.verdict.failures.join('; ')}`) },
];

/** A plain-text table, one line per row, columns aligned. */
export function formatTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((r) => COLUMNS.map((c) => c.cell(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((row) => [...row[i]!].length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === COLUMNS.length - 1 ? v : COLUMNS[i]!.right ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(COLUMNS.map((c) => c.title)),
    line(widths.map((w, i) => (i === COLUMNS.length - 1 ? '------' : '-'.repeat(w)))),
    ...cells.map(line),
  ].join('\n');
}
