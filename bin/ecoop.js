#!/usr/bin/env node
/** The `ecoop` command (`npx ecoop …`): builds E-COOP if needed, then runs the CLI. */
import { build, buildIsStale } from '../scripts/build.mjs';

if (buildIsStale()) await build();
const { runCli } = await import('../dist/cli/main.js');
const args = process.argv.slice(2);
const code = await runCli(args);
if (args[0] !== 'serve') process.exit(code);
