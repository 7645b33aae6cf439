/**
 * The `ecoop` command: migrate, seed, create-admin, create-user, api-token, backup, reindex, import,
 * export, serve.
 * Exit codes: 0 success, 1 failure, 2 usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { createDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { reindexAll } from '../platform/search.js';
import { isEmptyDatabase, seedDemo } from '../platform/seeds.js';
import { modules } from '../modules/index.js';
import { startServer } from '../server.js';
import { apiTokenCommand, createAdminCommand, createUserCommand } from './account-commands.js';
import { parse, withDatabase, type Out } from './cli-support.js';
import { exportCommand, importCommand } from './data-commands.js';

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
    case 'create-admin':
      return createAdminCommand(config, rest, out);
    case 'create-user':
      return createUserCommand(config, rest, out);
    case 'api-token':
      return apiTokenCommand(config, rest, out);
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
    case 'import':
      return importCommand(config, rest, out);
    case 'export':
      return exportCommand(config, rest, out);
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
