/** (H3b) — stub, to be written. */
import type { FastifyInstance } from 'fastify';

export async function appointmentsRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
