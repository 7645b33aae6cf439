/**
 * Watchlists on both databases: watch and stop watching through the page's button (CSRF, back
 * with a banner, `returnTo` kept on the site), the watchlist (one's own pages only, newest change
 * first), and the watchlist email through the job queue: once per watcher, in their language, with
 * the diff link, never to the author, never twice, nobody for an unwatched page, nothing for a
 * deleted account. Who may not: visitors, requests without a CSRF token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { exportUserData } from '../../platform/gdpr.js';
import { JobWorker } from '../../platform/jobs.js';
import { mailJobHandlers } from '../../platform/mail.js';
import { createSession } from '../../platform/session.js';
import { recordingLogger } from '../../platform/testing-logger.js';
import { createUserWithRoles, DEMO_TOTP_SECRET } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { modules } from '../index.js';
import { NOTIFY_WATCHERS_JOB, notifyWatchers, notifyWatchersJob } from './wiki-watch.service.js';

const PASSWORD = 'a long enough password';

describeEachDatabase('wiki watchlists', (dialect) => {
  let t: TestApp;
  let people = 0;

  const person = async (locale: 'en' | 'fr' = 'en', name?: string) => {
    people += 1;
    const email = `wiki-watch-${people}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: name ?? `Watcher ${people}`,
      password: PASSWORD,
      locale,
      roles: [],
    });
    const client = new TestClient(t.app, `10.2.0.${people}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, id));
    return { id, email, client };
  };
  type Person = Awaited<ReturnType<typeof person>>;

  /** Saves `slug` through the editor (new when `slug` is null) and returns the page's address. */
  const save = async (who: Person, slug: string | null, fields: { title: string; body: string; summary?: string }) => {
    const form = slug ? `/en/wiki/${slug}/edit` : '/en/wiki/new';
    const base = /name="baseRevisionId" value="(\d*)"/.exec((await who.client.get(form)).body)?.[1] ?? '';
    const r = await who.client.submit(form, form, { baseRevisionId: base, summary: '', type: 'guide', ...fields });
    expect(r.statusCode, r.body).toBe(303);
    return r.headers.location!.split('?')[0]!;
  };
  /** Posts the page's watch button (its form, with the reader's token). */
  const toggle = async (who: Person, page: string, action: 'watch' | 'unwatch', fields: Record<string, string> = {}) =>
    who.client.submit(page, `${page}/${action}`, fields);
  const watches = (userId: number) =>
    t.app.db
      .selectFrom('wiki_watches as w')
      .innerJoin('wiki_pages as p', 'p.id', 'w.page_id')
      .select('p.slug')
      .where('w.user_id', '=', userId)
      .execute();
  /** Runs the job queue until it is empty: the notification jobs, then the mails they enqueued. */
  const runJobs = async () => {
    const handlers = new Map(Object.entries({ ...mailJobHandlers(t.app.config), [NOTIFY_WATCHERS_JOB]: notifyWatchersJob }));
    const worker = new JobWorker(t.app.db, handlers, recordingLogger());
    while (await worker.runOnce());
  };
  const mailsTo = (to: string) =>
    t.app.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();
  const latestRevision = async (slug: string) =>
    await t.app.db
      .selectFrom('wiki_pages as p')
      .innerJoin('wiki_revisions as r', 'r.id', 'p.current_revision_id')
      .select(['p.id as pageId', 'r.id', 'r.parent_id', 'r.author_id'])
      .where('p.slug', '=', slug)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('watches and stops watching through the page’s button, back on the page with a banner', async () => {
    const author = await person();
    const reader = await person('fr');
    const page = (await save(author, null, { title: 'Housing allowance online', body: 'Step one.' })).replace('/en/', '/fr/');
    const before = await reader.client.get(page);
    expect(before.body).toContain(`action="${page}/watch"`);
    expect(before.body).toContain('Suivre cette page');

    const watched = await toggle(reader, page, 'watch');
    expect(watched.statusCode).toBe(303);
    expect(watched.headers.location).toBe(`${page}?done=watched`);
    expect(await watches(reader.id)).toEqual([{ slug: 'housing-allowance-online' }]);
    const after = await reader.client.get(watched.headers.location!);
    expect(after.body).toContain('Vous suivez cette page : nous vous écrirons');
    expect(after.body).toContain(`action="${page}/unwatch"`);
    // Again: still one watch. The author watches what they wrote.
    await toggle(reader, page, 'watch');
    expect(await watches(reader.id)).toHaveLength(1);
    expect(await watches(author.id)).toEqual([{ slug: 'housing-allowance-online' }]);

    const unwatched = await toggle(reader, page, 'unwatch');
    expect(unwatched.headers.location).toBe(`${page}?done=unwatched`);
    expect(await watches(reader.id)).toEqual([]);
    expect((await toggle(reader, page, 'unwatch')).statusCode).toBe(303);

    // `returnTo`: a wiki page of this site, or the page itself.
    const back = async (returnTo: string) => (await toggle(reader, page, 'watch', { returnTo })).headers.location;
    expect(await back('/fr/wiki/watchlist?before=12')).toBe('/fr/wiki/watchlist?before=12&done=watched');
    for (const evil of [
      'https://evil.example/',
      '//evil.example/fr/wiki',
      '/fr/wiki/../../evil',
      '/\\evil.example',
      '/de/wiki/x',
      '/fr/account',
    ])
      expect(await back(evil)).toBe(`${page}?done=watched`);
    // A page that does not exist: 404, nothing written.
    const token = /name="_csrf" value="([^"]+)"/.exec((await reader.client.get(page)).body)![1]!;
    expect((await reader.client.post('/fr/wiki/no-such-page/watch', { _csrf: token })).statusCode).toBe(404);
    expect(await watches(reader.id)).toHaveLength(1);
  });

  describe('who may not', () => {
    it('refuses visitors and posts without a CSRF token, and writes nothing', async () => {
      const author = await person();
      const page = await save(author, null, { title: 'Guarded watch', body: 'Text.' });
      const visitor = new TestClient(t.app, '10.2.1.1');
      const anonymous = await visitor.get(page);
      expect(anonymous.body).toContain(`href="/en/sign-in?next=${encodeURIComponent(page)}"`);
      expect(anonymous.body).not.toContain(`${page}/watch"`);
      expect((await visitor.post(`${page}/watch`, {})).statusCode).toBe(403);
      // With a valid token from another form, still no account: 401.
      expect((await visitor.submit('/en/sign-in', `${page}/watch`, {})).statusCode).toBe(401);
      const list = await visitor.get('/en/wiki/watchlist');
      expect(list.statusCode).toBe(303);
      expect(list.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent('/en/wiki/watchlist')}`);

      const someone = await person();
      expect((await someone.client.post(`${page}/watch`, {})).statusCode).toBe(403);
      expect(await watches(someone.id)).toEqual([]);
      expect((await someone.client.get('/en/wiki/watchlist?before=abc')).statusCode).toBe(400);
    });
  });

  it('lists one’s own watched pages only, latest change first, each with a button to stop', async () => {
    const a = await person();
    const b = await person('en', 'Bea');
    const first = await save(b, null, { title: 'Watched first', body: 'One.' });
    const second = await save(b, null, { title: 'Watched second', body: 'Two.' });
    const others = await save(b, null, { title: 'Someone else’s', body: 'Three.' });
    await toggle(a, first, 'watch');
    await toggle(a, second, 'watch');
    await save(b, 'watched-first', { title: 'Watched first', body: 'One, changed.', summary: 'Fixed step <1>' });

    const list = await a.client.get('/en/wiki/watchlist');
    expect(list.statusCode).toBe(200);
    const order = [...list.body.matchAll(/<h2 class="card__title"><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(order).toEqual([first, second]);
    expect(list.body).not.toContain(`href="${others}"`);
    expect(list.body).toContain('Fixed step &lt;1>');
    expect(list.body).toContain('Bea');
    const { id, parent_id } = await latestRevision('watched-first');
    expect(list.body).toContain(`href="${first}/diff?from=${parent_id}&amp;to=${id}"`);
    expect(list.body).toContain('aria-label="Stop watching “Watched first”"');
    // B's list holds what B wrote; A's account page links the watchlist.
    expect((await b.client.get('/en/wiki/watchlist')).body).toContain(`href="${others}"`);
    expect((await a.client.get('/en/account')).body).toContain('href="/en/wiki/watchlist"');

    const stop = await a.client.submit('/en/wiki/watchlist', `${first}/unwatch`, { returnTo: '/en/wiki/watchlist' });
    expect(stop.headers.location).toBe('/en/wiki/watchlist?done=unwatched');
    const after = await a.client.get(stop.headers.location!);
    expect(after.body).toContain('You no longer watch that page.');
    expect(after.body).not.toContain(`href="${first}"`);
    // No page can take the watchlist's address.
    expect(await save(b, null, { title: 'Watchlist', body: 'Mine now?' })).toBe('/en/wiki/watchlist-2');
  });

  it('mails each watcher once, in their language, with the diff link; never the author', async () => {
    const author = await person('en', 'Ada');
    const watcher = await person('fr');
    const english = await person('en');
    const unverified = await person('en');
    await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', unverified.id).execute();
    const page = await save(author, null, { title: 'Applying for a grant', body: 'First.\n' });
    for (const w of [watcher, english, unverified]) await toggle(w, page, 'watch');

    await save(author, 'applying-for-a-grant', { title: 'Applying for a grant', body: 'First.\nSecond.\n', summary: 'Added step 2' });
    const rev = await latestRevision('applying-for-a-grant');
    await runJobs();
    const mails = await mailsTo(watcher.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Wiki : « Applying for a grant » a été modifiée');
    expect(mail.text_body).toContain('Ada a modifié la page du wiki « Applying for a grant »');
    expect(mail.text_body).toContain('Ce qui a changé : Added step 2');
    expect(mail.text_body).toContain('+8 caractères');
    expect(mail.text_body).toContain(`${t.app.config.baseUrl}/fr/wiki/applying-for-a-grant/diff?from=${rev.parent_id}&to=${rev.id}`);
    expect(mail.text_body).toContain(`${t.app.config.baseUrl}/fr/wiki/watchlist`);
    expect(mail.text_body).not.toContain('relecture');
    expect((await mailsTo(english.email))[0]!.subject).toBe('Wiki: “Applying for a grant” has changed');
    expect(await mailsTo(author.email)).toHaveLength(0);
    expect(await mailsTo(unverified.email)).toHaveLength(0);

    // The job again (delivery is at least once), and the hook again: no second mail, no second job.
    await notifyWatchersJob(
      { pageId: rev.pageId, revisionId: rev.id, authorId: author.id },
      { db: t.app.db, log: recordingLogger(), attempt: 2, jobId: 0 },
    );
    await t.app.db.transaction().execute((trx) => notifyWatchers(trx, { pageId: rev.pageId, revisionId: rev.id, authorId: author.id }));
    await runJobs();
    expect(await mailsTo(watcher.email)).toHaveLength(1);
    const jobs = await t.app.db
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', NOTIFY_WATCHERS_JOB)
      .where('dedupe_key', '=', `wiki-notify-watchers:${rev.id}`)
      .execute();
    expect(jobs).toHaveLength(1);

    // A change waiting for review says so; an edit by a watcher mails the others, not them.
    await save(watcher, 'applying-for-a-grant', { title: 'Applying for a grant', body: 'First.\nSecond, better.\n' });
    const pending = await latestRevision('applying-for-a-grant');
    await t.app.db.updateTable('wiki_revisions').set({ review_status: 'pending' }).where('id', '=', pending.id).execute();
    await runJobs();
    expect(await mailsTo(watcher.email)).toHaveLength(1);
    const toAuthor = await mailsTo(author.email);
    expect(toAuthor).toHaveLength(1);
    expect(toAuthor[0]!.text_body).toContain('This change is waiting for review');
    expect(toAuthor[0]!.text_body).toContain('no summary given');
    expect(await mailsTo(english.email)).toHaveLength(2);
  });

  it('leaves out the summary of a revision moderation hid, in the watchlist and the mail', async () => {
    const author = await person('en', 'Rude');
    const watcher = await person();
    const page = await save(author, null, { title: 'Rude summaries', body: 'Calm text.' });
    await toggle(watcher, page, 'watch');
    await save(author, 'rude-summaries', { title: 'Rude summaries', body: 'Calm text, longer.', summary: 'Insult in a summary' });
    const rude = await latestRevision('rude-summaries');
    // Reported, then hidden by a moderator before the notification job runs.
    const flag = `/en/flags/new?type=wiki.revision&id=${rude.id}`;
    const reported = await watcher.client.submit(flag, '/en/flags', {
      type: 'wiki.revision',
      id: String(rude.id),
      reason: 'offensive',
      comment: '',
    });
    expect(reported.statusCode).toBe(303);
    const moderatorId = await createUserWithRoles(t.app.db, {
      email: `wiki-watch-moderator-${people}@example.org`,
      displayName: 'Moderator',
      password: PASSWORD,
      locale: 'en',
      roles: [{ role: 'moderator' }],
      twoFactorSecret: DEMO_TOTP_SECRET,
    });
    const moderator = new TestClient(t.app, '10.2.9.1');
    moderator.cookies.set('ecoop_session', await createSession(t.app.db, moderatorId));
    const hidden = await moderator.submit('/en/moderation', '/en/moderation/hide', {
      type: 'wiki.revision',
      id: String(rude.id),
      reason: 'Insulting',
    });
    expect(hidden.statusCode).toBe(303);

    const list = (await watcher.client.get('/en/wiki/watchlist')).body;
    expect(list).toContain(`href="${page}"`);
    expect(list).not.toContain('Insult in a summary');
    expect(list).toContain('edit summary hidden by moderation');
    await runJobs();
    const mails = await mailsTo(watcher.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).not.toContain('Insult in a summary');
    expect(mails[0]!.text_body).toContain('edit summary hidden by moderation');
  });

  it('mails nobody about a page nobody else watches, nor a watcher who deleted their account', async () => {
    const author = await person();
    const leaving = await person();
    const page = await save(author, null, { title: 'Quiet page', body: 'Calm.' });
    await save(author, 'quiet-page', { title: 'Quiet page', body: 'Still calm.' });
    const quiet = await latestRevision('quiet-page');
    expect(await t.app.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `wiki-notify-watchers:${quiet.id}`).execute()).toEqual(
      [],
    );

    await toggle(leaving, page, 'watch');
    const archive = await exportUserData(t.app.db, modules, leaving.id);
    expect(archive.modules.wiki!.wikiWatches).toEqual([{ page: 'quiet-page', since: expect.any(String) }]);
    const deleted = await leaving.client.submit('/en/account/delete', '/en/account/delete', { password: PASSWORD, confirm: 'yes' });
    expect(deleted.headers.location).toBe('/en/account/deleted');
    expect(await watches(leaving.id)).toEqual([]);
    // Even a watch left behind mails no deleted account.
    await t.app.db
      .insertInto('wiki_watches')
      .values({ user_id: leaving.id, page_id: quiet.pageId, created_at: new Date().toISOString() })
      .execute();
    await save(author, 'quiet-page', { title: 'Quiet page', body: 'Calm again.' });
    await runJobs();
    // Their old address got the goodbye mail only; the erased one gets nothing.
    expect((await mailsTo(leaving.email)).filter((m) => m.subject.startsWith('Wiki'))).toEqual([]);
    expect(await mailsTo(`deleted-${leaving.id}@invalid`)).toEqual([]);
    expect(await mailsTo(author.email)).toHaveLength(0);
  });
});
