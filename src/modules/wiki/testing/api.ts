/**
 * Test support for the wiki's JSON API: people with API tokens, each calling from an address of
 * their own (writes are rate-limited per address), and a check of answers against the OpenAPI
 * description's schemas.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createSession } from '../../../platform/session.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../../accounts/index.js';
import { TestClient } from '../../accounts/testing.js';

/** Someone calling the API: their account, token, and a signed-in browser from their own address. */
export interface ApiPerson {
  userId: number;
  name: string;
  token: string;
  browser: TestClient;
}

/**
 * Makes API callers for one test file: `prefix` keeps their emails apart from other files', and
 * `subnet` (0–255) their addresses. Verified unless said otherwise; roles come with two-factor.
 */
export function apiPeople(app: () => FastifyInstance, prefix: string, subnet: number) {
  let people = 0;
  return async (roles: Role[] = [], options: { verified?: boolean } = {}): Promise<ApiPerson> => {
    people += 1;
    const { db } = app();
    const email = `${prefix}-${people}@example.org`;
    const name = `Caller ${String(people).padStart(3, '0')}`;
    const userId = await createUserWithRoles(db, {
      email,
      displayName: name,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.verified === false) await db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const { token } = await createApiTokenForEmail(db, { email, name: `${prefix} test` });
    const browser = new TestClient(app(), `10.${subnet}.${Math.floor(people / 250)}.${(people % 250) + 1}`);
    browser.cookies.set('ecoop_session', await createSession(db, userId));
    return { userId, name, token, browser };
  };
}

/** Checks values against the schemas of the app's OpenAPI description: `check('WikiPage', value)`. */
export async function openApiChecker(app: FastifyInstance): Promise<(schema: string, value: unknown) => void> {
  const doc = (await app.inject({ url: '/api/v1/openapi.json' })).json<{ components: unknown }>();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: doc.components });
  return (schema, value) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${schema}`)!;
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  };
}

/**
 * Makes new pages for one test file, each written through the API by a new person of `people`:
 * general, without a category, titled after `name`; each call returns the new page's slug.
 */
export function apiPages(app: () => FastifyInstance, people: () => Promise<ApiPerson>, name: string) {
  let pages = 0;
  return async (): Promise<string> => {
    pages += 1;
    const author = await people();
    const slug = `${name.toLowerCase()}-page-${pages}`;
    const r = await app().inject({
      method: 'PUT',
      url: `/api/v1/wiki/${slug}`,
      payload: { title: `${name} page ${pages}`, body: 'Some help.' },
      headers: { authorization: `Bearer ${author.token}` },
      remoteAddress: author.browser.ip,
    });
    expect(r.statusCode, r.body).toBe(201);
    return slug;
  };
}
