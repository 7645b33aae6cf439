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

interface Asset {
  body: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  type: string;
}

export interface Assets {
  urls: { css: string; js: string; icon: string };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fromSources = import.meta.url.endsWith('.ts') || import.meta.url.endsWith('.tsx');
const ROOT = path.resolve(here, '../..');

async function islandBundle(): Promise<string> {
  const built = path.join(ROOT, 'dist/public/app.js');
  if (!fromSources && fs.existsSync(built)) return fs.readFileSync(built, 'utf8');
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/ui/islands/main.ts')],
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    target: ['es2019'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
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
  };
  app.get<{ Params: { file: string } }>('/assets/:file', { config: { rateLimit: false } }, async (request, reply) => {
    const asset = files.get(request.params.file);
    if (!asset) return reply.callNotFound();
    const accepts = String(request.headers['accept-encoding'] ?? '');
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding').type(asset.type);
    if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(asset.brotli);
    if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  });
  app.get('/favicon.ico', async (_request, reply) => reply.redirect(urls.icon, 301));
  return { urls };
}
