/**
 * The `ecoop` data commands: import services, import places and export services.
 * Exit codes: 0 success, 1 failure, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { translator } from '../platform/i18n.js';
import { EXPORT_FORMATS, exportCatalogue, type ExportFormat } from '../modules/catalogue/catalogue-export.js';
import { decodeUtf8, importCatalogue, type ImportReport } from '../modules/catalogue/catalogue-import.js';
import { CLI_IMPORT_ACTOR, importPlaces, placesImportReportText } from '../modules/places/places-import.js';
import { parse, withDatabase, type Out } from './cli-support.js';

/** `ecoop import services FILE [--skip-invalid] [--dry-run]`, or `ecoop import places …`. */
export async function importCommand(config: Config, rest: string[], out: Out): Promise<number> {
  const [what, ...options] = rest;
  if (what === 'places') return importPlacesCommand(config, options, out);
  let args: { values: { 'skip-invalid'?: boolean; 'dry-run'?: boolean }; positionals: string[] };
  try {
    args = parseArgs({
      args: options,
      options: { 'skip-invalid': { type: 'boolean' }, 'dry-run': { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    out.error((err as Error).message);
    return 2;
  }
  if (what !== 'services' || args.positionals.length !== 1) {
    out.error('Usage: ecoop import services FILE [--skip-invalid] [--dry-run]');
    return 2;
  }
  const file = path.resolve(args.positionals[0]!);
  const text = readUtf8File(file, out);
  if (text === null) return 1;
  return withDatabase(config, async (db) => {
    await migrateToLatest(db);
    const report = await importCatalogue(db, 'cli', text, {
      defaultLocale: config.defaultLocale,
      t: translator('en'),
      audit: {},
      fileName: file,
      skipInvalid: args.values['skip-invalid'] ?? false,
      dryRun: args.values['dry-run'] ?? false,
    });
    out.log(importReportText(report, file));
    return report.stopped ? 1 : 0;
  });
}

/** `ecoop export services --format csv|jsonld [--output FILE]`. */
export async function exportCommand(config: Config, rest: string[], out: Out): Promise<number> {
  const [what, ...options] = rest;
  const args = parse(options, { format: { type: 'string' }, output: { type: 'string' } }, out);
  if (!args) return 2;
  if (what !== 'services' || !(EXPORT_FORMATS as readonly string[]).includes(args.format ?? '')) {
    out.error('Usage: ecoop export services --format csv|jsonld [--output FILE]');
    return 2;
  }
  return withDatabase(config, async (db) => {
    await migrateToLatest(db);
    const body = await exportCatalogue(db, args.format as ExportFormat, 'all', {
      baseUrl: config.baseUrl,
      defaultLocale: config.defaultLocale,
      locales: config.locales,
    });
    if (args.output) {
      fs.writeFileSync(path.resolve(args.output), body);
      out.error(`Exported to ${path.resolve(args.output)}.`);
    } else if (out === console) process.stdout.write(body);
    else out.log(body.replace(/\r?\n$/, ''));
    return 0;
  });
}

/** `ecoop import places FILE [--skip-invalid] [--source NAME]`. */
async function importPlacesCommand(config: Config, options: string[], out: Out): Promise<number> {
  let args: { values: { 'skip-invalid'?: boolean; source?: string }; positionals: string[] };
  try {
    args = parseArgs({
      args: options,
      options: { 'skip-invalid': { type: 'boolean' }, source: { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    out.error((err as Error).message);
    return 2;
  }
  if (args.positionals.length !== 1 || args.values.source?.trim() === '') {
    out.error('Usage: ecoop import places FILE [--skip-invalid] [--source NAME]');
    return 2;
  }
  const file = path.resolve(args.positionals[0]!);
  const text = readUtf8File(file, out);
  if (text === null) return 1;
  return withDatabase(config, async (db) => {
    await migrateToLatest(db);
    const report = await importPlaces(db, text, {
      skipInvalid: args.values['skip-invalid'] ?? false,
      source: args.values.source?.trim() ?? null,
      platformName: translator('fr')('meta.siteName'),
      actor: CLI_IMPORT_ACTOR,
      context: null,
      t: translator('en'),
      locale: 'en',
    });
    out.log(placesImportReportText(report, file));
    return report.stopped ? 1 : 0;
  });
}

/** An import's report as the command prints it. */
function importReportText(report: ImportReport, file: string): string {
  const where = (line: number) => (line === 0 ? 'whole file' : `${report.unit} ${line}`);
  const lines = [
    `${report.dryRun ? 'Checked' : 'Imported'} ${file} (${report.format === 'csv' ? 'CSV' : 'CPSV-AP JSON-LD'}): ${report.rows} service(s).`,
    `  ${report.stopped || report.dryRun ? 'to create' : 'created'}: ${report.created}, ${report.stopped || report.dryRun ? 'to update' : 'updated'}: ${report.updated}, unchanged: ${report.unchanged}, with problems: ${report.invalid}`,
  ];
  if (report.problems.length > 0) {
    lines.push('Problems:');
    for (const p of report.problems) lines.push(`  ${where(p.line)}${p.field ? `, ${p.field}` : ''}: ${p.reason}`);
  }
  if (report.stopped)
    lines.push('Nothing was written. Correct the file and import it again, or use --skip-invalid to import the valid lines only.');
  else if (report.dryRun) lines.push('Dry run: nothing was written.');
  return lines.join('\n');
}

/** The text of an import file, or null once the reason it cannot be read (missing, not UTF-8) is printed. */
function readUtf8File(file: string, out: Out): string | null {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    out.error(`Cannot read ${file}: ${(err as Error).message}`);
    return null;
  }
  const text = decodeUtf8(bytes);
  if (text === null) out.error(`${file} is not UTF-8 text: save it as “CSV UTF-8” and try again.`);
  return text;
}
