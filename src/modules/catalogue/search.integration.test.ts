import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { missKey, recordSearchMiss } from './search-misses.js';

describeEachDatabase('catalogue: search and what citizens cannot find', (dialect) => {
  let t: TestApp;
  let people = 0;
  let ips = 0;
  /** A fresh address per use, so one test's searches do not use up another's rate limit. */
  const visitor = () => new TestClient(t.app, `10.0.${Math.floor(++ips / 250)}.${ips % 250}`);
  const misses = () => t.app.db.selectFrom('search_misses').selectAll().orderBy('query').execute();

  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[]) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `searcher${people}@example.org`,
      displayName: `Searcher ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = visitor();
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return client;
  };

  beforeAll(async () => {
    // The page cache and rate limits are on, as in production.
    t = await createTestApp(dialect, { seed: true, config: { pageCache: true, rateLimits: true } });
  });
  afterAll(() => t.close());

  it('forgives typos, accents and plurals, in both languages, and groups results by type', async () => {
    const en = await visitor().get('/en/search?q=housng+benfit');
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1>Search results for “housng benfit”</h1>');
    expect(en.body).toMatch(/<h2 id="group-service">E-services/);
    expect(en.body.indexOf('/en/services/housing-allowance"')).toBeGreaterThan(0);

    const fr = await visitor().get('/fr/search?q=alocation%20logement');
    expect(fr.statusCode).toBe(200);
    const first = /<h3 class="card__title"><a href="\/fr\/services\/([a-z-]+)"/.exec(fr.body)?.[1];
    expect(first).toBe('housing-allowance');

    // A page past the end shows the last page of results.
    expect((await visitor().get('/en/search?q=school&page=40')).body).toContain('class="card__title"');

    const within = await visitor().get('/en/services?q=ALLOCATIONS+familiale');
    expect(within.body).toContain('/en/services/claim-child-benefit"');
    // The catalogue's filters apply to the search's hits.
    const filtered = await visitor().get('/en/services?q=housng+benfit&organisation=employment-agency');
    expect(filtered.body).not.toContain('/en/services/housing-allowance"');
    expect(filtered.body).toContain('No e-service matches all these filters.');
  });

  it('offers help when nothing is found, and counts the miss without anything about the person', async () => {
    const before = (await misses()).length;
    const res = await visitor().get('/en/search?q=Passeport+Biométriques');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We found nothing for “Passeport Biométriques”');
    expect(res.body).toContain('href="/en/services"');
    expect(res.body).toContain('Digital Public Space near you');
    const rows = await misses();
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((r) => r.query.startsWith('passeport'))!;
    expect(row).toMatchObject({ locale: 'en', count: 1 });
    expect(row.query).toBe(row.query.toLowerCase());
    expect(row.query).not.toMatch(/[éÉ]/);
    // The words as typed, for officials to read; nothing else.
    expect(row.example).toBe('Passeport Biométriques');
    expect(Object.keys(row).sort()).toEqual(['count', 'example', 'first_at', 'id', 'last_at', 'locale', 'query']);
  });

  it('counts every miss even with the page cache on, and still caches searches that find something', async () => {
    const url = '/fr/search?q=carte+grise+moto';
    for (let i = 0; i < 3; i++) {
      const res = await visitor().get(url);
      expect(res.headers['x-page-cache']).toBeUndefined();
    }
    // The same words typed differently are one query.
    await visitor().get('/fr/services?q=Carte%20Grise%20MOTO');
    const row = (await misses()).find((r) => r.query === missKey('carte grise moto') && r.locale === 'fr');
    expect(row?.count).toBe(4);
    // The first typing is the one shown.
    expect(row?.example).toBe('carte grise moto');
    expect(row!.last_at >= row!.first_at).toBe(true);

    const hit = '/en/search?q=school';
    expect((await visitor().get(hit)).headers['x-page-cache']).toBe('miss');
    expect((await visitor().get(hit)).headers['x-page-cache']).toBe('hit');
  });

  it('counts only real queries, once per request', async () => {
    const before = await misses();
    for (const q of ['', '   ', 'x', '!!', '%', 'é', '\u0000'])
      expect((await visitor().get(`/en/search?q=${encodeURIComponent(q)}`)).statusCode, JSON.stringify(q)).toBe(200);
    // Page 2 of nothing is not another search; a search with hits is not a miss.
    await visitor().get('/en/search?q=zzqqxx+nothing&page=2');
    await visitor().get('/en/search?q=housing');
    // Browsing without words is not a search.
    await visitor().get('/en/services?channel=online');
    expect(await misses()).toEqual(before);
  });

  it('cuts very long queries, and refuses none', async () => {
    const long = 'abcdefghij '.repeat(50);
    const res = await visitor().get(`/en/search?q=${encodeURIComponent(long)}`);
    expect(res.statusCode).toBe(200);
    const rows = await misses();
    expect(rows.every((r) => r.query.length <= 100)).toBe(true);
    expect(rows.some((r) => r.query.startsWith('abcdefghij'))).toBe(true);
    // Repeated parameters and odd characters are harmless.
    expect((await visitor().get('/en/search?q=a&q=b&page=-3')).statusCode).toBe(200);
    const xss = await visitor().get(`/en/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(xss.statusCode).toBe(200);
    expect(xss.body).not.toContain('<script>alert(1)');
  });

  it('rate-limits searching per address, but not browsing', async () => {
    const client = visitor();
    for (let i = 0; i < 60; i++) expect((await client.get(`/en/search?q=limit${i}`)).statusCode).toBe(200);
    const refused = await client.get('/en/search?q=one+more');
    expect(refused.statusCode).toBe(429);
    expect((await misses()).some((r) => r.query === missKey('one more'))).toBe(false);
    // The catalogue without a search is not limited, even for that address.
    expect((await client.get('/en/search')).statusCode).toBe(200);
    expect((await client.get('/en/services')).statusCode).toBe(200);
  });

  it('shows the unmet searches to officials and admins only, most frequent first', async () => {
    await recordSearchMiss(t.app.db, 'Déchetterie horaires', 'fr');
    for (let i = 0; i < 5; i++) await recordSearchMiss(t.app.db, 'permis de chasse', 'fr');
    const url = '/en/catalogue/unmet-searches';

    expect((await visitor().get(url)).statusCode).toBe(401);
    expect((await (await person([])).get(url)).statusCode).toBe(403);
    // A moderator is neither an official nor an admin.
    expect((await (await person([{ role: 'moderator' }])).get(url)).statusCode).toBe(403);

    const orgId = (await t.app.db.selectFrom('organisations').select('id').where('slug', '=', 'county-council').executeTakeFirstOrThrow())
      .id;
    const official = await person([{ role: 'official', scopeType: 'organisation', scopeId: orgId }]);
    const page = await official.get(url);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toContain('no-store');
    const body = page.body;
    // Shown as first typed, not in the normalised form they are counted under.
    const [hunting, tip] = ['permis de chasse', 'Déchetterie horaires'];
    expect(body).toContain(`<span lang="fr">${hunting}</span>`);
    expect(body).toContain(`<span lang="fr">${tip}</span>`);
    expect(body.indexOf(hunting)).toBeLessThan(body.indexOf(tip));
    // The catalogue links officials to it, and nobody else.
    expect((await official.get('/en/services')).body).toContain(`href="${url}"`);
    expect((await visitor().get('/en/services')).body).not.toContain(url);

    const admin = await person([{ role: 'admin' }]);
    expect((await admin.get('/fr/catalogue/unmet-searches?page=2')).statusCode).toBe(200);
    expect((await admin.get('/fr/catalogue/unmet-searches?page=nope')).statusCode).toBe(200);
  });
});
