/**
 * Linking a wiki page to its translations, on both databases: link by address or by title, each page
 * then lists the other; merging two groups; who may not (signed out, unverified, a protected page by
 * someone untrusted); the same language, a language twice and unknown pages refused with a clear
 * error and nothing written; unlink, keeping the rest of the group together.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';

describeEachDatabase('wiki translations', (dialect) => {
  let t: TestApp;
  let people = 0;
  let author: TestClient;
  const fresh = () => t.app.contentGeneration.expire();

  const person = async (roles: Role[] = [], options: { verified?: boolean } = {}) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `wiki-translator-${people}@example.org`,
      displayName: `Translator ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const client = new TestClient(t.app, `10.8.0.${people}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return client;
  };
  /** Writes a page in `locale` through the editor; returns its slug. */
  const write = async (locale: 'en' | 'fr', title: string) => {
    const res = await author.submit(`/${locale}/wiki/new`, `/${locale}/wiki/new`, {
      title,
      body: `${title}: the text.`,
      summary: '',
      type: 'guide',
      baseRevisionId: '',
    });
    expect(res.statusCode, res.body).toBe(303);
    return /\/wiki\/([a-z0-9-]+)\?/.exec(res.headers.location as string)![1]!;
  };
  const groups = async (...slugs: string[]) => {
    const rows = await t.app.db.selectFrom('wiki_pages').select(['slug', 'id', 'translation_group']).where('slug', 'in', slugs).execute();
    return Object.fromEntries(slugs.map((s) => [s, rows.find((r) => r.slug === s)!]));
  };
  const snapshot = async () => ({
    groups: await t.app.db.selectFrom('wiki_pages').select(['id', 'translation_group']).orderBy('id').execute(),
    audits: (
      await t.app.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', 'like', 'wiki.translation.%')
        .executeTakeFirstOrThrow()
    ).n,
  });
  const link = (client: TestClient, slug: string, fields: { locale: string; page: string }, locale = 'en') =>
    client.submit(`/${locale}/wiki/${slug}/translations`, `/${locale}/wiki/${slug}/translations`, fields);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    author = await person();
  });
  afterAll(() => t.close());

  it('links a page to its translation by address, and each page lists the other', async () => {
    const en = await write('en', 'Registering a birth');
    const fr = await write('fr', 'Déclarer une naissance');
    fresh();
    expect((await t.app.inject({ url: `/en/wiki/${en}` })).body).toContain(`href="/en/wiki/${en}/translations"`);
    const screen = await author.get(`/en/wiki/${en}/translations`);
    expect(screen.statusCode).toBe(200);
    expect(screen.body).toContain('<option value="fr" selected>Français</option>');
    expect(screen.body).not.toContain('<option value="en"');
    expect(screen.body).toContain('This page is not linked to any translation yet.');

    const res = await link(author, en, { locale: 'fr', page: `https://example.org/fr/wiki/${fr}?x=1` });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/en/wiki/${en}/translations?done=linked`);
    const rows = await groups(en, fr);
    expect(rows[en]!.translation_group).toBe(Math.min(rows[en]!.id, rows[fr]!.id));
    expect(rows[fr]!.translation_group).toBe(rows[en]!.translation_group);
    const enPage = (await t.app.inject({ url: `/en/wiki/${en}` })).body;
    expect(enPage).toMatch(new RegExp(`<a href="/fr/wiki/${fr}" lang="fr" hreflang="fr">Déclarer une naissance</a>`, 'i'));
    expect((await t.app.inject({ url: `/fr/wiki/${fr}` })).body).toContain(`href="/en/wiki/${en}"`);
    const after = await author.get(`/en/wiki/${en}/translations?done=linked`);
    expect(after.body).toContain('The translation is linked.');
    expect(after.body).toContain(`href="/fr/wiki/${fr}"`);
    const entry = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'wiki.translation.link')
      .where('subject_id', '=', en)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.data)).toMatchObject({ with: fr });
    // Linking them again changes nothing.
    expect((await link(author, fr, { locale: 'en', page: en }, 'fr')).headers.location).toBe(`/fr/wiki/${fr}/translations?done=unchanged`);
  });

  it('links by exact title in the chosen language', async () => {
    const en = await write('en', 'Paying a parking fine');
    const fr = await write('fr', 'Payer une amende de stationnement');
    const res = await link(author, fr, { locale: 'en', page: '  Paying a parking fine ' }, 'fr');
    expect(res.headers.location).toBe(`/fr/wiki/${fr}/translations?done=linked`);
    const rows = await groups(en, fr);
    expect(rows[en]!.translation_group).not.toBeNull();
    expect(rows[en]!.translation_group).toBe(rows[fr]!.translation_group);
  });

  it('refuses the same language, a language twice and unknown pages, with a clear error and nothing written', async () => {
    const en = await write('en', 'Changing address');
    const en2 = await write('en', 'Moving house');
    const fr = await write('fr', 'Changer d’adresse');
    const frLinked = await write('fr', 'Déménager');
    const enLinked = await write('en', 'Moving house abroad');
    expect((await link(author, enLinked, { locale: 'fr', page: frLinked })).statusCode).toBe(303);
    const before = await snapshot();
    const cases: [{ locale: string; page: string }, string][] = [
      [{ locale: 'en', page: en2 }, 'Choose the language of the translation: another language than this page’s'],
      [{ locale: 'de', page: fr }, 'Choose the language of the translation: another language than this page’s'],
      [{ locale: 'fr', page: '' }, 'Enter the address or the title of the translated page'],
      [{ locale: 'fr', page: 'no-such-page' }, 'No page has this address, or this title in the chosen language'],
      [{ locale: 'fr', page: 'Moving house' }, 'No page has this address, or this title in the chosen language'],
      [{ locale: 'fr', page: `/en/wiki/${en2}` }, 'That page is in the same language as this one: choose its translation'],
      // fr is already linked with an English page: the group would have two English pages.
      [{ locale: 'fr', page: frLinked }, 'These pages cannot be linked: one language would then have two pages. Unlink one of them first'],
    ];
    for (const [fields, message] of cases) {
      const res = await link(author, en, fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(422);
      expect(res.body).toContain('class="error-summary"');
      expect(res.body).toContain(message);
      // What was typed is kept.
      if (fields.page) expect(res.body).toContain(`value="${fields.page}"`);
    }
    const wrongLanguage = await link(author, fr, { locale: 'en', page: frLinked }, 'fr');
    expect(wrongLanguage.statusCode).toBe(422);
    expect(wrongLanguage.body).toContain('Cette page est dans la même langue que celle-ci');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses signed-out and unverified people, and a protected page to the untrusted, writing nothing', async () => {
    const en = await write('en', 'Guarded guide');
    const fr = await write('fr', 'Guide gardé');
    const before = await snapshot();
    const visitor = await t.app.inject({ url: `/en/wiki/${en}/translations` });
    expect(visitor.statusCode).toBe(303);
    expect(visitor.headers.location).toContain('/en/sign-in?next=');
    expect((await new TestClient(t.app).post(`/en/wiki/${en}/translations`, { locale: 'fr', page: fr })).statusCode).toBe(403);
    const unverified = await person([], { verified: false });
    expect((await unverified.get(`/en/wiki/${en}/translations`)).statusCode).toBe(403);
    expect((await unverified.submit('/en/wiki', `/en/wiki/${en}/translations`, { locale: 'fr', page: fr })).statusCode).toBe(403);
    await t.app.db.updateTable('wiki_pages').set({ protected: 1 }).where('slug', '=', en).execute();
    const citizen = await person();
    expect((await citizen.get(`/en/wiki/${en}/translations`)).statusCode).toBe(403);
    expect((await link(citizen, en, { locale: 'fr', page: fr })).statusCode).toBe(403);
    // Nor by linking from the unprotected side.
    expect(
      (await citizen.submit(`/fr/wiki/${fr}/translations`, `/fr/wiki/${fr}/translations`, { locale: 'en', page: en })).statusCode,
    ).toBe(403);
    expect((await citizen.submit('/en/wiki', `/en/wiki/${en}/translations/unlink`, {})).statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);
    const helper = await person(['helper']);
    expect((await link(helper, en, { locale: 'fr', page: fr })).headers.location).toBe(`/en/wiki/${en}/translations?done=linked`);
    expect((await t.app.inject({ url: '/en/wiki/no-such-page/translations', headers: { cookie: helper.cookieHeader } })).statusCode).toBe(
      404,
    );
  });

  it('unlinks a page; a translation left alone leaves the group too', async () => {
    const en = await write('en', 'Renting a flat');
    const fr = await write('fr', 'Louer un appartement');
    await link(author, en, { locale: 'fr', page: fr });
    const res = await author.submit(`/en/wiki/${en}/translations`, `/en/wiki/${en}/translations/unlink`, {});
    expect(res.headers.location).toBe(`/en/wiki/${en}/translations?done=unlinked`);
    // A group of one is no group.
    const rows = await groups(en, fr);
    expect(rows[en]!.translation_group).toBeNull();
    expect(rows[fr]!.translation_group).toBeNull();
    fresh();
    expect((await t.app.inject({ url: `/en/wiki/${en}` })).body).not.toContain(`/fr/wiki/${fr}"`);
    expect((await author.get(`/en/wiki/${en}/translations?done=unlinked`)).body).toContain(
      'This page is not linked to any translation yet.',
    );
    expect(
      await t.app.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'wiki.translation.unlink')
        .where('subject_id', '=', en)
        .execute(),
    ).toHaveLength(1);
    // Unlinking again changes nothing.
    expect((await author.submit('/en/wiki', `/en/wiki/${en}/translations/unlink`, {})).headers.location).toBe(
      `/en/wiki/${en}/translations?done=unchanged`,
    );
  });

  it('renumbers a group when the page it was numbered after leaves', async () => {
    // Three languages in one group numbered after its first page, as the demo data numbers them
    // (the third, a language the site no longer offers, set directly: the site has two).
    const a = await write('en', 'Group head');
    const b = await write('fr', 'Tête de groupe');
    const c = await write('en', 'Gruppenmitglied');
    const ids = await groups(a, b, c);
    await t.app.db.updateTable('wiki_pages').set({ locale: 'de' }).where('slug', '=', c).execute();
    await t.app.db.updateTable('wiki_pages').set({ translation_group: ids[a]!.id }).where('slug', 'in', [a, b, c]).execute();
    expect((await author.submit('/en/wiki', `/en/wiki/${a}/translations/unlink`, {})).statusCode).toBe(303);
    const after = await groups(a, b, c);
    expect(after[a]!.translation_group).toBeNull();
    // The others stay together, numbered after one of their own: the head's id names no group now.
    expect(after[b]!.translation_group).toBe(Math.min(after[b]!.id, after[c]!.id));
    expect(after[c]!.translation_group).toBe(after[b]!.translation_group);
    fresh();
    expect((await t.app.inject({ url: `/fr/wiki/${b}` })).body).toContain(`href="/de/wiki/${c}"`);
    // The head links again with a page of its own: a group of its own, apart from the others.
    const d = await write('fr', 'Nouvelle tête');
    expect((await link(author, a, { locale: 'fr', page: d })).statusCode).toBe(303);
    const linked = await groups(a, b, d);
    expect(linked[a]!.translation_group).toBe(Math.min(linked[a]!.id, linked[d]!.id));
    expect(linked[b]!.translation_group).not.toBe(linked[a]!.translation_group);
  });
});
