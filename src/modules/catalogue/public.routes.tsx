/** Routes: the public catalogue pages and search (helper: public pages). */
import type { FastifyInstance } from 'fastify';

export async function publicRoutes(_app: FastifyInstance): Promise<void> {}
