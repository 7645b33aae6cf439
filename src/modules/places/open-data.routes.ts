/**
 * The directory as open data, in the national schemas (public, no token: it is the public directory):
 * - `GET /api/v1/places.csv`: every place in the "lieux de médiation numérique" Table Schema;
 * - `GET /api/v1/places/data-inclusion/structures.json` and `…/services.json`: data·inclusion v1.
 * Each body is built once per content generation (app.contentCache) and rate-limited like exports.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { translator } from '../../platform/i18n.js';
import { placeToServices, placeToStructure, type DataInclusionOptions } from './data-inclusion.js';
import { placesForExport } from './open-data.queries.js';
import { placesToLieuxCsv } from './places-csv.js';
import { codesFromJson } from './places.model.js';

/** Exports are heavier than pages: at most 30 an hour per client. */
export const EXPORT_RATE_LIMIT = { max: 30, timeWindow: 60 * 60 * 1000 };

export async function placesOpenDataRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const { baseUrl, locales, defaultLocale } = app.config;
  // The national schemas are French: link to the French pages when the site has them.
  const locale = locales.includes('fr') ? 'fr' : defaultLocale;
  const platformName = translator(locale)('meta.siteName');
  const options: DataInclusionOptions = {
    platformName,
    placeUrl: (slug) => `${baseUrl}/${locale}/places/${encodeURIComponent(slug)}`,
    appointmentsUrl: (slug) => `${baseUrl}/${locale}/places/${encodeURIComponent(slug)}/appointments`,
  };

  const open = (reply: FastifyReply, type: string) =>
    reply.type(type).header('access-control-allow-origin', '*').header('cache-control', 'public, max-age=300');

  app.get('/api/v1/places.csv', { config: { rateLimit: EXPORT_RATE_LIMIT } }, async (_request, reply) => {
    const body = await app.contentCache.get('places.open-data.csv', async () => {
      const places = await placesForExport(db);
      const bySlug = new Map(places.map((p) => [p.slug, codesFromJson('accessModes', p.access_modes).includes('online_booking')]));
      return placesToLieuxCsv(places, {
        platformName,
        appointmentsUrl: (slug) => (bySlug.get(slug) ? options.appointmentsUrl(slug) : null),
      });
    });
    return open(reply, 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="lieux-mediation-numerique.csv"')
      .send(body);
  });

  app.get('/api/v1/places/data-inclusion/structures.json', { config: { rateLimit: EXPORT_RATE_LIMIT } }, async (_request, reply) => {
    const body = await app.contentCache.get('places.open-data.structures', async () =>
      JSON.stringify((await placesForExport(db)).map((p) => placeToStructure(p, options))),
    );
    return open(reply, 'application/json; charset=utf-8').send(body);
  });

  app.get('/api/v1/places/data-inclusion/services.json', { config: { rateLimit: EXPORT_RATE_LIMIT } }, async (_request, reply) => {
    const body = await app.contentCache.get('places.open-data.services', async () =>
      JSON.stringify((await placesForExport(db)).flatMap((p) => placeToServices(p, options))),
    );
    return open(reply, 'application/json; charset=utf-8').send(body);
  });
}
