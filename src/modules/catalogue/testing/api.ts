/**
 * Test support for the catalogue's JSON API: the callers every API test file signs in (an admin,
 * an official of the county, one of the employment agency, a citizen, each with an API token), a
 * county draft and a withdrawn service nobody else may see, requests with or without a token, and
 * the service the write tests create.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../db/database.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../../accounts/index.js';
import { demoServiceInput } from '../catalogue.service.js';
import { DEMO_SERVICES } from '../demo-data.js';
import { createService } from '../services.service.js';

/** An API answer as the tests read it. */
export type Json = Record<string, any>;

/** The API tokens of the callers `seedApiCallers` makes. */
export type ApiTokens = Record<'admin' | 'county' | 'agency' | 'citizen', string>;

const JSON_BODY = { 'content-type': 'application/json' };

/** A new county service, based on the first demo service, with `overrides`. */
export const newService = (overrides: Json = {}) => ({
  ...demoServiceInput(DEMO_SERVICES[0]!),
  identifier: undefined,
  slug: 'api-test-service',
  organisation: 'county-council',
  name: { en: 'Borrow a garden tool kit', fr: 'Emprunter des outils de jardin' },
  ...overrides,
});

/** Requests to the app of `app()`: `call` with a token, a JSON body or raw text; `get` a shorthand. */
export function apiCalls(app: () => FastifyInstance) {
  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
  ) =>
    app().inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined || options.raw !== undefined ? JSON_BODY : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
      ...(options.raw !== undefined ? { payload: options.raw } : {}),
    });
  const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
    call('GET', url, { ...(token ? { token } : {}), headers });
  return { call, get };
}

/**
 * Makes the API callers (two-factor on, so privileged roles are in effect) and two services of the
 * county's nobody else may list: `a-county-draft` and `a-withdrawn-one`.
 */
export async function seedApiCallers(db: Db): Promise<{ tokens: ApiTokens; adminId: number }> {
  let people = 0;
  /** A user with these roles and an API token. */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[]) => {
    people += 1;
    const email = `api${people}@example.org`;
    const id = await createUserWithRoles(db, {
      email,
      displayName: `API ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    return { id, token: (await createApiTokenForEmail(db, { email, name: 'integration' })).token };
  };
  const tokens: ApiTokens = { admin: '', county: '', agency: '', citizen: '' };
  const orgs = new Map((await db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
  const admin = await person([{ role: 'admin' }]);
  tokens.admin = admin.token;
  tokens.county = (await person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get('county-council')! }])).token;
  tokens.agency = (await person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get('employment-agency')! }])).token;
  tokens.citizen = (await person([])).token;
  // A draft and a withdrawn service, which nobody may list.
  await createService(db, 'cli', newService({ slug: 'a-county-draft', name: { en: 'Housing benefit draft', fr: 'Brouillon' } }), {
    defaultLocale: 'en',
    audit: {},
  });
  await createService(db, 'cli', newService({ slug: 'a-withdrawn-one', name: { en: 'Housing benefit withdrawn', fr: 'Retiré' } }), {
    defaultLocale: 'en',
    audit: {},
    status: 'withdrawn',
  });
  return { tokens, adminId: admin.id };
}

/** How many rows a table holds. */
export async function countRows(db: Db, table: 'services' | 'service_revisions'): Promise<number> {
  return Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}
