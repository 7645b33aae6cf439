/**
 * A page's translations (`/wiki/{slug}/translations`): the page listing its linked translations
 * with the form to link one, and the two POSTs that link (`…/translations`) and unlink
 * (`…/translations/unlink`). For people who may edit the page; signed-out visitors are sent to sign
 * in. Thin: parse → one service function → render, or 303 back to the page with what was done.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditContext } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { translator, type MessageKey } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost, parseOrReject, redirectToSignIn } from '../../platform/routing.js';
import { authorize, wikiActor } from './wiki.policy.js';
import { linkTranslation, loadTranslations, MAX_TARGET_LENGTH, unlinkTranslation } from './wiki-translations.service.js';
import {
  WikiTranslationsPage,
  type TranslationsDone,
  type WikiTranslationsErrors,
  type WikiTranslationsValues,
} from './views/wiki-translations.page.js';
import { slugParams } from './wiki-params.js';

const doneQuery = z.object({ done: z.enum(['linked', 'unlinked', 'unchanged']).optional().catch(undefined) });
const linkForm = z.object({
  locale: z.string().max(20).default(''),
  page: z.string().max(MAX_TARGET_LENGTH).default(''),
});
/** Links and unlinks per address and minute: a few by hand; more is a script. */
const WRITE_LIMIT = { config: { rateLimit: { max: 30, timeWindow: 60_000 } } };

export async function wikiTranslationsRoutes(app: FastifyInstance): Promise<void> {
  const { locales } = app.config;
  const db = app.db;

  /** The screen for `slug`, for someone who may edit it (404 / 403 otherwise), with the form's state. */
  const sendScreen = async (
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    form: { values?: WikiTranslationsValues; errors?: WikiTranslationsErrors; done?: TranslationsDone | undefined; status?: number } = {},
  ) => {
    const found = await loadTranslations(db, slug);
    if (!found) throw new AppError('not_found', 'No such page');
    authorize(wikiActor(request.user), 'page.edit', found.page);
    const languages = locales.filter((l) => l !== found.page.locale);
    const t = translator(request.locale);
    const title = t('wiki.translations.title', { title: found.page.title });
    const invalid = Object.keys(form.errors ?? {}).length > 0;
    return sendPage(
      request,
      reply,
      <WikiTranslationsPage
        page={found.page}
        others={found.others}
        languages={languages}
        values={form.values ?? { locale: languages[0] ?? '', page: '' }}
        errors={form.errors ?? {}}
        done={form.done}
      />,
      { title: invalid ? t('wiki.edit.errorTitle', { title }) : title, status: form.status ?? 200, cacheable: false },
    );
  };

  localizedGet(app, '/wiki/:slug/translations', async (request, reply) => {
    const { slug } = parseOrReject(slugParams, request.params);
    if (!request.user) return redirectToSignIn(request, reply);
    const { done } = doneQuery.parse(request.query ?? {});
    return sendScreen(request, reply, slug, { done });
  });

  localizedPost(
    app,
    '/wiki/:slug/translations',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const values = parseOrReject(linkForm, request.body ?? {});
      try {
        const { unchanged } = await linkTranslation(db, wikiActor(request.user), slug, values, { locales }, auditContext(request));
        return reply.redirect(`/${request.locale}/wiki/${slug}/translations?done=${unchanged ? 'unchanged' : 'linked'}`, 303);
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
        const errors: WikiTranslationsErrors = {};
        for (const f of err.fields) if (f.field === 'locale' || f.field === 'page') errors[f.field] = f.message as MessageKey;
        return sendScreen(request, reply, slug, { values, errors, status: 422 });
      }
    },
    WRITE_LIMIT,
  );

  localizedPost(
    app,
    '/wiki/:slug/translations/unlink',
    async (request, reply) => {
      const { slug } = parseOrReject(slugParams, request.params);
      if (!request.user) return redirectToSignIn(request, reply);
      const { unchanged } = await unlinkTranslation(db, wikiActor(request.user), slug, auditContext(request));
      return reply.redirect(`/${request.locale}/wiki/${slug}/translations?done=${unchanged ? 'unchanged' : 'unlinked'}`, 303);
    },
    WRITE_LIMIT,
  );
}
