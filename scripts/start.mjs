#!/usr/bin/env node
/** `npm start`: build if the sources changed since the last build, then `ecoop serve`. */
import { build, buildIsStale } from './build.mjs';

if (buildIsStale()) {
  process.stdout.write('Building E-COOP… ');
  await build();
  process.stdout.write('done.\n');
}
const { runCli } = await import('../dist/cli/main.js');
await runCli(['serve', ...process.argv.slice(2)]);
