/** (being written) */
import type { FastifyInstance } from 'fastify';

export async function open311Routes(_app: FastifyInstance): Promise<void> {}
