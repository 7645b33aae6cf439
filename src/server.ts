/**
 * Starts E-COOP: migrate, seed the demo territory on an empty database when DEMO_DATA is on,
 * listen, and shut down gracefully on SIGINT/SIGTERM (in-flight requests and the running job finish).
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './platform/seeds.js';
import { modules } from './modules/index.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET, TWO_FACTOR_ROLES } from './modules/accounts/index.js';

export async function startServer(config: Config): Promise<FastifyInstance> {
  const database = createDatabase(config.database);
  const applied = await migrateToLatest(database.db);
  const app = await buildApp(config, { database });
  app.addHook('onClose', async () => database.close());
  if (applied.length) app.log.info({ migrations: applied }, 'migrations applied');
  let seeded = false;
  if (config.demoData) {
    seeded = await seedDemoIfEmpty(
      { db: database.db, config, log: { info: (m) => app.log.info(m), warn: (m) => app.log.warn(m) } },
      modules,
    );
  }
  await app.listen({ port: config.port, host: config.host });
  announce(app, config, seeded);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return app;
}

/** Tells the person who started E-COOP where it is, and in development how to sign in. */
function announce(app: FastifyInstance, config: Config, seeded: boolean): void {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.baseUrl.includes(`:${config.port}`) ? config.baseUrl.replace(`:${config.port}`, `:${port}`) : config.baseUrl;
  const lines = [
    ``,
    `  E-COOP is running at ${url}/`,
    `  Database: ${config.database.dialect === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
  ];
  if (seeded) lines.push(`  The demo territory (Vallée-Verte) was created.`);
  if (config.isDev && config.demoData) {
    lines.push(``, `  Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.role.padEnd(10)} ${a.email}${TWO_FACTOR_ROLES.includes(a.role) ? '  (2FA)' : ''}`);
    lines.push(`  (2FA): add the secret ${DEMO_TOTP_SECRET} to an authenticator app for the sign-in code.`);
  }
  lines.push(``);
  process.stdout.write(lines.join('\n') + '\n');
}
