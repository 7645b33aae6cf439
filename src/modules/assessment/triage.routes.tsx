/**
 * Routes: officials' triage of problem reports — the list of the reports on their organisations'
 * e-services (every one for admins) and one report's page with the form that changes its status,
 * adds a public note or marks it a duplicate. Thin: who is asking → policy → triageProblemReport
 * (audited) → render, or 303 after a POST. Every page is personal, so none is cached.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { pick, translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { organisationNamesByIds } from '../territory/index.js';
import { PROBLEM_STATUSES, type ProblemStatus } from './assessment.model.js';
import { assessmentActor } from './assessment.actor.js';
import { authorize, type AssessmentActor } from './assessment.policy.js';
import { duplicateCandidates, listTriageProblems, servicesWithProblems } from './problems.queries.js';
import { checkTriageForm, idParams, triageForm, triageListQuery, triageQuery } from './problems.schemas.js';
import { findProblemReport, listProblemEvents, triageProblemReport } from './problems.service.js';
import { TriageListPage } from './views/triage-list.page.js';
import { TriagePage, type TriageFormErrors, type TriageFormValues } from './views/triage.page.js';

const PER_PAGE = 25;
const HOUR = 60 * 60 * 1000;

/** Mounts the triage pages (called by problemsRoutes). */
export async function triageRoutes(app: FastifyInstance): Promise<void> {
  const { defaultLocale } = app.config;
  const errorTitle = (request: FastifyRequest, title: string) => translator(request.locale)('problems.errorTitle', { title });

  /** The signed-in official or admin (others: 403; a signed-out visitor of a page: sign in first). */
  const triager = async (request: FastifyRequest, reply: FastifyReply): Promise<NonNullable<AssessmentActor> | null> => {
    if (!request.user && request.method === 'GET') {
      await redirectToSignIn(request, reply);
      return null;
    }
    const actor = await assessmentActor(app.db, request.user);
    if (!actor) throw new AppError('unauthorized', 'Sign in first');
    if (!actor.roles.includes('admin') && !(actor.roles.includes('official') && actor.organisationIds.length > 0)) {
      throw new AppError('forbidden', 'Not allowed');
    }
    return actor;
  };
  const scopeOf = (actor: NonNullable<AssessmentActor>) => (actor.roles.includes('admin') ? ('all' as const) : actor.organisationIds);

  localizedGet(app, '/manage/problems', async (request, reply) => {
    const actor = await triager(request, reply);
    if (!actor) return reply;
    const query = triageListQuery.parse(request.query ?? {});
    const scope = scopeOf(actor);
    const [list, services] = await Promise.all([
      listTriageProblems(app.db, scope, { status: query.status, service: query.service, page: query.page, perPage: PER_PAGE }),
      servicesWithProblems(app.db, scope),
    ]);
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <TriageListPage
        rows={list.rows}
        total={list.total}
        perPage={PER_PAGE}
        query={query}
        services={services}
        now={new Date()}
        defaultLocale={defaultLocale}
      />,
      { title: t('problems.manage.title'), cacheable: false },
    );
  });

  /** The triage page of a report the actor may triage (another organisation's: 403). */
  const sendTriage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    actor: NonNullable<AssessmentActor>,
    id: number,
    state: { values?: TriageFormValues; errors?: TriageFormErrors; conflict?: boolean; done?: boolean; status?: number } = {},
  ) => {
    const report = await findProblemReport(app.db, id);
    if (!report) throw new AppError('not_found', 'No such report');
    authorize(actor, 'problem.triage', report.organisation_id);
    const [events, names, candidates] = await Promise.all([
      listProblemEvents(app.db, id),
      organisationNamesByIds(app.db, [report.organisation_id]),
      duplicateCandidates(app.db, report.service_id, id),
    ]);
    const locale = request.locale;
    const t = translator(locale);
    const title = t('problems.triage.title', { id });
    const status = state.status ?? 200;
    return sendPage(
      request,
      reply,
      <TriagePage
        report={report}
        serviceName={pick(report.service_name, locale, defaultLocale) || report.service_slug}
        organisationName={pick(names.get(report.organisation_id) ?? '', locale, defaultLocale)}
        events={events}
        candidates={candidates}
        values={state.values ?? { status: '', note: '', duplicateOf: '' }}
        errors={state.errors ?? {}}
        conflict={state.conflict}
        done={state.done}
      />,
      { title: status === 200 ? title : errorTitle(request, title), status, cacheable: false },
    );
  };

  localizedGet(app, '/manage/problems/:id', async (request, reply) => {
    const actor = await triager(request, reply);
    if (!actor) return reply;
    const { id } = parseOrReject(idParams, request.params);
    const { done } = triageQuery.parse(request.query ?? {});
    return sendTriage(request, reply, actor, id, { done: done === 'saved' });
  });

  localizedPost(
    app,
    '/manage/problems/:id',
    async (request, reply) => {
      const actor = (await triager(request, reply))!;
      const { id } = parseOrReject(idParams, request.params);
      const report = await findProblemReport(app.db, id);
      if (!report) throw new AppError('not_found', 'No such report');
      authorize(actor, 'problem.triage', report.organisation_id);
      const form = triageForm.parse(request.body ?? {});
      const values: TriageFormValues = { status: form.status, note: form.note, duplicateOf: form.duplicateOf };
      const expected = z.enum(PROBLEM_STATUSES).safeParse(form.expectedStatus);
      if (!expected.success) throw new AppError('bad_request', 'Invalid parameters');
      if (expected.data !== report.status) return sendTriage(request, reply, actor, id, { values, conflict: true, status: 409 });
      const errors = checkTriageForm(values, report.status);
      if (Object.keys(errors).length > 0) return sendTriage(request, reply, actor, id, { values, errors, status: 422 });
      try {
        await triageProblemReport(
          app.db,
          actor,
          id,
          {
            ...(values.status ? { status: values.status as ProblemStatus } : {}),
            note: values.note.trim() || undefined,
            ...(values.status === 'duplicate' ? { duplicateOf: Number(values.duplicateOf) } : {}),
            expectedStatus: expected.data,
          },
          auditContext(request),
        );
      } catch (err) {
        if (err instanceof AppError && err.code === 'conflict')
          return sendTriage(request, reply, actor, id, { values, conflict: true, status: 409 });
        if (err instanceof AppError && err.code === 'validation_failed') {
          const field = err.fields[0]?.field === 'duplicateOf' ? 'duplicateOf' : 'status';
          const message: MessageKey =
            field === 'duplicateOf' ? 'problems.triage.errors.duplicateInvalid' : 'problems.triage.errors.statusNotAllowed';
          return sendTriage(request, reply, actor, id, { values, errors: { [field]: message }, status: 422 });
        }
        throw err;
      }
      return reply.redirect(`/${request.locale}/manage/problems/${id}?done=saved`, 303);
    },
    { config: { rateLimit: { max: 120, timeWindow: HOUR } } },
  );
}
