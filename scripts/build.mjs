#!/usr/bin/env node
/**
 * Builds E-COOP into dist/: every TypeScript source transpiled by esbuild (type checking is
 * `npm run typecheck`), the client islands bundled and minified, the stylesheet minified.
 * Fast (about a second), so `npm start` always builds when sources are newer than the build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p.endsWith(path.join('ui', 'islands')) ? [] : sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Newest modification time under a folder (0 when missing). */
export function newestMtime(dir) {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }, 0);
}

/** Whether dist/ is missing or older than the sources, locales or package manifest. */
export function buildIsStale() {
  const stamp = path.join(dist, '.build-stamp');
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  return Math.max(newestMtime(src), fs.statSync(path.join(root, 'package.json')).mtimeMs) > built;
}

export async function build() {
  fs.rmSync(dist, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: sources(src),
    outdir: dist,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: true,
    logLevel: 'warning',
  });
  await esbuild.build({
    entryPoints: [path.join(src, 'ui/islands/main.ts')],
    outfile: path.join(dist, 'public/app.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2019'],
    logLevel: 'warning',
  });
  // The places pages' island and layout, and the map they load on demand (CLIENT_BUNDLES in platform/assets.ts).
  for (const [entry, out] of [
    ['ui/islands/places.ts', 'places.js'],
    ['ui/islands/map.ts', 'map.js'],
  ]) {
    await esbuild.build({
      entryPoints: [path.join(src, entry)],
      outfile: path.join(dist, 'public', out),
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2019'],
      logLevel: 'warning',
    });
  }
  for (const [entry, out] of [
    ['ui/islands/places.css', 'places.css'],
    ['ui/islands/map.css', 'map.css'],
  ]) {
    await esbuild.build({
      entryPoints: [path.join(src, entry)],
      outfile: path.join(dist, 'public', out),
      bundle: true,
      minify: true,
      loader: { '.png': 'dataurl', '.svg': 'dataurl' },
      logLevel: 'warning',
    });
  }
  await esbuild.build({
    entryPoints: [path.join(src, 'ui/styles/app.css')],
    outfile: path.join(dist, 'public/app.css'),
    bundle: true,
    minify: true,
    logLevel: 'warning',
  });
  fs.writeFileSync(path.join(dist, '.build-stamp'), new Date().toISOString());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const started = Date.now();
  await build();
  console.log(`Built E-COOP into dist/ in ${Date.now() - started} ms.`);
}
