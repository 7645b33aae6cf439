/**
 * Problem reports, the mails to the contact address: one per event, in the report's language, none
 * without an address or for what an official did themselves; and the "is it really fixed?" follow-up
 * four weeks after fixed, sent once by the job worker, and not if the report changed meanwhile.
 */
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { JobWorker } from '../../platform/jobs.js';
import { mailJobHandlers } from '../../platform/mail.js';
import { recordingLogger } from '../../platform/testing-logger.js';
import { FOLLOW_UP_DELAY_MS, PROBLEM_FOLLOW_UP_JOB, problemFollowUpJob } from './problem-follow-up.js';
import { createProblemReport, reopenProblemReport, triageProblemReport } from './problems.service.js';
import { citizen, official } from './testing.js';
import { CONTEXT, useProblemsApp } from './testing/problems-app.js';

const DAY = 24 * 60 * 60 * 1000;

describeEachDatabase('co-assessment: problem reports, mails', (dialect) => {
  const f = useProblemsApp(dialect);
  const { person, officialOf, report, statusOf, mailsTo } = f;

  it('emails the contact address once per event, in the report’s language, and never when there is none', async () => {
    const reporter = await person();
    const officerUser = await officialOf(f.serviceA.organisationId);
    const officer = official(officerUser.userId, [f.serviceA.organisationId]);
    const contact = `contact-${f.people}@example.org`;
    const { id } = await createProblemReport(f.app.db, {
      serviceId: f.serviceA.id,
      reporterId: reporter.userId,
      category: 'outdated',
      description: 'The page still lists last year’s amounts.',
      contactEmail: contact,
      locale: 'fr',
      source: 'web',
    });
    await triageProblemReport(f.app.db, officer, id, { status: 'in_progress', note: 'Nous corrigeons les montants.' }, CONTEXT);
    await triageProblemReport(f.app.db, officer, id, { note: 'Encore quelques jours.' }, CONTEXT);
    await triageProblemReport(f.app.db, officer, id, { status: 'fixed', note: undefined }, CONTEXT);
    await reopenProblemReport(f.app.db, citizen(reporter.userId), id, undefined);
    const other = await report(reporter.userId);
    await triageProblemReport(f.app.db, officer, id, { status: 'duplicate', note: undefined, duplicateOf: other.id }, CONTEXT);
    // An official who reports a problem with their own service is not emailed about what they did themselves.
    const ownContact = `own-${f.people}@example.org`;
    const own = await createProblemReport(f.app.db, {
      serviceId: f.serviceA.id,
      reporterId: officerUser.userId,
      category: 'outdated',
      description: 'Our own page shows last year’s form.',
      contactEmail: ownContact,
      locale: 'en',
      source: 'web',
    });
    await triageProblemReport(f.app.db, officer, own.id, { status: 'fixed', note: 'Done.' }, CONTEXT);
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
    for (const m of mails) expect(m.text_body).toContain(`${f.app.config.baseUrl}/fr/problems/${id}`);
    // No contact address: no mail at all (the other report was filed without one).
    const withoutContact = await f.app.db
      .selectFrom('problem_reports')
      .select('contact_email')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(withoutContact.contact_email).toBeNull();
    const outbox = await f.app.db.selectFrom('mail_outbox').select('text_body').execute();
    expect(outbox.filter((m) => m.text_body.includes(`/problems/${other.id}\n`))).toHaveLength(0);
  });

  it('asks "is it really fixed?" 28 days after fixed, once, and not if the report changed meanwhile', async () => {
    const reporter = await person();
    const officer = official((await officialOf(f.serviceA.organisationId)).userId, [f.serviceA.organisationId]);
    const contact = `follow-up-${f.people}@example.org`;
    const fixedAt = new Date();
    const file = (description: string) =>
      createProblemReport(f.app.db, {
        serviceId: f.serviceA.id,
        reporterId: reporter.userId,
        category: 'error_message',
        description,
        contactEmail: contact,
        locale: 'en',
        source: 'web',
      });
    const { id } = await file('An error 500 after the last step.');
    await triageProblemReport(f.app.db, officer, id, { status: 'fixed', note: undefined }, CONTEXT, { now: fixedAt });
    const job = await f.app.db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('type', '=', PROBLEM_FOLLOW_UP_JOB)
      .where('dedupe_key', '=', `problem-follow-up:${id}:${fixedAt.toISOString()}`)
      .executeTakeFirstOrThrow();
    expect(job.run_at).toBe(new Date(fixedAt.getTime() + FOLLOW_UP_DELAY_MS).toISOString());

    // The worker, with a clock moved forward: nothing on day 27, the question on day 28.
    const handlers = new Map(Object.entries({ ...mailJobHandlers(f.app.config), [PROBLEM_FOLLOW_UP_JOB]: problemFollowUpJob }));
    const runAt = async (at: Date) => {
      const worker = new JobWorker(f.app.db, handlers, recordingLogger(), { now: () => at });
      while (await worker.runOnce());
    };
    const followUps = async () => (await mailsTo(contact)).filter((m) => m.subject.startsWith('Is the problem'));
    await runAt(new Date(fixedAt.getTime() + 27 * DAY));
    expect(await followUps()).toHaveLength(0);
    expect((await statusOf(id)).follow_up_sent_at).toBeNull();
    await runAt(new Date(fixedAt.getTime() + FOLLOW_UP_DELAY_MS + 60_000));
    const sent = await followUps();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text_body).toContain(`${f.app.config.baseUrl}/en/problems/${id}`);
    expect((await statusOf(id)).follow_up_sent_at).not.toBeNull();
    // Run again (delivery is at least once): still one.
    const ctx = { db: f.app.db, log: recordingLogger(), attempt: 2, jobId: 0 };
    await problemFollowUpJob({ reportId: id, fixedAt: fixedAt.toISOString() }, ctx);
    expect(await followUps()).toHaveLength(1);

    // A report reopened before the four weeks are up is not asked about.
    const second = await file('An error 404 on the receipt page.');
    expect(second.id).not.toBe(id);
    const secondFixedAt = new Date(fixedAt.getTime() + 1000);
    await triageProblemReport(f.app.db, officer, second.id, { status: 'fixed', note: undefined }, CONTEXT, { now: secondFixedAt });
    await reopenProblemReport(f.app.db, citizen(reporter.userId), second.id, undefined);
    await problemFollowUpJob({ reportId: second.id, fixedAt: secondFixedAt.toISOString() }, ctx);
    // Fixed again later: only the new fixed time's job asks.
    const againAt = new Date(fixedAt.getTime() + 5 * DAY);
    await triageProblemReport(f.app.db, officer, second.id, { status: 'fixed', note: undefined }, CONTEXT, { now: againAt });
    await problemFollowUpJob({ reportId: second.id, fixedAt: secondFixedAt.toISOString() }, ctx);
    expect((await statusOf(second.id)).follow_up_sent_at).toBeNull();
    await problemFollowUpJob({ reportId: second.id, fixedAt: againAt.toISOString() }, ctx);
    expect((await statusOf(second.id)).follow_up_sent_at).not.toBeNull();
    expect(await followUps()).toHaveLength(2);
    await expect(problemFollowUpJob({ reportId: 'x' }, ctx)).rejects.toMatchObject({ name: 'PermanentJobError' });

    // Reported through a partner application (no account to reopen with): asked to report it again.
    const partnerContact = `partner-${f.people}@example.org`;
    const viaOpen311 = await createProblemReport(f.app.db, {
      serviceId: f.serviceA.id,
      reporterId: null,
      category: 'other',
      description: 'Reported from a partner application.',
      contactEmail: partnerContact,
      contactName: 'Ana',
      locale: 'en',
      source: 'open311',
    });
    await triageProblemReport(f.app.db, officer, viaOpen311.id, { status: 'fixed', note: undefined }, CONTEXT, { now: fixedAt });
    await problemFollowUpJob({ reportId: viaOpen311.id, fixedAt: fixedAt.toISOString() }, ctx);
    const partnerMails = await mailsTo(partnerContact);
    expect(partnerMails.at(-1)!.subject).toMatch(/^Is the problem/);
    expect(partnerMails.at(-1)!.text_body).toContain('report it again');
  });
});
