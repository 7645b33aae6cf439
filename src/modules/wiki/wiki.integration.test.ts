/**
 * The wiki's pages on both databases: write a page through the forms (linked to a service), read
 * it rendered, edit it, two people editing at once (merged, or the conflict screen keeping the
 * editor's text), history, changes between revisions, restore; who may not (signed out,
 * unverified, protected pages); hostile Markdown rendered inert on the page.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';

describeEachDatabase('wiki pages', (dialect) => {
  let t: TestApp;
  let people = 0;
  let service: { slug: string; name: string };

  const person = async (roles: Role[] = [], options: { verified?: boolean } = {}) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `wiki-page-${people}@example.org`,
      displayName: `Author ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const client = new TestClient(t.app, `10.1.0.${people}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return client;
  };
  /** Posts the editor's form of `page` (its CSRF token and base revision) with these fields. */
  const saveForm = async (client: TestClient, page: string, action: string, fields: Record<string, string>) => {
    const form = await client.get(page);
    const base = /name="baseRevisionId" value="(\d*)"/.exec(form.body)?.[1] ?? '';
    return client.submit(page, action, { baseRevisionId: base, summary: '', type: 'guide', ...fields });
  };
  const fresh = () => t.app.contentGeneration.expire();

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const row = await t.app.db
      .selectFrom('services')
      .select(['slug', 'name'])
      .where('status', '=', 'published')
      .orderBy('slug')
      .executeTakeFirstOrThrow();
    service = { slug: row.slug, name: (JSON.parse(row.name) as Record<string, string>).en! };
  });
  afterAll(() => t.close());

  it('writes a guide linked to a service through the forms, and shows it rendered', async () => {
    const author = await person();
    const body = `# Before you start\n\nUse [[service:${service.slug}]].\n\n# Steps\n\n1. Open it.\n2. Sign in.\n\n# Help\n\nSee [[Finding a Digital Public Space]].`;
    const created = await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title: 'Applying online, step by step', body });
    expect(created.statusCode, created.body).toBe(303);
    expect(created.headers.location).toBe('/en/wiki/applying-online-step-by-step?done=created');
    fresh();
    const page = await t.app.inject({ url: '/en/wiki/applying-online-step-by-step' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1 id="wiki-title">Applying online, step by step</h1>');
    expect(page.body).toContain(`href="/en/services/${service.slug}"`);
    expect(page.body).toContain(service.name);
    // Three headings: a table of contents; the missing page is marked and listed.
    expect(page.body).toContain('href="#wiki-before-you-start"');
    expect(page.body).toContain('class="wiki-link--missing"');
    expect(page.body).toContain('Finding a Digital Public Space');
    // The service's page lists the guide (and the French one does not: it is an English page).
    const servicePage = await t.app.inject({ url: `/en/services/${service.slug}` });
    expect(servicePage.body).toContain('href="/en/wiki/applying-online-step-by-step"');
    expect((await t.app.inject({ url: `/fr/services/${service.slug}` })).body).not.toContain('/wiki/applying-online-step-by-step');
    const index = await t.app.inject({ url: '/en/wiki' });
    expect(index.body).toContain('/en/wiki/applying-online-step-by-step');
    // The missing page: a 404 that offers to write it.
    const missing = await t.app.inject({ url: '/en/wiki/finding-a-digital-public-space' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('href="/en/wiki/finding-a-digital-public-space/edit"');
  });

  it('reads a page in as many queries however many services and pages it links (no N+1)', async () => {
    const author = await person();
    const slugs = (
      await t.app.db.selectFrom('services').select('slug').where('status', '=', 'published').orderBy('slug').limit(8).execute()
    ).map((r) => r.slug);
    expect(slugs.length).toBe(8);
    const one = `See [[service:${slugs[0]}]] and [[A page nobody wrote]].`;
    const many = `${slugs.map((slug) => `[[service:${slug}]]`).join(', ')} and ${slugs.map((slug) => `[[Missing ${slug}]]`).join(', ')}, [[service:unknown-service]].`;
    for (const [title, body] of [
      ['Few links', one],
      ['Many links', many],
    ] as const)
      expect((await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title, body })).statusCode).toBe(303);
    const queriesToRead = async (url: string) => {
      fresh();
      const before = t.app.database.queryCount();
      const page = await t.app.inject({ url });
      expect(page.statusCode).toBe(200);
      return { queries: t.app.database.queryCount() - before, html: page.body };
    };
    const few = await queriesToRead('/en/wiki/few-links');
    const lots = await queriesToRead('/en/wiki/many-links');
    expect(lots.queries).toBe(few.queries);
    expect(lots.html.match(/href="\/en\/services\//g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    expect(lots.html).toContain('unknown-service');
  });

  it('edits, merges two people’s edits, and keeps the editor’s text on a conflict', async () => {
    const a = await person();
    const b = await person();
    const body = 'Line one.\n\nLine two.\n\nLine three.\n\nLine four.';
    await saveForm(a, '/en/wiki/new', '/en/wiki/new', { title: 'Two editors', body });
    // Both open the editor on the same revision.
    const edit = '/en/wiki/two-editors/edit';
    const formA = await a.get(edit);
    const formB = await b.get(edit);
    const baseOf = (html: string) => /name="baseRevisionId" value="(\d+)"/.exec(html)![1]!;
    const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const post = (client: TestClient, html: string, text: string) =>
      client.post(edit, { _csrf: tokenOf(html), baseRevisionId: baseOf(html), title: 'Two editors', body: text, summary: '' });
    expect((await post(a, formA.body, body.replace('Line one.', 'Line one, changed by A.'))).headers.location).toBe(
      '/en/wiki/two-editors?done=saved',
    );
    const merged = await post(b, formB.body, body.replace('Line four.', 'Line four, changed by B.'));
    expect(merged.headers.location).toBe('/en/wiki/two-editors?done=merged');
    fresh();
    const page = (await t.app.inject({ url: '/en/wiki/two-editors' })).body;
    expect(page).toContain('changed by A');
    expect(page).toContain('changed by B');
    // B edits line one from the old base again: the same line as A → the conflict screen.
    const conflict = await post(b, formB.body, body.replace('Line one.', 'Line one, as B sees it.'));
    expect(conflict.statusCode).toBe(409);
    expect(conflict.body).toContain('Someone changed the same part of the page');
    expect(conflict.body).toContain('Line one, as B sees it.');
    expect(conflict.body).toContain('Line one, changed by A.');
    // Saving the conflict screen's form (now based on the current revision) succeeds.
    const again = await b.post(edit, {
      _csrf: tokenOf(conflict.body),
      baseRevisionId: baseOf(conflict.body),
      title: 'Two editors',
      body: 'Line one, changed by A and B.\n\nLine two.\n\nLine three.\n\nLine four, changed by B.',
      summary: 'Resolved',
    });
    expect(again.headers.location).toBe('/en/wiki/two-editors?done=saved');
  });

  it('shows the history and the changes, and brings an old version back', async () => {
    const a = await person();
    await saveForm(a, '/en/wiki/new', '/en/wiki/new', { title: 'Restorable', body: 'Good text.' });
    await saveForm(a, '/en/wiki/restorable/edit', '/en/wiki/restorable/edit', { title: 'Restorable', body: 'VANDALISM', summary: 'oops' });
    const history = await a.get('/en/wiki/restorable/history');
    expect(history.statusCode).toBe(200);
    expect(history.body).toContain('Author');
    // The rows' links are relative to the history (fifty rows to a page): they lead to the page's diff and restore.
    const resolve = (href: string) => new URL(href.replace(/&amp;/g, '&'), 'http://localhost/en/wiki/restorable/history?before=9').pathname;
    const link = /href="(diff\?from=\d+&amp;to=\d+)"/.exec(history.body)![1]!;
    expect(resolve(link)).toBe('/en/wiki/restorable/diff');
    const diff = await t.app.inject({ url: `/en/wiki/restorable/${link.replace(/&amp;/g, '&')}` });
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toMatch(/<del><span class="visually-hidden">Removed: <\/span>Good text\.<\/del>/);
    expect(diff.body).toMatch(/<ins><span class="visually-hidden">Added: <\/span>VANDALISM<\/ins>/);
    // "Bring back" opens what the page would become, with the one button that does it.
    const first = /href="restore\?revision=(\d+)"/.exec(history.body)![1]!;
    expect(resolve(`restore?revision=${first}`)).toBe('/en/wiki/restorable/restore');
    const confirm = await a.get(`/en/wiki/restorable/restore?revision=${first}`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toMatch(/<ins><span class="visually-hidden">Added: <\/span>Good text\.<\/ins>/);
    expect((await t.app.inject({ url: `/en/wiki/restorable/restore?revision=${first}` })).statusCode).toBe(303);
    expect((await a.get('/en/wiki/restorable/restore?revision=999999')).statusCode).toBe(404);
    const restored = await a.submit(`/en/wiki/restorable/restore?revision=${first}`, '/en/wiki/restorable/restore', { revision: first });
    expect(restored.headers.location).toBe('/en/wiki/restorable?done=restored');
    fresh();
    expect((await t.app.inject({ url: '/en/wiki/restorable' })).body).toContain('Good text.');
    expect((await t.app.inject({ url: '/en/wiki/restorable/diff?from=1&to=999999' })).statusCode).toBe(404);
  });

  it('lists recent changes as a page and an Atom feed, newest first, escaped', async () => {
    const author = await person();
    await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title: 'Feed <check> & co', body: 'First.' });
    await saveForm(author, '/en/wiki/feed-check-co/edit', '/en/wiki/feed-check-co/edit', {
      title: 'Feed <check> & co',
      body: 'Second.',
      summary: 'Fixed "step" <2>',
    });
    fresh();
    const page = await t.app.inject({ url: '/en/wiki/recent-changes' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/en/wiki/feed-check-co"');
    expect(page.body).toContain('Fixed &quot;step&quot; &lt;2>');
    expect(page.body).toMatch(/href="\/en\/wiki\/feed-check-co\/diff\?from=\d+&amp;to=\d+"/);
    expect(page.body).toContain('type="application/atom+xml"');
    // French pages only in the French list.
    expect((await t.app.inject({ url: '/fr/wiki/recent-changes' })).body).not.toContain('feed-check-co');
    const feed = await t.app.inject({ url: '/en/wiki/recent-changes.atom' });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('application/atom+xml');
    const doc = parseDocument(feed.body, { xmlMode: true });
    const entries = DomUtils.getElementsByTagName('entry', doc);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const first = entries[0]!;
    const text = (name: string) => DomUtils.textContent(DomUtils.getElementsByTagName(name, first)[0]!);
    // Entities decoded by the parser: the raw text was escaped in the XML.
    expect(text('title')).toBe('Feed <check> & co');
    expect(text('summary')).toBe('Edit: Fixed "step" <2>');
    const link = DomUtils.getElementsByTagName('link', first)[0]!.attribs.href!;
    expect(link).toMatch(/\/en\/wiki\/feed-check-co\/diff\?from=\d+&to=\d+$/);
    expect(feed.body).not.toContain('<check>');
    // A page cannot take the list's address.
    const taken = await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title: 'Recent changes', body: 'x' });
    expect(taken.headers.location).toBe('/en/wiki/recent-changes-2?done=created');
  });

  describe('who may not', () => {
    it('sends visitors to sign in, refuses the unverified and protected pages, and writes nothing', async () => {
      const author = await person();
      await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title: 'Guarded', body: 'Original.' });
      const before = Number(
        (
          await t.app.db
            .selectFrom('wiki_revisions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const visitor = await t.app.inject({ url: '/en/wiki/guarded/edit' });
      expect(visitor.statusCode).toBe(303);
      expect(visitor.headers.location).toContain('/en/sign-in?next=');
      expect((await new TestClient(t.app).post('/en/wiki/guarded/edit', { title: 'x', body: 'y' })).statusCode).toBe(403);
      const unverified = await person([], { verified: false });
      expect((await unverified.get('/en/wiki/guarded/edit')).statusCode).toBe(403);
      await t.app.db.updateTable('wiki_pages').set({ protected: 1 }).where('slug', '=', 'guarded').execute();
      const citizen = await person();
      expect((await citizen.get('/en/wiki/guarded/edit')).statusCode).toBe(403);
      const page = await author.get('/en/wiki/guarded/history');
      expect(page.body).not.toContain('restore?revision=');
      const guardedFirst = (
        await t.app.db.selectFrom('wiki_pages').select('current_revision_id').where('slug', '=', 'guarded').executeTakeFirstOrThrow()
      ).current_revision_id!;
      expect((await citizen.get(`/en/wiki/guarded/restore?revision=${guardedFirst}`)).statusCode).toBe(403);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
      expect(
        (await citizen.post('/en/wiki/guarded/edit', { _csrf: token, title: 'Guarded', body: 'Vandal', baseRevisionId: '' })).statusCode,
      ).toBe(403);
      const after = Number(
        (
          await t.app.db
            .selectFrom('wiki_revisions')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      expect(after).toBe(before);
      const helper = await person(['helper']);
      expect((await helper.get('/en/wiki/guarded/edit')).statusCode).toBe(200);
    });

    it('answers an empty form with an error summary, keeping what was typed', async () => {
      const author = await person();
      const r = await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title: '', body: 'Kept text' });
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain('class="error-summary"');
      expect(r.body).toContain('href="#wiki-title"');
      expect(r.body).toContain('Kept text');
    });
  });

  it('renders hostile Markdown inert on the page', async () => {
    const author = await person();
    const body =
      '<script>alert(1)</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(1)>\n\n[[<b onmouseover=alert(1)>]]';
    await saveForm(author, '/en/wiki/new', '/en/wiki/new', { title: 'Hostile <b>title</b>', body });
    fresh();
    const page = await t.app.inject({ url: '/en/wiki/hostile-b-title-b' });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('javascript:');
    expect(page.body).not.toMatch(/<img[^>]*onerror/);
    expect(page.body).not.toContain('<b onmouseover');
    expect(page.body).toContain('<h1 id="wiki-title">Hostile &lt;b>title&lt;/b></h1>');
  });
});
