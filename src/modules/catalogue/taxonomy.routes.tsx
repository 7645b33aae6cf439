/** Routes: admins' organisations, sectors and life events (helper: editor). */
import type { FastifyInstance } from 'fastify';

export async function taxonomyRoutes(_app: FastifyInstance): Promise<void> {}
