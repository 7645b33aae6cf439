/** (being written) */
import type { FastifyInstance } from 'fastify';

export async function feedbackRoutes(_app: FastifyInstance): Promise<void> {}
