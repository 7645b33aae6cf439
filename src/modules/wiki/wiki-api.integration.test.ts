/**
 * The wiki's API on both databases: create, edit, merge from a stale base, 409 with both versions
 * when edits overlap (nothing saved), concurrent saves from one base (both survive), protected pages,
 * restore, history by keyset pages, bad input (a clear error, nothing written), and the OpenAPI
 * description matching the answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { applyStoredDiff, type StoredDiff } from './revision-diff.js';
import { restoreRevision } from './wiki.service.js';
import { openApiChecker } from './testing/api.js';

type Json = Record<string, any>;

const GUIDE = [
  '# Before you start',
  '',
  'Have your tax notice and your tenancy agreement at hand.',
  '',
  '# Step by step',
  '',
  '1. Open the online service.',
  '2. Sign in with your account.',
  '3. Fill in the form.',
  '4. Send it and keep the receipt.',
  '',
  '# Where to get help',
  '',
  'Any Digital Public Space of the territory helps you for free.',
].join('\n');

describeEachDatabase('wiki API', (dialect) => {
  let t: TestApp;
  let people = 0;

  /** A person with an API token (verified unless said otherwise, with these roles). */
  const editor = async (roles: Role[] = [], options: { verified?: boolean } = {}) => {
    people += 1;
    const email = `wiki-${people}@example.org`;
    const userId = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Writer ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const { token } = await createApiTokenForEmail(t.app.db, { email, name: 'wiki test' });
    return { userId, token };
  };
  /** Saves are rate-limited per address: each token writes from its own. */
  const addresses = new Map<string | null, string>();
  const put = (slug: string, token: string | null, payload: Json) => {
    if (!addresses.has(token)) addresses.set(token, `10.0.${Math.floor(addresses.size / 250)}.${(addresses.size % 250) + 1}`);
    return t.app.inject({
      method: 'PUT',
      url: `/api/v1/wiki/${slug}`,
      payload,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      remoteAddress: addresses.get(token)!,
    });
  };
  const get = (url: string) => t.app.inject({ url });
  const revisionCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('wiki_revisions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
  });
  afterAll(() => t.close());

  describe('saving', () => {
    it('creates a page (201), reads it back, and edits it from its latest revision (200)', async () => {
      const { token } = await editor();
      const created = await put('housing-allowance-online', token, {
        title: 'Applying for housing allowance online',
        body: GUIDE,
        summary: 'First version',
        type: 'guide',
      });
      expect(created.statusCode, created.body).toBe(201);
      const { revisionId } = created.json<Json>();
      expect(created.json()).toEqual({ revisionId: expect.any(Number), merged: false, pendingReview: false });
      const page = (await get('/api/v1/wiki/housing-allowance-online')).json<Json>();
      expect(page).toMatchObject({
        slug: 'housing-allowance-online',
        title: 'Applying for housing allowance online',
        type: 'guide',
        locale: 'en',
        body: GUIDE,
        revisionId,
        protected: false,
      });
      const edited = await put('housing-allowance-online', token, {
        title: page.title,
        body: `${GUIDE}\n\nIt takes about 20 minutes.`,
        summary: 'Time needed',
        baseRevisionId: revisionId,
      });
      expect(edited.statusCode).toBe(200);
      expect(edited.json()).toEqual({ revisionId: expect.any(Number), merged: false, pendingReview: false });
      expect((await get('/api/v1/wiki/housing-allowance-online')).json<Json>().body).toContain('about 20 minutes');
      // The same text again: nothing new is written.
      const before = await revisionCount();
      const same = await put('housing-allowance-online', token, {
        title: page.title,
        body: `${GUIDE}\n\nIt takes about 20 minutes.`,
        baseRevisionId: edited.json<Json>().revisionId,
      });
      expect(same.statusCode).toBe(200);
      expect(same.json<Json>().revisionId).toBe(edited.json<Json>().revisionId);
      expect(await revisionCount()).toBe(before);
    });

    it('merges an edit saved from an older revision when the edits do not overlap (merged: true)', async () => {
      const a = await editor();
      const b = await editor();
      const { revisionId: base } = (await put('merge-guide', a.token, { title: 'Merging', body: GUIDE })).json<Json>();
      const first = await put('merge-guide', a.token, {
        title: 'Merging',
        body: GUIDE.replace('1. Open the online service.', '1. Open the online service (caf.fr).'),
        baseRevisionId: base,
      });
      expect(first.statusCode).toBe(200);
      const second = await put('merge-guide', b.token, {
        title: 'Merging',
        body: GUIDE.replace(
          'Any Digital Public Space of the territory helps you for free.',
          'Any Digital Public Space helps you for free, with or without an appointment.',
        ),
        summary: 'Help',
        baseRevisionId: base,
      });
      expect(second.statusCode, second.body).toBe(200);
      expect(second.json()).toEqual({ revisionId: expect.any(Number), merged: true, pendingReview: false });
      const body = (await get('/api/v1/wiki/merge-guide')).json<Json>().body as string;
      expect(body).toContain('(caf.fr)');
      expect(body).toContain('with or without an appointment');
    });

    it('answers 409 edit_conflict with both versions when the edits overlap, and saves nothing', async () => {
      const a = await editor();
      const b = await editor();
      const { revisionId: base } = (await put('conflict-guide', a.token, { title: 'Conflicts', body: GUIDE })).json<Json>();
      const mine = GUIDE.replace('3. Fill in the form.', '3. Fill in every field of the form.');
      const theirs = GUIDE.replace('3. Fill in the form.', '3. Fill in the form, then check it.');
      const saved = (await put('conflict-guide', a.token, { title: 'Conflicts', body: theirs, baseRevisionId: base })).json<Json>();
      const before = await revisionCount();
      const refused = await put('conflict-guide', b.token, { title: 'Conflicts', body: mine, summary: 'Mine', baseRevisionId: base });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toEqual({
        code: 'edit_conflict',
        message: expect.any(String),
        current: { revisionId: saved.revisionId, title: 'Conflicts', body: theirs },
        yours: { title: 'Conflicts', body: mine, baseRevisionId: base },
        requestId: expect.any(String),
      });
      expect(await revisionCount()).toBe(before);
      // Resolved from the current revision, it saves.
      const resolved = await put('conflict-guide', b.token, { title: 'Conflicts', body: mine, baseRevisionId: saved.revisionId });
      expect(resolved.statusCode).toBe(200);
      // Creating a page that exists: a conflict too, not an overwrite.
      expect((await put('conflict-guide', b.token, { title: 'Conflicts', body: 'Something else' })).statusCode).toBe(409);
    });

    it('keeps both edits of two people saving from the same revision at once', async () => {
      const a = await editor();
      const b = await editor();
      const { revisionId: base } = (await put('race-guide', a.token, { title: 'Race', body: GUIDE })).json<Json>();
      const [x, y] = await Promise.all([
        put('race-guide', a.token, {
          title: 'Race',
          body: GUIDE.replace('Have your tax notice', 'Have your latest tax notice'),
          baseRevisionId: base,
        }),
        put('race-guide', b.token, {
          title: 'Race',
          body: GUIDE.replace('keep the receipt.', 'keep the receipt (a PDF).'),
          baseRevisionId: base,
        }),
      ]);
      expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
      expect([x.json<Json>().merged, y.json<Json>().merged].sort()).toEqual([false, true]);
      const body = (await get('/api/v1/wiki/race-guide')).json<Json>().body as string;
      expect(body).toContain('latest tax notice');
      expect(body).toContain('(a PDF)');
    });

    it('creates a page once when two people create it at once: the other gets a conflict, nothing overwritten', async () => {
      const a = await editor();
      const b = await editor();
      const [x, y] = await Promise.all([
        put('created-twice', a.token, { title: 'Twice', body: 'From A.' }),
        put('created-twice', b.token, { title: 'Twice', body: 'From B.' }),
      ]);
      expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
      const winner = x.statusCode === 201 ? 'From A.' : 'From B.';
      const loser = x.statusCode === 201 ? y : x;
      expect(loser.json<Json>()).toMatchObject({ code: 'edit_conflict', current: { body: winner } });
      expect((await get('/api/v1/wiki/created-twice')).json<Json>().body).toBe(winner);
      expect((await get('/api/v1/wiki/created-twice/revisions')).json<Json>().data).toHaveLength(1);
    });

    it('stores each revision’s diff from the one before, which reproduces it', async () => {
      const { token } = await editor();
      let base = (await put('diff-guide', token, { title: 'Diffs', body: GUIDE })).json<Json>().revisionId as number;
      for (const [from, to] of [
        ['tax notice', 'avis d’imposition 📄'],
        ['4. Send it', '4. Envoyez-le'],
      ] as const) {
        const body = ((await get('/api/v1/wiki/diff-guide')).json<Json>().body as string).replace(from, to);
        base = (await put('diff-guide', token, { title: 'Diffs', body, baseRevisionId: base })).json<Json>().revisionId as number;
      }
      const page = await t.app.db.selectFrom('wiki_pages').select('id').where('slug', '=', 'diff-guide').executeTakeFirstOrThrow();
      const revisions = await t.app.db
        .selectFrom('wiki_revisions')
        .select(['id', 'parent_id', 'body', 'diff'])
        .where('page_id', '=', page.id)
        .orderBy('id')
        .execute();
      expect(revisions).toHaveLength(3);
      let previous = '';
      for (const r of revisions) {
        expect(applyStoredDiff(previous, JSON.parse(r.diff) as StoredDiff)).toBe(r.body);
        previous = r.body;
      }
    });
  });

  describe('who may save', () => {
    it('refuses signed-out, unverified and tokenless writers, and protected pages to all but trusted editors', async () => {
      const citizen = await editor();
      const { revisionId } = (await put('protected-guide', citizen.token, { title: 'Protected', body: GUIDE })).json<Json>();
      await t.app.db.updateTable('wiki_pages').set({ protected: 1 }).where('slug', '=', 'protected-guide').execute();
      const before = await revisionCount();
      const edit = { title: 'Protected', body: `${GUIDE}\nVandalism`, baseRevisionId: revisionId };
      expect((await put('protected-guide', null, edit)).statusCode).toBe(401);
      expect((await put('protected-guide', 'ecoop_not-a-token', edit)).statusCode).toBe(401);
      expect((await put('protected-guide', (await editor([], { verified: false })).token, edit)).statusCode).toBe(403);
      const refused = await put('protected-guide', citizen.token, edit);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<Json>().code).toBe('forbidden');
      expect(await revisionCount()).toBe(before);
      const helper = await editor(['helper']);
      expect((await put('protected-guide', helper.token, { ...edit, body: `${GUIDE}\nA helper's note.` })).statusCode).toBe(200);
      // An unverified person cannot create pages either.
      expect(
        (await put('new-by-unverified', (await editor([], { verified: false })).token, { title: 'New', body: 'Text' })).statusCode,
      ).toBe(403);
      expect((await get('/api/v1/wiki/new-by-unverified')).statusCode).toBe(404);
    });

    it('answers bad input with a clear error and writes nothing', async () => {
      const { token } = await editor();
      const before = await revisionCount();
      const missing = await put('bad-input', token, { title: '  ', body: '' });
      expect(missing.statusCode).toBe(422);
      expect(
        missing
          .json<Json>()
          .fields.map((f: Json) => f.field)
          .sort(),
      ).toEqual(['body', 'title']);
      expect((await put('bad-input', token, { title: 'T'.repeat(151), body: 'x' })).json<Json>().fields).toEqual([
        { field: 'title', message: 'wiki.errors.titleLong' },
      ]);
      expect((await put('Bad_Slug', token, { title: 'Slug', body: 'x' })).statusCode).toBe(422);
      // The editor's own address is not a page's.
      expect((await put('new', token, { title: 'New', body: 'x' })).json<Json>().fields).toEqual([
        { field: 'slug', message: 'wiki.errors.slug' },
      ]);
      expect((await put('bad-input', token, { title: 'T', body: 'x', type: 'novel' })).statusCode).toBe(400);
      expect((await put('bad-input', token, { title: 'T', body: 'x', locale: 'xx' })).statusCode).toBe(422);
      expect((await put('bad-input', token, { body: 'no title' })).statusCode).toBe(400);
      expect((await put('bad-input', token, { title: 'T', body: 'x', baseRevisionId: 99999999 })).statusCode).toBe(404);
      // A base revision of another page.
      const other = (await put('other-page', token, { title: 'Other', body: 'Other text' })).json<Json>().revisionId as number;
      const mine = (await put('bad-input', token, { title: 'Mine', body: 'Mine' })).json<Json>().revisionId as number;
      expect(mine).toBeGreaterThan(0);
      const wrongBase = await put('bad-input', token, { title: 'Mine', body: 'Changed', baseRevisionId: other });
      expect(wrongBase.statusCode).toBe(422);
      expect(await revisionCount()).toBe(before + 2);
    });
    it('limits saves per address (429)', async () => {
      const { token } = await editor();
      const codes: number[] = [];
      let base = (await put('rate-limited', token, { title: 'Rate', body: 'v0' })).json<Json>().revisionId as number;
      for (let i = 1; i <= 30; i++) {
        const r = await put('rate-limited', token, { title: 'Rate', body: `v${i}`, baseRevisionId: base });
        codes.push(r.statusCode);
        if (r.statusCode === 200) base = r.json<Json>().revisionId as number;
      }
      expect(codes.filter((c) => c === 200)).toHaveLength(29);
      expect(codes.at(-1)).toBe(429);
    });
  });

  describe('history and restore', () => {
    it('lists revisions newest first by keyset pages, and restores an old one as a new revision', async () => {
      const { token, userId } = await editor();
      let base = (await put('history-guide', token, { title: 'History', body: 'Version 1', summary: 'v1' })).json<Json>()
        .revisionId as number;
      const first = base;
      for (let v = 2; v <= 5; v++)
        base = (
          await put('history-guide', token, { title: 'History', body: `Version ${v}`, summary: `v${v}`, baseRevisionId: base })
        ).json<Json>().revisionId as number;
      const page1 = (await get('/api/v1/wiki/history-guide/revisions?limit=2')).json<Json>();
      expect(page1.data.map((r: Json) => r.summary)).toEqual(['v5', 'v4']);
      expect(page1.data[0]).toMatchObject({ author: `Writer ${people}`, kind: 'edit', size: 9, sizeDelta: 0 });
      const page3 = (
        await get(
          `/api/v1/wiki/history-guide/revisions?limit=2&before=${(await get(`/api/v1/wiki/history-guide/revisions?limit=2&before=${page1.next}`)).json<Json>().next}`,
        )
      ).json<Json>();
      expect(page3.data.map((r: Json) => r.summary)).toEqual(['v1']);
      expect(page3.next).toBeNull();
      expect((await get('/api/v1/wiki/no-such-page/revisions')).statusCode).toBe(404);
      expect((await get('/api/v1/wiki/history-guide/revisions?limit=0')).statusCode).toBe(400);

      const actor = { id: userId, roles: ['citizen'], emailVerified: true };
      const context = { actorId: userId, requestId: 'test', ip: null };
      const restored = await restoreRevision(t.app.db, actor, 'history-guide', first, 'Back to v1', context, t.app.config.wikiReview);
      const page = (await get('/api/v1/wiki/history-guide')).json<Json>();
      expect(page).toMatchObject({ body: 'Version 1', revisionId: restored.revisionId });
      const latest = (await get('/api/v1/wiki/history-guide/revisions?limit=1')).json<Json>().data[0];
      expect(latest).toMatchObject({ kind: 'restore', summary: 'Back to v1' });
      expect((await get('/api/v1/wiki/history-guide/revisions?limit=100')).json<Json>().data).toHaveLength(6);
      const audited = await t.app.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', '=', 'wiki.restore')
        .where('subject_id', '=', 'history-guide')
        .execute();
      expect(audited).toHaveLength(1);
      await expect(restoreRevision(t.app.db, null, 'history-guide', first, '', context, t.app.config.wikiReview)).rejects.toMatchObject({
        code: 'unauthorized',
      });
    });
  });

  describe('OpenAPI', () => {
    it('describes the routes, and their answers validate against the schemas', async () => {
      const doc = (await get('/api/v1/openapi.json')).json<{ paths: Record<string, Record<string, unknown>>; components: unknown }>();
      expect(Object.keys(doc.paths['/api/v1/wiki/{slug}'] ?? {}).sort()).toEqual(['get', 'patch', 'put']);
      expect(Object.keys(doc.paths['/api/v1/wiki/{slug}/revisions'] ?? {})).toEqual(['get']);
      const check = await openApiChecker(t.app);
      const { token } = await editor();
      const created = await put('openapi-guide', token, { title: 'OpenAPI', body: GUIDE });
      check('WikiSaved', created.json());
      check('WikiPage', (await get('/api/v1/wiki/openapi-guide')).json());
      for (const r of (await get('/api/v1/wiki/openapi-guide/revisions')).json<Json>().data) check('WikiRevision', r);
      const base = created.json<Json>().revisionId as number;
      await put('openapi-guide', token, { title: 'OpenAPI', body: GUIDE.replace('Fill in', 'Complete'), baseRevisionId: base });
      check(
        'WikiEditConflict',
        (await put('openapi-guide', token, { title: 'OpenAPI', body: GUIDE.replace('Fill in', 'Type'), baseRevisionId: base })).json(),
      );
    });
  });
});
