#!/usr/bin/env node
/**
 * `npm test`: everything, in order, stopping at the first failing step.
 *
 *   1. typecheck      tsc --noEmit
 *   2. unit+integration  vitest run (integration tests also run on PostgreSQL when
 *                     TEST_DATABASE_URL is set; the tests handle that themselves)
 *   3. browser setup  Chromium and Java for the browser tests (scripts/provision.mjs: installs
 *                     them with apt-get on Debian as root, otherwise says what to install)
 *   4. browser tests  vitest run --config vitest.e2e.config.ts (journeys, axe, Nu HTML Checker)
 *
 * Each step's output streams as it runs. At the end: a summary with each step's time, then a last
 * line `N passed, N failed` counting the tests of every vitest run (a test file that could not
 * even load counts as one failed test). The exit code is the failing step's, or 0.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { provision, ProvisionError } from './provision.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-test-'));

/** Runs a command with inherited output; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
    child.on('error', (err) => {
      console.error(`Could not start ${command}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  });
}

/** A vitest run that also writes a JSON report, whose counts the summary adds up. */
function vitest(name, extraArgs) {
  const report = path.join(reports, `${name}.json`);
  return {
    report,
    run: () =>
      run(process.execPath, [
        bin('vitest', 'vitest.mjs'),
        'run',
        ...extraArgs,
        '--reporter=default',
        '--reporter=json',
        `--outputFile=${report}`,
      ]),
  };
}

const unit = vitest('unit', []);
const e2e = vitest('e2e', ['--config', 'vitest.e2e.config.ts']);

const steps = [
  { name: 'typecheck', run: () => run(process.execPath, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', root]) },
  { name: 'unit + integration tests', run: unit.run, report: unit.report },
  {
    name: 'browser setup (Chromium, Java)',
    run: async () => {
      try {
        provision();
        return 0;
      } catch (err) {
        console.error(err instanceof ProvisionError ? `\n${err.message}\n` : err);
        return 1;
      }
    },
  },
  { name: 'browser tests', run: e2e.run, report: e2e.report },
];

/** Test counts from a vitest JSON report; a file that failed to load (no tests ran) counts as one failure. */
function counts(report) {
  if (!report || !fs.existsSync(report)) return { passed: 0, failed: 0, unloaded: 0 };
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const unloaded = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  return { passed: json.numPassedTests ?? 0, failed: (json.numFailedTests ?? 0) + unloaded, unloaded };
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
let exitCode = 0;
const started = Date.now();

for (const step of steps) {
  console.log(`\n▶ ${step.name}\n`);
  const t0 = Date.now();
  const code = await step.run();
  results.push({ step, code, ms: Date.now() - t0 });
  if (code !== 0) {
    exitCode = code;
    break;
  }
}

let passed = 0;
let failed = 0;
let unloaded = 0;
for (const { step } of results) {
  const c = counts(step.report);
  passed += c.passed;
  failed += c.failed;
  unloaded += c.unloaded;
}

console.log('\nSummary');
for (const step of steps) {
  const r = results.find((x) => x.step === step);
  const status = !r ? 'not run' : r.code === 0 ? 'ok' : `FAILED (exit code ${r.code})`;
  const c = r && step.report ? counts(step.report) : null;
  const tests = c ? `  ${c.passed} passed, ${c.failed} failed` : '';
  console.log(`  ${step.name.padEnd(32)} ${(r ? seconds(r.ms) : '').padStart(9)}  ${status}${tests}`);
}
console.log(`  ${'total'.padEnd(32)} ${seconds(Date.now() - started).padStart(9)}`);
if (unloaded) console.log(`  (${unloaded} test file(s) failed to load and count as failed tests)`);
fs.rmSync(reports, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = exitCode;
