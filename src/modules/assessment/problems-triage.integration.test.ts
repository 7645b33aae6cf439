/**
 * Problem reports, triage by the service's provider: only the owning organisation's officials (and
 * admins) may triage, in the service layer and through the pages; the triage form offers the allowed
 * statuses only, answers 409 when someone changed the report meanwhile, and bad input writes nothing.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { recountProblemCounters } from './problems.queries.js';
import { triageProblemReport } from './problems.service.js';
import { citizen, official } from './testing.js';
import { CONTEXT, useProblemsApp } from './testing/problems-app.js';

describeEachDatabase('co-assessment: problem reports, triage', (dialect) => {
  const f = useProblemsApp(dialect);
  const { person, officialOf, report, storedCounters, statusOf } = f;

  it('lets only the owning organisation’s officials (and admins) triage', async () => {
    const reporter = await person();
    const { id } = await report(reporter.userId);
    const other = await officialOf(f.serviceB.organisationId);
    const otherActor = official(other.userId, [f.serviceB.organisationId]);
    await expect(triageProblemReport(f.app.db, otherActor, id, { status: 'fixed', note: undefined }, CONTEXT)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      triageProblemReport(f.app.db, citizen(reporter.userId), id, { status: 'fixed', note: undefined }, CONTEXT),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(triageProblemReport(f.app.db, null, id, { status: 'fixed', note: undefined }, CONTEXT)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    // Through the pages: another organisation's official and a citizen get 403, on the page and the form.
    expect((await other.get(`/en/manage/problems/${id}`)).statusCode).toBe(403);
    const form = await (await officialOf(f.serviceB.organisationId)).get('/en/manage/problems');
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain(`/en/manage/problems/${id}"`);
    expect((await reporter.get('/en/manage/problems')).statusCode).toBe(403);
    expect((await reporter.get(`/en/manage/problems/${id}`)).statusCode).toBe(403);
    const token = /name="_csrf" value="([^"]+)"/.exec((await other.get('/en/manage/problems')).body)![1]!;
    const post = await other.post(`/en/manage/problems/${id}`, {
      _csrf: token,
      expectedStatus: 'open',
      status: 'fixed',
      note: '',
      duplicateOf: '',
    });
    expect(post.statusCode).toBe(403);
    expect((await statusOf(id)).status).toBe('open');
    // Signed out: sign in first.
    const anonymous = await f.app.inject({ url: '/en/manage/problems' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/en/sign-in?next=%2Fen%2Fmanage%2Fproblems');
    // The owner's official and an admin may.
    const owner = await officialOf(f.serviceA.organisationId);
    const page = await owner.get(`/en/manage/problems/${id}`);
    expect(page.statusCode).toBe(200);
    const admin = await person([{ role: 'admin' }]);
    expect((await admin.get(`/en/manage/problems/${id}`)).statusCode).toBe(200);
  });

  it('triages through the form: allowed statuses only, a clear 409 when someone changed it meanwhile, bad input writes nothing', async () => {
    const reporter = await person();
    const { id } = await report(reporter.userId);
    const other = await report(reporter.userId);
    const owner = await officialOf(f.serviceA.organisationId);
    const page = `/en/manage/problems/${id}`;
    const list = await owner.get('/en/manage/problems');
    expect(list.body).toContain(`href="${page}"`);
    const form = await owner.get(page);
    expect(form.body).toContain('name="expectedStatus" value="open"');
    expect(form.body).not.toContain(reporter.email);
    const events = async () =>
      (await f.app.db.selectFrom('problem_report_events').select('id').where('report_id', '=', id).execute()).length;
    const start = await events();

    const nothing = await owner.submit(page, page, { expectedStatus: 'open', status: '', note: '', duplicateOf: '' });
    expect(nothing.statusCode).toBe(422);
    const notAllowed = await owner.submit(page, page, { expectedStatus: 'open', status: 'open', note: 'Kept text', duplicateOf: '' });
    expect(notAllowed.statusCode).toBe(422);
    expect(notAllowed.body).toContain('Kept text');
    const noTarget = await owner.submit(page, page, { expectedStatus: 'open', status: 'duplicate', note: '', duplicateOf: '' });
    expect(noTarget.statusCode).toBe(422);
    const otherService = await report(reporter.userId, f.serviceB.id);
    const wrongTarget = await owner.submit(page, page, {
      expectedStatus: 'open',
      status: 'duplicate',
      note: '',
      duplicateOf: String(otherService.id),
    });
    expect(wrongTarget.statusCode).toBe(422);
    const stale = await owner.submit(page, page, { expectedStatus: 'acknowledged', status: 'fixed', note: 'My note', duplicateOf: '' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('My note');
    expect(await events()).toBe(start);
    expect((await statusOf(id)).status).toBe('open');

    const ok = await owner.submit(page, page, { expectedStatus: 'open', status: 'in_progress', note: 'Looking into it.', duplicateOf: '' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(`${page}?done=saved`);
    expect((await statusOf(id)).status).toBe('in_progress');
    const merged = await owner.submit(page, page, {
      expectedStatus: 'in_progress',
      status: 'duplicate',
      note: '',
      duplicateOf: String(other.id),
    });
    expect(merged.statusCode).toBe(303);
    expect(await statusOf(id)).toMatchObject({ status: 'duplicate', duplicate_of: other.id });
    const publicPage = await f.app.inject({ url: `/en/problems/${id}` });
    expect(publicPage.body).toContain(`href="/en/problems/${other.id}"`);
    expect(publicPage.body).toContain('Looking into it.');
    expect(await storedCounters(f.serviceA.id)).toEqual(await recountProblemCounters(f.app.db, f.serviceA.id));
  });
});
