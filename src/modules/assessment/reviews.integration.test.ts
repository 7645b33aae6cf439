import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { deleteAccount, exportUserData } from '../../platform/gdpr.js';
import { createSession } from '../../platform/session.js';
import { modules } from '../index.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { TestClient } from '../accounts/testing.js';
import { serviceKpis } from './assessment.queries.js';
import { recountServiceCounters, storedServiceCounters, submitAssessment } from './assessments.service.js';
import { createProblemReport } from './problems.service.js';
import { loadReviewsForFlags, markHelpful } from './reviews.service.js';
import { anAssessment, citizen } from './testing.js';

/** What the rating form posts for a complete, valid rating. */
const RATING: Record<string, string> = {
  satisfaction: '4',
  find: '3',
  use: '4',
  works: '5',
  accessible: '2',
  completion: 'partly',
  usage: 'helped',
  review: 'The form was clear, but the upload of my payslip failed twice.',
};

describeEachDatabase('co-assessment: rating, reviews, helpful marks and official answers', (dialect) => {
  let t: TestApp;
  let orgs: Map<string, number>;
  /** A published service of the family allowance office nobody assessed in the demo data, and one of another organisation. */
  let service: { id: number; slug: string };
  let otherService: { id: number; slug: string };
  let people = 0;

  /** A signed-in client with these roles (two-factor on, so privileged roles are in effect). */
  const person = async (
    roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[] = [],
    options: { verified?: boolean } = {},
  ) => {
    people += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `rater${people}@example.org`,
      displayName: `Rater ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    if (options.verified === false) await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', userId).execute();
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId, displayName: `Rater ${people}` });
  };
  /** An anonymous page view, past the anonymous page cache (valid for up to a second after a write). */
  let views = 0;
  const anonymousView = (url: string) => t.app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}view=${++views}` });
  const official = (org: string) => person([{ role: 'official', scopeType: 'organisation', scopeId: orgs.get(org)! }]);

  const rate = (client: TestClient, fields: Record<string, string> = RATING, slug = service.slug, locale = 'en') =>
    client.submit(`/${locale}/services/${slug}/rate`, `/${locale}/services/${slug}/rate`, fields);
  const ownRows = (userId: number, serviceId = service.id) =>
    t.app.db.selectFrom('assessments').selectAll().where('user_id', '=', userId).where('service_id', '=', serviceId).execute();
  const helpfulCount = async (id: number) =>
    Number((await t.app.db.selectFrom('assessments').select('helpful_count').where('id', '=', id).executeTakeFirstOrThrow()).helpful_count);
  const markCount = async (id: number) =>
    Number(
      (
        await t.app.db
          .selectFrom('review_helpful_marks')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('assessment_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const expectCountersMatchRecount = async (id: number) => {
    const [stored, recount] = await Promise.all([storedServiceCounters(t.app.db, id), recountServiceCounters(t.app.db, id)]);
    expect(stored.totals).toEqual(recount.totals);
  };
  /** A review by a new citizen (through the service function), returning its id and its author. */
  const aReview = async (text = 'Useful, but slow.', serviceId = service.id) => {
    const author = await person();
    const { id } = await submitAssessment(t.app.db, citizen(author.userId), serviceId, anAssessment({ review: text }), { locale: 'en' });
    return { id, author };
  };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    orgs = new Map((await t.app.db.selectFrom('organisations').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
    const free = await t.app.db
      .selectFrom('services')
      .select(['id', 'slug', 'organisation_id'])
      .where('status', '=', 'published')
      .where('id', 'not in', (eb) => eb.selectFrom('assessments').select('service_id'))
      .orderBy('id')
      .execute();
    service = free.find((s) => s.organisation_id === orgs.get('family-allowance-office'))!;
    otherService = free.find((s) => s.organisation_id !== orgs.get('family-allowance-office'))!;
    expect(service && otherService).toBeTruthy();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.app.db.deleteFrom('rate_limits').execute();
  });

  it('shows the results panel on the service page, and invites a first rating when there is none', async () => {
    const empty = await t.app.inject({ url: `/en/services/${service.slug}` });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('What people think of this service');
    expect(empty.body).toContain('Nobody has rated this service yet');
    expect(empty.body).toContain(`href="/en/services/${service.slug}/rate"`);
    expect(empty.body).toContain(`href="/en/services/${service.slug}/problems/new"`);
    expect(empty.body).toContain(`href="/en/services/${service.slug}/results"`);

    const rated = await t.app.db.selectFrom('services').select('slug').where('slug', '=', 'housing-allowance').executeTakeFirstOrThrow();
    const page = await t.app.inject({ url: `/fr/services/${rated.slug}` });
    expect(page.body).toContain('Ce que les gens pensent de ce service');
    expect(page.body).toMatch(/\d,\d sur 5 — /);
    expect(page.body).toContain('Facile à trouver');
    expect(page.body).toContain(`href="/fr/services/${rated.slug}/reviews"`);
  });

  it('asks signed-out visitors to sign in and unverified people to confirm their email; their POSTs are refused', async () => {
    const page = await t.app.inject({ url: `/en/services/${service.slug}/rate` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sign in to rate this service');
    expect(page.body).toContain(`/en/sign-in?next=${encodeURIComponent(`/en/services/${service.slug}/rate`)}`);
    expect(page.body).not.toContain('name="satisfaction"');

    const anonymous = new TestClient(t.app);
    const post = await anonymous.submit('/en/sign-in', `/en/services/${service.slug}/rate`, RATING);
    expect(post.statusCode).toBe(401);

    const unverified = await person([], { verified: false });
    const refused = await unverified.get(`/en/services/${service.slug}/rate`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Confirm your email address first');
    const post2 = await unverified.submit('/en/account', `/en/services/${service.slug}/rate`, RATING);
    expect(post2.statusCode).toBe(403);
    expect(await ownRows(unverified.userId)).toHaveLength(0);
    expect((await t.app.inject({ url: '/en/services/no-such-service/rate' })).statusCode).toBe(404);
  });

  it('rates through the form, then changes the rating: one assessment, versions kept, counters right', async () => {
    const me = await person();
    const form = await me.get(`/en/services/${service.slug}/rate`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<legend class="choices__legend">Overall, how satisfied are you with this service?');
    expect(form.body).toContain('Rater');
    expect(form.body).not.toContain('You rated this service on');

    const sent = await rate(me);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/en/services/${service.slug}/reviews?done=rated`);
    const [row] = await ownRows(me.userId);
    expect(row).toMatchObject({ satisfaction: 4, find_score: 3, accessible_score: 2, completion: 'partly', usage: 'helped', version: 1 });
    const list = await me.get(sent.headers.location as string);
    expect(list.body).toContain('Your rating was saved');
    expect(list.body).toContain('the upload of my payslip failed twice');
    expect(list.body).toContain('This is your review.');

    const again = await me.get(`/en/services/${service.slug}/rate`);
    expect(again.body).toContain('You rated this service on');
    expect(again.body).toMatch(/name="satisfaction" value="4" checked/);
    expect(again.body).toContain('the upload of my payslip failed twice.</textarea>');

    await rate(me, { ...RATING, satisfaction: '2', review: '' }, service.slug, 'fr');
    const rows = await ownRows(me.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfaction: 2, review: null, version: 2 });
    const versions = await t.app.db.selectFrom('assessment_versions').select('version').where('assessment_id', '=', rows[0]!.id).execute();
    expect(versions).toHaveLength(2);
    await expectCountersMatchRecount(service.id);

    // Someone who has not rated is sent from the delete page to the form.
    const stranger = await person();
    expect((await stranger.get(`/en/services/${service.slug}/rate/delete`)).headers.location).toBe(`/en/services/${service.slug}/rate`);
    expect((await stranger.submit(`/en/services/${service.slug}/rate`, `/en/services/${service.slug}/rate/delete`, {})).statusCode).toBe(
      404,
    );

    // Delete: a confirmation page, then the rating is gone and the counters follow.
    const confirm = await me.get(`/en/services/${service.slug}/rate/delete`);
    expect(confirm.body).toContain('Yes, delete my rating');
    const deleted = await me.submit(`/en/services/${service.slug}/rate/delete`, `/en/services/${service.slug}/rate/delete`, {});
    expect(deleted.headers.location).toBe(`/en/services/${service.slug}/reviews?done=deleted`);
    expect(await ownRows(me.userId)).toHaveLength(0);
    await expectCountersMatchRecount(service.id);
  });

  it('refuses bad input with the errors listed and the input kept, writing nothing', async () => {
    const me = await person();
    const bad = await rate(me, { ...RATING, satisfaction: '', find: '7', usage: 'teleport', review: 'Kept <b>as typed</b>' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<title>Error: ');
    expect(bad.body).toContain('href="#rate-satisfaction"');
    expect(bad.body).toContain('href="#rate-find"');
    expect(bad.body).toContain('href="#rate-usage"');
    expect(bad.body).not.toContain('href="#rate-use"');
    expect(bad.body).toContain('Kept &lt;b>as typed&lt;/b></textarea>');
    expect(bad.body).toMatch(/name="works" value="5" checked/);
    const long = await rate(me, { ...RATING, review: 'x'.repeat(4001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('Your review must be 4,000 characters or fewer');
    expect(await ownRows(me.userId)).toHaveLength(0);
  });

  it('marks reviews helpful once per person, keeps the counter in step, and not on one’s own review', async () => {
    const { id, author } = await aReview();
    const reader = await person();
    const page = `/en/services/${service.slug}/reviews`;
    const list = await reader.get(page);
    expect(list.body).toContain(`action="/en/reviews/${id}/helpful"`);
    expect(list.body).toContain(`/en/flags/new?type=assessment.review&amp;id=${id}`);

    const marked = await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'on', sort: 'helpful', page: '1' });
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe(`/en/services/${service.slug}/reviews?sort=helpful&done=helpful#review-${id}`);
    await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'on' });
    expect(await helpfulCount(id)).toBe(1);
    expect(await markCount(id)).toBe(1);
    expect((await reader.get(page)).body).toContain('Remove my “helpful” mark');

    // Two marks at once by another reader count once.
    const other = await person();
    await Promise.all([markHelpful(t.app.db, citizen(other.userId), id, true), markHelpful(t.app.db, citizen(other.userId), id, true)]);
    expect(await helpfulCount(id)).toBe(2);

    await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'off' });
    await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'off' });
    expect(await helpfulCount(id)).toBe(1);
    expect(await markCount(id)).toBe(1);

    // The author sees no button on their review, and a forged POST is refused.
    const own = await author.get(page);
    expect(own.body).not.toContain(`action="/en/reviews/${id}/helpful"`);
    expect((await author.submit(page, `/en/reviews/${id}/helpful`, { mark: 'on' })).statusCode).toBe(403);
    // Signed out: the reviews, no buttons; a POST is refused.
    const anonymous = await anonymousView(page);
    expect(anonymous.body).toContain('Useful, but slow.');
    expect(anonymous.body).not.toContain('/helpful"');
    expect(anonymous.body).not.toContain('/flags/new');
    expect((await new TestClient(t.app).submit('/en/sign-in', `/en/reviews/${id}/helpful`, { mark: 'on' })).statusCode).toBe(401);
    expect(await helpfulCount(id)).toBe(1);
    // Bad input: an unknown review, a bad mark.
    expect((await reader.submit(page, `/en/reviews/99999999/helpful`, { mark: 'on' })).statusCode).toBe(404);
    expect((await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'maybe' })).statusCode).toBe(400);
  });

  it('sorts by newest or most helpful, and pages the list', async () => {
    const reader = await person();
    /** The queries one view of a page costs. */
    const count = async (url: string) => {
      // Each write marks content changed; this instance reads that at most once a second: now.
      t.app.contentGeneration.expire();
      const before = t.app.database.queryCount();
      await reader.get(url);
      return t.app.database.queryCount() - before;
    };
    const older = await aReview('An older review that many found helpful.', otherService.id);
    const one = await count(`/en/services/${otherService.slug}/reviews`);
    const newer = await aReview('A newer review.', otherService.id);
    await markHelpful(t.app.db, citizen(reader.userId), older.id, true);
    const newest = (await anonymousView(`/en/services/${otherService.slug}/reviews`)).body;
    expect(newest.indexOf('A newer review.')).toBeLessThan(newest.indexOf('An older review'));
    const helpful = (await anonymousView(`/en/services/${otherService.slug}/reviews?sort=helpful`)).body;
    expect(helpful.indexOf('An older review')).toBeLessThan(helpful.indexOf('A newer review.'));
    expect(helpful).toContain('aria-current="page">Most helpful first');
    // Junk in the query falls back to defaults; a page past the end is empty, not an error.
    expect((await t.app.inject({ url: `/en/services/${otherService.slug}/reviews?sort=evil&page=-3` })).statusCode).toBe(200);
    const far = await t.app.inject({ url: `/en/services/${otherService.slug}/reviews?page=40` });
    expect(far.statusCode).toBe(200);
    expect(far.body).not.toContain('A newer review.');
    expect(newer.id).toBeGreaterThan(older.id);
    // No query per review: a page of several reviews costs what a page of one does.
    await aReview('A third one.', otherService.id);
    const many = await count(`/en/services/${otherService.slug}/reviews`);
    expect(many).toBe(one);
    expect(many).toBeLessThanOrEqual(12);
    // The list is a shared body: seen again, only the reader's own state is read (session, the
    // service, their helpful marks).
    const before = t.app.database.queryCount();
    await reader.get(`/en/services/${otherService.slug}/reviews`);
    expect(t.app.database.queryCount() - before).toBeLessThan(many);
  });

  it('shows each reader of the shared list their own actions on each review', async () => {
    const { id, author } = await aReview('Shared list, personal buttons.', otherService.id);
    const marker = await person();
    await markHelpful(t.app.db, citizen(marker.userId), id, true);
    const other = await person();
    const organisation = await t.app.db
      .selectFrom('services')
      .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
      .select('organisations.slug')
      .where('services.id', '=', otherService.id)
      .executeTakeFirstOrThrow();
    const answerer = await official(organisation.slug);
    t.app.contentGeneration.expire();
    const url = `/en/services/${otherService.slug}/reviews`;
    /** The actions under the review: the text of its button group. */
    const actions = async (client: TestClient | null) => {
      const html = client ? (await client.get(url)).body : (await t.app.inject({ url })).body;
      const card = html.slice(html.indexOf(`id="review-${id}"`));
      return card.slice(card.indexOf('class="button-group"'), card.indexOf('</article>'));
    };
    const byMarker = await actions(marker);
    expect(byMarker).toContain('Remove my “helpful” mark');
    expect(byMarker).toContain('/en/flags/new?type=');
    const byOther = await actions(other);
    expect(byOther).toContain('This review was helpful');
    expect(byOther).not.toContain('Remove my');
    const byAuthor = await actions(author);
    expect(byAuthor).toContain('This is your review.');
    expect(byAuthor).not.toContain('This review was helpful');
    expect(byAuthor).not.toContain('/flags/new');
    expect(await actions(answerer)).toContain('Answer this review');
    expect(byOther).not.toContain('Answer this review');
    const anonymous = await actions(null);
    expect(anonymous).not.toContain('<form');
    expect(anonymous).not.toContain('/flags/new');
    // Marking through the form changes the marker's button at once, and nobody else's.
    const form = /<form method="post" action="(\/en\/reviews\/\d+\/helpful)"/.exec(byOther);
    expect(form?.[1]).toBe(`/en/reviews/${id}/helpful`);
    expect((await other.submit(url, `/en/reviews/${id}/helpful`, { mark: 'on', sort: 'newest', page: '1' })).statusCode).toBe(303);
    expect(await actions(other)).toContain('Remove my “helpful” mark');
    expect(await actions(await person())).toContain('This review was helpful');
  });

  it('lets only the service’s organisation (and admins) answer, once per review, audited', async () => {
    const { id } = await aReview('Please add a phone number.');
    const theirs = await official('family-allowance-office');
    const others = await official('county-council');
    const plain = await person();
    const admin = await person([{ role: 'admin' }]);
    const answerUrl = `/en/reviews/${id}/answer`;

    expect((await t.app.inject({ url: answerUrl })).headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(answerUrl)}`);
    expect((await others.get(answerUrl)).statusCode).toBe(403);
    expect((await plain.get(answerUrl)).statusCode).toBe(403);
    expect((await others.submit(`/en/services/${service.slug}/reviews`, answerUrl, { answer: 'Not ours.' })).statusCode).toBe(403);
    expect((await plain.submit(`/en/services/${service.slug}/reviews`, answerUrl, { answer: 'Me neither.' })).statusCode).toBe(403);
    expect((await others.get(`/en/services/${service.slug}/reviews`)).body).not.toContain(`href="${answerUrl}"`);
    expect((await theirs.get(`/en/services/${service.slug}/reviews`)).body).toContain(`href="${answerUrl}"`);

    const empty = await theirs.submit(answerUrl, answerUrl, { answer: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#answer-text"');
    const answered = await theirs.submit(answerUrl, answerUrl, { answer: 'Thank you: the number is now on the page.' });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`/en/services/${service.slug}/reviews?done=answered#review-${id}`);
    const first = await t.app.db.selectFrom('assessments').select('answered_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(first.answered_at).toEqual(expect.any(String));
    const replaced = await admin.submit(answerUrl, answerUrl, { answer: 'Updated: call 01 23 45 67 89.' });
    expect(replaced.statusCode).toBe(303);
    const row = await t.app.db
      .selectFrom('assessments')
      .select(['answer', 'answer_by', 'answered_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // One answer, replaced; the time of the first answer stays (the time-to-answer figures use it).
    expect(row).toEqual({ answer: 'Updated: call 01 23 45 67 89.', answer_by: admin.userId, answered_at: first.answered_at });
    const page = (await anonymousView(`/en/services/${service.slug}/reviews`)).body;
    expect(page).toContain('Updated: call 01 23 45 67 89.');
    expect(page).toContain('Answer from Vallée-Verte Family Allowance Office');
    expect(page).not.toContain('the number is now on the page');
    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'action'])
      .where('action', '=', 'review.answer')
      .where('subject_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.actor_id)).toEqual([theirs.userId, admin.userId]);
  });

  it('shows a review hidden by moderation as a notice, and declares reviews flaggable', async () => {
    const { id, author } = await aReview('Buy cheap watches at spam.example');
    const [item] = await loadReviewsForFlags(t.app.db, [String(id), 'junk', '99999999']);
    expect(item).toMatchObject({ id: String(id), authorId: author.userId, url: `/en/services/${service.slug}/reviews#review-${id}` });
    expect(t.app.flaggables.get('assessment.review')).toBeDefined();
    // The report form knows the review (its "Report" link works).
    const reader = await person();
    const form = await reader.get(`/en/flags/new?type=assessment.review&id=${id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Buy cheap watches at spam.example');
    const now = new Date().toISOString();
    await t.app.db
      .insertInto('moderation_states')
      .values({
        content_type: 'assessment.review',
        content_id: String(id),
        status: 'hidden',
        reason_shown: 'Advertising',
        decided_by: null,
        decided_at: now,
        flag_count: 1,
        last_flag_id: 1,
        last_flagged_at: now,
      })
      .execute();
    const page = (await anonymousView(`/en/services/${service.slug}/reviews`)).body;
    expect(page).not.toContain('spam.example');
    expect(page).toContain('Advertising');
  });

  it('exports a person’s assessments, marks and reports, and anonymises them on account deletion', async () => {
    const me = await person();
    await rate(me);
    await rate(me, { ...RATING, satisfaction: '5' });
    const { id: reviewId } = await aReview('Helpful to me.');
    await markHelpful(t.app.db, citizen(me.userId), reviewId, true);
    await createProblemReport(t.app.db, {
      serviceId: service.id,
      reporterId: me.userId,
      category: 'broken_link',
      description: 'The “Start now” link gives an error page.',
      contactEmail: 'me@example.org',
      contactName: 'Me Myself',
      locale: 'en',
      source: 'web',
    });

    const archive = await exportUserData(t.app.db, modules, me.userId);
    const part = archive.modules.assessment as {
      assessments: { service: string; satisfaction: number; versions: unknown[] }[];
      helpfulMarks: { review: number }[];
      problemReports: { category: string; contactEmail: string | null; status: string }[];
    };
    expect(part.assessments).toHaveLength(1);
    expect(part.assessments[0]).toMatchObject({ service: service.slug, satisfaction: 5 });
    expect(part.assessments[0]!.versions).toHaveLength(2);
    expect(part.helpfulMarks).toEqual([expect.objectContaining({ review: reviewId })]);
    expect(part.problemReports).toEqual([
      expect.objectContaining({ category: 'broken_link', contactEmail: 'me@example.org', status: 'open' }),
    ]);

    const before = (await serviceKpis(t.app.db, [service.id])).get(service.id)!.assessments;
    await deleteAccount(t.app.db, modules, me.userId);
    expect(await helpfulCount(reviewId)).toBe(0);
    expect(await markCount(reviewId)).toBe(0);
    const report = await t.app.db
      .selectFrom('problem_reports')
      .select(['contact_email', 'contact_name', 'description'])
      .where('reporter_id', '=', me.userId)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({ contact_email: null, contact_name: null });
    // The assessment stays and still counts; its author shows as a deleted participant.
    expect((await serviceKpis(t.app.db, [service.id])).get(service.id)!.assessments).toBe(before);
    const page = (await anonymousView(`/en/services/${service.slug}/reviews`)).body;
    expect(page).toContain('Review by Deleted participant');
    expect(page).not.toContain(`Review by ${me.displayName}<`);
  });
});
