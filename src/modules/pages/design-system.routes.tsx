/**
 * The design system page, in development only: outside it the route does not exist (404). The
 * page's demo form posts back here and is validated for real, so the page also shows the form
 * journey every E-COOP form follows: error summary, messages by the fields, values kept.
 */
import type { FastifyInstance } from 'fastify';
import { translator } from '../../platform/i18n.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import { SAMPLE_DEMO_FORM, demoFormBody, designSystemQuery, validateDemoForm } from './design-system.schemas.js';
import { DesignSystemPage } from './views/design-system.page.js';

/** Registers `/{locale}/design-system` (GET, and POST for the demo form) when `config.isDev`. */
export async function designSystemRoutes(app: FastifyInstance): Promise<void> {
  if (!app.config.isDev) return;

  localizedGet(app, '/design-system', async (request, reply) => {
    const { page } = designSystemQuery.parse(request.query ?? {});
    const t = translator(request.locale);
    // The page holds a form with a per-visitor CSRF token: a cached copy would hand one visitor's
    // token to everyone. (`cacheable: false` alone only sets a header the page cache does not read.)
    reply.pageCacheable = false;
    return sendPage(request, reply, <DesignSystemPage demoPage={page} form={{ ...SAMPLE_DEMO_FORM, submitted: false }} />, {
      title: t('designSystem.title'),
      description: t('designSystem.lead'),
      cacheable: false,
    });
  });

  localizedPost(app, '/design-system', async (request, reply) => {
    const values = demoFormBody.parse(request.body ?? {});
    const errors = validateDemoForm(values);
    const t = translator(request.locale);
    const failed = Object.keys(errors).length > 0;
    return sendPage(request, reply, <DesignSystemPage demoPage={5} form={{ values, errors, submitted: true }} />, {
      // The title says there is a problem too: it is the first thing a screen reader reads.
      title: failed ? t('designSystem.form.errorTitle', { title: t('designSystem.title') }) : t('designSystem.title'),
      status: failed ? 422 : 200,
      cacheable: false,
    });
  });
}
