/**
 * Load and page weight: one autocannon run against one URL on 127.0.0.1, the page's own fetch for
 * its size (gzip computed here with zlib: the app leaves compression to the reverse proxy), its
 * stylesheet and scripts, and the third-party requests it would make.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses per status code. */
  statuses: Record<string, number>;
  /** Connection errors (including timeouts). */
  connectionErrors: number;
  timeouts: number;
  durationS: number;
}

let active: autocannon.Instance | null = null;

/** Stops the running load, if any (SIGINT). */
export function stopActiveLoad(): void {
  active?.stop();
}

/** Only loopback targets: the bench never sends traffic anywhere else. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!(host === '127.0.0.1' || host === 'localhost' || host === '[::1]'))
    throw new Error(`refusing to load ${host}: the bench targets 127.0.0.1 only`);
}

/** Runs autocannon for `durationS` seconds (bounded: it also stops after 3× that). */
export function runLoad(options: {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  paths?: string[];
}): Promise<LoadResult> {
  assertLoopback(options.url);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationS,
        timeout: 10,
        headers: options.headers ?? {},
        ...(options.paths ? { requests: options.paths.map((path) => ({ method: 'GET' as const, path })) } : {}),
      },
      (err, result) => {
        clearTimeout(guard);
        active = null;
        if (err) return reject(err instanceof Error ? err : new Error(String(err)));
        const statuses: Record<string, number> = {};
        for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stat as { count?: number }).count ?? 0;
        resolve({
          rps: result.requests.average,
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          requests: result.requests.total,
          statuses,
          connectionErrors: result.errors,
          timeouts: result.timeouts,
          durationS: result.duration,
        });
      },
    );
    active = instance;
    const guard = setTimeout(() => instance.stop(), options.durationS * 3000 + 10_000);
  });
}

export interface Fetched {
  status: number;
  headers: Headers;
  body: Buffer;
}

/** One GET without following redirects. */
export async function fetchOnce(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  assertLoopback(url);
  const response = await fetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * `cookie` (a Cookie header) with the cookies that `url` sets when asked with it, as a browser
 * keeps them: a signed-in reader's first page gives them the CSRF secret, which every later page
 * reuses rather than making a new one.
 */
export async function keepCookies(url: string, cookie: string): Promise<string> {
  const { headers } = await fetchOnce(url, { cookie });
  const set = headers.getSetCookie().map((c) => c.split(';', 1)[0]!);
  const names = new Set(set.map((c) => c.slice(0, c.indexOf('='))));
  const kept = cookie
    .split('; ')
    .filter((c) => c && !names.has(c.slice(0, c.indexOf('='))))
    .concat(set);
  return kept.join('; ');
}

/** gzip size at zlib's default level (what a reverse proxy typically sends). */
export function gzipSize(body: Buffer | string): number {
  return zlib.gzipSync(body).length;
}

/** The URLs an HTML page makes the browser fetch right away: stylesheets, scripts, images, frames. */
export function pageResources(html: string): { styles: string[]; scripts: string[]; others: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
  const styles: string[] = [];
  const scripts: string[] = [];
  const others: string[] = [];
  for (const [tag] of html.matchAll(/<(link|script|img|iframe|source|audio|video)\b[^>]*>/gi)) {
    const name = /^<(\w+)/.exec(tag)![1]!.toLowerCase();
    if (name === 'link') {
      const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
      const href = attr(tag, 'href');
      if (!href) continue;
      if (rel.includes('stylesheet')) styles.push(href);
      else if (rel.includes('modulepreload') || (rel.includes('preload') && attr(tag, 'as') === 'script')) scripts.push(href);
      else if (rel.some((r) => ['preload', 'icon', 'prefetch', 'preconnect', 'manifest'].includes(r))) others.push(href);
    } else {
      const src = attr(tag, 'src') ?? attr(tag, 'srcset')?.split(/\s+/)[0];
      if (!src) continue;
      (name === 'script' ? scripts : others).push(src);
    }
  }
  return { styles, scripts, others };
}

/** Whether a resource URL (as written in a page) points at another origin than the app's. */
export function isThirdParty(url: string, origin: string): boolean {
  if (url.startsWith('data:')) return false;
  try {
    return new URL(url, origin).origin !== new URL(origin).origin;
  } catch {
    return false;
  }
}

export interface PageWeight {
  htmlBytes: number;
  htmlGzip: number;
  /** gzip bytes of the page's same-origin stylesheets and scripts. */
  assetsGzip: number;
  totalGzip: number;
  thirdParty: string[];
}

const assetCache = new Map<string, number>();

/** Measures an HTML page with its stylesheets and scripts (assets fetched once per URL). */
export async function pageWeight(html: Buffer, origin: string): Promise<PageWeight> {
  const text = html.toString('utf8');
  const { styles, scripts, others } = pageResources(text);
  const thirdParty = [...styles, ...scripts, ...others].filter((u) => isThirdParty(u, origin));
  let assetsGzip = 0;
  for (const url of [...new Set([...styles, ...scripts])].filter((u) => !isThirdParty(u, origin))) {
    const absolute = new URL(url, origin).href;
    let size = assetCache.get(absolute);
    if (size === undefined) {
      const fetched = await fetchOnce(absolute);
      size = fetched.status === 200 ? gzipSize(fetched.body) : 0;
      assetCache.set(absolute, size);
    }
    assetsGzip += size;
  }
  const htmlGzip = gzipSize(html);
  return { htmlBytes: html.length, htmlGzip, assetsGzip, totalGzip: htmlGzip + assetsGzip, thirdParty };
}

/** CPU time (ms) a process has used so far, from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc (Linux); null elsewhere. */
export function processRssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
