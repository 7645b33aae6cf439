/**
 * A breadth-first crawl of the site in a browser: from the start pages, follow every same-origin
 * link to an HTML page (GET only, never assets, data or sign-out), once per path and query, up to a
 * cap. Each page is handed, loaded, to `inspect` before the crawl moves on.
 */
import type { BrowserContext, Page, Response } from 'playwright-core';

export interface CrawledPage<T> {
  /** Path and query, e.g. `/en/services?page=2`. */
  path: string;
  status: number;
  /** The response body as served. */
  html: string;
  /** The page that linked here (undefined for a start page). */
  linkedFrom: string | undefined;
  /** What `inspect` found. */
  findings: T;
}

export interface CrawlOptions<T> {
  baseUrl: string;
  /** Paths to start from (followed) and paths nobody links to (also followed). */
  starts: string[];
  /** At most this many pages (default 200). */
  cap?: number;
  /** At most this many query-string variants of one path (pagination, filters). */
  variantsPerPath?: number;
  /** Called with each loaded HTML page; returns what it found. */
  inspect(page: Page, info: { path: string; status: number }): Promise<T>;
}

/** Paths that are not HTML pages, or that a GET would change (signing out). */
const SKIP = [
  /^\/assets\//,
  /^\/api\//,
  /^\/open311\//,
  /^\/(healthz|readyz|favicon\.ico)$/,
  /\.(json|jsonld|csv|xml|atom|rss|ics|txt|pdf|png|jpe?g|gif|svg|webp|zip|js|css)$/i,
  /\/(sign-?out|log-?out)(\/|$)/i,
];

export interface CrawlResult<T> {
  pages: CrawledPage<T>[];
  /** Links that could not be loaded at all (network error, timeout…). */
  failures: string[];
  /** Whether the cap stopped the crawl before it ran out of links. */
  capped: boolean;
}

export async function crawl<T>(context: BrowserContext, options: CrawlOptions<T>): Promise<CrawlResult<T>> {
  const origin = new URL(options.baseUrl).origin;
  const cap = options.cap ?? 200;
  const variantsPerPath = options.variantsPerPath ?? 5;
  const queue: { path: string; from: string | undefined }[] = [];
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const enqueue = (href: string, from: string | undefined) => {
    let u: URL;
    try {
      u = new URL(href, options.baseUrl);
    } catch {
      return;
    }
    if (u.origin !== origin || SKIP.some((re) => re.test(u.pathname))) return;
    const key = u.pathname + u.search;
    if (seen.has(key)) return;
    const n = variants.get(u.pathname) ?? 0;
    if (u.search && n >= variantsPerPath) return;
    seen.add(key);
    variants.set(u.pathname, n + 1);
    queue.push({ path: key, from });
  };
  for (const s of options.starts) enqueue(s, undefined);

  const pages: CrawledPage<T>[] = [];
  const failures: string[] = [];
  const page = await context.newPage();
  try {
    while (queue.length > 0 && pages.length < cap) {
      const { path, from } = queue.shift()!;
      let response: Response | null;
      try {
        response = await page.goto(origin + path, { waitUntil: 'load' });
      } catch (err) {
        // A link to a file the server sends as an attachment is not a page, nor a broken link.
        if (/Download is starting/.test((err as Error).message)) continue;
        failures.push(`${path}${from ? ` (linked from ${from})` : ''}: ${(err as Error).message.split('\n')[0]}`);
        continue;
      }
      if (!response) continue;
      if (!(response.headers()['content-type'] ?? '').includes('text/html')) continue;
      const finalUrl = new URL(page.url());
      const finalPath = finalUrl.pathname + finalUrl.search;
      if (finalPath !== path) {
        // A redirect: inspect the target once, under its own path.
        if (seen.has(finalPath) && finalUrl.origin === origin) continue;
        seen.add(finalPath);
      }
      const status = response.status();
      const html = await response.text();
      const findings = await options.inspect(page, { path: finalPath, status });
      pages.push({ path: finalPath, status, html, linkedFrom: from, findings });
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const l of links) enqueue(l, finalPath);
    }
  } finally {
    await page.close();
  }
  return { pages, failures, capped: queue.length > 0 };
}
