/**
 * Rating a service: the results panel on its page, who may rate (signed in, email confirmed), the
 * form with its errors, changing and deleting one's rating with the counters in step, and a
 * rater's personal data (the export, and what stays once the account is deleted).
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { deleteAccount, exportUserData } from '../../platform/gdpr.js';
import { modules } from '../index.js';
import { TestClient } from '../accounts/testing.js';
import { serviceKpis } from './assessment.queries.js';
import { createProblemReport } from './problems.service.js';
import { markHelpful } from './reviews.service.js';
import { citizen } from './testing.js';
import { RATING, useReviewsApp } from './testing/reviews-app.js';

describeEachDatabase('co-assessment: rating, reviews, helpful marks and official answers', (dialect) => {
  const f = useReviewsApp(dialect);
  const { person, rate, ownRows, helpfulCount, markCount, expectCountersMatchRecount, aReview, anonymousView } = f;

  it('shows the results panel on the service page, and invites a first rating when there is none', async () => {
    const empty = await f.app.inject({ url: `/en/services/${f.service.slug}` });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('What people think of this service');
    expect(empty.body).toContain('Nobody has rated this service yet');
    expect(empty.body).toContain(`href="/en/services/${f.service.slug}/rate"`);
    expect(empty.body).toContain(`href="/en/services/${f.service.slug}/problems/new"`);
    expect(empty.body).toContain(`href="/en/services/${f.service.slug}/results"`);

    const rated = await f.app.db.selectFrom('services').select('slug').where('slug', '=', 'housing-allowance').executeTakeFirstOrThrow();
    const page = await f.app.inject({ url: `/fr/services/${rated.slug}` });
    expect(page.body).toContain('Ce que les gens pensent de ce service');
    expect(page.body).toMatch(/\d,\d sur 5 — /);
    expect(page.body).toContain('Facile à trouver');
    expect(page.body).toContain(`href="/fr/services/${rated.slug}/reviews"`);
  });

  it('asks signed-out visitors to sign in and unverified people to confirm their email; their POSTs are refused', async () => {
    const page = await f.app.inject({ url: `/en/services/${f.service.slug}/rate` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sign in to rate this service');
    expect(page.body).toContain(`/en/sign-in?next=${encodeURIComponent(`/en/services/${f.service.slug}/rate`)}`);
    expect(page.body).not.toContain('name="satisfaction"');

    const anonymous = new TestClient(f.app);
    const post = await anonymous.submit('/en/sign-in', `/en/services/${f.service.slug}/rate`, RATING);
    expect(post.statusCode).toBe(401);

    const unverified = await person([], { verified: false });
    const refused = await unverified.get(`/en/services/${f.service.slug}/rate`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Confirm your email address first');
    const post2 = await unverified.submit('/en/account', `/en/services/${f.service.slug}/rate`, RATING);
    expect(post2.statusCode).toBe(403);
    expect(await ownRows(unverified.userId)).toHaveLength(0);
    expect((await f.app.inject({ url: '/en/services/no-such-service/rate' })).statusCode).toBe(404);
  });

  it('rates through the form, then changes the rating: one assessment, versions kept, counters right', async () => {
    const me = await person();
    const form = await me.get(`/en/services/${f.service.slug}/rate`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<legend class="choices__legend">Overall, how satisfied are you with this service?');
    expect(form.body).toContain('Rater');
    expect(form.body).not.toContain('You rated this service on');

    const sent = await rate(me);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/en/services/${f.service.slug}/reviews?done=rated`);
    const [row] = await ownRows(me.userId);
    expect(row).toMatchObject({ satisfaction: 4, find_score: 3, accessible_score: 2, completion: 'partly', usage: 'helped', version: 1 });
    const list = await me.get(sent.headers.location as string);
    expect(list.body).toContain('Your rating was saved');
    expect(list.body).toContain('the upload of my payslip failed twice');
    expect(list.body).toContain('This is your review.');

    const again = await me.get(`/en/services/${f.service.slug}/rate`);
    expect(again.body).toContain('You rated this service on');
    expect(again.body).toMatch(/name="satisfaction" value="4" checked/);
    expect(again.body).toContain('the upload of my payslip failed twice.</textarea>');

    await rate(me, { ...RATING, satisfaction: '2', review: '' }, f.service.slug, 'fr');
    const rows = await ownRows(me.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ satisfaction: 2, review: null, version: 2 });
    const versions = await f.app.db.selectFrom('assessment_versions').select('version').where('assessment_id', '=', rows[0]!.id).execute();
    expect(versions).toHaveLength(2);
    await expectCountersMatchRecount(f.service.id);

    // Someone who has not rated is sent from the delete page to the form.
    const stranger = await person();
    expect((await stranger.get(`/en/services/${f.service.slug}/rate/delete`)).headers.location).toBe(`/en/services/${f.service.slug}/rate`);
    expect(
      (await stranger.submit(`/en/services/${f.service.slug}/rate`, `/en/services/${f.service.slug}/rate/delete`, {})).statusCode,
    ).toBe(404);

    // Delete: a confirmation page, then the rating is gone and the counters follow.
    const confirm = await me.get(`/en/services/${f.service.slug}/rate/delete`);
    expect(confirm.body).toContain('Yes, delete my rating');
    const deleted = await me.submit(`/en/services/${f.service.slug}/rate/delete`, `/en/services/${f.service.slug}/rate/delete`, {});
    expect(deleted.headers.location).toBe(`/en/services/${f.service.slug}/reviews?done=deleted`);
    expect(await ownRows(me.userId)).toHaveLength(0);
    await expectCountersMatchRecount(f.service.id);
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

  it('exports a person’s assessments, marks and reports, and anonymises them on account deletion', async () => {
    const me = await person();
    await rate(me);
    await rate(me, { ...RATING, satisfaction: '5' });
    const { id: reviewId } = await aReview('Helpful to me.');
    await markHelpful(f.app.db, citizen(me.userId), reviewId, true);
    await createProblemReport(f.app.db, {
      serviceId: f.service.id,
      reporterId: me.userId,
      category: 'broken_link',
      description: 'The “Start now” link gives an error page.',
      contactEmail: 'me@example.org',
      contactName: 'Me Myself',
      locale: 'en',
      source: 'web',
    });

    const archive = await exportUserData(f.app.db, modules, me.userId);
    const part = archive.modules.assessment as {
      assessments: { service: string; satisfaction: number; versions: unknown[] }[];
      helpfulMarks: { review: number }[];
      problemReports: { category: string; contactEmail: string | null; status: string }[];
    };
    expect(part.assessments).toHaveLength(1);
    expect(part.assessments[0]).toMatchObject({ service: f.service.slug, satisfaction: 5 });
    expect(part.assessments[0]!.versions).toHaveLength(2);
    expect(part.helpfulMarks).toEqual([expect.objectContaining({ review: reviewId })]);
    expect(part.problemReports).toEqual([
      expect.objectContaining({ category: 'broken_link', contactEmail: 'me@example.org', status: 'open' }),
    ]);

    const before = (await serviceKpis(f.app.db, [f.service.id])).get(f.service.id)!.assessments;
    await deleteAccount(f.app.db, modules, me.userId);
    expect(await helpfulCount(reviewId)).toBe(0);
    expect(await markCount(reviewId)).toBe(0);
    const report = await f.app.db
      .selectFrom('problem_reports')
      .select(['contact_email', 'contact_name', 'description'])
      .where('reporter_id', '=', me.userId)
      .executeTakeFirstOrThrow();
    expect(report).toMatchObject({ contact_email: null, contact_name: null });
    // The assessment stays and still counts; its author shows as a deleted participant.
    expect((await serviceKpis(f.app.db, [f.service.id])).get(f.service.id)!.assessments).toBe(before);
    const page = (await anonymousView(`/en/services/${f.service.slug}/reviews`)).body;
    expect(page).toContain('Review by Deleted participant');
    expect(page).not.toContain(`Review by ${me.displayName}<`);
  });
});
