/**
 * The JSON API of wiki discussions on both databases: listing by keyset pages, posting with a token
 * (the page's discussion shows it at once), who may not (no token, a session cookie, an unverified
 * email, someone else's comment), moderators' deletions (audited), bad input (a clear error, nothing
 * written), unknown pages and comments, a comment moderation hid (neither its text nor its author
 * listed), and the OpenAPI description matching the answers.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { nowIso } from '../../db/dialect.js';
import { COMMENT_MAX } from './wiki-comments.service.js';
import { apiPages, apiPeople, openApiChecker, type ApiPerson } from './testing/api.js';
import { expectCommentDeletesAudited } from './testing/comment-audit.js';

interface ApiComment {
  id: number;
  author: string | null;
  body: string | null;
  createdAt: string;
  moderation: { status: string; reason: string | null } | null;
}
interface CommentList {
  data: ApiComment[];
  next: number | null;
  total: number;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
  components: unknown;
}

describeEachDatabase('wiki comments API', (dialect) => {
  let t: TestApp;
  let check: (schema: string, value: unknown) => void;

  /** A person with an API token, their own address (rate limits count per address) and a signed-in browser. */
  const person = apiPeople(() => t.app, 'wiki-api-talk', 3);
  type Person = ApiPerson;

  /** An API call as `who` (null: anonymous, from an address of its own), with a raw body if any. */
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, who: Person | null, payload?: string, contentType = 'application/json') =>
    t.app.inject({
      method,
      url,
      remoteAddress: who?.browser.ip ?? '203.0.113.30',
      headers: {
        ...(who ? { authorization: `Bearer ${who.token}` } : {}),
        ...(payload === undefined ? {} : { 'content-type': contentType }),
      },
      ...(payload === undefined ? {} : { payload }),
    });
  const post = (slug: string, who: Person | null, body: Record<string, unknown>) =>
    call('POST', `/api/v1/wiki/${slug}/comments`, who, JSON.stringify(body));
  const list = (slug: string, query = '') => call('GET', `/api/v1/wiki/${slug}/comments${query}`, null);
  const remove = (id: number | string, who: Person | null) => call('DELETE', `/api/v1/wiki/comments/${id}`, who);

  /** A new page written through the API; its slug. */
  const newPage = apiPages(
    () => t.app,
    () => person(),
    'Comments',
  );
  const commentsOn = (slug: string) =>
    t.app.db
      .selectFrom('wiki_comments as c')
      .innerJoin('wiki_pages as p', 'p.id', 'c.page_id')
      .select(['c.id', 'c.author_id', 'c.body'])
      .where('p.slug', '=', slug)
      .orderBy('c.id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    check = await openApiChecker(t.app);
  });
  afterAll(() => t.close());

  it('posts a comment with a token (201), lists it, and the page’s discussion shows it at once', async () => {
    const slug = await newPage();
    const ada = await person();
    expect((await t.app.inject({ url: `/en/wiki/${slug}` })).body).toContain('Discussion (0)'); // cached first

    const r = await post(slug, ada, { body: '  First line\r\nsecond line\u0007  ' });
    expect(r.statusCode, r.body).toBe(201);
    const posted = r.json<{ id: number; body: string }>();
    check('WikiCommentPosted', posted);
    expect(posted).toEqual({ id: expect.any(Number), body: 'First line\nsecond line' });
    expect(await commentsOn(slug)).toEqual([{ id: posted.id, author_id: ada.userId, body: 'First line\nsecond line' }]);

    const listed = await list(slug);
    expect(listed.statusCode).toBe(200);
    check('WikiCommentList', listed.json());
    expect(listed.json<CommentList>()).toEqual({
      data: [{ id: posted.id, author: ada.name, body: 'First line\nsecond line', createdAt: expect.any(String), moderation: null }],
      next: null,
      total: 1,
    });

    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    expect(html).toContain('Discussion (1)');
    expect(html).toContain(`id="comment-${posted.id}"`);
    expect(html).toContain(ada.name);

    // A double submission answers the first comment (200) and writes nothing.
    const again = await post(slug, ada, { body: 'First line\nsecond line' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(posted);
    expect(await commentsOn(slug)).toHaveLength(1);
  });

  it('lists a long discussion by keyset pages: the newest first, oldest first within each page', async () => {
    const slug = await newPage();
    const ada = await person();
    const page = await t.app.db.selectFrom('wiki_pages').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    for (let i = 1; i <= 7; i++) {
      await t.app.db
        .insertInto('wiki_comments')
        // Comment 4's author deleted their account (detached, as account deletion does).
        .values({ page_id: page.id, author_id: i === 4 ? null : ada.userId, body: `Comment number ${i}.`, created_at: nowIso() })
        .execute();
    }
    const bodies = (l: CommentList) => l.data.map((c) => c.body);

    const first = (await list(slug, '?limit=3')).json<CommentList>();
    check('WikiCommentList', first);
    expect(bodies(first)).toEqual(['Comment number 5.', 'Comment number 6.', 'Comment number 7.']);
    expect(first.total).toBe(7);
    expect(first.next).toBe(first.data[0]!.id);
    const second = (await list(slug, `?limit=3&before=${first.next}`)).json<CommentList>();
    expect(bodies(second)).toEqual(['Comment number 2.', 'Comment number 3.', 'Comment number 4.']);
    expect(second.data.find((c) => c.body === 'Comment number 4.')!.author).toBeNull();
    expect(second.data.find((c) => c.body === 'Comment number 3.')!.author).toBe(ada.name);
    const third = (await list(slug, `?limit=3&before=${second.next}`)).json<CommentList>();
    expect(bodies(third)).toEqual(['Comment number 1.']);
    expect(third.next).toBeNull();
    // The default page holds them all.
    const all = (await list(slug)).json<CommentList>();
    expect(all.data).toHaveLength(7);
    expect(all.next).toBeNull();

    for (const query of ['?limit=0', '?limit=101', '?limit=two', '?before=0', '?before=x']) {
      const bad = await list(slug, query);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json<{ code: string }>().code).toBe('bad_request');
    }
  });

  it('refuses no token (401), a session cookie (401) and an unverified email (403), writing nothing', async () => {
    const slug = await newPage();
    const anonymous = await post(slug, null, { body: 'Hello' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer');
    const ada = await person();
    // A signed-in browser's cookie does not count on the API (and no CSRF token is asked for).
    const withCookie = await t.app.inject({
      method: 'POST',
      url: `/api/v1/wiki/${slug}/comments`,
      payload: { body: 'Hello' },
      headers: { cookie: ada.browser.cookieHeader },
      remoteAddress: ada.browser.ip,
    });
    expect(withCookie.statusCode).toBe(401);
    const badToken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/wiki/${slug}/comments`,
      payload: { body: 'Hello' },
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(badToken.statusCode).toBe(401);
    const unverified = await person([], { verified: false });
    const refused = await post(slug, unverified, { body: 'Hello' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('forbidden');
    expect(await commentsOn(slug)).toEqual([]);
  });

  it('answers bad input with a clear error and writes nothing', async () => {
    const slug = await newPage();
    const ada = await person();
    const raw = (payload: string, contentType?: string) => call('POST', `/api/v1/wiki/${slug}/comments`, ada, payload, contentType);
    // Not an object with a string `body`: 400 `bad_request`.
    for (const payload of ['{}', '{"body":42}', '{"text":"Hello"}', '[]', '"Hello"', 'null', '{"body":']) {
      const r = await raw(payload);
      expect(r.statusCode, payload).toBe(400);
      expect(r.json<{ code: string }>().code, payload).toBe('bad_request');
    }
    // A form-like or plain text body is not a JSON object either.
    expect((await raw('body=Hello', 'text/plain')).statusCode).toBe(400);
    // Empty or too long: 422 `validation_failed` on the field, as the form says.
    for (const [body, message] of [
      ['  \n\t ', 'wiki.discussion.errors.bodyMissing'],
      ['\u0000\u0001', 'wiki.discussion.errors.bodyMissing'],
      ['x'.repeat(COMMENT_MAX + 1), 'wiki.discussion.errors.bodyLong'],
    ] as const) {
      const r = await post(slug, ada, { body });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'validation_failed', fields: [{ field: 'body', message }] });
      check('Error', r.json());
    }
    expect((await post('Not_A_Slug', ada, { body: 'Hello' })).statusCode).toBe(400);
    expect(await commentsOn(slug)).toEqual([]);
    // Exactly the limit is fine.
    expect((await post(slug, ada, { body: 'y'.repeat(COMMENT_MAX) })).statusCode).toBe(201);
  });

  it('answers 404 for a page that does not exist or that readers do not see yet, and for an unknown comment', async () => {
    const ada = await person();
    expect((await list('nobody-wrote-this')).statusCode).toBe(404);
    expect((await post('nobody-wrote-this', ada, { body: 'Hello' })).statusCode).toBe(404);
    // Its first revision waits for review: 404, as `GET /api/v1/wiki/{slug}` says.
    const waiting = await newPage();
    await t.app.db.updateTable('wiki_pages').set({ stable_revision_id: null }).where('slug', '=', waiting).execute();
    expect((await t.app.inject({ url: `/api/v1/wiki/${waiting}` })).statusCode).toBe(404);
    expect((await list(waiting)).statusCode).toBe(404);
    expect((await post(waiting, ada, { body: 'Hello' })).statusCode).toBe(404);
    expect(await commentsOn(waiting)).toEqual([]);
    const unknown = await remove(99_999_999, ada);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ code: string }>().code).toBe('not_found');
    expect((await remove('abc', ada)).statusCode).toBe(400);
  });

  it('lets the author, a moderator or an admin delete a comment (204), nobody else; removing someone else’s is audited', async () => {
    const slug = await newPage();
    const ada = await person();
    const bob = await person();
    const moderator = await person(['moderator']);
    const admin = await person(['admin']);
    const idOf = async (who: Person, body: string) => (await post(slug, who, { body })).json<{ id: number }>().id;
    const mine = await idOf(ada, 'Mine to delete.');
    const second = await idOf(ada, 'The moderator removes this.');
    const third = await idOf(bob, 'The admin removes this.');

    expect((await remove(mine, null)).statusCode).toBe(401);
    const refused = await remove(mine, bob);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ code: string }>().code).toBe('forbidden');
    expect(await commentsOn(slug)).toHaveLength(3);
    expect((await list(slug)).json<CommentList>().data.map((c) => c.body)).toContain('Mine to delete.');

    const own = await remove(mine, ada);
    expect(own.statusCode).toBe(204);
    expect(own.body).toBe('');
    expect((await remove(second, moderator)).statusCode).toBe(204);
    expect((await remove(third, admin)).statusCode).toBe(204);
    expect(await commentsOn(slug)).toEqual([]);
    expect((await remove(mine, ada)).statusCode).toBe(404);
    expect((await list(slug)).json<CommentList>()).toEqual({ data: [], next: null, total: 0 });
    expect((await t.app.inject({ url: `/en/wiki/${slug}` })).body).toContain('Discussion (0)');

    await expectCommentDeletesAudited(t.app.db, {
      slug,
      own: mine,
      byModerator: { comment: second, userId: moderator.userId },
      byAdmin: { comment: third, userId: admin.userId },
      text: 'removes this',
    });
  });

  it('lists a comment moderation hid without its text or author, as the page shows only a notice', async () => {
    const slug = await newPage();
    const ada = await person();
    const bob = await person();
    const moderator = await person(['moderator']);
    const id = (await post(slug, ada, { body: 'Buy cheap things at example.com' })).json<{ id: number }>().id;
    await post(slug, bob, { body: 'A useful answer.' });
    const flagUrl = `/en/flags/new?type=wiki.comment&id=${id}`;
    expect(
      (await bob.browser.submit(flagUrl, '/en/flags', { type: 'wiki.comment', id: String(id), reason: 'spam', comment: '' })).statusCode,
    ).toBe(303);
    const hidden = await moderator.browser.submit('/en/moderation', '/en/moderation/hide', {
      type: 'wiki.comment',
      id: String(id),
      reason: 'Advertising',
      status: 'pending',
    });
    expect(hidden.statusCode).toBe(303);

    const r = await list(slug);
    expect(r.body).not.toContain('Buy cheap things');
    expect(r.body).not.toContain(ada.name);
    const listed = r.json<CommentList>();
    check('WikiCommentList', listed);
    expect(listed.total).toBe(2);
    expect(listed.data).toEqual([
      { id, author: null, body: null, createdAt: expect.any(String), moderation: { status: 'hidden', reason: 'Advertising' } },
      { id: expect.any(Number), author: bob.name, body: 'A useful answer.', createdAt: expect.any(String), moderation: null },
    ]);
    // The page shows the same: the notice, not the text.
    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    expect(html).toContain('Advertising');
    expect(html).not.toContain('Buy cheap things');
  });

  it('is described in /api/v1/openapi.json, writes with the bearer scheme', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<OpenApiDoc>();
    const comments = doc.paths['/api/v1/wiki/{slug}/comments'] ?? {};
    const one = doc.paths['/api/v1/wiki/comments/{id}'] ?? {};
    expect(Object.keys(comments).sort()).toEqual(['get', 'post']);
    expect(Object.keys(one)).toEqual(['delete']);
    expect(comments.get!.security).toBeUndefined();
    expect(comments.post!.security).toEqual([{ bearer: [] }]);
    expect(one.delete!.security).toEqual([{ bearer: [] }]);
  });
});
