/**
 * A wiki page's discussion on both databases: posting through the page's form (the shared page shows
 * it at once), earlier comments on the discussion's own page, who may not (signed out, unverified,
 * someone else's comment), bad input (a clear error, nothing written), hostile text shown as text,
 * reporting and hiding a comment, and the person's data (export, account deletion).
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { nowIso } from '../../db/dialect.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { COMMENT_MAX, COMMENTS_UNDER_PAGE, listComments } from './wiki-comments.service.js';
import { expectCommentDeletesAudited } from './testing/comment-audit.js';

const PASSWORD = 'a long enough password';

describeEachDatabase('wiki discussion', (dialect) => {
  let t: TestApp;
  let people = 0;
  let pages = 0;

  /** A signed-in client (privileged roles with two-factor on, so they are in effect). */
  const person = async (roles: Role[] = [], options: { verified?: boolean } = {}) => {
    people += 1;
    const name = `Talker ${String(people).padStart(3, '0')}`;
    const userId = await createUserWithRoles(t.app.db, {
      email: `wiki-talk-${people}@example.org`,
      displayName: name,
      password: PASSWORD,
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const client = new TestClient(t.app, `10.2.0.${people}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId, name });
  };
  /** A new page written through the editor; its slug. */
  const newPage = async () => {
    pages += 1;
    const author = await person();
    const title = `Talk page ${pages}`;
    const r = await author.submit('/en/wiki/new', '/en/wiki/new', {
      title,
      body: 'Some help.',
      summary: '',
      type: 'guide',
      baseRevisionId: '',
    });
    expect(r.statusCode, r.body).toBe(303);
    return `talk-page-${pages}`;
  };
  const comment = (client: TestClient, slug: string, body: string) =>
    client.submit(`/en/wiki/${slug}`, `/en/wiki/${slug}/comments`, { body });
  const commentsOn = (slug: string) =>
    t.app.db
      .selectFrom('wiki_comments as c')
      .innerJoin('wiki_pages as p', 'p.id', 'c.page_id')
      .select(['c.id', 'c.author_id', 'c.body'])
      .where('p.slug', '=', slug)
      .orderBy('c.id')
      .execute();
  const idFrom = (location: unknown) => Number(/#comment-(\d+)$/.exec(String(location))![1]);
  /** The element with this id in a page, parsed. */
  const byId = (html: string, id: string) => DomUtils.findOne((e) => e.attribs.id === id, parseDocument(html).children, true);

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('posts a comment through the page’s form, and the page shows it at once, to everyone', async () => {
    const slug = await newPage();
    const ada = await person();
    const other = await person();
    // Cached first, anonymously and signed in: the post must renew both.
    expect((await t.app.inject({ url: `/en/wiki/${slug}` })).body).toContain('Discussion (0)');
    const form = await ada.get(`/en/wiki/${slug}`);
    expect(form.body).toContain(`action="/en/wiki/${slug}/comments"`);
    expect(form.body).toContain('<label class="field__label" for="comment-body">');
    expect(form.body).toContain('up to 4,000 characters');

    const r = await comment(ada, slug, 'First line\nsecond line\n\nA new paragraph.');
    expect(r.statusCode).toBe(303);
    expect(r.headers.location).toMatch(new RegExp(`^/en/wiki/${slug}#comment-\\d+$`));
    const id = idFrom(r.headers.location);
    expect(await commentsOn(slug)).toEqual([{ id, author_id: ada.userId, body: 'First line\nsecond line\n\nA new paragraph.' }]);

    const visitor = await t.app.inject({ url: `/en/wiki/${slug}` });
    expect(visitor.body).toContain('Discussion (1)');
    const item = byId(visitor.body, `comment-${id}`)!;
    expect(DomUtils.textContent(item)).toContain(ada.name);
    expect(DomUtils.getElementsByTagName('br', item)).toHaveLength(1);
    expect(DomUtils.getElementsByTagName('p', item).map((p) => DomUtils.textContent(p))).toContain('A new paragraph.');
    // Visitors are asked to sign in: no form, no buttons, no token.
    expect(visitor.body).toContain(`/en/sign-in?next=${encodeURIComponent(`/en/wiki/${slug}`)}`);
    expect(visitor.body).not.toContain('name="_csrf"');
    expect(visitor.body).not.toContain('/flags/new?type=wiki.comment');
    // The author may delete it, not report it; someone else may report it, not delete it.
    const own = (await ada.get(`/en/wiki/${slug}`)).body;
    expect(own).toContain(`action="/en/wiki/${slug}/comments/${id}/delete"`);
    expect(own).not.toContain(`type=wiki.comment&amp;id=${id}`);
    const theirs = (await other.get(`/en/wiki/${slug}`)).body;
    expect(theirs).not.toContain(`/comments/${id}/delete`);
    expect(theirs).toContain(`href="/en/flags/new?type=wiki.comment&amp;id=${id}"`);
    // Each reader's form carries their own token.
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    expect(token(own)).not.toBe(token(theirs));
    // A double submission posts once.
    const again = await comment(ada, slug, 'First line\nsecond line\n\nA new paragraph.');
    expect(again.headers.location).toBe(r.headers.location);
    expect(await commentsOn(slug)).toHaveLength(1);
  });

  it('shows the newest comments under the page, the earlier ones on the discussion’s page', async () => {
    const slug = await newPage();
    const ada = await person();
    const page = await t.app.db.selectFrom('wiki_pages').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
    const total = COMMENTS_UNDER_PAGE + 5;
    for (let i = 1; i <= total; i++) {
      await t.app.db
        .insertInto('wiki_comments')
        .values({ page_id: page.id, author_id: ada.userId, body: `Comment number ${i}.`, created_at: nowIso() })
        .execute();
    }
    await comment(ada, slug, 'Posted through the form.'); // renews the cached page
    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    expect(html).toContain(`Discussion (${total + 1})`);
    expect(html).not.toContain('Comment number 6.');
    // Oldest first within the page: number 7 comes before number 25.
    expect(html.indexOf('Comment number 7.')).toBeGreaterThan(0);
    expect(html.indexOf('Comment number 7.')).toBeLessThan(html.indexOf(`Comment number ${total}.`));
    const earlier = /href="(\/en\/wiki\/[a-z0-9-]+\/discussion\?before=\d+)"/.exec(html)![1]!;
    expect(html).toContain('See 6 earlier comments');
    const older = await t.app.inject({ url: earlier });
    expect(older.statusCode).toBe(200);
    for (let i = 1; i <= 6; i++) expect(older.body).toContain(`Comment number ${i}.`);
    expect(older.body).not.toContain('Comment number 7.');
    expect(older.body).toContain(`href="/en/wiki/${slug}/discussion"`);

    const { comments, older: cursor } = await listComments(t.app.db, page.id, { limit: 3 });
    expect(comments.map((c) => c.body)).toEqual([`Comment number ${total - 1}.`, `Comment number ${total}.`, 'Posted through the form.']);
    expect((await listComments(t.app.db, page.id, { before: cursor!, limit: 100 })).comments).toHaveLength(total - 2);
    expect((await t.app.inject({ url: '/en/wiki/no-such-page/discussion' })).statusCode).toBe(404);
  });

  it('refuses visitors and unverified people, and writes nothing', async () => {
    const slug = await newPage();
    // A visitor with a token (from any form) is sent to sign in; without one, CSRF refuses.
    const visitor = new TestClient(t.app, '203.0.113.20');
    const signedOut = await visitor.submit('/en/sign-in', `/en/wiki/${slug}/comments`, { body: 'Hello' });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(`/en/wiki/${slug}`)}`);
    expect((await visitor.post(`/en/wiki/${slug}/comments`, { body: 'Hello' })).statusCode).toBe(403);

    const unverified = await person([], { verified: false });
    const page = await unverified.get(`/en/wiki/${slug}`);
    expect(page.body).toContain('Confirm your email address to take part');
    expect(page.body).not.toContain(`action="/en/wiki/${slug}/comments"`);
    // Their token from the account page's forms.
    const refused = await unverified.submit('/en/account', `/en/wiki/${slug}/comments`, { body: 'Hello' });
    expect(refused.statusCode).toBe(403);
    expect(await commentsOn(slug)).toEqual([]);
    // A page nobody wrote has no discussion.
    const ada = await person();
    expect((await comment(ada, slug, 'ok')).statusCode).toBe(303);
    expect((await ada.submit(`/en/wiki/${slug}`, '/en/wiki/nobody-wrote-this/comments', { body: 'Hello' })).statusCode).toBe(404);
    // Nor one readers do not see yet (its first revision waits for review).
    const waiting = await newPage();
    await t.app.db.updateTable('wiki_pages').set({ stable_revision_id: null }).where('slug', '=', waiting).execute();
    expect((await ada.submit(`/en/wiki/${slug}`, `/en/wiki/${waiting}/comments`, { body: 'Hello' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/en/wiki/${waiting}/discussion` })).statusCode).toBe(404);
    expect(await commentsOn(waiting)).toEqual([]);
  });

  it('answers an empty or too long comment with a clear error, keeping the text, writing nothing', async () => {
    const slug = await newPage();
    const ada = await person();
    for (const [body, message] of [
      ['   \n  ', 'Write your comment'],
      ['x'.repeat(COMMENT_MAX + 1), 'A comment must be 4,000 characters or fewer'],
    ] as const) {
      const r = await comment(ada, slug, body);
      expect(r.statusCode).toBe(422);
      expect(r.body).toContain('class="error-summary"');
      expect(r.body).toContain('href="#comment-body"');
      expect(r.body).toContain(message);
      expect(r.body).toContain('aria-invalid="true"');
      expect(r.body).toMatch(/<title>Error: /);
      if (body.startsWith('x')) expect(r.body).toContain(body);
    }
    expect(await commentsOn(slug)).toEqual([]);
    // Exactly the limit is fine.
    expect((await comment(ada, slug, 'y'.repeat(COMMENT_MAX))).statusCode).toBe(303);
  });

  it('shows a hostile comment as text', async () => {
    const slug = await newPage();
    const ada = await person();
    const payload = '<script>alert(1)</script><img src=x onerror=alert(1)> **bold** [x](javascript:alert(1))';
    const id = idFrom((await comment(ada, slug, payload)).headers.location);
    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    const item = byId(html, `comment-${id}`)!;
    for (const tag of ['script', 'img', 'strong', 'a']) expect(DomUtils.getElementsByTagName(tag, item)).toEqual([]);
    expect(DomUtils.textContent(item)).toContain(payload);
    expect(html).not.toContain('<script>alert');
  });

  it('lets the author, a moderator or an admin delete a comment, nobody else; removing someone else’s is audited', async () => {
    const slug = await newPage();
    const ada = await person();
    const bob = await person();
    const moderator = await person(['moderator']);
    const admin = await person(['admin']);
    const first = idFrom((await comment(ada, slug, 'Mine to delete.')).headers.location);
    const second = idFrom((await comment(ada, slug, 'The moderator removes this.')).headers.location);
    const third = idFrom((await comment(bob, slug, 'The admin removes this.')).headers.location);
    const deleteOf = (client: TestClient, id: number) => client.submit(`/en/wiki/${slug}`, `/en/wiki/${slug}/comments/${id}/delete`, {});

    expect((await deleteOf(bob, first)).statusCode).toBe(403);
    expect(await commentsOn(slug)).toHaveLength(3);
    const visitor = new TestClient(t.app, '203.0.113.21');
    expect([401, 403]).toContain((await visitor.submit('/en/sign-in', `/en/wiki/${slug}/comments/${first}/delete`, {})).statusCode);
    expect(await commentsOn(slug)).toHaveLength(3);

    const own = await deleteOf(ada, first);
    expect(own.statusCode).toBe(303);
    expect(own.headers.location).toBe(`/en/wiki/${slug}#discussion`);
    expect((await deleteOf(moderator, second)).statusCode).toBe(303);
    expect((await deleteOf(admin, third)).statusCode).toBe(303);
    expect(await commentsOn(slug)).toEqual([]);
    expect((await deleteOf(ada, first)).statusCode).toBe(404);

    await expectCommentDeletesAudited(t.app.db, {
      slug,
      own: first,
      byModerator: { comment: second, userId: moderator.userId },
      byAdmin: { comment: third, userId: admin.userId },
      text: 'removes this',
    });
    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    expect(html).toContain('Discussion (0)');
    expect(html).not.toContain('Mine to delete.');
  });

  it('lets people report a comment; a moderator hides it, and the page shows the notice instead', async () => {
    const slug = await newPage();
    const ada = await person();
    const bob = await person();
    const moderator = await person(['moderator']);
    const id = idFrom((await comment(ada, slug, 'Buy cheap things at example.com')).headers.location);
    const flagUrl = `/en/flags/new?type=wiki.comment&id=${id}`;
    const form = await bob.get(flagUrl);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Buy cheap things at example.com');
    expect(form.body).toContain('comment on a wiki page');
    const sent = await bob.submit(flagUrl, '/en/flags', { type: 'wiki.comment', id: String(id), reason: 'spam', comment: '' });
    expect(sent.statusCode).toBe(303);
    const queue = await moderator.get('/en/moderation');
    expect(queue.body).toContain(`/en/wiki/${slug}#comment-${id}`);
    const hidden = await moderator.submit('/en/moderation', '/en/moderation/hide', {
      type: 'wiki.comment',
      id: String(id),
      reason: 'Advertising',
      status: 'pending',
    });
    expect(hidden.statusCode).toBe(303);

    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    const item = byId(html, `comment-${id}`)!;
    expect(DomUtils.textContent(item)).toContain('Advertising');
    expect(DomUtils.textContent(item)).not.toContain('Buy cheap things');
    expect(html).not.toContain('Buy cheap things');
    // No actions on a hidden comment, not even for its author.
    expect((await ada.get(`/en/wiki/${slug}`)).body).not.toContain(`/comments/${id}/delete`);
  });

  it('exports only the person’s own comments, and deleting the account detaches them', async () => {
    const slug = await newPage();
    const ada = await person();
    const bob = await person();
    await comment(ada, slug, 'Ada says hello.');
    await comment(bob, slug, 'Bob answers.');

    const archive = await ada.submit('/en/account', '/en/account/personal-data', {});
    expect(archive.statusCode).toBe(200);
    const wiki = archive.json<{
      modules: { wiki: { wikiComments: { page: string; body: string; commentId: number; postedAt: string }[] } };
    }>().modules.wiki;
    expect(wiki.wikiComments).toEqual([
      { commentId: expect.any(Number), page: slug, body: 'Ada says hello.', postedAt: expect.any(String) },
    ]);
    expect(archive.body).not.toContain('Bob answers.');

    expect((await t.app.inject({ url: `/en/wiki/${slug}` })).body).toContain(ada.name);
    const deleted = await ada.submit('/en/account/delete', '/en/account/delete', { password: PASSWORD, confirm: 'yes' });
    expect(deleted.statusCode).toBe(303);
    const rows = await commentsOn(slug);
    expect(rows.map((r) => [r.author_id, r.body])).toEqual([
      [null, 'Ada says hello.'],
      [bob.userId, 'Bob answers.'],
    ]);
    const html = (await t.app.inject({ url: `/en/wiki/${slug}` })).body;
    expect(html).not.toContain(ada.name);
    expect(html).toContain('Deleted participant');
    expect(html).toContain(bob.name);
  });
});
