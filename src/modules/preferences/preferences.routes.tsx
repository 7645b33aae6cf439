/**
 * `/{locale}/preferences`: the form (GET) and saving it (POST). Thin: validate → save → redirect.
 * Anyone may choose: a visitor's choice goes in the device's cookie, a signed-in user's on the
 * account too. CSRF is checked on the POST by the platform.
 */
import type { FastifyInstance } from 'fastify';
import { translator } from '../../platform/i18n.js';
import { preferencesOf, requestPreferences, setPreferencesCookie } from '../../platform/preferences.js';
import { sendPage } from '../../platform/render.js';
import { localizedGet, localizedPost } from '../../platform/routing.js';
import { parseOrReject, preferencesForm, preferencesQuery, safeReturnPath } from './preferences.schemas.js';
import { saveUserPreferences } from './preferences.service.js';
import { PreferencesPage } from './views/preferences.page.js';

/** Mounts the preferences page under every locale. */
export async function preferencesRoutes(app: FastifyInstance): Promise<void> {
  localizedGet(app, '/preferences', async (request, reply) => {
    // Lenient: a bad `saved` or `return` is dropped, the page still shows.
    const query = preferencesQuery.parse(request.query ?? {});
    const t = translator(request.locale);
    return sendPage(
      request,
      reply,
      <PreferencesPage
        preferences={requestPreferences(request)}
        saved={query.saved === '1'}
        signedIn={request.user !== null}
        returnPath={safeReturnPath(query.return, app.config.locales)}
      />,
      { title: t('preferences.title'), description: t('preferences.lead'), cacheable: false },
    );
  });

  localizedPost(app, '/preferences', async (request, reply) => {
    const form = parseOrReject(preferencesForm, request.body);
    const preferences = preferencesOf(form.display);
    if (request.user) await saveUserPreferences(app.db, request.user.id, preferences);
    // The device keeps them too, for this visitor or after this user signs out.
    setPreferencesCookie(reply, preferences);
    const back = safeReturnPath(form.return, app.config.locales);
    return reply.redirect(back ?? `/${request.locale}/preferences?saved=1`, 303);
  });
}
