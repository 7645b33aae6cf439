/** The design system page (development only). PLACEHOLDER — being written by the UI helper. */
import type { FastifyInstance } from 'fastify';

export async function designSystemRoutes(_app: FastifyInstance): Promise<void> {}
