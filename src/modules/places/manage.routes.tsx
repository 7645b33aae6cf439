/** (H5) — stub, to be written. */
import type { FastifyInstance } from 'fastify';

export async function manageRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
