/**
 * The E-coop Wiki: guides and good-practice sheets that citizens, helpers and mediators write
 * together: pages with their full history, saves that never lose an edit (automatic three-way
 * merges, conflicts returned with both versions), restore, review of new accounts' edits,
 * protection, reports, discussions, watchlists, search, translations and the JSON API. Other
 * modules import only from here.
 */
import type { EcoopModule } from '../../platform/module.js';
import { wikiApiRoutes } from './wiki-api.routes.js';
import { wikiCommentsApiRoutes } from './wiki-comments.api.js';
import { COMMENT_TYPE, loadCommentsForFlags } from './wiki-comments.service.js';
import { wikiDiscussionRoutes } from './wiki-discussion.routes.js';
import { searchGuides } from './search-guides.js';
import { serviceGuides } from './service-guides.js';
import { wikiSearchable } from './wiki-search.js';
import { wikiTranslationsRoutes } from './wiki-translations.routes.js';
import { NOTIFY_WATCHERS_JOB, notifyWatchersJob } from './wiki-watch.service.js';
import { wikiWatchRoutes } from './wiki-watch.routes.js';
import { wikiRoutes } from './wiki.routes.js';
import { wikiHistoryRoutes } from './wiki-history.routes.js';
import { wikiEditRoutes } from './wiki-edit.routes.js';
import { wikiFlaggables } from './wiki-flags.js';
import { wikiReviewRoutes } from './wiki-review.routes.js';
import { TRUSTED_EDITOR_ROLES } from './wiki.policy.js';
import { seedDemoWiki } from './demo-data.js';
import { wikiOpenApi } from './wiki.openapi.js';
import { wikiPersonalData } from './wiki.personal-data.js';

export const wikiModule: EcoopModule = {
  name: 'wiki',
  routes: async (app) => {
    await wikiRoutes(app);
    await wikiHistoryRoutes(app);
    await wikiEditRoutes(app);
    await wikiApiRoutes(app);
    await wikiCommentsApiRoutes(app);
    await wikiTranslationsRoutes(app);
    await wikiWatchRoutes(app);
    await wikiDiscussionRoutes(app);
    await wikiReviewRoutes(app);
  },
  jobs: { [NOTIFY_WATCHERS_JOB]: notifyWatchersJob },
  workspaces: [
    { path: '/wiki/watchlist', labelKey: 'wiki.watch.list.title', visibleTo: () => true, personal: true },
    { path: '/wiki/review', labelKey: 'wiki.review.queueTitle', visibleTo: (roles) => roles.some((r) => TRUSTED_EDITOR_ROLES.includes(r)) },
  ],
  openapi: wikiOpenApi,
  slots: { 'service.page': serviceGuides, 'catalogue.search': searchGuides },
  searchables: [wikiSearchable],
  flaggable: [
    ...wikiFlaggables,
    { type: COMMENT_TYPE, labelKey: 'wiki.discussion.kind', load: (db, ids) => loadCommentsForFlags(db, ids) },
  ],
  personalData: wikiPersonalData,
  demoSeed: ({ db, config }) => seedDemoWiki(db, { defaultLocale: config.defaultLocale, locales: config.locales }),
};
