import { describe, expect, it } from 'vitest';
import { BUDGETS, evaluateBudgets, type MeasuredRow } from './budgets.js';
import { formatTable, type ResultRow } from './report.js';
import { isThirdParty, pageResources } from './load.js';

const row = (overrides: Partial<MeasuredRow>): MeasuredRow => ({
  mode: 'anon',
  reference: false,
  rps: 5000,
  p99Ms: 10,
  errors: 0,
  compressedBytes: 20_000,
  ...overrides,
});

describe('evaluateBudgets', () => {
  it('holds anonymous pages to half of /healthz', () => {
    expect(evaluateBudgets(row({ rps: 5000 }), 10_000).ok).toBe(true);
    const verdict = evaluateBudgets(row({ rps: 4999 }), 10_000);
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toEqual(['req/s < 50% of /healthz']);
  });

  it('holds logged-in pages to 1,000 req/s and a 50 ms p99, whatever /healthz does', () => {
    expect(evaluateBudgets(row({ mode: 'logged-in', rps: 1000, p99Ms: 50 }), 100_000).ok).toBe(true);
    expect(evaluateBudgets(row({ mode: 'logged-in', rps: 999, p99Ms: 51 }), 1).failures).toEqual(['req/s < 1000', 'p99 > 50 ms']);
  });

  it('limits the compressed weight of a page with its CSS and JS', () => {
    expect(evaluateBudgets(row({ compressedBytes: BUDGETS.maxCompressedBytes }), 1).ok).toBe(true);
    expect(evaluateBudgets(row({ compressedBytes: 62_500 }), 1).failures).toEqual(['62.5 KB gz > 50 KB']);
    expect(evaluateBudgets(row({ compressedBytes: undefined }), 1).ok).toBe(true); // not HTML
  });

  it('fails on errors, third-party requests and a missing reference', () => {
    expect(evaluateBudgets(row({ errors: 3 }), 1).failures).toEqual(['3 errors']);
    expect(evaluateBudgets(row({ thirdParty: ['https://cdn.example/x.js'] }), 1).failures).toEqual([
      'third-party: https://cdn.example/x.js',
    ]);
    expect(evaluateBudgets(row({}), Number.NaN).ok).toBe(false);
  });

  it('holds the reference to nothing but errors', () => {
    expect(evaluateBudgets(row({ reference: true, rps: 1, p99Ms: 900 }), 10_000).ok).toBe(true);
    expect(evaluateBudgets(row({ reference: true, errors: 1 }), 10_000).ok).toBe(false);
  });
});

describe('page resources', () => {
  const html =
    '<html><head><link rel="stylesheet" href="/assets/app.1.css"><script src="/assets/app.2.js" defer type="module"></script>' +
    '<link rel="alternate" hreflang="fr" href="/fr/"><link rel="icon" href="https://cdn.example/i.svg"></head>' +
    '<body><a href="https://elsewhere.example/">a link is not a request</a><img src="data:image/png;base64,AA" alt=""><img src="//tiles.example/1.png" alt=""></body></html>';

  it('finds stylesheets, scripts and other fetched resources, not links', () => {
    expect(pageResources(html)).toEqual({
      styles: ['/assets/app.1.css'],
      scripts: ['/assets/app.2.js'],
      others: ['https://cdn.example/i.svg', 'data:image/png;base64,AA', '//tiles.example/1.png'],
    });
  });

  it('tells third-party URLs from the app’s own', () => {
    const origin = 'http://127.0.0.1:3000';
    expect(isThirdParty('/assets/app.css', origin)).toBe(false);
    expect(isThirdParty('http://127.0.0.1:3000/x', origin)).toBe(false);
    expect(isThirdParty('data:image/png;base64,AA', origin)).toBe(false);
    expect(isThirdParty('//tiles.example/1.png', origin)).toBe(true);
    expect(isThirdParty('https://cdn.example/i.svg', origin)).toBe(true);
  });
});

describe('formatTable', () => {
  it('aligns one line per row and marks verdicts', () => {
    const base: ResultRow = {
      path: '/en/',
      mode: 'anon',
      expectedStatus: 200,
      rps: 12345.6,
      p50Ms: 3,
      p99Ms: 12,
      ratio: 0.8,
      healthzRps: 15432,
      requests: 123456,
      statuses: { '200': 123456 },
      errors: 0,
      cache: 'hit',
      htmlBytes: 5000,
      htmlGzip: 1800,
      totalGzip: 6000,
      serverCpu: 98,
      loadCpu: 70,
      cpuPerRequestUs: 80,
      verdict: { ok: true, failures: [] },
    };
    const table = formatTable([base, { ...base, mode: 'logged-in', rps: 800, verdict: { ok: false, failures: ['req/s < 1000'] } }]).split(
      '\n',
    );
    expect(table).toHaveLength(4);
    expect(table[0]).toMatch(/^page\s+mode\s+req\/s/);
    expect(table[2]).toContain('12,346');
    expect(table[2]).toMatch(/✓$/);
    expect(table[3]).toMatch(/✗ req\/s < 1000$/);
    // Numbers are right-aligned: both req/s cells end in the same column.
    const end = (line: string, cell: string) => line.indexOf(cell) + cell.length;
    expect(end(table[2]!, '12,346')).toBe(end(table[3]!, '800'));
  });
});
