/** The site's own pages: home, about, accessibility statement, privacy, terms, and the design system (development only). */
import type { EcoopModule } from '../../platform/module.js';
import { pagesRoutes } from './pages.routes.js';

export const pagesModule: EcoopModule = {
  name: 'pages',
  routes: pagesRoutes,
};
