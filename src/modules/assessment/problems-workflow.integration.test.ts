/**
 * Problem reports, the workflow in the service layer: the allowed status moves (others refused,
 * writing nothing), merging duplicates within a service, and the problem counters, which stay equal
 * to a recount after any sequence of reports, triage and reopening (a property test).
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support.js';
import { PROBLEM_STATUSES, type ProblemStatus } from './assessment.model.js';
import { recountProblemCounters } from './problems.queries.js';
import { reopenProblemReport, triageProblemReport } from './problems.service.js';
import { citizen, official } from './testing.js';
import { CONTEXT, useProblemsApp } from './testing/problems-app.js';

describeEachDatabase('co-assessment: problem reports, workflow and counters', (dialect) => {
  const f = useProblemsApp(dialect);
  const { person, officialOf, report, storedCounters, statusOf } = f;

  it('follows the status workflow: allowed moves succeed, others are refused and write nothing', async () => {
    const reporter = await person();
    const officer = official((await officialOf(f.serviceA.organisationId)).userId, [f.serviceA.organisationId]);
    const { id } = await report(reporter.userId);
    const events = async () =>
      (await f.app.db.selectFrom('problem_report_events').select('kind').where('report_id', '=', id).execute()).length;

    await triageProblemReport(f.app.db, officer, id, { status: 'acknowledged', note: undefined }, CONTEXT);
    await triageProblemReport(f.app.db, officer, id, { status: 'in_progress', note: 'We are on it.' }, CONTEXT);
    await triageProblemReport(f.app.db, officer, id, { status: 'fixed', note: undefined }, CONTEXT);
    expect((await statusOf(id)).status).toBe('fixed');
    const before = await events();
    // fixed → acknowledged is not in the workflow.
    await expect(triageProblemReport(f.app.db, officer, id, { status: 'acknowledged', note: 'x' }, CONTEXT)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    // A stale form: someone else changed the status meanwhile.
    await expect(
      triageProblemReport(f.app.db, officer, id, { status: 'in_progress', note: undefined, expectedStatus: 'open' }, CONTEXT),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await events()).toBe(before);
    expect((await statusOf(id)).status).toBe('fixed');
    await triageProblemReport(f.app.db, officer, id, { status: 'in_progress', note: undefined }, CONTEXT);
    await triageProblemReport(f.app.db, officer, id, { status: 'wont_fix', note: 'Not ours: the bank runs it.' }, CONTEXT);
    await triageProblemReport(f.app.db, officer, id, { status: 'open', note: undefined }, CONTEXT);
    expect((await statusOf(id)).status).toBe('open');
    const audited = await f.app.db
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
    expect(await storedCounters(f.serviceA.id)).toEqual(await recountProblemCounters(f.app.db, f.serviceA.id));
  });

  it('merges a report only into another report of the same service that is not a duplicate', async () => {
    const reporter = await person();
    const officer = official((await officialOf(f.serviceB.organisationId)).userId, [f.serviceB.organisationId]);
    const first = await report(reporter.userId, f.serviceB.id);
    const second = await report(reporter.userId, f.serviceB.id);
    const third = await report(reporter.userId, f.serviceB.id);
    const elsewhere = await report(reporter.userId, f.serviceB2.id);
    const merge = (id: number, into: number) =>
      triageProblemReport(f.app.db, officer, id, { status: 'duplicate', note: undefined, duplicateOf: into }, CONTEXT);
    await expect(merge(second.id, second.id)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(merge(second.id, elsewhere.id)).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(merge(second.id, 999_999)).rejects.toMatchObject({ code: 'validation_failed' });
    await merge(second.id, first.id);
    expect(await statusOf(second.id)).toMatchObject({ status: 'duplicate', duplicate_of: first.id });
    const merged = await f.app.db
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
    await triageProblemReport(f.app.db, officer, second.id, { status: 'open', note: undefined }, CONTEXT);
    expect(await statusOf(second.id)).toMatchObject({ status: 'open', duplicate_of: null });
    for (const s of [f.serviceB.id, f.serviceB2.id]) expect(await storedCounters(s)).toEqual(await recountProblemCounters(f.app.db, s));
  });

  it('keeps the problem counters equal to a recount after any sequence of reports, triage and reopening', async () => {
    const reporter = await person();
    const me = citizen(reporter.userId);
    const officer = official((await officialOf(f.serviceB2.organisationId)).userId, [f.serviceB2.organisationId]);
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
            if (s.kind === 'create' || ids.length === 0) ids.push((await report(me.id, f.serviceB2.id)).id);
            else if (s.kind === 'triage') {
              const id = ids[s.pick % ids.length]!;
              const into = ids[s.into % ids.length]!;
              await triageProblemReport(
                f.app.db,
                officer,
                id,
                { status: s.status as ProblemStatus, note: undefined, duplicateOf: into },
                CONTEXT,
              );
            } else await reopenProblemReport(f.app.db, me, ids[s.pick % ids.length]!, undefined);
          } catch (err) {
            // Refused moves are part of the game; they must leave everything as it was.
            expect((err as { code?: string }).code).toMatch(/^(validation_failed|conflict)$/);
          }
        }
        expect(await storedCounters(f.serviceB2.id)).toEqual(await recountProblemCounters(f.app.db, f.serviceB2.id));
      }),
      { numRuns: 15 },
    );
  });
});
