import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { JobWorker } from '../../platform/jobs.js';
import { mailJobHandlers } from '../../platform/mail.js';
import { recordingLogger } from '../../platform/testing-logger.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { deliverMail, TestClient } from '../accounts/testing.js';
import { PROBLEM_STATUSES, type ProblemStatus } from './assessment.model.js';
import { FOLLOW_UP_DELAY_MS, PROBLEM_FOLLOW_UP_JOB, problemFollowUpJob } from './problem-follow-up.js';
import { recountProblemCounters } from './problems.queries.js';
import { createProblemReport, reopenProblemReport, triageProblemReport } from './problems.service.js';
import { citizen, official } from './testing.js';

const CONTEXT = { actorId: null, requestId: 'test', ip: '127.0.0.1' };
const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('co-assessment: problem reports', (dialect) => {
  let t: TestApp;
  let people = 0;
  /** A service of the family allowance office (A) and two of the city (B). */
  let serviceA: { id: number; slug: string; organisationId: number };
  let serviceB: { id: number; slug: string; organisationId: number };
  let serviceB2: { id: number; slug: string; organisationId: number };

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: true });
    const rows = await t.app.db
      .selectFrom('services')
      .innerJoin('organisations', 'organisations.id', 'services.organisation_id')
      .select(['services.id', 'services.slug', 'services.organisation_id as organisationId', 'organisations.slug as org'])
      .where('services.status', '=', 'published')
      .orderBy('services.id')
      .execute();
    serviceA = rows.find((r) => r.org === 'family-allowance-office')!;
    const city = rows.filter((r) => r.org === 'city-of-saint-aubin');
    serviceB = city[0]!;
    serviceB2 = city[1]!;
  });
  afterAll(() => t.close());

  /** A user with these roles (2FA on, so privileged roles are in effect) and a signed-in client. */
  const person = async (roles: { role: Role; scopeType?: 'organisation'; scopeId?: number }[] = []) => {
    people += 1;
    const email = `problems${people}@example.org`;
    const userId = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Person ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles,
      ...(roles.length > 0 ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId, email });
  };
  const officialOf = (organisationId: number) => person([{ role: 'official', scopeType: 'organisation', scopeId: organisationId }]);

  let reports = 0;
  const report = (reporterId: number, serviceId = serviceA.id, contactEmail: string | null = null, description?: string) =>
    createProblemReport(t.app.db, {
      serviceId,
      reporterId,
      category: 'broken_link',
      description: description ?? `The "apply" link leads to an error page (${++reports}).`,
      contactEmail,
      locale: 'en',
      source: 'web',
    });

  const storedCounters = async (serviceId: number) => {
    const row = await t.app.db
      .selectFrom('service_assessment_stats')
      .select(['open_problems', 'problems', 'fixed_problems'])
      .where('service_id', '=', serviceId)
      .executeTakeFirst();
    return {
      open_problems: Number(row?.open_problems ?? 0),
      problems: Number(row?.problems ?? 0),
      fixed_problems: Number(row?.fixed_problems ?? 0),
    };
  };

  const statusOf = async (id: number) =>
    await t.app.db
      .selectFrom('problem_reports')
      .select(['status', 'duplicate_of', 'fixed_at', 'follow_up_sent_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const mailsTo = async (to: string) => {
    await deliverMail(t.app);
    return t.app.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', to).orderBy('id').execute();
  };

  it('follows the status workflow: allowed moves succeed, others are refused and write nothing', async () => {
    const reporter = await person();
    const officer = official((await officialOf(serviceA.organisationId)).userId, [serviceA.organisationId]);
    const { id } = await report(reporter.userId);
    const events = async () =>
      (await t.app.db.selectFrom('problem_report_events').select('kind').where('report_id', '=', id).execute()).length;

    await triageProblemReport(t.app.db, officer, id, { status: 'acknowledged', note: undefined }, CONTEXT);
    await triageProblemReport(t.app.db, officer, id, { status: 'in_progress', note: 'We are on it.' }, CONTEXT);
    await triageProblemReport(t.app.db, officer, id, { status: 'fixed', note: undefined }, CONTEXT);
    expect((await statusOf(id)).status).toBe('fixed');
    const before = await events();
    // fixed → acknowledged is not in the workflow.
    await expect(triageProblemReport(t.app.db, officer, id, { status: 'acknowledged', note: 'x' }, CONTEXT)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    // A stale form: someone else changed the status meanwhile.
    await expect(
      triageProblemReport(t.app.db, officer, id, { status: 'in_progress', note: undefined, expectedStatus: 'open' }, CONTEXT),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await events()).toBe(before);
    expect((await statusOf(id)).status).toBe('fixed');
    await triageProblemReport(t.app.db, officer, id, { status: 'in_progress', note: undefined }, CONTEXT);
    await triageProblemReport(t.app.db, officer, id, { status: 'wont_fix', note: 'Not ours: the bank runs it.' }, CONTEXT);
    await triageProblemReport(t.app.db, officer, id, { status: 'open', note: undefined }, CONTEXT);
    expect((await statusOf(id)).status).toBe('open');
    const audited = await t.app.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'problem_report')
      .where('subject_id', '=', String(id))
      .execute();
    expect(audited.map((a) => a.action)).toEqual([
      'problem.status',
      'problem.status',
      'problem.status',
      'problem.status',
      'problem.status',
      'problem.status',
    ]);
    expect(await storedCounters(serviceA.id)).toEqual(await recountProblemCounters(t.app.db, serviceA.id));
  });

  it('merges a report only into another report of the same service that is not a duplicate', async () => {
    const reporter = await person();
    const officer = official((await officialOf(serviceB.organisationId)).userId, [serviceB.organisationId]);
    const first = await report(reporter.userId, serviceB.id);
    const second = await report(reporter.userId, serviceB.id);
    const third = await report(reporter.userId, serviceB.id);
    const elsewhere = await report(reporter.userId, serviceB2.id);
    const merge = (id: number, into: number) =>
      triageProblemReport(t.app.db, officer, id, { status: 'duplicate', note: undefined, duplicateOf: into }, CONTEXT);
    await expect(merge(second.id, second.id)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(merge(second.id, elsewhere.id)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(merge(second.id, 999_999)).rejects.toMatchObject({ code: 'validation_failed' });
    await merge(second.id, first.id);
    expect(await statusOf(second.id)).toMatchObject({ status: 'duplicate', duplicate_of: first.id });
    const merged = await t.app.db
      .selectFrom('problem_report_events')
      .select(['kind', 'note'])
      .where('report_id', '=', first.id)
      .where('kind', '=', 'merged')
      .execute();
    expect(merged).toEqual([{ kind: 'merged', note: String(second.id) }]);
    // A duplicate is no target.
    await expect(merge(third.id, second.id)).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await statusOf(third.id)).status).toBe('open');
    // Back to open, the report duplicates nothing.
    await triageProblemReport(t.app.db, officer, second.id, { status: 'open', note: undefined }, CONTEXT);
    expect(await statusOf(second.id)).toMatchObject({ status: 'open', duplicate_of: null });
    for (const s of [serviceB.id, serviceB2.id]) expect(await storedCounters(s)).toEqual(await recountProblemCounters(t.app.db, s));
  });

  it('keeps the problem counters equal to a recount after any sequence of reports, triage and reopening', async () => {
    const reporter = await person();
    const me = citizen(reporter.userId);
    const officer = official((await officialOf(serviceB2.organisationId)).userId, [serviceB2.organisationId]);
    const ids: number[] = [];
    const step = fc.oneof(
      fc.record({ kind: fc.constant('create' as const) }),
      fc.record({ kind: fc.constant('triage' as const), pick: fc.nat(), status: fc.constantFrom(...PROBLEM_STATUSES), into: fc.nat() }),
      fc.record({ kind: fc.constant('reopen' as const), pick: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const s of steps) {
          try {
            if (s.kind === 'create' || ids.length === 0) ids.push((await report(me.id, serviceB2.id)).id);
            else if (s.kind === 'triage') {
              const id = ids[s.pick % ids.length]!;
              const into = ids[s.into % ids.length]!;
              await triageProblemReport(
                t.app.db,
                officer,
                id,
                { status: s.status as ProblemStatus, note: undefined, duplicateOf: into },
                CONTEXT,
              );
            } else await reopenProblemReport(t.app.db, me, ids[s.pick % ids.length]!, undefined);
          } catch (err) {
            // Refused moves are part of the game; they must leave everything as it was.
            expect((err as { code?: string }).code).toMatch(/^(validation_failed|conflict)$/);
          }
        }
        expect(await storedCounters(serviceB2.id)).toEqual(await recountProblemCounters(t.app.db, serviceB2.id));
      }),
      { numRuns: 15 },
    );
  });

  it('lets only the owning organisation’s officials (and admins) triage', async () => {
    const reporter = await person();
    const { id } = await report(reporter.userId);
    const other = await officialOf(serviceB.organisationId);
    const otherActor = official(other.userId, [serviceB.organisationId]);
    await expect(triageProblemReport(t.app.db, otherActor, id, { status: 'fixed', note: undefined }, CONTEXT)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      triageProblemReport(t.app.db, citizen(reporter.userId), id, { status: 'fixed', note: undefined }, CONTEXT),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(triageProblemReport(t.app.db, null, id, { status: 'fixed', note: undefined }, CONTEXT)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    // Through the pages: another organisation's official and a citizen get 403, on the page and the form.
    expect((await other.get(`/en/manage/problems/${id}`)).statusCode).toBe(403);
    const form = await (await officialOf(serviceB.organisationId)).get('/en/manage/problems');
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
    const anonymous = await t.app.inject({ url: '/en/manage/problems' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/en/sign-in?next=%2Fen%2Fmanage%2Fproblems');
    // The owner's official and an admin may.
    const owner = await officialOf(serviceA.organisationId);
    const page = await owner.get(`/en/manage/problems/${id}`);
    expect(page.statusCode).toBe(200);
    const admin = await person([{ role: 'admin' }]);
    expect((await admin.get(`/en/manage/problems/${id}`)).statusCode).toBe(200);
  });

  it('reopens only for the reporter, and only from fixed', async () => {
    const reporter = await person();
    const someoneElse = await person();
    const officer = official((await officialOf(serviceA.organisationId)).userId, [serviceA.organisationId]);
    const { id } = await report(reporter.userId);
    await expect(reopenProblemReport(t.app.db, citizen(reporter.userId), id, 'Still broken')).rejects.toMatchObject({ code: 'conflict' });
    await triageProblemReport(t.app.db, officer, id, { status: 'fixed', note: 'New link in place.' }, CONTEXT);
    await expect(reopenProblemReport(t.app.db, citizen(someoneElse.userId), id, 'Still broken')).rejects.toMatchObject({
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
    const publicPage = await t.app.inject({ url: `/en/problems/${id}` });
    expect(publicPage.body).toContain('The link still fails on my phone.');
    expect(publicPage.body).toContain('New link in place.');
    expect(await storedCounters(serviceA.id)).toEqual(await recountProblemCounters(t.app.db, serviceA.id));
  });

  it('emails the contact address once per event, in the report’s language, and never when there is none', async () => {
    const reporter = await person();
    const officerUser = await officialOf(serviceA.organisationId);
    const officer = official(officerUser.userId, [serviceA.organisationId]);
    const contact = `contact-${people}@example.org`;
    const { id } = await createProblemReport(t.app.db, {
      serviceId: serviceA.id,
      reporterId: reporter.userId,
      category: 'outdated',
      description: 'The page still lists last year’s amounts.',
      contactEmail: contact,
      locale: 'fr',
      source: 'web',
    });
    await triageProblemReport(t.app.db, officer, id, { status: 'in_progress', note: 'Nous corrigeons les montants.' }, CONTEXT);
    await triageProblemReport(t.app.db, officer, id, { note: 'Encore quelques jours.' }, CONTEXT);
    await triageProblemReport(t.app.db, officer, id, { status: 'fixed', note: undefined }, CONTEXT);
    await reopenProblemReport(t.app.db, citizen(reporter.userId), id, undefined);
    const other = await report(reporter.userId);
    await triageProblemReport(t.app.db, officer, id, { status: 'duplicate', note: undefined, duplicateOf: other.id }, CONTEXT);
    // An official who reports a problem with their own service is not emailed about what they did themselves.
    const ownContact = `own-${people}@example.org`;
    const own = await createProblemReport(t.app.db, {
      serviceId: serviceA.id,
      reporterId: officerUser.userId,
      category: 'outdated',
      description: 'Our own page shows last year’s form.',
      contactEmail: ownContact,
      locale: 'en',
      source: 'web',
    });
    await triageProblemReport(t.app.db, officer, own.id, { status: 'fixed', note: 'Done.' }, CONTEXT);
    expect((await mailsTo(ownContact)).map((m) => m.subject)).toEqual([`We received your report #${own.id}`]);
    const mails = await mailsTo(contact);
    expect(mails.map((m) => m.subject)).toEqual([
      `Nous avons reçu votre signalement n° ${id}`,
      `Votre signalement n° ${id} est maintenant : En cours`,
      `Nouvelle note sur votre signalement n° ${id}`,
      `Votre signalement n° ${id} est maintenant : Corrigé`,
      `Votre signalement n° ${id} est de nouveau ouvert`,
      `Votre signalement n° ${id} a été fusionné avec le signalement n° ${other.id}`,
    ]);
    expect(mails[1]!.text_body).toContain('Nous corrigeons les montants.');
    for (const m of mails) expect(m.text_body).toContain(`${t.app.config.baseUrl}/fr/problems/${id}`);
    // No contact address: no mail at all (the other report was filed without one).
    const withoutContact = await t.app.db
      .selectFrom('problem_reports')
      .select('contact_email')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(withoutContact.contact_email).toBeNull();
    const outbox = await t.app.db.selectFrom('mail_outbox').select('text_body').execute();
    expect(outbox.filter((m) => m.text_body.includes(`/problems/${other.id}\n`))).toHaveLength(0);
  });

  it('asks "is it really fixed?" 28 days after fixed, once, and not if the report changed meanwhile', async () => {
    const reporter = await person();
    const officer = official((await officialOf(serviceA.organisationId)).userId, [serviceA.organisationId]);
    const contact = `follow-up-${people}@example.org`;
    const fixedAt = new Date();
    const file = (description: string) =>
      createProblemReport(t.app.db, {
        serviceId: serviceA.id,
        reporterId: reporter.userId,
        category: 'error_message',
        description,
        contactEmail: contact,
        locale: 'en',
        source: 'web',
      });
    const { id } = await file('An error 500 after the last step.');
    await triageProblemReport(t.app.db, officer, id, { status: 'fixed', note: undefined }, CONTEXT, { now: fixedAt });
    const job = await t.app.db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('type', '=', PROBLEM_FOLLOW_UP_JOB)
      .where('dedupe_key', '=', `problem-follow-up:${id}:${fixedAt.toISOString()}`)
      .executeTakeFirstOrThrow();
    expect(job.run_at).toBe(new Date(fixedAt.getTime() + FOLLOW_UP_DELAY_MS).toISOString());

    // The worker, with a clock moved forward: nothing on day 27, the question on day 28.
    const handlers = new Map(Object.entries({ ...mailJobHandlers(t.app.config), [PROBLEM_FOLLOW_UP_JOB]: problemFollowUpJob }));
    const runAt = async (at: Date) => {
      const worker = new JobWorker(t.app.db, handlers, recordingLogger(), { now: () => at });
      while (await worker.runOnce());
    };
    const followUps = async () => (await mailsTo(contact)).filter((m) => m.subject.startsWith('Is the problem'));
    await runAt(new Date(fixedAt.getTime() + 27 * DAY));
    expect(await followUps()).toHaveLength(0);
    expect((await statusOf(id)).follow_up_sent_at).toBeNull();
    await runAt(new Date(fixedAt.getTime() + FOLLOW_UP_DELAY_MS + 60_000));
    const sent = await followUps();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text_body).toContain(`${t.app.config.baseUrl}/en/problems/${id}`);
    expect((await statusOf(id)).follow_up_sent_at).not.toBeNull();
    // Run again (delivery is at least once): still one.
    const ctx = { db: t.app.db, log: recordingLogger(), attempt: 2, jobId: 0 };
    await problemFollowUpJob({ reportId: id, fixedAt: fixedAt.toISOString() }, ctx);
    expect(await followUps()).toHaveLength(1);

    // A report reopened before the four weeks are up is not asked about.
    const second = await file('An error 404 on the receipt page.');
    expect(second.id).not.toBe(id);
    const secondFixedAt = new Date(fixedAt.getTime() + 1000);
    await triageProblemReport(t.app.db, officer, second.id, { status: 'fixed', note: undefined }, CONTEXT, { now: secondFixedAt });
    await reopenProblemReport(t.app.db, citizen(reporter.userId), second.id, undefined);
    await problemFollowUpJob({ reportId: second.id, fixedAt: secondFixedAt.toISOString() }, ctx);
    // Fixed again later: only the new fixed time's job asks.
    const againAt = new Date(fixedAt.getTime() + 5 * DAY);
    await triageProblemReport(t.app.db, officer, second.id, { status: 'fixed', note: undefined }, CONTEXT, { now: againAt });
    await problemFollowUpJob({ reportId: second.id, fixedAt: secondFixedAt.toISOString() }, ctx);
    expect((await statusOf(second.id)).follow_up_sent_at).toBeNull();
    await problemFollowUpJob({ reportId: second.id, fixedAt: againAt.toISOString() }, ctx);
    expect((await statusOf(second.id)).follow_up_sent_at).not.toBeNull();
    expect(await followUps()).toHaveLength(2);
    await expect(problemFollowUpJob({ reportId: 'x' }, ctx)).rejects.toMatchObject({ name: 'PermanentJobError' });

    // Reported through a partner application (no account to reopen with): asked to report it again.
    const partnerContact = `partner-${people}@example.org`;
    const viaOpen311 = await createProblemReport(t.app.db, {
      serviceId: serviceA.id,
      reporterId: null,
      category: 'other',
      description: 'Reported from a partner application.',
      contactEmail: partnerContact,
      contactName: 'Ana',
      locale: 'en',
      source: 'open311',
    });
    await triageProblemReport(t.app.db, officer, viaOpen311.id, { status: 'fixed', note: undefined }, CONTEXT, { now: fixedAt });
    await problemFollowUpJob({ reportId: viaOpen311.id, fixedAt: fixedAt.toISOString() }, ctx);
    const partnerMails = await mailsTo(partnerContact);
    expect(partnerMails.at(-1)!.subject).toMatch(/^Is the problem/);
    expect(partnerMails.at(-1)!.text_body).toContain('report it again');
  });

  it('reports a problem through the form: sign in first, errors keep the text, then the public page and list', async () => {
    const form = `/en/services/${serviceA.slug}/problems/new`;
    const anonymous = await t.app.inject({ url: form });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(form)}`);
    expect((await t.app.inject({ url: '/en/services/no-such-service/problems/new' })).statusCode).toBe(404);
    const reporter = await person();
    const count = async () =>
      Number(
        (
          await t.app.db
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
    const row = await t.app.db.selectFrom('problem_reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      contact_email: reporter.email,
      reporter_id: reporter.userId,
      source: 'web',
      status: 'open',
      category: 'error_message',
    });

    const page = await t.app.inject({ url: `/en/problems/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain(reporter.email);
    expect(page.body).not.toContain('Person ');
    const list = await t.app.inject({ url: `/en/services/${serviceA.slug}/problems` });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/en/problems/${id}"`);
    const filtered = await t.app.inject({ url: `/en/services/${serviceA.slug}/problems?status=fixed` });
    expect(filtered.body).not.toContain(`href="/en/problems/${id}"`);
    expect((await t.app.inject({ url: '/fr/problems/999999' })).statusCode).toBe(404);

    // The same report sent twice (a double click) is filed once.
    const again = await reporter.submit(form, form, { category: 'error_message', description, notify: 'yes' });
    expect(again.headers.location).toBe(ok.headers.location);
    const twice = await Promise.all([
      report(reporter.userId, serviceA.id, null, 'Sent twice at once by a double click.'),
      report(reporter.userId, serviceA.id, null, 'Sent twice at once by a double click.'),
    ]);
    expect(twice[0].id).toBe(twice[1].id);

    // Without "email me": no contact address is kept.
    const quiet = await reporter.submit(form, form, { category: 'other', description: 'The page is very slow to load.' });
    const quietId = Number(/\/problems\/(\d+)/.exec(quiet.headers.location as string)?.[1]);
    expect(
      (await t.app.db.selectFrom('problem_reports').select('contact_email').where('id', '=', quietId).executeTakeFirstOrThrow())
        .contact_email,
    ).toBeNull();

    // An unconfirmed email address may not report.
    const unverified = await person();
    await t.app.db.updateTable('users').set({ email_verified_at: null }).where('id', '=', unverified.userId).execute();
    expect((await unverified.get(form)).statusCode).toBe(403);
  });

  it('triages through the form: allowed statuses only, a clear 409 when someone changed it meanwhile, bad input writes nothing', async () => {
    const reporter = await person();
    const { id } = await report(reporter.userId);
    const other = await report(reporter.userId);
    const owner = await officialOf(serviceA.organisationId);
    const page = `/en/manage/problems/${id}`;
    const list = await owner.get('/en/manage/problems');
    expect(list.body).toContain(`href="${page}"`);
    const form = await owner.get(page);
    expect(form.body).toContain('name="expectedStatus" value="open"');
    expect(form.body).not.toContain(reporter.email);
    const events = async () =>
      (await t.app.db.selectFrom('problem_report_events').select('id').where('report_id', '=', id).execute()).length;
    const start = await events();

    const nothing = await owner.submit(page, page, { expectedStatus: 'open', status: '', note: '', duplicateOf: '' });
    expect(nothing.statusCode).toBe(422);
    const notAllowed = await owner.submit(page, page, { expectedStatus: 'open', status: 'open', note: 'Kept text', duplicateOf: '' });
    expect(notAllowed.statusCode).toBe(422);
    expect(notAllowed.body).toContain('Kept text');
    const noTarget = await owner.submit(page, page, { expectedStatus: 'open', status: 'duplicate', note: '', duplicateOf: '' });
    expect(noTarget.statusCode).toBe(422);
    const otherService = await report(reporter.userId, serviceB.id);
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
    const publicPage = await t.app.inject({ url: `/en/problems/${id}` });
    expect(publicPage.body).toContain(`href="/en/problems/${other.id}"`);
    expect(publicPage.body).toContain('Looking into it.');
    expect(await storedCounters(serviceA.id)).toEqual(await recountProblemCounters(t.app.db, serviceA.id));
  });
});
