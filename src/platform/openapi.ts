/**
 * The OpenAPI 3.1 description at `/api/v1/openapi.json`: the platform's own endpoints plus the
 * paths each module declares (`EcoopModule.openapi`), so the document follows the code.
 */
import type { FastifyInstance } from 'fastify';
import { ERROR_STATUS } from './errors.js';
import type { EcoopModule } from './module.js';

export interface OpenApiFragment {
  paths?: Record<string, unknown>;
  schemas?: Record<string, unknown>;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const PLATFORM: OpenApiFragment = {
  paths: {
    '/healthz': {
      get: {
        operationId: 'liveness',
        tags: ['platform'],
        summary: 'Liveness: the process is alive',
        responses: {
          '200': {
            description: 'Alive',
            content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] } } },
          },
        },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readiness',
        tags: ['platform'],
        summary: 'Readiness: the database answers and migrations are current',
        responses: {
          '200': { description: 'Ready', content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } } },
          '503': { description: 'Not ready', content: { 'application/json': { schema: { $ref: '#/components/schemas/Readiness' } } } },
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        operationId: 'openapi',
        tags: ['platform'],
        summary: 'This description',
        responses: {
          '200': { description: 'The OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } },
          '500': errorResponse('Server error'),
        },
      },
    },
  },
  schemas: {
    Error: {
      type: 'object',
      description: 'Every error has a stable machine-readable code; the message is for people and may change.',
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
        message: { type: 'string' },
        fields: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } }, required: ['field', 'message'] },
        },
        requestId: { type: 'string', description: 'Quote it to support; it is in the server logs.' },
      },
      required: ['code', 'message', 'requestId'],
    },
    Readiness: {
      type: 'object',
      properties: {
        status: { enum: ['ready', 'not_ready'] },
        database: { enum: ['reachable', 'unreachable'] },
        migrations: { enum: ['current', 'pending', 'unknown'] },
      },
      required: ['status', 'database', 'migrations'],
    },
  },
};

/** Builds the document from the platform's fragment and every module's. */
export function buildOpenApi(baseUrl: string, modules: readonly EcoopModule[]): Record<string, unknown> {
  const fragments = [PLATFORM, ...modules.flatMap((m) => (m.openapi ? [m.openapi] : []))];
  return {
    openapi: '3.1.0',
    info: {
      title: 'E-COOP API',
      version: '1',
      description:
        'Open data and integrations for E-COOP: public e-services, their assessment, Digital Public Spaces and the E-coop Wiki. Reads are public; writes need a Bearer API token.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: baseUrl }],
    paths: Object.assign({}, ...fragments.map((f) => f.paths ?? {})),
    components: {
      schemas: Object.assign({}, ...fragments.map((f) => f.schemas ?? {})),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token created in the account or admin pages.' } },
    },
  };
}

export function registerOpenApi(app: FastifyInstance, modules: readonly EcoopModule[]): void {
  const document = buildOpenApi(app.config.baseUrl, modules);
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.header('access-control-allow-origin', '*').send(document));
}
