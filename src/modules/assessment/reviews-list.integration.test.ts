/**
 * Reviews of a service: helpful marks (once per person, not on one's own review), sorting and
 * paging the list without a query per review, each reader's own actions on the shared list,
 * official answers by the service's organisation only, reviews hidden by moderation, and the list
 * of a withdrawn service gone at once with the caches on.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { TestClient } from '../accounts/testing.js';
import { setServiceStatus } from '../catalogue/index.js';
import { loadReviewsForFlags, markHelpful } from './reviews.service.js';
import { citizen } from './testing.js';
import { useReviewsApp } from './testing/reviews-app.js';
import { signedInPerson } from './testing/signed-in.js';

describeEachDatabase('co-assessment: rating, reviews, helpful marks and official answers', (dialect) => {
  const f = useReviewsApp(dialect);
  const { person, official, anonymousView, helpfulCount, markCount, aReview } = f;

  it('marks reviews helpful once per person, keeps the counter in step, and not on one’s own review', async () => {
    const { id, author } = await aReview();
    const reader = await person();
    const page = `/en/services/${f.service.slug}/reviews`;
    const list = await reader.get(page);
    expect(list.body).toContain(`action="/en/reviews/${id}/helpful"`);
    expect(list.body).toContain(`/en/flags/new?type=assessment.review&amp;id=${id}`);

    const marked = await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'on', sort: 'helpful', page: '1' });
    expect(marked.statusCode).toBe(303);
    expect(marked.headers.location).toBe(`/en/services/${f.service.slug}/reviews?sort=helpful&done=helpful#review-${id}`);
    await reader.submit(page, `/en/reviews/${id}/helpful`, { mark: 'on' });
    expect(await helpfulCount(id)).toBe(1);
    expect(await markCount(id)).toBe(1);
    expect((await reader.get(page)).body).toContain('Remove my “helpful” mark');

    // Two marks at once by another reader count once.
    const other = await person();
    await Promise.all([markHelpful(f.app.db, citizen(other.userId), id, true), markHelpful(f.app.db, citizen(other.userId), id, true)]);
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
    expect((await new TestClient(f.app).submit('/en/sign-in', `/en/reviews/${id}/helpful`, { mark: 'on' })).statusCode).toBe(401);
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
      f.app.contentGeneration.expire();
      const before = f.app.database.queryCount();
      await reader.get(url);
      return f.app.database.queryCount() - before;
    };
    const older = await aReview('An older review that many found helpful.', f.otherService.id);
    const one = await count(`/en/services/${f.otherService.slug}/reviews`);
    const newer = await aReview('A newer review.', f.otherService.id);
    await markHelpful(f.app.db, citizen(reader.userId), older.id, true);
    const newest = (await anonymousView(`/en/services/${f.otherService.slug}/reviews`)).body;
    expect(newest.indexOf('A newer review.')).toBeLessThan(newest.indexOf('An older review'));
    const helpful = (await anonymousView(`/en/services/${f.otherService.slug}/reviews?sort=helpful`)).body;
    expect(helpful.indexOf('An older review')).toBeLessThan(helpful.indexOf('A newer review.'));
    expect(helpful).toContain('aria-current="page">Most helpful first');
    // Junk in the query falls back to defaults; a page past the end is empty, not an error.
    expect((await f.app.inject({ url: `/en/services/${f.otherService.slug}/reviews?sort=evil&page=-3` })).statusCode).toBe(200);
    const far = await f.app.inject({ url: `/en/services/${f.otherService.slug}/reviews?page=40` });
    expect(far.statusCode).toBe(200);
    expect(far.body).not.toContain('A newer review.');
    expect(newer.id).toBeGreaterThan(older.id);
    // No query per review: a page of several reviews costs what a page of one does.
    await aReview('A third one.', f.otherService.id);
    const many = await count(`/en/services/${f.otherService.slug}/reviews`);
    expect(many).toBe(one);
    expect(many).toBeLessThanOrEqual(12);
    // The list is a shared body: seen again, only the reader's own state is read (session, the
    // service, their helpful marks).
    const before = f.app.database.queryCount();
    await reader.get(`/en/services/${f.otherService.slug}/reviews`);
    expect(f.app.database.queryCount() - before).toBeLessThan(many);
  });

  it('shows each reader of the shared list their own actions on each review', async () => {
    const { id, author } = await aReview('Shared list, personal buttons.', f.otherService.id);
    const marker = await person();
    await markHelpful(f.app.db, citizen(marker.userId), id, true);
    const other = await person();
    const organisation = await f.app.db
      .selectFrom('services')
      .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
      .select('organisations.slug')
      .where('services.id', '=', f.otherService.id)
      .executeTakeFirstOrThrow();
    const answerer = await official(organisation.slug);
    f.app.contentGeneration.expire();
    const url = `/en/services/${f.otherService.slug}/reviews`;
    /** The actions under the review: the text of its button group. */
    const actions = async (client: TestClient | null) => {
      const html = client ? (await client.get(url)).body : (await f.app.inject({ url })).body;
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

    expect((await f.app.inject({ url: answerUrl })).headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(answerUrl)}`);
    expect((await others.get(answerUrl)).statusCode).toBe(403);
    expect((await plain.get(answerUrl)).statusCode).toBe(403);
    expect((await others.submit(`/en/services/${f.service.slug}/reviews`, answerUrl, { answer: 'Not ours.' })).statusCode).toBe(403);
    expect((await plain.submit(`/en/services/${f.service.slug}/reviews`, answerUrl, { answer: 'Me neither.' })).statusCode).toBe(403);
    expect((await others.get(`/en/services/${f.service.slug}/reviews`)).body).not.toContain(`href="${answerUrl}"`);
    expect((await theirs.get(`/en/services/${f.service.slug}/reviews`)).body).toContain(`href="${answerUrl}"`);

    const empty = await theirs.submit(answerUrl, answerUrl, { answer: '   ' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#answer-text"');
    const answered = await theirs.submit(answerUrl, answerUrl, { answer: 'Thank you: the number is now on the page.' });
    expect(answered.statusCode).toBe(303);
    expect(answered.headers.location).toBe(`/en/services/${f.service.slug}/reviews?done=answered#review-${id}`);
    const first = await f.app.db.selectFrom('assessments').select('answered_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(first.answered_at).toEqual(expect.any(String));
    const replaced = await admin.submit(answerUrl, answerUrl, { answer: 'Updated: call 01 23 45 67 89.' });
    expect(replaced.statusCode).toBe(303);
    const row = await f.app.db
      .selectFrom('assessments')
      .select(['answer', 'answer_by', 'answered_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // One answer, replaced; the time of the first answer stays (the time-to-answer figures use it).
    expect(row).toEqual({ answer: 'Updated: call 01 23 45 67 89.', answer_by: admin.userId, answered_at: first.answered_at });
    const page = (await anonymousView(`/en/services/${f.service.slug}/reviews`)).body;
    expect(page).toContain('Updated: call 01 23 45 67 89.');
    expect(page).toContain('Answer from Vallée-Verte Family Allowance Office');
    expect(page).not.toContain('the number is now on the page');
    const audits = await f.app.db
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
    const [item] = await loadReviewsForFlags(f.app.db, [String(id), 'junk', '99999999']);
    expect(item).toMatchObject({ id: String(id), authorId: author.userId, url: `/en/services/${f.service.slug}/reviews#review-${id}` });
    expect(f.app.flaggables.get('assessment.review')).toBeDefined();
    // The report form knows the review (its "Report" link works).
    const reader = await person();
    const form = await reader.get(`/en/flags/new?type=assessment.review&id=${id}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Buy cheap watches at spam.example');
    const now = new Date().toISOString();
    await f.app.db
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
    const page = (await anonymousView(`/en/services/${f.service.slug}/reviews`)).body;
    expect(page).not.toContain('spam.example');
    expect(page).toContain('Advertising');
  });
});

describeEachDatabase('co-assessment: the reviews list with the caches on', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true, config: { pageCache: true } });
  });
  afterAll(() => t.close());

  it('is gone, signed in or not, once its service is withdrawn', async () => {
    const service = await t.app.db
      .selectFrom('services')
      .select('slug')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const url = `/en/services/${service.slug}/reviews`;
    const reader = await signedInPerson(t.app, { email: 'reader@example.org', displayName: 'Reader' });
    expect((await reader.get(url)).statusCode).toBe(200);
    expect((await reader.get(url)).statusCode).toBe(200);
    await setServiceStatus(t.app.db, 'cli', service.slug, 'withdrawn', { defaultLocale: 'en', audit: {} });
    // Another instance's write: this one reads the content generation again within a second.
    t.app.contentGeneration.expire();
    expect((await reader.get(url)).statusCode).toBe(404);
    expect((await t.app.inject({ url })).statusCode).toBe(404);
  });
});
