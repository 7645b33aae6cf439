/**
 * The public results of co-assessment, for everyone: `/{locale}/results` (every organisation with
 * its headline numbers), `/{locale}/organisations/:slug/results` and `/{locale}/services/:slug/results`.
 * Only aggregates, read from the counters (a handful of bounded queries, never a recount), so the
 * pages name nobody. The figures are kept in the data cache for the content generation (at most five
 * minutes: open problems are counted by age), and the bodies, the same for every viewer, are shared
 * (sendSharedPage), keyed by the URL and the day.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { pick, translator } from '../../platform/i18n.js';
import { sendSharedPage } from '../../platform/shared-page.js';
import { localizedGet } from '../../platform/routing.js';
import {
  findOrganisation,
  findPublishedService,
  loadFigures,
  loadOrganisationFigures,
  organisationHeadlines,
  organisationsByIds,
  recentSeries,
} from './dashboard.queries.js';
import { OrganisationResultsPage } from './views/results-organisation.page.js';
import { ResultsIndexPage } from './views/results-index.page.js';
import { ServiceResultsPage } from './views/results.page.js';
import { seriesPoints } from './views/series-chart.js';

/** A slug in a path; anything else names nothing (404). */
export const slugParams = z.object({
  slug: z
    .string()
    .max(80)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});

export function parseSlugParam(params: unknown, what = 'slug'): string {
  const parsed = z.object({ [what]: slugParams.shape.slug }).safeParse(params);
  if (!parsed.success) throw new AppError('not_found', 'Not found');
  return parsed.data[what] as string;
}

/** The shared body's key: the URL and the day (ages of open problems change with the date). */
const bodyKey = (url: string, now: Date) => `${url}\nday=${now.toISOString().slice(0, 10)}`;

export async function resultsRoutes(app: FastifyInstance): Promise<void> {
  const defaultLocale = app.config.defaultLocale;

  localizedGet(app, '/results', async (request, reply) => {
    const organisations = await app.contentCache.get('assessment:results-index', () => organisationHeadlines(app.db));
    const t = translator(request.locale);
    return sendSharedPage(
      request,
      reply,
      request.url,
      () => <ResultsIndexPage organisations={organisations} defaultLocale={defaultLocale} />,
      {
        title: t('results.index.title'),
        description: t('results.index.lead'),
      },
    );
  });

  localizedGet(app, '/organisations/:slug/results', async (request, reply) => {
    const slug = parseSlugParam(request.params);
    const now = new Date();
    // Unknown slugs throw inside the loader: nothing is cached for them.
    const { organisation, services, byService, total, series } = await app.contentCache.get(
      `assessment:results:organisation:${slug}`,
      async () => {
        const organisation = await findOrganisation(app.db, slug);
        if (!organisation) throw new AppError('not_found', 'No such organisation');
        const figures = await loadOrganisationFigures(app.db, organisation.id, 'public', now);
        const ids = figures.services.map((s) => s.id);
        return { organisation, ...figures, series: await recentSeries(app.db, ids, now) };
      },
    );
    const t = translator(request.locale);
    const name = pick(organisation.name, request.locale, defaultLocale);
    return sendSharedPage(
      request,
      reply,
      bodyKey(request.url, now),
      () => (
        <OrganisationResultsPage
          organisation={organisation}
          total={total}
          services={services.map((service) => ({ service, figures: byService.get(service.id)! }))}
          series={seriesPoints(series)}
          defaultLocale={defaultLocale}
        />
      ),
      { title: t('results.organisation.title', { name }), description: t('results.organisation.lead', { count: services.length }) },
    );
  });

  localizedGet(app, '/services/:slug/results', async (request, reply) => {
    const slug = parseSlugParam(request.params);
    const now = new Date();
    // Drafts, withdrawn and unknown services throw inside the loader: nothing is cached for them.
    const { service, total, series, organisation } = await app.contentCache.get(`assessment:results:service:${slug}`, async () => {
      const service = await findPublishedService(app.db, slug);
      if (!service) throw new AppError('not_found', 'No such service');
      const [{ total }, series, [organisation]] = await Promise.all([
        loadFigures(app.db, [service.id], now),
        recentSeries(app.db, [service.id], now),
        organisationsByIds(app.db, [service.organisationId]),
      ]);
      return { service, total, series, organisation };
    });
    const t = translator(request.locale);
    const name = pick(service.name, request.locale, defaultLocale) || service.slug;
    return sendSharedPage(
      request,
      reply,
      bodyKey(request.url, now),
      () => (
        <ServiceResultsPage
          service={service}
          organisation={organisation ?? null}
          figures={total}
          series={seriesPoints(series)}
          defaultLocale={defaultLocale}
        />
      ),
      { title: t('results.service.title', { name }), description: t('results.service.lead') },
    );
  });
}
