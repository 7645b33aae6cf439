/**
 * Routes: problem reports. Citizens report a problem with an e-service (signed in, verified email),
 * everyone reads a service's reports and each report's public timeline, the reporter of a report
 * marked fixed may reopen it; officials' triage pages are in triage.routes.tsx, mounted from here.
 * Thin: parse → authorize → one service function → render, or 303 after a POST.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';
import { pick, translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { getPublishedServiceRef } from '../catalogue/index.js';
import { organisationNamesByIds } from '../territory/index.js';
import { NOTE_MAX, PROBLEM_CATEGORIES } from './assessment.model.js';
import { assessmentActor } from './assessment.actor.js';
import { authorize } from './assessment.policy.js';
import { configureProblemMail } from './problem-emails.js';
import { listServiceProblems } from './problems.queries.js';
import { checkProblemForm, idParams, listQuery, problemForm, reopenForm, reportQuery, slugParams } from './problems.schemas.js';
import { createProblemReport, findProblemReport, listProblemEvents, reopenProblemReport } from './problems.service.js';
import { triageRoutes } from './triage.routes.js';
import { ProblemFormPage, type ProblemFormErrors, type ProblemFormValues } from './views/problem-form.page.js';
import { ProblemListPage } from './views/problem-list.page.js';
import { ProblemPage, type ProblemOutcome } from './views/problem.page.js';

const PER_PAGE = 25;
const HOUR = 60 * 60 * 1000;

export async function problemsRoutes(app: FastifyInstance): Promise<void> {
  const { defaultLocale } = app.config;
  configureProblemMail(app.db, { baseUrl: app.config.baseUrl, defaultLocale });

  const errorTitle = (request: FastifyRequest, title: string) => translator(request.locale)('problems.errorTitle', { title });

  // ---- Reporting a problem ------------------------------------------------------------------

  const sendForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    values: ProblemFormValues,
    errors: ProblemFormErrors,
  ) => {
    const service = await getPublishedServiceRef(app.db, slug);
    const t = translator(request.locale);
    const invalid = Object.keys(errors).length > 0;
    const title = t('problems.form.title');
    return sendPage(
      request,
      reply,
      <ProblemFormPage
        service={{ slug, name: pick(service.name, request.locale, defaultLocale) || slug }}
        values={values}
        errors={errors}
        email={request.user!.email}
      />,
      { title: invalid ? errorTitle(request, title) : title, status: invalid ? 422 : 200, cacheable: false },
    );
  };

  localizedGet(app, '/services/:slug/problems/new', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    await getPublishedServiceRef(app.db, slug);
    if (!request.user) return redirectToSignIn(request, reply);
    authorize(await assessmentActor(app.db, request.user), 'assess');
    return sendForm(request, reply, slug, { category: '', description: '', notify: true }, {});
  });

  localizedPost(
    app,
    '/services/:slug/problems/new',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      const actor = await assessmentActor(app.db, request.user);
      authorize(actor, 'assess');
      const service = await getPublishedServiceRef(app.db, slug);
      const form = problemForm.parse(request.body ?? {});
      const values: ProblemFormValues = { category: form.category, description: form.description, notify: form.notify === 'yes' };
      const errors = checkProblemForm(values);
      if (Object.keys(errors).length > 0) return sendForm(request, reply, slug, values, errors);
      const { id } = await createProblemReport(app.db, {
        serviceId: service.id,
        category: values.category as (typeof PROBLEM_CATEGORIES)[number],
        description: values.description.trim(),
        contactEmail: values.notify ? request.user!.email : null,
        contactName: null,
        reporterId: actor.id,
        locale: request.locale,
        source: 'web',
      });
      return reply.redirect(`/${request.locale}/problems/${id}?done=created`, 303);
    },
    { config: { rateLimit: { max: 20, timeWindow: HOUR } } },
  );

  // ---- Public pages -------------------------------------------------------------------------

  localizedGet(app, '/services/:slug/problems', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    const query = listQuery.parse(request.query ?? {});
    const service = await getPublishedServiceRef(app.db, slug);
    const list = await listServiceProblems(app.db, service.id, { status: query.status, page: query.page, perPage: PER_PAGE });
    const name = pick(service.name, request.locale, defaultLocale) || slug;
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <ProblemListPage
        service={{ slug, name }}
        rows={list.rows}
        total={list.total}
        page={query.page}
        perPage={PER_PAGE}
        status={query.status}
      />,
      { title: t('problems.list.title', { service: name }) },
    );
  });

  /** A report whose service is public, or not_found (a withdrawn service's reports go with it). */
  const publicReport = async (id: number) => {
    const report = await findProblemReport(app.db, id);
    if (!report || report.service_status !== 'published') throw new AppError('not_found', 'No such report');
    return report;
  };

  const sendReport = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    options: { done?: ProblemOutcome | undefined; reopen?: { note: string; error: MessageKey } } = {},
  ) => {
    const report = await publicReport(id);
    const [events, names] = await Promise.all([listProblemEvents(app.db, id), organisationNamesByIds(app.db, [report.organisation_id])]);
    const locale = request.locale;
    const t = translator(locale);
    const askFixed = report.status === 'fixed' && request.user !== null && report.reporter_id === request.user.id;
    const title = t('problems.report.title', { id });
    return sendPage(
      request,
      reply,
      <ProblemPage
        report={report}
        serviceName={pick(report.service_name, locale, defaultLocale) || report.service_slug}
        organisationName={pick(names.get(report.organisation_id) ?? '', locale, defaultLocale)}
        events={events}
        askFixed={askFixed}
        done={options.done}
        reopen={options.reopen}
      />,
      { title: options.reopen ? errorTitle(request, title) : title, status: options.reopen ? 422 : 200 },
    );
  };

  localizedGet(app, '/problems/:id', async (request, reply) => {
    const { id } = parseOrReject(idParams, request.params);
    const { done } = reportQuery.parse(request.query ?? {});
    return sendReport(request, reply, id, { done });
  });

  localizedPost(
    app,
    '/problems/:id/reopen',
    async (request, reply) => {
      const { id } = parseOrReject(idParams, request.params);
      const actor = await assessmentActor(app.db, request.user);
      authorize(actor, 'assess');
      await publicReport(id);
      const { note } = reopenForm.parse(request.body ?? {});
      if (note.trim().length > NOTE_MAX)
        return sendReport(request, reply, id, { reopen: { note, error: 'problems.report.fixed.errors.noteLong' } });
      await reopenProblemReport(app.db, actor, id, note.trim() || undefined);
      return reply.redirect(`/${request.locale}/problems/${id}?done=reopened`, 303);
    },
    { config: { rateLimit: { max: 20, timeWindow: HOUR } } },
  );

  await triageRoutes(app);
}
