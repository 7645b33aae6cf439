/** (being written) */
import type { FastifyInstance } from 'fastify';

export async function problemsRoutes(_app: FastifyInstance): Promise<void> {}
