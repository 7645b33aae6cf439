/**
 * The wiki's review queue, protection and reports on both databases: a new account's edit waits
 * while readers keep the accepted text (pages, API, index, service page); a reviewer accepts or
 * rejects it with a reason; a new page stays unpublished until accepted; nobody else may review or
 * protect; a vandalised revision or page can be reported and hidden.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession, TWO_FACTOR_ROLES } from '../../platform/session.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { isNewEditor } from './wiki.service.js';

type Json = Record<string, any>;

describeEachDatabase('wiki review', (dialect) => {
  let t: TestApp;
  let people = 0;
  let service: string;

  /** A signed-in person; `established` makes the account older than the review threshold. */
  const person = async (roles: Role[] = [], options: { established?: boolean } = {}) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `wiki-review-${people}@example.org`,
      displayName: `Reviewer test ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      // Mediators' and moderators' roles are in effect with two-factor authentication only.
      ...(roles.some((r) => TWO_FACTOR_ROLES.includes(r)) ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.established) {
      const old = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
      await t.app.db.updateTable('users').set({ created_at: old }).where('id', '=', userId).execute();
    }
    const client = new TestClient(t.app, `10.7.0.${people}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId });
  };
  const saveForm = async (client: TestClient, slug: string | null, fields: Record<string, string>) => {
    const page = slug ? `/en/wiki/${slug}/edit` : '/en/wiki/new';
    const form = await client.get(page);
    const base = /name="baseRevisionId" value="(\d*)"/.exec(form.body)?.[1] ?? '';
    const title = /name="title" type="text" value="([^"]*)"/.exec(form.body)?.[1] ?? '';
    return client.submit(page, page, { baseRevisionId: base, title, summary: '', type: 'guide', ...fields });
  };
  const fresh = () => t.app.contentGeneration.expire();
  const read = async (url: string) => {
    fresh();
    return t.app.inject({ url });
  };
  const pageRow = (slug: string) =>
    t.app.db
      .selectFrom('wiki_pages')
      .select(['current_revision_id', 'stable_revision_id', 'pending_since', 'protected', 'title'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true, config: { wikiReview: { accountDays: 4, acceptedEdits: 0 } } });
    const row = await t.app.db
      .selectFrom('services')
      .select('slug')
      .where('status', '=', 'published')
      .orderBy('slug')
      .executeTakeFirstOrThrow();
    service = row.slug;
  });
  afterAll(() => t.close());

  it('holds a new account’s edit for review; readers keep the accepted text until a reviewer accepts it', async () => {
    const helper = await person(['helper']);
    const created = await saveForm(helper, null, { title: 'Housing allowance online', body: 'Step one.\n\nStep two.' });
    expect(created.headers.location).toBe('/en/wiki/housing-allowance-online?done=created');

    const newcomer = await person();
    const edit = await saveForm(newcomer, 'housing-allowance-online', {
      body: `Step one, with your tax notice.\n\nStep two.\n\nSee [[service:${service}]].`,
      summary: 'Tax notice',
    });
    expect(edit.statusCode, edit.body).toBe(303);
    expect(edit.headers.location).toBe('/en/wiki/housing-allowance-online?done=pending');
    const before = await pageRow('housing-allowance-online');
    expect(before.current_revision_id).not.toBe(before.stable_revision_id);
    expect(before.pending_since).not.toBeNull();

    // Readers: the accepted text, a notice with the waiting changes, and no link from the service yet.
    const page = await read('/en/wiki/housing-allowance-online');
    expect(page.body).toContain('Step one.');
    expect(page.body).not.toContain('tax notice');
    expect(page.body).toContain(
      `/en/wiki/housing-allowance-online/diff?from=${before.stable_revision_id}&amp;to=${before.current_revision_id}`,
    );
    expect((await read(`/en/services/${service}`)).body).not.toContain('/en/wiki/housing-allowance-online');
    const api = (await t.app.inject({ url: '/api/v1/wiki/housing-allowance-online' })).json<Json>();
    expect(api).toMatchObject({ body: 'Step one.\n\nStep two.', pendingReview: true, latestRevisionId: before.current_revision_id });

    // Editors build on the latest text, and an established account's edit on top waits with it.
    const established = await person([], { established: true });
    const form = await established.get('/en/wiki/housing-allowance-online/edit');
    expect(form.body).toContain('with your tax notice');
    const onTop = await saveForm(established, 'housing-allowance-online', {
      body: `Step one, with your tax notice.\n\nStep two: sign in.\n\nSee [[service:${service}]].`,
    });
    expect(onTop.headers.location).toBe('/en/wiki/housing-allowance-online?done=pending');

    // The queue and the review page, for reviewers only.
    const mediator = await person(['mediator']);
    const queue = await mediator.get('/en/wiki/review');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('href="/en/wiki/housing-allowance-online/review"');
    expect(queue.body).toContain('2 changes wait');
    const review = await mediator.get('/en/wiki/housing-allowance-online/review');
    expect(review.body).toContain('Tax notice');
    expect(review.body).toContain('<ins>');
    const latest = (await pageRow('housing-allowance-online')).current_revision_id!;

    for (const who of [newcomer, established]) {
      expect((await who.get('/en/wiki/review')).statusCode).toBe(403);
      expect((await who.get('/en/wiki/housing-allowance-online/review')).statusCode).toBe(403);
      const refused = await who.submit('/en/wiki/housing-allowance-online/edit', '/en/wiki/housing-allowance-online/review/accept', {
        revision: String(latest),
      });
      expect(refused.statusCode).toBe(403);
    }
    expect((await (await person(['moderator'])).get('/en/wiki/review')).statusCode).toBe(200);
    const anonymous = await t.app.inject({ url: '/en/wiki/review' });
    expect(anonymous.statusCode).toBe(303);
    expect((await pageRow('housing-allowance-online')).stable_revision_id).toBe(before.stable_revision_id);

    const accepted = await mediator.submit('/en/wiki/housing-allowance-online/review', '/en/wiki/housing-allowance-online/review/accept', {
      revision: String(latest),
    });
    expect(accepted.headers.location).toBe('/en/wiki/review?done=accepted');
    const after = await pageRow('housing-allowance-online');
    expect(after).toMatchObject({ stable_revision_id: latest, current_revision_id: latest, pending_since: null });
    expect((await read('/en/wiki/housing-allowance-online')).body).toContain('Step two: sign in.');
    expect((await read(`/en/services/${service}`)).body).toContain('/en/wiki/housing-allowance-online');
    expect((await mediator.get('/en/wiki/review')).body).not.toContain('housing-allowance-online');
    const history = (await t.app.inject({ url: '/api/v1/wiki/housing-allowance-online/revisions' })).json<Json>();
    expect(history.data.map((r: Json) => r.reviewStatus)).toEqual(['accepted', 'accepted', 'accepted']);
    const audited = await t.app.db.selectFrom('audit_log').select('action').where('action', '=', 'wiki.review.accept').execute();
    expect(audited).toHaveLength(1);
    // Accepting again: nothing waits.
    const again = await mediator.submit('/en/wiki/review', '/en/wiki/housing-allowance-online/review/accept', { revision: String(latest) });
    expect(again.statusCode).toBe(409);
  });

  it('says through the API when a save waits for review, and serves readers the accepted text', async () => {
    const helper = await person(['helper']);
    await saveForm(helper, null, { title: 'Enrolling at school', body: 'Go to the town hall.' });
    const newcomer = await person();
    const email = (await t.app.db.selectFrom('users').select('email').where('id', '=', newcomer.userId).executeTakeFirstOrThrow()).email;
    const { token } = await createApiTokenForEmail(t.app.db, { email, name: 'review test' });
    const before = (await t.app.inject({ url: '/api/v1/wiki/enrolling-at-school' })).json<Json>();
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/wiki/enrolling-at-school',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        title: 'Enrolling at school',
        body: 'Go to the town hall with proof of address.',
        summary: 'Proof',
        baseRevisionId: before.revisionId,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ revisionId: expect.any(Number), merged: false, pendingReview: true });
    const after = (await t.app.inject({ url: '/api/v1/wiki/enrolling-at-school' })).json<Json>();
    expect(after).toMatchObject({
      body: 'Go to the town hall.',
      revisionId: before.revisionId,
      latestRevisionId: saved.json().revisionId,
      pendingReview: true,
    });
  });

  it('rejects vandalism with a reason: the accepted text comes back, the history keeps both', async () => {
    const helper = await person(['helper']);
    await saveForm(helper, null, { title: 'Renewing an ID card', body: 'Book an appointment at the town hall.' });
    const vandal = await person();
    await saveForm(vandal, 'renewing-an-id-card', { body: 'Buy cheap watches at example.com', summary: 'update' });
    const reviewer = await person(['helper']);
    const waiting = (await pageRow('renewing-an-id-card')).current_revision_id!;

    // No reason: a clear error, nothing changed.
    const missing = await reviewer.submit('/en/wiki/renewing-an-id-card/review', '/en/wiki/renewing-an-id-card/review/reject', {
      revision: String(waiting),
      reason: '   ',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Say why you reject these changes');
    expect((await pageRow('renewing-an-id-card')).current_revision_id).toBe(waiting);

    // A change arrived since the reviewer read the page: they must read it again.
    await saveForm(vandal, 'renewing-an-id-card', { body: 'Buy cheap watches at example.com today', summary: 'more' });
    const stale = await reviewer.submit('/en/wiki/renewing-an-id-card/review', '/en/wiki/renewing-an-id-card/review/reject', {
      revision: String(waiting),
      reason: 'Advertising',
    });
    expect(stale.statusCode).toBe(409);

    const latest = (await pageRow('renewing-an-id-card')).current_revision_id!;
    const rejected = await reviewer.submit('/en/wiki/renewing-an-id-card/review', '/en/wiki/renewing-an-id-card/review/reject', {
      revision: String(latest),
      reason: 'Advertising, not help <script>',
    });
    expect(rejected.headers.location).toBe('/en/wiki/review?done=rejected');
    const row = await pageRow('renewing-an-id-card');
    expect(row.current_revision_id).toBe(row.stable_revision_id);
    expect(row.pending_since).toBeNull();
    const page = await read('/en/wiki/renewing-an-id-card');
    expect(page.body).toContain('Book an appointment at the town hall.');
    expect(page.body).not.toContain('watches');
    const history = await reviewer.get('/en/wiki/renewing-an-id-card/history');
    expect(history.body).toContain('Rejected');
    expect(history.body).toContain('Advertising, not help &lt;script');
    const revisions = (await t.app.inject({ url: '/api/v1/wiki/renewing-an-id-card/revisions' })).json<Json>().data;
    expect(revisions.map((r: Json) => [r.kind, r.reviewStatus])).toEqual([
      ['restore', 'accepted'],
      ['edit', 'rejected'],
      ['edit', 'rejected'],
      ['create', 'accepted'],
    ]);
  });

  it('keeps a new account’s new page unpublished until accepted', async () => {
    const newcomer = await person();
    const created = await saveForm(newcomer, null, { title: 'Free computer workshops', body: 'Every Tuesday at the library.' });
    expect(created.headers.location).toBe('/en/wiki/free-computer-workshops?done=pending');
    const page = await read('/en/wiki/free-computer-workshops');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('This page waits for review');
    expect((await read('/en/wiki')).body).not.toContain('free-computer-workshops');
    expect((await t.app.inject({ url: '/api/v1/wiki/free-computer-workshops' })).statusCode).toBe(404);

    const moderator = await person(['moderator']);
    expect((await moderator.get('/en/wiki/free-computer-workshops/review')).body).toContain('This is a new page.');
    const latest = (await pageRow('free-computer-workshops')).current_revision_id!;
    await moderator.submit('/en/wiki/review', '/en/wiki/free-computer-workshops/review/accept', { revision: String(latest) });
    expect((await read('/en/wiki/free-computer-workshops')).body).toContain('Every Tuesday at the library.');
    expect((await read('/en/wiki')).body).toContain('free-computer-workshops');

    // A rejected new page stays unpublished: readers find no page there.
    await saveForm(newcomer, null, { title: 'Spam page', body: 'Nothing useful.' });
    const spam = (await pageRow('spam-page')).current_revision_id!;
    await moderator.submit('/en/wiki/review', '/en/wiki/spam-page/review/reject', { revision: String(spam), reason: 'Spam' });
    const gone = await read('/en/wiki/spam-page');
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('This page does not exist yet');
    expect(await pageRow('spam-page')).toMatchObject({ stable_revision_id: null, pending_since: null });
  });

  it('counts accepted edits towards the threshold, and never holds trusted roles', async () => {
    const threshold = { accountDays: 0, acceptedEdits: 2 };
    const writer = await person([], { established: true });
    const actor = { id: writer.userId, roles: ['citizen'], emailVerified: true };
    expect(await isNewEditor(t.app.db, actor, threshold)).toBe(true);
    await saveForm(writer, null, { title: 'First accepted page', body: 'One.' });
    expect(await isNewEditor(t.app.db, actor, threshold)).toBe(true);
    await saveForm(writer, null, { title: 'Second accepted page', body: 'Two.' });
    expect(await isNewEditor(t.app.db, actor, threshold)).toBe(false);
    expect(await isNewEditor(t.app.db, { ...actor, roles: ['mediator'] }, { accountDays: 365, acceptedEdits: 100 })).toBe(false);
    expect(await isNewEditor(t.app.db, actor, { accountDays: 0, acceptedEdits: 0 })).toBe(false);
  });

  describe('protection and reports', () => {
    it('lets moderators protect a page, and nobody else', async () => {
      const helper = await person(['helper']);
      await saveForm(helper, null, { title: 'Voting by proxy', body: 'Fill in the form at the police station.' });
      const citizen = await person([], { established: true });
      const refused = await citizen.submit('/en/wiki/voting-by-proxy/history', '/en/wiki/voting-by-proxy/protect', { protected: '1' });
      expect(refused.statusCode).toBe(403);
      const helperRefused = await helper.submit('/en/wiki/voting-by-proxy/history', '/en/wiki/voting-by-proxy/protect', { protected: '1' });
      expect(helperRefused.statusCode).toBe(403);
      expect((await helper.get('/en/wiki/voting-by-proxy/history')).body).not.toContain('/en/wiki/voting-by-proxy/protect');
      expect((await pageRow('voting-by-proxy')).protected).toBe(0);

      const moderator = await person(['moderator']);
      expect((await moderator.get('/en/wiki/voting-by-proxy/history')).body).toContain('Protect this page');
      const done = await moderator.submit('/en/wiki/voting-by-proxy/history', '/en/wiki/voting-by-proxy/protect', { protected: '1' });
      expect(done.headers.location).toBe('/en/wiki/voting-by-proxy?done=protected');
      expect((await pageRow('voting-by-proxy')).protected).toBe(1);
      expect((await citizen.get('/en/wiki/voting-by-proxy/edit')).statusCode).toBe(403);
      const edit = await saveForm(helper, 'voting-by-proxy', { body: 'Fill in the form online, then at the police station.' });
      expect(edit.headers.location).toBe('/en/wiki/voting-by-proxy?done=saved');
      const bad = await moderator.submit('/en/wiki/voting-by-proxy/history', '/en/wiki/voting-by-proxy/protect', { protected: 'yes' });
      expect(bad.statusCode).toBe(400);
      await moderator.submit('/en/wiki/voting-by-proxy/history', '/en/wiki/voting-by-proxy/protect', { protected: '0' });
      expect((await pageRow('voting-by-proxy')).protected).toBe(0);
      const audited = await t.app.db
        .selectFrom('audit_log')
        .select('action')
        .where('subject_id', '=', 'voting-by-proxy')
        .orderBy('id')
        .execute();
      expect(audited.map((a) => a.action)).toEqual(['wiki.protect', 'wiki.unprotect']);
    });

    it('reports a page and a revision; a hidden one shows the moderator’s reason instead', async () => {
      const helper = await person(['helper']);
      await saveForm(helper, null, { title: 'School canteen fees', body: 'Pay online with the family portal.' });
      await saveForm(helper, 'school-canteen-fees', {
        body: 'Pay online with the family portal, or at the town hall.',
        summary: 'Insult here',
      });
      const row = await t.app.db
        .selectFrom('wiki_pages')
        .select(['id', 'current_revision_id'])
        .where('slug', '=', 'school-canteen-fees')
        .executeTakeFirstOrThrow();
      const page = await read('/en/wiki/school-canteen-fees');
      expect(page.body).toContain(`/en/flags/new?type=wiki.page&amp;id=${row.id}`);
      const reporter = await person([], { established: true });
      const history = await reporter.get('/en/wiki/school-canteen-fees/history');
      expect(history.body).toContain(`/en/flags/new?type=wiki.revision&amp;id=${row.current_revision_id}`);

      const flagUrl = `/en/flags/new?type=wiki.revision&id=${row.current_revision_id}`;
      const form = await reporter.get(flagUrl);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Insult here');
      const flagged = await reporter.submit(flagUrl, '/en/flags', {
        type: 'wiki.revision',
        id: String(row.current_revision_id),
        reason: 'offensive',
        comment: '',
      });
      expect(flagged.statusCode).toBe(303);
      const moderator = await person(['moderator']);
      const hidden = await moderator.submit('/en/moderation', '/en/moderation/hide', {
        type: 'wiki.revision',
        id: String(row.current_revision_id),
        reason: 'Insulting summary',
      });
      expect(hidden.statusCode).toBe(303);
      const after = await reporter.get('/en/wiki/school-canteen-fees/history');
      expect(after.body).toContain('Insulting summary');
      expect(after.body).not.toContain('Insult here');
      expect((await read('/en/wiki/recent-changes')).body).not.toContain('Insult here');
      expect((await t.app.inject({ url: '/en/wiki/recent-changes.atom' })).body).not.toContain('Insult here');
      const api = (await t.app.inject({ url: '/api/v1/wiki/school-canteen-fees/revisions' })).json<Json>().data;
      expect(api[0]).toMatchObject({ id: row.current_revision_id, summary: '', hidden: true });

      const pageFlag = `/en/flags/new?type=wiki.page&id=${row.id}`;
      await reporter.submit(pageFlag, '/en/flags', { type: 'wiki.page', id: String(row.id), reason: 'spam', comment: '' });
      await moderator.submit('/en/moderation', '/en/moderation/hide', {
        type: 'wiki.page',
        id: String(row.id),
        reason: 'Copied from elsewhere',
      });
      const hiddenPage = await read('/en/wiki/school-canteen-fees');
      expect(hiddenPage.body).toContain('Copied from elsewhere');
      expect(hiddenPage.body).not.toContain('family portal');
    });
  });
});
