/** Routes: CPSV-AP JSON-LD and CSV import/export pages and endpoints (helper: open data). */
import type { FastifyInstance } from 'fastify';

export async function openDataRoutes(_app: FastifyInstance): Promise<void> {}
