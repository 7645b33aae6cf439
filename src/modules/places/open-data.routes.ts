/** (H4) — stub, to be written. */
import type { FastifyInstance } from 'fastify';

export async function placesOpenDataRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
