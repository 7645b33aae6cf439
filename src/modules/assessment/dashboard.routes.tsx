/**
 * The officials' co-assessment dashboard: `/{locale}/manage/assessment` (the organisations the person
 * may open; an official of one goes straight to it), `/{locale}/manage/assessment/:orgSlug` (one
 * organisation: figures, services that need attention, the series of a `?service=`) and its CSV
 * export `…/:orgSlug/export.csv`. Object-level check on every one: 'dashboard.view' on the
 * organisation (its officials and admins). Signed-out visitors are sent to sign in.
 *
 * The figures are aggregates, the same for everyone allowed to see them: once authorised, a request
 * reads them from the data cache (per organisation and content generation, five minutes at most)
 * and the page body is shared (sendSharedPage, keyed by the URL, the viewer's one switch and the
 * day). The body holds no form with a token and nothing about the viewer. Never in the anonymous
 * page cache (a signed-out visitor never gets past the sign-in redirect).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { pick, translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { sendSharedPage } from '../../platform/shared-page.js';
import { localizedGet, redirectToSignIn } from '../../platform/routing.js';
import { assessmentActor } from './assessment.actor.js';
import { authorize, type AssessmentActor } from './assessment.policy.js';
import { dashboardCsv } from './dashboard-csv.js';
import {
  allOrganisations,
  findOrganisation,
  loadOrganisationFigures,
  organisationHeadlines,
  organisationsByIds,
  recentSeries,
  type OrganisationRef,
} from './dashboard.queries.js';
import { needsAttention } from './dashboard.rules.js';
import { parseSlugParam } from './results.routes.js';
import { DashboardIndexPage } from './views/dashboard-index.page.js';
import { DashboardPage, type DashboardRow } from './views/dashboard.page.js';
import { seriesPoints } from './views/series-chart.js';

/** Exports a person may download: a few an hour is plenty for a report, and bounds a scraper. */
const EXPORT_RATE_LIMIT = { max: 30, timeWindow: 60 * 60 * 1000 };

const dashboardQuery = z.object({
  service: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
    .optional()
    .catch(undefined),
});

const isAdmin = (actor: NonNullable<AssessmentActor>) => actor.roles.includes('admin');

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const defaultLocale = app.config.defaultLocale;

  /**
   * The actor of a dashboard request: signed-out visitors are sent to sign in (null returned), people
   * who are neither officials nor admins get 403.
   */
  const dashboardActor = async (request: FastifyRequest, reply: FastifyReply): Promise<NonNullable<AssessmentActor> | null> => {
    const actor = await assessmentActor(db, request.user);
    if (!actor) {
      await redirectToSignIn(request, reply);
      return null;
    }
    if (!isAdmin(actor) && !actor.roles.includes('official')) throw new AppError('forbidden', 'Not allowed');
    return actor;
  };

  /** The organisation of the URL, if the actor may read its dashboard (404 unknown, 403 not theirs). */
  const organisationFor = async (request: FastifyRequest, actor: NonNullable<AssessmentActor>): Promise<OrganisationRef> => {
    const slug = parseSlugParam(request.params, 'orgSlug');
    // Unknown slugs throw inside the loader: nothing is cached for them.
    const organisation = await app.contentCache.get(`assessment:organisation:${slug}`, async () => {
      const found = await findOrganisation(db, slug);
      if (!found) throw new AppError('not_found', 'No such organisation');
      return found;
    });
    authorize(actor, 'dashboard.view', organisation.id);
    return organisation;
  };

  /** Every service of the organisation with its figures (a fixed number of queries, cached for the content generation). */
  const organisationRows = (organisation: OrganisationRef, now: Date) =>
    app.contentCache.get(`assessment:dashboard:${organisation.id}`, async () => {
      const { services, byService, total } = await loadOrganisationFigures(db, organisation.id, 'dashboard', now);
      const rows: DashboardRow[] = services.map((service) => ({ id: service.id, service, figures: byService.get(service.id)! }));
      return { rows, total, attention: needsAttention(rows) };
    });

  localizedGet(app, '/manage/assessment', async (request, reply) => {
    const actor = await dashboardActor(request, reply);
    if (!actor) return reply;
    const organisations = isAdmin(actor) ? await allOrganisations(db) : await organisationsByIds(db, actor.organisationIds);
    if (!isAdmin(actor) && organisations.length === 0) throw new AppError('forbidden', 'Not allowed');
    if (!isAdmin(actor) && organisations.length === 1) {
      return reply.redirect(`/${request.locale}/manage/assessment/${organisations[0]!.slug}`, 303);
    }
    const headlines = new Map((await organisationHeadlines(db)).map((h) => [h.id, h.kpis]));
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <DashboardIndexPage
        organisations={organisations.map((o) => ({ ...o, kpis: headlines.get(o.id) ?? null }))}
        defaultLocale={defaultLocale}
      />,
      { title: t('dashboard.index.title'), cacheable: false },
    );
  });

  localizedGet(app, '/manage/assessment/:orgSlug', async (request, reply) => {
    const actor = await dashboardActor(request, reply);
    if (!actor) return reply;
    const organisation = await organisationFor(request, actor);
    const now = new Date();
    const { rows, total, attention } = await organisationRows(organisation, now);
    const { service } = dashboardQuery.parse(request.query ?? {});
    const selected = rows.find((r) => r.service.slug === service)?.service ?? null;
    const series = await app.contentCache.get(`assessment:dashboard:${organisation.id}:series:${selected?.id ?? 'all'}`, () =>
      recentSeries(db, selected ? [selected.id] : rows.map((r) => r.id), now),
    );
    const severalOrganisations = isAdmin(actor) || actor.organisationIds.length > 1;
    const t = translator(request.locale);
    return sendSharedPage(
      request,
      reply,
      `dashboard\n${organisation.id}\n${selected?.id ?? 'all'}\nseveral=${severalOrganisations}\nday=${now.toISOString().slice(0, 10)}`,
      () => (
        <DashboardPage
          organisation={organisation}
          total={total}
          rows={rows}
          attention={attention}
          selected={selected}
          series={seriesPoints(series)}
          severalOrganisations={severalOrganisations}
          defaultLocale={defaultLocale}
        />
      ),
      { title: t('dashboard.title', { name: pick(organisation.name, request.locale, defaultLocale) }), cacheable: false },
    );
  });

  localizedGet(
    app,
    '/manage/assessment/:orgSlug/export.csv',
    async (request, reply) => {
      const actor = await dashboardActor(request, reply);
      if (!actor) return reply;
      const organisation = await organisationFor(request, actor);
      const { rows } = await organisationRows(organisation, new Date());
      const body = dashboardCsv(
        rows.map((r) => ({ service: r.service, figures: r.figures })),
        request.locale,
        defaultLocale,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="assessment-${organisation.slug}-${new Date().toISOString().slice(0, 10)}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(`\uFEFF${body}`);
    },
    { config: { rateLimit: EXPORT_RATE_LIMIT } },
  );
}
