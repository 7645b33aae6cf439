/** (H3a) — stub, to be written. */
import type { FastifyInstance } from 'fastify';

export async function workshopsRoutes(app: FastifyInstance): Promise<void> {
  void app;
}
