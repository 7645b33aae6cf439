/**
 * Display preferences (larger text, high contrast, reduced motion): the page where anyone chooses
 * them. Reading and applying them on every page is the platform's (src/platform/preferences.ts).
 */
import type { EcoopModule } from '../../platform/module.js';
import { preferencesRoutes } from './preferences.routes.js';
import { preferencesPersonalData } from './preferences.service.js';
import './preferences.tables.js';

export { saveUserPreferences, showUserPreferences } from './preferences.service.js';

/** The preferences module's declaration: its page and its part of a person's data (its column on `users` comes with migration 0009). */
export const preferencesModule: EcoopModule = {
  name: 'preferences',
  routes: preferencesRoutes,
  personalData: preferencesPersonalData,
};
