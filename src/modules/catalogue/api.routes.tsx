/** Routes: the services REST API (helper: API). */
import type { FastifyInstance } from 'fastify';

export async function apiRoutes(_app: FastifyInstance): Promise<void> {}
