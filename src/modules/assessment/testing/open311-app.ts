/**
 * The fixture of the Open311 integration tests (imported by tests only): an app on a seeded
 * database with a partner application's API key, an official, two published services of different
 * organisations, and small helpers to call the endpoints and check their documents and errors.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp, type TestDialect } from '../../../../test/support.js';
import { createApiTokenForEmail, createUserWithRoles } from '../../accounts/index.js';
import { childNames, childText, parseXml, SPEC_FIELDS, type XmlNode } from '../open311.testing.js';
import { insertUsers } from '../testing.js';

/** A JSON object of a response. */
export type Json = Record<string, any>;

/** The app's base URL in these tests. */
export const BASE_URL = 'https://ecoop.example.org';

/** The reporter's email address in the requests these tests file. */
export const EMAIL = 'jane.reporter@example.net';

/** The XML of an Open311 error document, as in the spec's example. */
export const errorXml = (code: number, description: string) => `<?xml version="1.0" encoding="utf-8"?>
<errors>
    <error>
        <code>${code}</code>
        <description>${description}</description>
    </error>
</errors>`;

/** Checks a response is an XML document of Open311 and parses it. */
export function expectXml(r: { headers: Record<string, unknown>; body: string }): XmlNode {
  expect(r.headers['content-type']).toBe('text/xml; charset=utf-8');
  expect(r.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return parseXml(r.body);
}

/** Checks a response is a JSON document of Open311 and parses it. */
export function expectJson(r: { headers: Record<string, unknown>; json: () => unknown }): any {
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  return r.json() as any;
}

type Service = { id: number; slug: string; organisation_id: number };
type Format = 'xml' | 'json';

export interface Open311Fixture {
  app: TestApp['app'];
  /** The partner application's API key, and its user's id. */
  apiKey: string;
  clientId: number;
  officialId: number;
  /** The first published service by slug, and one of another organisation. */
  serviceA: Service;
  serviceB: Service;
  get(url: string): Promise<LightMyRequestResponse>;
  post(format: Format, fields: Record<string, string>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  countReports(): Promise<number>;
  /** The fields of a valid `POST requests` of service A by Jane Reporter (override what the test is about). */
  aReport(over?: Record<string, string>): Record<string, string>;
  /** Checks `url` (with `{format}`), or a POST of `fields`, answers `status` with a spec error document, in XML and JSON. */
  expectError(url: string, status: number, init?: { method?: 'GET' | 'POST'; fields?: Record<string, string> }): Promise<void>;
}

/** Registers the Open311 fixture's `beforeAll` and `afterAll` in the calling suite; its fields are set once `beforeAll` ran. */
export function useOpen311App(dialect: TestDialect): Open311Fixture {
  let t: TestApp;
  const f: Open311Fixture = {
    app: undefined as never,
    apiKey: '',
    clientId: 0,
    officialId: 0,
    serviceA: undefined as never,
    serviceB: undefined as never,
    get: (url) => f.app.inject({ method: 'GET', url }),
    post: (format, fields, headers = {}) =>
      f.app.inject({
        method: 'POST',
        url: `/open311/v2/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
        payload: new URLSearchParams(fields).toString(),
      }),
    countReports: async () =>
      Number(
        (
          await f.app.db
            .selectFrom('problem_reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    aReport: (over = {}) => ({
      api_key: f.apiKey,
      service_code: f.serviceA.slug,
      'attribute[category]': 'broken_link',
      description: 'The "Apply" button leads to a page that does not exist.',
      email: EMAIL,
      first_name: 'Jane',
      last_name: 'Reporter',
      phone: '0123456789',
      device_id: 'tt222111',
      ...over,
    }),
    expectError: async (url, status, init = {}) => {
      for (const format of ['xml', 'json'] as const) {
        const u = url.replace('{format}', format);
        const r = init.method === 'POST' ? await f.post(format, init.fields ?? {}) : await f.get(u);
        expect(r.statusCode, `${u} (${format})`).toBe(status);
        if (format === 'xml') {
          const doc = expectXml(r);
          expect(doc.name).toBe('errors');
          expect(childNames(doc).length).toBeGreaterThan(0);
          for (const e of (doc as { children: XmlNode[] }).children) {
            expect(childNames(e)).toEqual(SPEC_FIELDS.error);
            expect(childText(e, 'code')).toBe(String(status));
          }
        } else {
          const body = expectJson(r);
          expect(Array.isArray(body)).toBe(true);
          for (const e of body) {
            expect(Object.keys(e)).toEqual(SPEC_FIELDS.error);
            expect(e.code).toBe(status);
            expect(typeof e.description).toBe('string');
          }
        }
      }
    },
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true, config: { baseUrl: BASE_URL } });
    f.app = t.app;
    const services = await t.app.db
      .selectFrom('services')
      .select(['id', 'slug', 'organisation_id'])
      .where('status', '=', 'published')
      .orderBy('slug')
      .execute();
    f.serviceA = services[0]!;
    f.serviceB = services.find((s) => s.organisation_id !== f.serviceA.organisation_id)!;
    f.clientId = await createUserWithRoles(t.app.db, {
      email: 'partner@example.org',
      displayName: 'Partner app',
      password: 'a long enough password',
      locale: 'en',
      roles: [],
    });
    f.apiKey = (await createApiTokenForEmail(t.app.db, { email: 'partner@example.org', name: 'open311' })).token;
    f.officialId = (await insertUsers(t.app.db, 1, 'official'))[0]!;
  });
  afterAll(() => t.close());
  return f;
}
