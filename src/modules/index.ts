/**
 * Every module, in the order they are mounted and seeded (a module's demo seed may use the data of
 * modules listed before it). Adding a module means adding it here; nothing is auto-loaded.
 */
import type { EcoopModule } from '../platform/module.js';
import { adminModule } from './admin/index.js';
import { assessmentModule } from './assessment/index.js';
import { accountsModule } from './accounts/index.js';
import { catalogueModule } from './catalogue/index.js';
import { moderationModule } from './moderation/index.js';
import { pagesModule } from './pages/index.js';
import { placesActivityModule, placesModule } from './places/index.js';
import { preferencesModule } from './preferences/index.js';
import { territoryModule } from './territory/index.js';
import { wikiModule } from './wiki/index.js';

export const modules: readonly EcoopModule[] = [
  territoryModule,
  catalogueModule,
  placesModule,
  accountsModule,
  placesActivityModule,
  pagesModule,
  adminModule,
  preferencesModule,
  moderationModule,
  assessmentModule,
  wikiModule,
];
