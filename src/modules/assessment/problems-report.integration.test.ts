/**
 * Problem reports, the reporter's side: reporting through the form (sign in first, errors keep the
 * text, a double submission files once, no contact kept unless asked), the public page and list
 * (escaped, no personal data), and reopening a fixed report, which only the reporter may do.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { recountProblemCounters } from './problems.queries.js';
import { reopenProblemReport, triageProblemReport } from './problems.service.js';
import { citizen, official } from './testing.js';
import { CONTEXT, useProblemsApp } from './testing/problems-app.js';

describeEachDatabase('co-assessment: problem reports, reporting and reopening', (dialect) => {
  const f = useProblemsApp(dialect);
  const { person, officialOf, report, storedCounters, statusOf } = f;

  it('reports a problem through the form: sign in first, errors keep the text, then the public page and list', async () => {
    const form = `/en/services/${f.serviceA.slug}/problems/new`;
    const anonymous = await f.app.inject({ url: form });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(form)}`);
    expect((await f.app.inject({ url: '/en/services/no-such-service/problems/new' })).statusCode).toBe(404);
    const reporter = await person();
    const count = async () =>
      Number(
        (
          await f.app.db
            .selectFrom('problem_reports')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();

    const bad = await reporter.submit(form, form, { category: 'nonsense', description: '<b>Short', notify: 'yes' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#problem-category"');
    expect(bad.body).toContain('href="#problem-description"');
    expect(bad.body).toContain('>&lt;b>Short</textarea>');
    expect(await count()).toBe(before);

    const description = 'The form rejects my postcode <script>alert(1)</script> every time.';
    const ok = await reporter.submit(form, form, { category: 'error_message', description, notify: 'yes' });
    expect(ok.statusCode).toBe(303);
    const id = Number(/\/en\/problems\/(\d+)\?done=created$/.exec(ok.headers.location as string)?.[1]);
    const row = await f.app.db.selectFrom('problem_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      contact_email: reporter.email,
      reporter_id: reporter.userId,
      source: 'web',
      status: 'open',
      category: 'error_message',
    });

    const page = await f.app.inject({ url: `/en/problems/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain(reporter.email);
    expect(page.body).not.toContain('Person ');
    const list = await f.app.inject({ url: `/en/services/${f.serviceA.slug}/problems` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/en/problems/${id}"`);
    const filtered = await f.app.inject({ url: `/en/services/${f.serviceA.slug}/problems?status=fixed` });
    expect(filtered.body).not.toContain(`href="/en/problems/${id}"`);
    expect((await f.app.inject({ url: '/fr/problems/999999' })).statusCode).toBe(404);

    // The same report sent twice (a double click) is filed once.
    const again = await reporter.submit(form, form, { category: 'error_message', description, notify: 'yes' });
    expect(again.headers.location).toBe(ok.headers.location);
    const twice = await Promise.all([
      report(reporter.userId, f.serviceA.id, null, 'Sent twice at once by a double click.'),
      report(reporter.userId, f.serviceA.id, null, 'Sent twice at once by a double click.'),
    ]);
    expect(twice[0].id).toBe(twice[1].id);

    // Without "email me": no contact address is kept.
    const quiet = await reporter.submit(form, form, { category: 'other', description: 'The page is very slow to load.' });
    const quietId = Number(/\/problems\/(\d+)/.exec(quiet.headers.location as string)?.[1]);
    expect(
      (await f.app.db.selectFrom('problem_reports').select('contact_email').where('id', '=', quietId).executeTakeFirstOrThrow())
        .contact_email,
    ).toBeNull();

    // An unconfirmed email address may not report.
    const unverified = await person();
    await f.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', unverified.userId).execute();
    expect((await unverified.get(form)).statusCode).toBe(403);
  });

  it('reopens only for the reporter, and only from fixed', async () => {
    const reporter = await person();
    const someoneElse = await person();
    const officer = official((await officialOf(f.serviceA.organisationId)).userId, [f.serviceA.organisationId]);
    const { id } = await report(reporter.userId);
    await expect(reopenProblemReport(f.app.db, citizen(reporter.userId), id, 'Still broken')).rejects.toMatchObject({ code: 'conflict' });
    await triageProblemReport(f.app.db, officer, id, { status: 'fixed', note: 'New link in place.' }, CONTEXT);
    await expect(reopenProblemReport(f.app.db, citizen(someoneElse.userId), id, 'Still broken')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await statusOf(id)).status).toBe('fixed');
    // Only the reporter is asked "Is it fixed?".
    expect((await someoneElse.get(`/en/problems/${id}`)).body).not.toContain(`/en/problems/${id}/reopen`);
    const page = await reporter.get(`/en/problems/${id}`);
    expect(page.body).toContain(`/en/problems/${id}/reopen`);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const tooLong = await reporter.post(`/en/problems/${id}/reopen`, { _csrf: token, note: 'x'.repeat(4001) });
    expect(tooLong.statusCode).toBe(422);
    expect((await statusOf(id)).status).toBe('fixed');
    const done = await reporter.post(`/en/problems/${id}/reopen`, { _csrf: token, note: 'The link still fails on my phone.' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe(`/en/problems/${id}?done=reopened`);
    expect((await statusOf(id)).status).toBe('open');
    const publicPage = await f.app.inject({ url: `/en/problems/${id}` });
    expect(publicPage.body).toContain('The link still fails on my phone.');
    expect(publicPage.body).toContain('New link in place.');
    expect(await storedCounters(f.serviceA.id)).toEqual(await recountProblemCounters(f.app.db, f.serviceA.id));
  });
});
