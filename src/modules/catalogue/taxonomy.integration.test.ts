import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { getSetting } from '../../platform/settings.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';

describeEachDatabase('catalogue: organisations, sectors and life events (admins)', (dialect) => {
  let t: TestApp;
  let admin: TestClient;
  let people = 0;

  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[] = []) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `taxonomy${people}@example.org`,
      displayName: `Taxonomist ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return client;
  };
  const sectors = () => t.app.db.selectFrom('sectors').select(['slug', 'name', 'description', 'position']).orderBy('position').execute();
  const lifeEvents = () => t.app.db.selectFrom('life_events').select(['slug', 'name', 'position']).orderBy('position').execute();
  const auditActions = async (prefix: string) =>
    (await t.app.db.selectFrom('audit_log').select('action').where('action', 'like', `${prefix}%`).orderBy('id').execute()).map(
      (r) => r.action,
    );
  const generation = () => getSetting(t.app.db, 'content_generation');

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    admin = await person([{ role: 'admin' }]);
  });
  afterAll(() => t.close());

  it('is for admins only: visitors go to sign in, officials and citizens get 403 and change nothing', async () => {
    const page = await t.app.inject({ url: '/en/admin/catalogue/sectors' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/en/sign-in?next=');
    const anonymous = new TestClient(t.app);
    expect((await anonymous.submit('/en/sign-in', '/en/admin/catalogue/sectors/employment/delete', {})).statusCode).toBe(401);

    const orgId = (await t.app.db.selectFrom('organisations').select('id').where('slug', '=', 'county-council').executeTakeFirstOrThrow())
      .id;
    const official = await person([{ role: 'official', scopeType: 'organisation', scopeId: orgId }]);
    const citizen = await person();
    for (const client of [official, citizen]) {
      for (const url of ['/en/admin/catalogue/organisations', '/en/admin/catalogue/sectors', '/en/admin/catalogue/life-events/new']) {
        expect((await client.get(url)).statusCode).toBe(403);
      }
      const before = await sectors();
      const move = await client.submit('/en/account', '/en/admin/catalogue/sectors/employment/move', { direction: 'up' });
      expect(move.statusCode).toBe(403);
      const create = await client.submit('/en/account', '/en/admin/catalogue/sectors', { 'name.en': 'Sneaky', slug: 'sneaky' });
      expect(create.statusCode).toBe(403);
      expect(await sectors()).toEqual(before);
    }
    // Officials see the services link in the admin navigation, not the taxonomy ones.
    const list = await official.get('/en/manage/services');
    expect(list.body).not.toContain('/en/admin/catalogue/sectors');
  });

  it('adds a sector with translated names at the end of the order, audited, and shows it in the list', async () => {
    const form = await admin.get('/en/admin/catalogue/sectors/new');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('id="taxonomy-name-fr"');
    expect(form.body).toContain('lang="fr"');
    const before = await generation();
    const created = await admin.submit('/en/admin/catalogue/sectors/new', '/en/admin/catalogue/sectors', {
      'name.en': 'Transport and mobility',
      'name.fr': 'Transports et mobilité',
      'description.en': 'Buses, permits and getting around.',
      'description.fr': '',
      slug: '',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/en/admin/catalogue/sectors?done=created');
    const all = await sectors();
    expect(all.at(-1)).toMatchObject({ slug: 'transport-and-mobility', position: all.length });
    expect(JSON.parse(all.at(-1)!.name)).toEqual({ en: 'Transport and mobility', fr: 'Transports et mobilité' });
    expect(JSON.parse(all.at(-1)!.description)).toEqual({ en: 'Buses, permits and getting around.' });
    expect(await auditActions('taxonomy.sector.create')).toEqual(['taxonomy.sector.create']);
    expect(await generation()).not.toBe(before);
    const list = await admin.get(created.headers.location as string);
    expect(list.body).toContain('It was added.');
    expect(list.body).toContain('Transport and mobility');
  });

  it('refuses bad input with errors linked from a summary and keeps what was typed, writing nothing', async () => {
    const before = await sectors();
    const bad = await admin.submit('/en/admin/catalogue/sectors/new', '/en/admin/catalogue/sectors', {
      'name.en': '',
      'name.fr': 'Seulement en français',
      slug: 'Not A Slug',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#taxonomy-name-en"');
    expect(bad.body).toContain('href="#taxonomy-slug"');
    expect(bad.body).toContain('Seulement en français');
    const taken = await admin.submit('/en/admin/catalogue/sectors/new', '/en/admin/catalogue/sectors', {
      'name.en': 'Employment again',
      slug: 'employment',
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Another one already has this web address');
    expect(await sectors()).toEqual(before);

    const org = await admin.submit('/en/admin/catalogue/organisations/new', '/en/admin/catalogue/organisations', {
      'name.en': 'Town of Nowhere',
      kind: 'castle',
      website: 'ftp://example.org',
      email: 'no',
      municipality: 'atlantis',
    });
    expect(org.statusCode).toBe(422);
    for (const id of ['taxonomy-kind', 'taxonomy-website', 'taxonomy-email']) expect(org.body).toContain(`href="#${id}"`);
    const unknownTown = await admin.submit('/en/admin/catalogue/organisations/new', '/en/admin/catalogue/organisations', {
      'name.en': 'Town of Nowhere',
      kind: 'municipality',
      municipality: 'atlantis',
    });
    expect(unknownTown.statusCode).toBe(422);
    expect(unknownTown.body).toContain('href="#taxonomy-municipality"');
    expect(
      await t.app.db.selectFrom('organisations').select('id').where('slug', '=', 'town-of-nowhere').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('edits a sector’s names and slug, and moves sectors and life events up and down', async () => {
    const edit = await admin.get('/en/admin/catalogue/sectors/transport-and-mobility/edit');
    expect(edit.body).toContain('value="Transports et mobilité"');
    const saved = await admin.submit(
      '/en/admin/catalogue/sectors/transport-and-mobility/edit',
      '/en/admin/catalogue/sectors/transport-and-mobility',
      {
        'name.en': 'Transport',
        'name.fr': 'Transports',
        'description.en': 'Getting around.',
        slug: 'transport',
      },
    );
    expect(saved.headers.location).toBe('/en/admin/catalogue/sectors?done=saved');
    expect((await sectors()).at(-1)).toMatchObject({ slug: 'transport' });

    const order = async () => (await sectors()).map((s) => s.slug);
    const start = await order();
    const moved = await admin.submit('/en/admin/catalogue/sectors', '/en/admin/catalogue/sectors/transport/move', { direction: 'up' });
    expect(moved.headers.location).toBe('/en/admin/catalogue/sectors?done=moved');
    const after = await order();
    expect(after.at(-1)).toBe(start.at(-2));
    expect(after.at(-2)).toBe('transport');
    // Already first: nothing moves.
    await admin.submit('/en/admin/catalogue/sectors', `/en/admin/catalogue/sectors/${after[0]}/move`, { direction: 'up' });
    expect(await order()).toEqual(after);
    const bad = await admin.submit('/en/admin/catalogue/sectors', '/en/admin/catalogue/sectors/transport/move', { direction: 'sideways' });
    expect(bad.statusCode).toBe(400);

    const events = (await lifeEvents()).map((e) => e.slug);
    await admin.submit('/fr/admin/catalogue/life-events', `/fr/admin/catalogue/life-events/${events[0]}/move`, { direction: 'down' });
    expect((await lifeEvents()).map((e) => e.slug).slice(0, 2)).toEqual([events[1], events[0]]);
    expect(await auditActions('taxonomy.life_event.move')).toHaveLength(1);
  });

  it('deletes only what nothing refers to, and says why otherwise', async () => {
    const inUse = await admin.submit('/en/admin/catalogue/sectors', '/en/admin/catalogue/sectors/employment/delete', {});
    expect(inUse.statusCode).toBe(409);
    expect(inUse.body).toContain('services use it');
    expect(inUse.body).toContain('href="#row-employment"');
    expect((await sectors()).some((s) => s.slug === 'employment')).toBe(true);

    const unused = await admin.submit('/en/admin/catalogue/sectors', '/en/admin/catalogue/sectors/transport/delete', {});
    expect(unused.headers.location).toBe('/en/admin/catalogue/sectors?done=deleted');
    expect((await sectors()).some((s) => s.slug === 'transport')).toBe(false);

    const eventInUse = await admin.submit('/en/admin/catalogue/life-events', '/en/admin/catalogue/life-events/having-a-child/delete', {});
    expect(eventInUse.statusCode).toBe(409);

    const orgInUse = await admin.submit('/en/admin/catalogue/organisations', '/en/admin/catalogue/organisations/county-council/delete', {});
    expect(orgInUse.statusCode).toBe(409);
    expect(orgInUse.body).toContain('services use it');
    expect(
      (await admin.submit('/en/admin/catalogue/organisations', '/en/admin/catalogue/organisations/nobody/delete', {})).statusCode,
    ).toBe(404);
  });

  it('adds, edits and deletes an organisation', async () => {
    const created = await admin.submit('/en/admin/catalogue/organisations/new', '/en/admin/catalogue/organisations', {
      'name.en': 'Mont-Rivel Town Hall',
      'name.fr': 'Mairie de Mont-Rivel',
      kind: 'municipality',
      municipality: 'mont-rivel',
      website: 'https://mont-rivel.example/',
      email: 'mairie@mont-rivel.example',
      phone: '+33 3 85 00 40 00',
    });
    expect(created.headers.location).toBe('/en/admin/catalogue/organisations?done=created');
    const list = await admin.get('/fr/admin/catalogue/organisations');
    expect(list.body).toContain('Mairie de Mont-Rivel');
    expect(list.body).toContain('Commune');
    const edit = await admin.get('/en/admin/catalogue/organisations/mont-rivel-town-hall/edit');
    expect(edit.body).toMatch(/<option[^>]*value="mont-rivel"[^>]*selected/);
    const saved = await admin.submit(
      '/en/admin/catalogue/organisations/mont-rivel-town-hall/edit',
      '/en/admin/catalogue/organisations/mont-rivel-town-hall',
      {
        'name.en': 'Mont-Rivel Town Hall',
        'name.fr': 'Mairie de Mont-Rivel',
        kind: 'municipality',
        municipality: '',
        slug: 'mont-rivel-town-hall',
        website: '',
        email: '',
        phone: '',
      },
    );
    expect(saved.headers.location).toBe('/en/admin/catalogue/organisations?done=saved');
    const row = await t.app.db.selectFrom('organisations').selectAll().where('slug', '=', 'mont-rivel-town-hall').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ municipality_id: null, website: null, email: null, kind: 'municipality' });
    const deleted = await admin.submit(
      '/en/admin/catalogue/organisations',
      '/en/admin/catalogue/organisations/mont-rivel-town-hall/delete',
      {},
    );
    expect(deleted.headers.location).toBe('/en/admin/catalogue/organisations?done=deleted');
    expect(await auditActions('taxonomy.organisation.')).toEqual([
      'taxonomy.organisation.create',
      'taxonomy.organisation.update',
      'taxonomy.organisation.delete',
    ]);
  });

  it('refuses a POST without its CSRF token', async () => {
    const before = await sectors();
    const response = await admin.post('/en/admin/catalogue/sectors', { 'name.en': 'No token' });
    expect(response.statusCode).toBe(403);
    expect(await sectors()).toEqual(before);
  });
});
