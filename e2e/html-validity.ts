/**
 * HTML validity with the Nu HTML Checker (vnu-jar, the W3C validator's engine). The JVM is slow to
 * start, so every collected document is checked in a single run.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A document as the server sent it (the response body, not the DOM after scripts ran). */
export interface HtmlDocument {
  /** Where it came from, for the report (`/en/about`, `/en/admin/jobs (signed in)`). */
  label: string;
  html: string;
}

export interface HtmlError {
  label: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
  extract: string | undefined;
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  firstLine?: number;
  firstColumn?: number;
  message: string;
  extract?: string;
}

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

/** The Java command: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` (see scripts/provision.mjs). */
function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Checks every document in one JVM; returns the errors (an empty list when all are valid). */
export async function checkHtml(documents: HtmlDocument[]): Promise<HtmlError[]> {
  if (documents.length === 0) return [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecoop-vnu-'));
  try {
    const byUrl = new Map<string, string>();
    const files = documents.map((doc, i) => {
      const file = path.join(dir, `${String(i).padStart(4, '0')}.html`);
      fs.writeFileSync(file, doc.html);
      byUrl.set(pathToFileURL(file).href, doc.label);
      byUrl.set(`file:${file}`, doc.label);
      return file;
    });
    const { stdout, stderr, code } = await run(javaCommand(), [
      '-jar',
      vnuJar,
      '--errors-only',
      '--format',
      'json',
      '--exit-zero-always',
      ...files,
    ]);
    // vnu writes its report to stderr (stdout with --stdout); take whichever holds the JSON.
    const json = [stderr, stdout].map((s) => s.trim()).find((s) => s.startsWith('{'));
    if (!json) throw new Error(`The Nu HTML Checker gave no report (exit code ${code}):\n${stderr}\n${stdout}`);
    const report = JSON.parse(json) as { messages: VnuMessage[] };
    return report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => ({
        label: (m.url && (byUrl.get(m.url) ?? byUrl.get(decodeURI(m.url)))) ?? m.url ?? '(unknown document)',
        line: m.lastLine ?? m.firstLine,
        column: m.firstColumn,
        message: m.message,
        extract: m.extract,
      }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Formats errors for a report, grouped by message so a layout-wide error reads once. */
export function describeHtmlErrors(errors: HtmlError[]): string[] {
  const groups = new Map<string, HtmlError[]>();
  for (const e of errors) groups.set(e.message, [...(groups.get(e.message) ?? []), e]);
  return [...groups].map(([message, list]) => {
    const where = list
      .slice(0, 8)
      .map(
        (e) =>
          `    - ${e.label}, line ${e.line ?? '?'}${e.column ? `:${e.column}` : ''}${e.extract ? `: ${e.extract.replace(/\s+/g, ' ').trim().slice(0, 120)}` : ''}`,
      );
    const more = list.length > 8 ? [`    … and ${list.length - 8} more`] : [];
    return [`  ${message} (${list.length}×)`, ...where, ...more].join('\n');
  });
}

function run(command: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err) =>
      reject(
        new Error(
          `Could not run ${command} for the Nu HTML Checker (${err.message}). Run \`node scripts/provision.mjs\`, or install Java (\`sudo apt-get install default-jre-headless\`), or set JAVA_HOME.`,
        ),
      ),
    );
    child.on('close', (code) => resolve({ stdout, stderr, code }));
  });
}
