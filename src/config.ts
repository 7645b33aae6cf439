/**
 * The environment, parsed once into a frozen, typed Config. No other file reads process.env:
 * everything configurable is named here, documented in the README's configuration table, and
 * every invalid setting is reported at boot (all of them at once, not the first only).
 */
import path from 'node:path';
import { z } from 'zod';

/** Locales E-COOP ships catalogs for. Adding one means adding `locales/<code>.json`. */
export const SUPPORTED_LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

const onOff = z.enum(['on', 'off']);
const booleanish = z.enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no']).transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('E-COOP <no-reply@localhost>'),
  DEFAULT_LOCALE: z.enum(SUPPORTED_LOCALES).default('en'),
  LOCALES: z
    .string()
    .default(SUPPORTED_LOCALES.join(','))
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SUPPORTED_LOCALES)).min(1)),
  MAP_TILE_URL: z.string().default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  DEMO_DATA: booleanish.optional(),
  RATE_LIMITS: onOff.default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOBS_WORKER: onOff.default('on'),
  PAGE_CACHE: onOff.default('on'),
  TRUST_PROXY: booleanish.default(false),
  FLAG_AUTO_HIDE: z.coerce.number().int().min(1).max(1000).default(3),
  WIKI_REVIEW_ACCOUNT_DAYS: z.coerce.number().int().min(0).max(3650).default(4),
  WIKI_REVIEW_ACCEPTED_EDITS: z.coerce.number().int().min(0).max(1000).default(3),
});

export interface Config {
  readonly env: 'development' | 'production' | 'test';
  readonly isDev: boolean;
  readonly port: number;
  readonly host: string;
  readonly baseUrl: string;
  readonly secureCookies: boolean;
  readonly dataDir: string;
  readonly database:
    | { readonly dialect: 'sqlite'; readonly file: string }
    | { readonly dialect: 'postgres'; readonly url: string; readonly schema?: string };
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly defaultLocale: Locale;
  readonly locales: readonly Locale[];
  readonly mapTileUrl: string;
  readonly demoData: boolean;
  readonly rateLimits: boolean;
  readonly logLevel: string;
  readonly jobsWorker: boolean;
  readonly pageCache: boolean;
  readonly trustProxy: boolean;
  /** Reports after which content is hidden until a moderator decides. */
  readonly flagAutoHide: number;
  /**
   * Who counts as a new account in the wiki, whose edits wait for review: one younger than
   * `accountDays` or with fewer than `acceptedEdits` accepted edits. Both 0: nobody.
   */
  readonly wikiReview: { readonly accountDays: number; readonly acceptedEdits: number };
}

/** Thrown when the environment is invalid; lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (process.env by default) into a frozen Config, or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (!e.LOCALES.includes(e.DEFAULT_LOCALE)) problems.push(`DEFAULT_LOCALE: "${e.DEFAULT_LOCALE}" is not in LOCALES`);
  if (problems.length) throw new ConfigError(problems);

  const dataDir = path.resolve(e.DATA_DIR);
  const database: Config['database'] =
    e.DATABASE_URL && !e.DATABASE_URL.startsWith('sqlite:')
      ? { dialect: 'postgres', url: e.DATABASE_URL }
      : {
          dialect: 'sqlite',
          file: e.DATABASE_URL ? sqliteFile(e.DATABASE_URL, dataDir) : path.join(dataDir, 'ecoop.sqlite'),
        };
  const baseUrl = (e.BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, '');
  const config: Config = {
    env: e.NODE_ENV,
    isDev: e.NODE_ENV === 'development',
    port: e.PORT,
    host: e.HOST,
    baseUrl,
    secureCookies: baseUrl.startsWith('https://'),
    dataDir,
    database,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    defaultLocale: e.DEFAULT_LOCALE,
    locales: e.LOCALES,
    mapTileUrl: e.MAP_TILE_URL,
    // Demo data is on by default only for the embedded (SQLite) setup.
    demoData: e.DEMO_DATA ?? database.dialect === 'sqlite',
    rateLimits: e.RATE_LIMITS === 'on',
    logLevel: e.LOG_LEVEL,
    jobsWorker: e.JOBS_WORKER === 'on',
    pageCache: e.PAGE_CACHE === 'on',
    trustProxy: e.TRUST_PROXY,
    flagAutoHide: e.FLAG_AUTO_HIDE,
    wikiReview: { accountDays: e.WIKI_REVIEW_ACCOUNT_DAYS, acceptedEdits: e.WIKI_REVIEW_ACCEPTED_EDITS },
    ...overrides,
  };
  return Object.freeze(config);
}

/** `sqlite:relative/file.db`, `sqlite:///abs/file.db` or `sqlite::memory:` → a path for better-sqlite3. */
function sqliteFile(url: string, dataDir: string): string {
  const rest = url.slice('sqlite:'.length).replace(/^\/\//, '');
  if (rest === ':memory:') return ':memory:';
  return path.isAbsolute(rest) ? rest : path.resolve(dataDir, '..', rest);
}
