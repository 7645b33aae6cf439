/**
 * The `ecoop` account commands: create-admin, create-user and api-token create.
 * Exit codes: 0 success, 1 failure, 2 usage error.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Config } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../platform/errors.js';
import { translator, type MessageKey } from '../platform/i18n.js';
import { createAdmin, createApiTokenForEmail, provisionUser } from '../modules/accounts/index.js';
import { parse, withDatabase, type Out } from './cli-support.js';

/** `ecoop create-admin --email E --password P [--name N]`. */
export async function createAdminCommand(config: Config, rest: string[], out: Out): Promise<number> {
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

/** `ecoop create-user --email E --password P [--name N] [--role ROLE]… [--verified]`. */
export async function createUserCommand(config: Config, rest: string[], out: Out): Promise<number> {
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

/** `ecoop api-token create --email E --name N`. */
export async function apiTokenCommand(config: Config, rest: string[], out: Out): Promise<number> {
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
