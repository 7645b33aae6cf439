/** Routes of the site's own pages. Thin: load what the page shows, render. */
import type { FastifyInstance } from 'fastify';
import { localizedGet } from '../../platform/routing.js';
import { sendSharedPage, sendSharedPageFrom } from '../../platform/shared-page.js';
import { translator, type Translate } from '../../platform/i18n.js';
import { listLifeEvents, listSectorsWithCounts } from '../catalogue/index.js';
import { listPlaces } from '../places/index.js';
import { AboutPage } from './views/about.page.js';
import { AccessibilityPage } from './views/accessibility.page.js';
import { HomePage } from './views/home.page.js';
import { PrivacyPage } from './views/privacy.page.js';
import { TermsPage } from './views/terms.page.js';
import { designSystemRoutes } from './design-system.routes.js';

export async function pagesRoutes(app: FastifyInstance): Promise<void> {
  // The same for everyone: a shared body, rendered once per content generation and language.
  localizedGet(app, '/', (request, reply) =>
    sendSharedPageFrom(request, reply, '/', async () => {
      const cache = app.contentCache;
      const [sectors, lifeEvents, places] = await Promise.all([
        cache.get('home:sectors', () => listSectorsWithCounts(app.db)),
        cache.get('home:life-events', () => listLifeEvents(app.db)),
        cache.get('home:places', () => listPlaces(app.db, 8)),
      ]);
      const t = translator(request.locale);
      return {
        body: () => <HomePage sectors={sectors} lifeEvents={lifeEvents} places={places} />,
        options: { title: t('home.title'), description: t('home.lead') },
      };
    }),
  );
  // Static pages: the same for everyone (shared bodies), whatever the query string says.
  const statics = [
    [
      '/about',
      () => <AboutPage />,
      (t: Translate) => ({ title: t('about.title'), description: t('about.lead', { territory: t('meta.territory') }) }),
    ],
    ['/accessibility', () => <AccessibilityPage />, (t: Translate) => ({ title: t('accessibility.title') })],
    ['/privacy', () => <PrivacyPage />, (t: Translate) => ({ title: t('privacy.title') })],
    ['/terms', () => <TermsPage />, (t: Translate) => ({ title: t('terms.title') })],
  ] as const;
  for (const [path, view, options] of statics)
    localizedGet(app, path, (request, reply) => sendSharedPage(request, reply, path, view, options(translator(request.locale))));
  await designSystemRoutes(app);
}
