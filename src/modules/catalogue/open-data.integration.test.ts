/**
 * The catalogue as open data: the public CPSV-AP endpoints, and the admins' import/export page
 * (who may use it, downloads, uploads with CSRF, size limit, report).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { validateCpsv } from '../../../test/fixtures/cpsv-ap/validate.js';
import type { Db } from '../../db/database.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { writeCsv } from './catalogue-csv.js';
import { findService } from './services.queries.js';
import { createService } from './services.service.js';

/** A multipart/form-data body, as a browser sends the upload form. */
function multipart(fields: Record<string, string | string[]>, file?: { name: string; content: string | Buffer }) {
  const boundary = `----ecoop${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat())
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

const minimal = (slug: string) => ({
  slug,
  organisation: 'county-council',
  sector: 'education',
  lifeEvents: [],
  name: { en: `Name of ${slug}` },
  summary: { en: 'One sentence.' },
  description: { en: 'Some text.' },
  channels: ['phone' as const],
});

const CSV_HEADER = ['slug', 'status', 'organisation', 'sector', 'name_en', 'summary_en', 'description_en', 'channels'];

describeEachDatabase('open data', (dialect) => {
  let t: TestApp;
  let db: Db;
  let people = 0;
  let admin: TestClient & { userId: number };
  let official: TestClient & { userId: number };

  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[]) => {
    people += 1;
    const userId = await createUserWithRoles(db, {
      email: `open-data-${people}@example.org`,
      displayName: `Person ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(db, userId));
    return Object.assign(client, { userId });
  };

  /** Uploads `content` from the page's form, with its CSRF token unless told otherwise. */
  const upload = async (
    client: TestClient,
    content: string | Buffer,
    options: { name?: string; csrf?: boolean; options?: string[] } = {},
  ) => {
    const page = await client.get('/en/admin/catalogue/data');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const body = multipart(
      { ...(options.csrf === false ? {} : { _csrf: token }), ...(options.options ? { options: options.options } : {}) },
      { name: options.name ?? 'services.csv', content },
    );
    return t.app.inject({
      method: 'POST',
      url: '/en/admin/catalogue/data',
      payload: body.payload,
      headers: { cookie: client.cookieHeader, 'content-type': body.contentType },
    });
  };
  const serviceCount = async () =>
    Number(
      (
        await db
          .selectFrom('services')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    db = t.app.db;
    await createService(db, 'cli', minimal('secret-draft'), { defaultLocale: 'en', audit: {} });
    await createService(
      db,
      'cli',
      { ...minimal('public-with-draft-link'), related: ['secret-draft', 'housing-allowance'] },
      {
        defaultLocale: 'en',
        audit: {},
        status: 'published',
      },
    );
    const org = await db.selectFrom('organisations').select('id').where('slug', '=', 'county-council').executeTakeFirstOrThrow();
    admin = await person([{ role: 'admin' }]);
    official = await person([{ role: 'official', scopeType: 'organisation', scopeId: org.id }]);
  });
  afterAll(async () => t?.close());

  it('serves every published service as CPSV-AP JSON-LD that conforms to the shapes, open to any site', async () => {
    const res = await t.app.inject({ url: '/api/v1/services.jsonld' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json() as { '@graph': { '@type': unknown; slug?: string; relation?: string[] }[] };
    const slugs = doc['@graph'].filter((n) => n['@type'] === 'PublicService').map((n) => n.slug);
    expect(slugs).toContain('public-with-draft-link');
    expect(slugs).not.toContain('secret-draft');
    // A draft is not public: no link to it either.
    const draft = (await findService(db, { slug: 'secret-draft' }))!;
    expect(res.body).not.toContain(draft.identifier);
    expect(doc['@graph'].find((n) => n.slug === 'public-with-draft-link')!.relation).toHaveLength(1);
    const result = await validateCpsv(doc);
    expect(result.violations).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/services.jsonld' })).body).toBe(res.body);
  });

  it('serves one published service at /api/v1/services/{slug}.jsonld, beside the JSON API', async () => {
    const res = await t.app.inject({ url: '/api/v1/services/housing-allowance.jsonld' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const doc = res.json() as { '@graph': { slug?: string }[] };
    expect(doc['@graph'][0]!.slug).toBe('housing-allowance');
    expect((await validateCpsv(doc)).violations).toEqual([]);
    const json = await t.app.inject({ url: '/api/v1/services/housing-allowance' });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    for (const url of [
      '/api/v1/services/secret-draft.jsonld',
      '/api/v1/services/no-such-thing.jsonld',
      '/api/v1/services/Bad%20Slug.jsonld',
    ]) {
      const missing = await t.app.inject({ url });
      expect(missing.statusCode, url).toBe(404);
      expect(missing.json()).toMatchObject({ code: 'not_found' });
    }
  });

  it('the import and export page is for admins only', async () => {
    expect((await t.app.inject({ url: '/en/admin/catalogue/data' })).statusCode).toBe(401);
    expect((await official.get('/en/admin/catalogue/data')).statusCode).toBe(403);
    const citizen = await person([]);
    expect((await citizen.get('/en/admin/catalogue/data')).statusCode).toBe(403);
    expect((await official.get('/en/admin/catalogue/data/catalogue.csv')).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/en/admin/catalogue/data/catalogue.csv' })).statusCode).toBe(401);
    const page = await admin.get('/fr/admin/catalogue/data');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toContain('href="/fr/admin/catalogue/data/catalogue.csv"');
    expect(page.body).toContain('Importer et exporter le catalogue');
    expect(page.body).toContain('aria-current="page"');
  });

  it('admins download every service, drafts included, as CSV or JSON-LD files', async () => {
    const csv = await admin.get('/en/admin/catalogue/data/catalogue.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="catalogue-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.body.startsWith('\uFEFFidentifier,slug,status,')).toBe(true);
    expect(csv.body).toContain(',secret-draft,draft,');
    const jsonld = await admin.get('/en/admin/catalogue/data/catalogue.jsonld');
    expect(jsonld.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    expect(jsonld.body).toContain('"slug": "secret-draft"');
    expect((await admin.get('/en/admin/catalogue/data/catalogue.xml')).statusCode).toBe(404);
  });

  it('imports an uploaded file and shows what it did; the import is audited', async () => {
    const file = writeCsv([
      CSV_HEADER,
      ['uploaded-service', 'published', 'county-council', 'education', 'Uploaded', 'One.', 'Two.', 'phone'],
    ]);
    const res = await upload(admin, file, { name: 'new.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Import finished.');
    expect(res.body).toContain('1 e-service created');
    expect(res.body).toContain('File: new.csv');
    expect(await findService(db, { slug: 'uploaded-service' })).toMatchObject({ status: 'published', name: { en: 'Uploaded' } });
    const entry = await db
      .selectFrom('audit_log')
      .select(['actor_id', 'request_id'])
      .where('action', '=', 'catalogue.import')
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBe(admin.userId);
    expect(entry.request_id).not.toBeNull();
    // The same file again (a double submission): nothing new.
    const again = await upload(admin, file);
    expect(again.body).toContain('1 e-service unchanged');
  });

  it('lists the problems of an invalid file by line, column and reason, and writes nothing (422)', async () => {
    const before = await serviceCount();
    const file = writeCsv([
      CSV_HEADER,
      ['first-fine', 'draft', 'county-council', 'education', 'Fine', 'One.', 'Two.', 'phone'],
      ['second-bad', 'draft', 'nobody', 'education', '', 'One.', 'Two.', 'phone'],
    ]);
    const res = await upload(admin, file);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Nothing was imported.');
    expect(res.body).toContain('href="#import-problems"');
    expect(res.body).toMatch(
      /<th scope="row"[^>]*>Line 3<\/th>\s*<td[^>]*><code>organisation<\/code><\/td>\s*<td[^>]*>Choose one from the list/,
    );
    expect(res.body).toContain('<code>name_en</code>');
    expect(await serviceCount()).toBe(before);
    // A dry run of a valid file writes nothing either.
    const dry = await upload(
      admin,
      writeCsv([CSV_HEADER, ['dry-one', 'draft', 'county-council', 'education', 'Dry', 'One.', 'Two.', 'phone']]),
      {
        options: ['dryRun'],
      },
    );
    expect(dry.statusCode).toBe(200);
    expect(dry.body).toContain('Check finished: nothing was changed.');
    expect(dry.body).toContain('1 e-service to create');
    expect(await findService(db, { slug: 'dry-one' })).toBeNull();
  });

  it('refuses an upload without its CSRF token, and uploads by non-admins', async () => {
    const file = writeCsv([CSV_HEADER, ['csrf-less', 'draft', 'county-council', 'education', 'X', 'One.', 'Two.', 'phone']]);
    const res = await upload(admin, file, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await findService(db, { slug: 'csrf-less' })).toBeNull();
    const byOfficial = await upload(official, file);
    expect(byOfficial.statusCode).toBe(403);
    expect(await findService(db, { slug: 'csrf-less' })).toBeNull();
  });

  it('says clearly when the file is missing, too large or not UTF-8', async () => {
    const page = await admin.get('/en/admin/catalogue/data');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const empty = multipart({ _csrf: token });
    const none = await t.app.inject({
      method: 'POST',
      url: '/en/admin/catalogue/data',
      payload: empty.payload,
      headers: { cookie: admin.cookieHeader, 'content-type': empty.contentType },
    });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain('Choose a CSV or JSON-LD file to import');
    expect(none.body).toContain('href="#import-file"');
    const big = await upload(admin, Buffer.alloc(5 * 1024 * 1024 + 10, 'a'));
    expect(big.statusCode).toBe(422);
    expect(big.body).toContain('The file is larger than 5 MB');
    const latin1 = await upload(admin, Buffer.from([0x73, 0x6c, 0x75, 0x67, 0x0a, 0xe9, 0x0a]));
    expect(latin1.statusCode).toBe(422);
    expect(latin1.body).toContain('The file is not UTF-8 text');
  });
});
