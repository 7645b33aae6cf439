/** (being written) */
import type { FastifyInstance } from 'fastify';

export async function resultsRoutes(_app: FastifyInstance): Promise<void> {}
