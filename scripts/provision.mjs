#!/usr/bin/env node
/**
 * Provisions what the browser tests need outside npm: Chromium (driven by playwright-core) and a
 * Java runtime (for the Nu HTML Checker in vnu-jar). Neither can come from the npm registry here,
 * and tools that download their own browser do not work on our machines, so both come from the
 * operating system's packages.
 *
 * - Chromium: `CHROMIUM_PATH` when set (it must exist), otherwise `/usr/bin/chromium` (Debian).
 * - Java: `$JAVA_HOME/bin/java` when JAVA_HOME is set, otherwise `java` on the PATH.
 *
 * When something is missing on Debian and we run as root (CI, the project's machines), it is
 * installed with apt-get. Anywhere else it fails with a message saying exactly what to install.
 *
 * Importable (`provision()`, used by scripts/test.mjs) and runnable alone:
 * `node scripts/provision.mjs`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Thrown when a tool is missing and cannot be installed from here; the message says what to do. */
export class ProvisionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ProvisionError';
  }
}

/** Where the browser tests look for Chromium. */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** The Java command the HTML validity check runs. */
export function javaCommand(env = process.env) {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', process.platform === 'win32' ? 'java.exe' : 'java') : 'java';
}

/** Whether `java -version` runs. */
export function javaWorks(env = process.env) {
  const r = spawnSync(javaCommand(env), ['-version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

function isDebianLike() {
  return process.platform === 'linux' && fs.existsSync('/etc/debian_version') && fs.existsSync('/usr/bin/apt-get');
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The human instructions for what is missing, per platform. */
function instructions(missing, debian, env) {
  const names = missing.map((m) => m.what).join(' and ');
  const platform = process.platform;
  const lines = [`The browser tests need ${names}, which ${missing.length > 1 ? 'are' : 'is'} not installed.`];
  if (debian) {
    lines.push(
      `Install ${missing.length > 1 ? 'them' : 'it'} with:`,
      `  sudo apt-get update && sudo apt-get install -y ${missing.flatMap((m) => m.debian).join(' ')}`,
    );
  } else if (platform === 'darwin') {
    if (missing.some((m) => m.key === 'chromium'))
      lines.push('Install Chromium (e.g. `brew install --cask chromium`) and set CHROMIUM_PATH to its binary.');
    if (missing.some((m) => m.key === 'java'))
      lines.push('Install a Java runtime 11 or newer (e.g. `brew install openjdk`) and put `java` on the PATH or set JAVA_HOME.');
  } else {
    if (missing.some((m) => m.key === 'chromium')) lines.push('Install Chromium or Chrome and set CHROMIUM_PATH to its executable.');
    if (missing.some((m) => m.key === 'java'))
      lines.push('Install a Java runtime 11 or newer and put `java` on the PATH or set JAVA_HOME.');
  }
  if (missing.some((m) => m.key === 'chromium'))
    lines.push(`Or set CHROMIUM_PATH to a Chromium or Chrome you have (the default is ${DEFAULT_CHROMIUM_PATH}).`);
  if (missing.some((m) => m.key === 'java') && env.JAVA_HOME)
    lines.push(`(JAVA_HOME is set to ${env.JAVA_HOME}, but ${javaCommand(env)} does not run.)`);
  return lines.join('\n');
}

function run(command, args, log) {
  log(`$ ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (r.error) throw new ProvisionError(`${command} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new ProvisionError(`${command} ${args.join(' ')} failed with exit code ${r.status}`);
}

/** How provision() sees and changes the machine; tests replace parts of it. */
export const realSystem = {
  exists: (file) => fs.existsSync(file),
  javaWorks,
  isRoot,
  isDebian: isDebianLike,
  run,
};

/**
 * Makes sure Chromium and Java are present, installing them with apt-get when that is possible
 * (Debian, root). Returns the paths the tests will use; throws ProvisionError otherwise.
 */
export function provision({ log = (m) => console.log(m), env = process.env, system = {} } = {}) {
  const sys = { ...realSystem, ...system };
  const chromium = chromiumPath(env);
  if (env.CHROMIUM_PATH && !sys.exists(chromium)) {
    throw new ProvisionError(
      `CHROMIUM_PATH is set to ${chromium}, which does not exist. Point it at a Chromium or Chrome executable, or unset it to use ${DEFAULT_CHROMIUM_PATH}.`,
    );
  }
  const missing = [];
  // fonts-liberation is only a Recommends of chromium, which --no-install-recommends leaves out;
  // with it, pages lay out with the same fonts (metric-compatible Arial, Courier) on every machine.
  if (!sys.exists(chromium)) missing.push({ key: 'chromium', what: 'Chromium', debian: ['chromium', 'fonts-liberation'] });
  if (!sys.javaWorks(env))
    missing.push({ key: 'java', what: 'a Java runtime (for the Nu HTML Checker)', debian: ['default-jre-headless'] });

  if (missing.length === 0) {
    log(`provision: Chromium at ${chromium}; Java: ${javaCommand(env)}`);
    return { chromium, java: javaCommand(env), installed: [] };
  }
  const debian = sys.isDebian();
  if (!debian || !sys.isRoot()) throw new ProvisionError(instructions(missing, debian, env));

  const packages = missing.flatMap((m) => m.debian);
  log(`provision: installing ${packages.join(', ')} with apt-get`);
  sys.run('apt-get', ['update'], log);
  sys.run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], log);

  if (!sys.exists(chromium)) throw new ProvisionError(`apt-get installed chromium, but ${chromium} still does not exist.`);
  if (!sys.javaWorks(env))
    throw new ProvisionError(`apt-get installed default-jre-headless, but \`${javaCommand(env)} -version\` still does not run.`);
  log(`provision: Chromium at ${chromium}; Java: ${javaCommand(env)}`);
  return { chromium, java: javaCommand(env), installed: packages };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    provision();
  } catch (err) {
    console.error(err instanceof ProvisionError ? err.message : err);
    process.exit(1);
  }
}
