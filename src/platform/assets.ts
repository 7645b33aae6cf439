/**
 * Static assets: the one stylesheet, the client-island bundle and the favicon, served from memory
 * under content-hashed names with a year of caching, pre-compressed with gzip and Brotli.
 * From sources (tests, `npm run dev`) the island bundle is built with esbuild at boot; from a build
 * (`npm start`) it is read from dist/public.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { preferredEncoding } from './encoding.js';

interface Asset {
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  type: string;
}

export interface Assets {
  /**
   * `placesJs`/`placesCss`: the places pages' small island ("use my location", "show the map") and
   * layout, loaded only by those pages. `mapJs`/`mapCss`: Leaflet with marker clusters (about 50 KB
   * compressed), fetched only when someone asks for the map, so a page stays within its budget.
   */
  urls: { css: string; js: string; icon: string; placesJs: string; placesCss: string; mapJs: string; mapCss: string };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fromSources = import.meta.url.endsWith('.ts') || import.meta.url.endsWith('.tsx');
const ROOT = path.resolve(here, '../..');

/** The esbuild options of each client bundle (shared with scripts/build.mjs, which writes them to dist/public). */
export const CLIENT_BUNDLES = {
  'app.js': { entryPoints: ['src/ui/islands/main.ts'], format: 'esm', target: ['es2019'] },
  'places.js': { entryPoints: ['src/ui/islands/places.ts'], format: 'esm', target: ['es2019'] },
  'places.css': { entryPoints: ['src/ui/islands/places.css'] },
  'map.js': { entryPoints: ['src/ui/islands/map.ts'], format: 'esm', target: ['es2019'] },
  // Leaflet's own stylesheet and the marker clusters', with their few images inlined (img-src allows data:).
  'map.css': { entryPoints: ['src/ui/islands/map.css'], loader: { '.png': 'dataurl', '.svg': 'dataurl' } },
} as const;

async function clientBundle(name: keyof typeof CLIENT_BUNDLES): Promise<string> {
  const built = path.join(ROOT, 'dist/public', name);
  if (!fromSources && fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const esbuild = await import('esbuild');
  const options = CLIENT_BUNDLES[name];
  const result = await esbuild.build({
    ...options,
    entryPoints: options.entryPoints.map((e) => path.join(ROOT, e)),
    target: 'target' in options ? [...options.target] : undefined,
    bundle: true,
    write: false,
    minify: true,
    logLevel: 'silent',
  } as Parameters<typeof esbuild.build>[0] & { write: false });
  return result.outputFiles[0]?.text ?? '';
}

async function islandBundle(): Promise<string> {
  return clientBundle('app.js');
}

function stylesheet(): string {
  const built = path.join(ROOT, 'dist/public/app.css');
  if (!fromSources && fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  return fs.readFileSync(path.join(ROOT, 'src/ui/styles/app.css'), 'utf8');
}

const ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4f91"/><path d="M9 9h13v3h-9v3h8v3h-8v3h9v3H9z" fill="#fff"/></svg>';

function prepare(content: string, type: string): Asset {
  const body = Buffer.from(content);
  return {
    body,
    type,
    gzip: zlib.gzipSync(body, { level: 9 }),
    brotli: zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

const hash = (a: Asset) => createHash('sha256').update(a.body).digest('hex').slice(0, 12);

/** Registers the asset routes and returns their hashed URLs. */
export async function registerAssets(app: FastifyInstance): Promise<Assets> {
  const files = new Map<string, Asset>();
  const add = (name: string, ext: string, asset: Asset) => {
    const file = `${name}.${hash(asset)}.${ext}`;
    files.set(file, asset);
    return `/assets/${file}`;
  };
  const urls = {
    css: add('app', 'css', prepare(stylesheet(), 'text/css; charset=utf-8')),
    js: add('app', 'js', prepare(await islandBundle(), 'text/javascript; charset=utf-8')),
    icon: add('icon', 'svg', prepare(ICON, 'image/svg+xml')),
    placesJs: add('places', 'js', prepare(await clientBundle('places.js'), 'text/javascript; charset=utf-8')),
    placesCss: add('places', 'css', prepare(await clientBundle('places.css'), 'text/css; charset=utf-8')),
    mapJs: add('map', 'js', prepare(await clientBundle('map.js'), 'text/javascript; charset=utf-8')),
    mapCss: add('map', 'css', prepare(await clientBundle('map.css'), 'text/css; charset=utf-8')),
  };
  app.get<{ Params: { file: string } }>('/assets/:file', { config: { rateLimit: false } }, async (request, reply) => {
    const asset = files.get(request.params.file);
    if (!asset) return reply.callNotFound();
    const encoding = preferredEncoding(request.headers['accept-encoding']);
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding').type(asset.type);
    if (encoding === 'br') return reply.header('content-encoding', 'br').send(asset.brotli);
    if (encoding === 'gzip') return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(urls.icon, 301));
  return { urls };
}
