/**
 * Load balancer probes. `/healthz`: the process is alive (no I/O). `/readyz`: the database answers
 * and no migration is pending; 503 otherwise, so a new instance gets traffic only when it can serve it.
 */
import type { FastifyInstance } from 'fastify';
import { pendingMigrations } from '../db/migrate.js';

export function registerHealth(app: FastifyInstance): void {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const database = await app.database.ping();
    let migrations: 'current' | 'pending' | 'unknown' = 'unknown';
    if (database) {
      try {
        migrations = (await pendingMigrations(app.db)).length === 0 ? 'current' : 'pending';
      } catch {
        migrations = 'unknown';
      }
    }
    const ready = database && migrations === 'current';
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not_ready', database: database ? 'reachable' : 'unreachable', migrations });
  });
}
