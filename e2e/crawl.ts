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
  /** Reached through a link, or by submitting a GET form (a search) on `linkedFrom`. */
  via: 'start' | 'link' | 'form';
  /** Script errors, console errors and failed sub-resources (stylesheet, script, images…). */
  errors: string[];
  /** Requests to any other origin (the site makes none: no third-party requests). */
  foreignRequests: string[];
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
  /**
   * At most this many pages under one collection (`/en/services/…`), so that a large catalogue
   * does not use the whole cap before other page types are reached, and as many pages of one shape
   * (`/en/services/{slug}/rate`). Top-level pages are not limited.
   */
  childrenPerParent?: number;
  /** What to type in the empty text fields of GET forms (searches) before submitting them. */
  sampleQuery?: string;
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

/** Whether the crawl would visit this path (an HTML page, safe to GET). */
export function isCrawlable(pathname: string): boolean {
  return !SKIP.some((re) => re.test(pathname));
}

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
  const childrenPerParent = options.childrenPerParent ?? 10;
  const children = new Map<string, Set<string>>();
  const shapes = new Map<string, Set<string>>();
  const queue: { path: string; from: string | undefined; via: CrawledPage<T>['via'] }[] = [];
  const seen = new Set<string>();
  const variants = new Map<string, number>();
  const enqueue = (href: string, from: string | undefined, via: CrawledPage<T>['via']) => {
    let u: URL;
    try {
      u = new URL(href, options.baseUrl);
    } catch {
      return;
    }
    if (u.origin !== origin || !isCrawlable(u.pathname)) return;
    const key = u.pathname + u.search;
    if (seen.has(key)) return;
    const n = variants.get(u.pathname) ?? 0;
    if (u.search && n >= variantsPerPath) return;
    const segments = u.pathname.split('/').filter(Boolean);
    if (segments.length >= 3 && via !== 'start') {
      const parent = segments.slice(0, -1).join('/');
      const siblings = children.get(parent) ?? new Set<string>();
      if (!siblings.has(u.pathname) && siblings.size >= childrenPerParent) return;
      siblings.add(u.pathname);
      children.set(parent, siblings);
    }
    // The same page type under every item of a collection (`/en/services/*/rate`) counts once per
    // shape too, or a collection of 40 items would fill the cap with 40 copies of one form.
    if (segments.length >= 4 && via !== 'start') {
      const shape = [...segments.slice(0, -2), '*', segments[segments.length - 1]].join('/');
      const same = shapes.get(shape) ?? new Set<string>();
      if (!same.has(u.pathname) && same.size >= childrenPerParent) return;
      same.add(u.pathname);
      shapes.set(shape, same);
    }
    seen.add(key);
    variants.set(u.pathname, n + 1);
    queue.push({ path: key, from, via });
  };
  for (const s of options.starts) enqueue(s, undefined, 'start');

  const pages: CrawledPage<T>[] = [];
  const failures: string[] = [];
  const page = await context.newPage();
  let errors: string[] = [];
  let foreignRequests: string[] = [];
  page.on('pageerror', (e) => errors.push(`uncaught ${e.name}: ${e.message}`));
  page.on('console', (m) => {
    // Failed loads are reported below with their URL and status; the console only says "failed".
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console error: ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document')
      errors.push(`${r.request().resourceType()} ${r.url()} answered ${r.status()}`);
  });
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) errors.push(`${r.resourceType()} ${r.url()} failed: ${r.failure()?.errorText ?? 'unknown'}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (/^(https?|wss?):$/.test(u.protocol) && u.origin !== origin) foreignRequests.push(r.url());
  });
  try {
    while (queue.length > 0 && pages.length < cap) {
      const { path, from, via } = queue.shift()!;
      let response: Response | null;
      errors = [];
      foreignRequests = [];
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
      pages.push({ path: finalPath, status, html, linkedFrom: from, via, errors, foreignRequests, findings });
      const links = await page.$$eval('a[href]', (as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const l of links) enqueue(l, finalPath, 'link');
      for (const f of await getFormTargets(page, options.sampleQuery ?? 'service')) enqueue(f, finalPath, 'form');
    }
  } finally {
    await page.close();
  }
  return { pages, failures, capped: queue.length > 0 };
}

/** The URLs that the page's GET forms lead to, with empty text fields filled with `sample`. */
function getFormTargets(page: Page, sample: string): Promise<string[]> {
  return page.$$eval(
    'form',
    (forms, sample) =>
      forms
        .filter((f) => (f.getAttribute('method') ?? 'get').toLowerCase() === 'get')
        .map((f) => {
          const form = f as HTMLFormElement;
          const params = new URLSearchParams();
          for (const el of Array.from(form.elements) as HTMLInputElement[]) {
            if (!el.name || el.disabled || el.type === 'submit' || el.type === 'button' || el.type === 'file') continue;
            if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
            const text = el.tagName === 'INPUT' && ['search', 'text'].includes(el.type);
            params.append(el.name, text && !el.value ? sample : el.value);
          }
          // Not form.action: a field named "action" (a filter) shadows that property.
          const url = new URL(form.getAttribute('action') ?? '', document.baseURI);
          url.search = params.toString();
          return url.href;
        }),
    sample,
  );
}
