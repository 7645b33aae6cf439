/**
 * What a module declares about itself (after Decidim's component manifest). `app.ts` lists the
 * modules explicitly; the platform reads these declarations to mount routes, run job handlers,
 * seed demo content and rebuild the search index. The platform never imports a module.
 */
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { BearerAuthenticator } from './api-auth.js';
import type { FlaggableType } from './flags.js';
import type { PersonalDataProvider } from './gdpr.js';
import type { MessageKey } from './i18n.js';
import type { JobHandler } from './jobs.js';
import type { OpenApiFragment } from './openapi.js';
import type { Searchable } from './search.js';
import type { SlotProviders } from './slots.js';

export interface SeedContext {
  db: Db;
  config: Config;
  log: { info(message: string): void; warn(message: string): void };
}

/** A page people with certain roles work from, linked from their account page ("Your work"). */
export interface Workspace {
  /** Path without the locale, e.g. `/manage/services`. */
  path: string;
  labelKey: MessageKey;
  /** Whether someone with these roles in effect may use it (the page itself still checks). */
  visibleTo: (roles: readonly string[]) => boolean;
  /**
   * A page about the person's own doings (their bookings, registrations, calendar) rather than a
   * work page: listed under "Your activities" instead of "Your work".
   */
  personal?: boolean;
}

export interface EcoopModule {
  /** Unique, kebab-case. */
  name: string;
  /**
   * A hook every request passes through after the session is loaded (routes are mounted in their
   * own scope, so a hook added there would only see the module's own routes). Keep it cheap.
   */
  onRequest?: onRequestAsyncHookHandler;
  /** Mounts the module's pages and API routes. */
  routes?: (app: FastifyInstance) => Promise<void> | void;
  /** Handlers for the job types this module enqueues, by type name (`<module>.<verb>`). */
  jobs?: Record<string, JobHandler>;
  /** Adds this module's part of the demo territory. Runs once, on an empty database, in module order. */
  demoSeed?: (ctx: SeedContext) => Promise<void>;
  /** This module's part of the OpenAPI description (paths and schemas). */
  openapi?: OpenApiFragment;
  /** Content types this module puts in the search index. */
  searchables?: Searchable[];
  /** Content types people may report (see platform/flags.ts). */
  flaggable?: FlaggableType[];
  /** What it exports for a person and how it anonymises them on account deletion (see platform/gdpr.ts). */
  personalData?: PersonalDataProvider;
  /** Pages of this module that some roles work from, listed on their account page. */
  workspaces?: Workspace[];
  /** Sections this module adds to other modules' pages (see platform/slots.ts). */
  slots?: SlotProviders;
  /** Resolves API Bearer tokens to users (the accounts module; see platform/api-auth.ts). */
  authenticateBearer?: BearerAuthenticator;
}
