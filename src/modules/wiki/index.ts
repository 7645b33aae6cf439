/**
 * The E-coop Wiki: guides and good-practice sheets that citizens, helpers and mediators write
 * together. So far: pages with their full history, saves that never lose an edit (automatic
 * three-way merges, conflicts returned with both versions), restore, and the JSON API. Other
 * modules import only from here.
 */
import type { EcoopModule } from '../../platform/module.js';
import { wikiApiRoutes } from './wiki-api.routes.js';
import { serviceGuides } from './service-guides.js';
import { wikiRoutes } from './wiki.routes.js';
import { seedDemoWiki } from './demo-data.js';
import { wikiOpenApi } from './wiki.openapi.js';
import { wikiPersonalData } from './wiki.personal-data.js';

export const wikiModule: EcoopModule = {
  name: 'wiki',
  routes: async (app) => {
    await wikiRoutes(app);
    await wikiApiRoutes(app);
  },
  openapi: wikiOpenApi,
  slots: { 'service.page': serviceGuides },
  personalData: wikiPersonalData,
  demoSeed: ({ db, config }) => seedDemoWiki(db, { defaultLocale: config.defaultLocale, locales: config.locales }),
};
