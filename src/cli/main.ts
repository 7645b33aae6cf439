/**
 * The `ecoop` command: migrate, seed, create-admin, create-user, api-token, backup, reindex, import,
 * export, serve.
 * Exit codes: 0 success, 1 failure, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../platform/errors.js';
import { translator, type MessageKey } from '../platform/i18n.js';
import { reindexAll } from '../platform/search.js';
import { isEmptyDatabase, seedDemo } from '../platform/seeds.js';
import { createAdmin, createApiTokenForEmail, provisionUser } from '../modules/accounts/index.js';
import { EXPORT_FORMATS, exportCatalogue, type ExportFormat } from '../modules/catalogue/catalogue-export.js';
import { decodeUtf8, importCatalogue, type ImportReport } from '../modules/catalogue/catalogue-import.js';
import { modules } from '../modules/index.js';
import { CLI_IMPORT_ACTOR, importPlaces, placesImportReportText } from '../modules/places/places-import.js';
import { startServer } from '../server.js';

const USAGE = `Usage: ecoop <command> [options]

Commands:
  serve                                   migrate, seed the demo territory on an empty database (DEMO_DATA), serve
  migrate                                 apply pending database migrations
  seed                                    add the demo territory (skips what exists)
  create-admin --email E --password P     create an administrator (or make an account admin); P "-" reads stdin
  create-user --email E --password P [--name N] [--role ROLE]… [--verified]
                                          create an account; P "-" reads stdin; ROLE is one of
                                          citizen, helper, moderator, admin, official:<organisation-slug>,
                                          mediator:<place-slug>; --verified marks the email as verified
  api-token create --email E --name N     create an API token for an account and print it (only it)
  backup --to FILE                        online backup of the SQLite database to FILE
  reindex                                 rebuild the search index
  import services FILE [--skip-invalid] [--dry-run]
                                          import e-services from a CSV or CPSV-AP JSON-LD file (see
                                          docs/catalogue-import.md): every line is checked first and
                                          each problem printed; nothing is written when a line is
                                          invalid, unless --skip-invalid; --dry-run writes nothing.
                                          Exit 1 when invalid lines stopped the import
  import places FILE [--skip-invalid] [--source NAME]
                                          import Digital Public Spaces from a CSV file in the "lieux
                                          de médiation numérique" schema (see docs/places-data.md):
                                          every line is checked first and each problem printed
                                          (line, column, reason); nothing is written when a line is
                                          invalid, unless --skip-invalid; --source names where the
                                          places come from. Exit 1 when invalid lines stopped it
  export services --format csv|jsonld [--output FILE]
                                          export every e-service (drafts included) to stdout or FILE
  help                                    this text

Configuration comes from the environment (see README.md).`;

type Out = { log: (s: string) => void; error: (s: string) => void };

/** Runs the CLI with arguments (without `node` and the script). Returns the exit code. */
export async function runCli(
  argv: string[],
  // eslint-disable-next-line no-restricted-properties -- the CLI is where the environment enters, once, into loadConfig
  env: Record<string, string | undefined> = process.env,
  out: Out = console,
): Promise<number> {
  const [command, ...rest] = argv;
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      out.error(err.message);
      return 1;
    }
    throw err;
  }
  switch (command) {
    case 'serve':
      await startServer(config);
      return 0;
    case 'migrate':
      return withDatabase(config, async (db) => {
        const applied = await migrateToLatest(db);
        out.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join('\n  ')}` : 'The database is up to date.');
        return 0;
      });
    case 'seed':
      return withDatabase(config, async (db) => {
        await migrateToLatest(db);
        const log = { info: (m: string) => out.log(m), warn: (m: string) => out.error(m) };
        if (!(await isEmptyDatabase({ db, config, log })))
          out.log('The database already has content: adding only the demo items that are missing.');
        await seedDemo({ db, config, log }, modules);
        out.log('Demo territory seeded.');
        return 0;
      });
    case 'create-admin': {
      const args = parse(rest, { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } }, out);
      if (!args) return 2;
      if (!args.email || !args.password) {
        out.error('create-admin needs --email and --password');
        return 2;
      }
      const password = args.password === '-' ? fs.readFileSync(0, 'utf8').trim() : args.password;
      return withDatabase(config, async (db) => {
        await migrateToLatest(db);
        try {
          const { created } = await createAdmin(db, { email: args.email!, password, ...(args.name ? { displayName: args.name } : {}) });
          out.log(
            created
              ? `Administrator ${args.email} created.`
              : `${args.email} already existed: it is now an administrator, with the new password.`,
          );
          return 0;
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation_failed') {
            out.error(`Invalid administrator:\n${err.fields.map((f) => `  --${f.field}: ${f.message}`).join('\n')}`);
            return 2;
          }
          throw err;
        }
      });
    }
    case 'create-user': {
      let args: { email?: string; password?: string; name?: string; role?: string[]; verified?: boolean };
      try {
        args = parseArgs({
          args: rest,
          options: {
            email: { type: 'string' },
            password: { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string', multiple: true },
            verified: { type: 'boolean' },
          },
          strict: true,
          allowPositionals: false,
        }).values;
      } catch (err) {
        out.error((err as Error).message);
        return 2;
      }
      if (!args.email || !args.password) {
        out.error('create-user needs --email and --password');
        return 2;
      }
      const password = args.password === '-' ? fs.readFileSync(0, 'utf8').trim() : args.password;
      return withDatabase(config, async (db) => {
        await migrateToLatest(db);
        try {
          const { userId } = await provisionUser(db, {
            email: args.email!,
            password,
            displayName: args.name,
            roles: args.role ?? [],
            verified: args.verified ?? false,
            locale: config.defaultLocale,
          });
          out.log(`User ${args.email} created (id ${userId}).`);
          return 0;
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation_failed') {
            out.error(`Invalid user, nothing was created:\n${err.fields.map((f) => `  --${f.field}: ${f.message}`).join('\n')}`);
            return 2;
          }
          if (err instanceof AppError && err.code === 'conflict') {
            out.error(`${err.message}; nothing was created.`);
            return 1;
          }
          throw err;
        }
      });
    }
    case 'api-token': {
      const [sub, ...options] = rest;
      if (sub !== 'create') {
        out.error(`api-token needs a subcommand: api-token create --email E --name N`);
        return 2;
      }
      const args = parse(options, { email: { type: 'string' }, name: { type: 'string' } }, out);
      if (!args) return 2;
      if (!args.email || args.name === undefined) {
        out.error('api-token create needs --email and --name');
        return 2;
      }
      return withDatabase(config, async (db) => {
        await migrateToLatest(db);
        try {
          const { token } = await createApiTokenForEmail(db, { email: args.email!, name: args.name! });
          // The token and nothing else on stdout, so `TOKEN=$(npx ecoop api-token create …)` works.
          out.log(token);
          return 0;
        } catch (err) {
          if (err instanceof AppError && err.code === 'validation_failed') {
            out.error(`Invalid token name: ${err.fields.map((f) => translator('en')(f.message as MessageKey)).join('; ')}`);
            return 2;
          }
          if (err instanceof AppError && (err.code === 'not_found' || err.code === 'forbidden')) {
            out.error(`${err.message}: ${args.email}`);
            return 1;
          }
          throw err;
        }
      });
    }
    case 'backup': {
      const args = parse(rest, { to: { type: 'string' } }, out);
      if (!args) return 2;
      if (!args.to) {
        out.error('backup needs --to FILE');
        return 2;
      }
      if (config.database.dialect === 'postgres') {
        out.error(
          'On PostgreSQL, back up with the database’s own tools, for example:\n' +
            '  pg_dump --format=custom --file=ecoop.dump "$DATABASE_URL"\n' +
            'and restore with pg_restore. `ecoop backup` copies the embedded SQLite database only.',
        );
        return 1;
      }
      const target = path.resolve(args.to);
      if (fs.existsSync(target)) {
        out.error(`${target} already exists; choose a new file.`);
        return 1;
      }
      const handle = createDatabase(config.database);
      try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        await handle.sqlite!.backup(target);
        out.log(`Backed up ${config.database.file} to ${target}.`);
        return 0;
      } finally {
        await handle.close();
      }
    }
    case 'reindex':
      return withDatabase(config, async (db) => {
        await migrateToLatest(db);
        const searchables = modules.flatMap((m) => m.searchables ?? []);
        await reindexAll(db, searchables);
        out.log(`Search index rebuilt (${searchables.map((s) => s.type).join(', ')}).`);
        return 0;
      });
    case 'import': {
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
      let bytes: Buffer;
      try {
        bytes = fs.readFileSync(file);
      } catch (err) {
        out.error(`Cannot read ${file}: ${(err as Error).message}`);
        return 1;
      }
      const text = decodeUtf8(bytes);
      if (text === null) {
        out.error(`${file} is not UTF-8 text: save it as “CSV UTF-8” and try again.`);
        return 1;
      }
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
    case 'export': {
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
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out.log(USAGE);
      return command ? 0 : 2;
    default:
      out.error(`Unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
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
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    out.error(`Cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    out.error(`${file} is not UTF-8 text: save it as “CSV UTF-8” and try again.`);
    return 1;
  }
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

function parse<T extends Record<string, { type: 'string' }>>(args: string[], options: T, out: Out): { [K in keyof T]?: string } | null {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as { [K in keyof T]?: string };
  } catch (err) {
    out.error((err as Error).message);
    return null;
  }
}

async function withDatabase(config: Config, fn: (db: ReturnType<typeof createDatabase>['db']) => Promise<number>): Promise<number> {
  const handle = createDatabase(config.database);
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

const invokedDirectly = process.argv[1] && /cli[\\/]main\.(js|ts)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      if (process.argv[2] !== 'serve') process.exit(code);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
