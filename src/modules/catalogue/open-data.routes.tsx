/**
 * Routes of the catalogue as open data:
 * - `GET /api/v1/services.jsonld`: every published service in CPSV-AP 3.2 JSON-LD (cached per
 *   content generation; CORS open), and `GET /api/v1/services/{slug}.jsonld` for one service;
 * - `/{locale}/admin/catalogue/data`: the admins' page to download the whole catalogue (CSV,
 *   JSON-LD, drafts included) and to import a file (multipart upload, checked before anything is
 *   written). Thin: authorize → validate → call the import/export functions → render.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import { authorize, catalogueActor } from './catalogue.policy.js';
import {
  countByStatus,
  cpsvExport,
  exportCatalogue,
  exportFileName,
  EXPORT_FORMATS,
  jsonLdText,
  type ExportSettings,
} from './catalogue-export.js';
import { decodeUtf8, importCatalogue, type ImportReport } from './catalogue-import.js';
import { SLUG_PATTERN } from './services.model.js';
import { getPublishedService } from './services.queries.js';
import { OpenDataPage, type OpenDataFormError } from './views/open-data/open-data.page.js';

/** Largest file an admin may upload. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const JSON_LD = 'application/ld+json; charset=utf-8';
const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', jsonld: JSON_LD } as const;

/** The upload form, as @fastify/multipart gives it (`keyValues`): the file is a Buffer. */
const importForm = z.object({
  file: z.instanceof(Buffer).optional(),
  options: z.union([z.string(), z.array(z.string())]).optional(),
});

/** The uploaded file of a request: its name as the browser sent it, and whether it went over MAX_IMPORT_BYTES (then it was cut). */
const uploads = new WeakMap<FastifyRequest, { name: string; tooLarge: boolean }>();

export async function openDataRoutes(app: FastifyInstance): Promise<void> {
  const settings: ExportSettings = { baseUrl: app.config.baseUrl, defaultLocale: app.config.defaultLocale, locales: app.config.locales };
  const db = app.db;

  const publicJsonLd = (reply: FastifyReply) => reply.type(JSON_LD).header('access-control-allow-origin', '*');

  app.get('/api/v1/services.jsonld', async (_request, reply) => {
    const body = await app.contentCache.get('catalogue.cpsv-ap', () => exportCatalogue(db, 'jsonld', 'published', settings));
    return publicJsonLd(reply).send(body);
  });

  app.get('/api/v1/services/:slug.jsonld', async (request, reply) => {
    const { slug } = request.params as { slug: string };
    if (!SLUG_PATTERN.test(slug)) throw new AppError('not_found', 'No such service');
    const service = await getPublishedService(db, slug);
    return publicJsonLd(reply).send(jsonLdText(await cpsvExport(db, [service], 'published', settings)) + '\n');
  });

  /** The admin behind a request, allowed to import and export: 401 / 403 otherwise. */
  const admin = async (request: FastifyRequest) => {
    const actor = await catalogueActor(db, request.user);
    authorize(actor, 'catalogue.import');
    return actor;
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    result: { report?: ImportReport; fileName?: string; error?: OpenDataFormError; skipInvalid?: boolean; dryRun?: boolean } = {},
  ) => {
    const t = translator(request.locale);
    const failed = result.error !== undefined || result.report?.stopped === true;
    const title = t('openData.title');
    return sendPage(
      request,
      reply,
      <OpenDataPage
        counts={await countByStatus(db)}
        publicUrl={`${settings.baseUrl}/api/v1/services.jsonld`}
        maxMegabytes={MAX_IMPORT_BYTES / 1024 / 1024}
        {...result}
      />,
      { title: result.error ? t('openData.errorTitle', { title }) : title, status: failed ? 422 : 200, cacheable: false },
    );
  };

  localizedGet(app, '/admin/catalogue/data', async (request, reply) => {
    await admin(request);
    return page(request, reply);
  });

  // Downloads, named like the files they are (`…/data/catalogue.csv`), for admins only: drafts included.
  for (const format of EXPORT_FORMATS) {
    localizedGet(app, `/admin/catalogue/data/catalogue.${format}`, async (request, reply) => {
      await admin(request);
      const body = await exportCatalogue(db, format, 'all', settings);
      return reply
        .type(CONTENT_TYPE[format])
        .header('content-disposition', `attachment; filename="${exportFileName(format)}"`)
        .header('cache-control', 'no-store')
        .send(format === 'csv' ? `\uFEFF${body}` : body);
    });
  }

  // The upload, in its own scope so that only this route parses multipart bodies. The fields are
  // parsed before the platform's CSRF check (at preHandler), which reads `_csrf` from the body.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, parts: 12 },
      async onFile(part) {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        uploads.set(this, { name: part.filename, tooLarge: part.file.truncated });
        (part as unknown as { value: unknown }).value = Buffer.concat(chunks);
      },
    });
    localizedPost(scope, '/admin/catalogue/data', async (request, reply) => {
      const actor = await admin(request);
      const form = importForm.safeParse(request.body ?? {});
      const chosen = form.success ? [form.data.options ?? []].flat() : [];
      const options = { skipInvalid: chosen.includes('skipInvalid'), dryRun: chosen.includes('dryRun') };
      const upload = uploads.get(request);
      if (upload?.tooLarge) return page(request, reply, { error: 'tooLarge', ...options });
      const file = form.success ? form.data.file : undefined;
      if (!file || file.length === 0) return page(request, reply, { error: 'file', ...options });
      const text = decodeUtf8(file);
      if (text === null) return page(request, reply, { error: 'notUtf8', ...options });
      const fileName = upload?.name || undefined;
      const { requestId, ip } = auditContext(request);
      const report = await importCatalogue(db, actor, text, {
        defaultLocale: app.config.defaultLocale,
        t: translator(request.locale),
        audit: { requestId, ip },
        ...options,
        ...(fileName ? { fileName } : {}),
      });
      return page(request, reply, { report, ...(fileName ? { fileName } : {}), ...options });
    });
  });
}
