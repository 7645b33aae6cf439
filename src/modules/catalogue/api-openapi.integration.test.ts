/**
 * The services API's OpenAPI description: every route of the API described with its methods, and
 * the schemas matching what the API returns.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { apiCalls, seedApiCallers, type ApiTokens, type Json } from './testing/api.js';

describeEachDatabase('catalogue API', (dialect) => {
  let t: TestApp;
  let tokens: ApiTokens;
  const { call, get } = apiCalls(() => t.app);

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    ({ tokens } = await seedApiCallers(t.app.db));
  });
  afterAll(() => t.close());

  describe('OpenAPI', () => {
    let doc: Json;
    let ajv: Ajv2020;
    beforeAll(async () => {
      doc = (await get('/api/v1/openapi.json')).json<Json>();
      ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats.default(ajv);
      ajv.addSchema({ $id: 'openapi', components: doc.components });
    });
    const check = (schema: string, value: unknown) => {
      const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
      expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    };

    it('describes every route of the catalogue API, with its methods', async () => {
      const expected: [string, string][] = [
        ['/api/v1/services', 'get'],
        ['/api/v1/services', 'post'],
        ['/api/v1/services/{slug}', 'get'],
        ['/api/v1/services/{slug}', 'patch'],
        ['/api/v1/services/{slug}/publish', 'post'],
        ['/api/v1/services/{slug}/withdraw', 'post'],
        ['/api/v1/services/{slug}/unpublish', 'post'],
        ['/api/v1/search', 'get'],
        ['/api/v1/sectors', 'get'],
        ['/api/v1/life-events', 'get'],
        ['/api/v1/organisations', 'get'],
      ];
      for (const [path, method] of expected) {
        expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
        expect(t.app.hasRoute({ method: method.toUpperCase() as 'GET', url: path.replace('{slug}', ':slug') }), `${method} ${path}`).toBe(
          true,
        );
        for (const code of Object.keys(doc.paths[path][method].responses)) expect(code).toMatch(/^[1-5]\d\d$/);
      }
      // Every /api/v1 route the app serves is described, method included (by this module or another).
      const served = collectRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/'));
      expect(served.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/v1/services', '/api/v1/services/:slug/publish']));
      for (const route of served) {
        const path = route.path.replace(/:([a-zA-Z]+)/g, '{$1}');
        for (const method of route.methods.filter((m) => m !== 'HEAD'))
          expect(doc.paths[path]?.[method.toLowerCase()], `${method} ${path}`).toBeDefined();
      }
    });

    it('matches what the API returns', async () => {
      const page = (await get('/api/v1/services?limit=3')).json<Json>();
      check('ServicePage', page);
      check('Service', (await get('/api/v1/services/housing-allowance')).json());
      check('Service', (await get('/api/v1/services/a-county-draft', tokens.county)).json());
      check('SearchResult', (await get('/api/v1/search?q=benefit')).json());
      for (const s of page.data)
        check('ServiceInput', Object.fromEntries(Object.entries(s).filter(([k]) => k in doc.components.schemas.ServiceInput.properties)));
      check('Error', (await get('/api/v1/services?limit=0')).json());
      check('Error', (await call('POST', '/api/v1/services', { token: tokens.county, body: { slug: 'x' } })).json());
      const lists: [string, string][] = [
        ['/api/v1/sectors', 'Sector'],
        ['/api/v1/life-events', 'LifeEvent'],
        ['/api/v1/organisations', 'Organisation'],
      ];
      for (const [url, schema] of lists) for (const item of (await get(url)).json<Json>().data) check(schema, item);
      // The schema is not a rubber stamp.
      const validate = ajv.getSchema('openapi#/components/schemas/Service')!;
      expect(validate({ ...page.data[0], channels: ['fax'] })).toBe(false);
      expect(validate({ slug: 'x' })).toBe(false);
    });
  });
});

/** Every route the app serves, with its methods, read from fastify's route tree (`printRoutes`). */
function collectRoutes(app: TestApp['app']): { path: string; methods: string[] }[] {
  const routes: { path: string; methods: string[] }[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)(?:[├└]── )?(\S+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m || m[2] === undefined) continue;
    const depth = Math.floor(m[1]!.length / 4);
    stack.length = depth;
    const path = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = path;
    if (m[3]) routes.push({ path, methods: m[3].split(', ') });
  }
  return routes;
}
