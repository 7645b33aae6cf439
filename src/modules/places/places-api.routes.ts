/** (H2) — stub, to be written. */
import type { FastifyInstance } from 'fastify';

export async function placesApiRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
