/** The catalogue of public e-services. Other modules import only from here. */
import type { FastifyInstance } from 'fastify';
import type { EcoopModule } from '../../platform/module.js';
import { apiRoutes } from './api.routes.js';
import { catalogueOpenApi } from './api.openapi.js';
import { seedDemoCatalogue, serviceDocuments } from './catalogue.service.js';
import { catalogueEditorPersonalData } from './editor.queries.js';
import { editorRoutes } from './editor.routes.js';
import { openDataRoutes } from './open-data.routes.js';
import { publicRoutes } from './public.routes.js';
import { taxonomyRoutes } from './taxonomy.routes.js';

export { listLifeEvents, listSectorsWithCounts, refreshSectorCounts } from './catalogue.service.js';
export { catalogueActor, type CatalogueActor } from './catalogue.policy.js';
export {
  findService,
  findServicesByIds,
  getPublishedService,
  getPublishedServiceRef,
  getPublishedServiceRefs,
  type PublishedServiceRef,
  type ServiceRecord,
} from './services.queries.js';
export { createService, setServiceStatus } from './services.service.js';

export const catalogueModule: EcoopModule = {
  name: 'catalogue',
  routes: async (app: FastifyInstance) => {
    await publicRoutes(app);
    await editorRoutes(app);
    await taxonomyRoutes(app);
    await openDataRoutes(app);
    await apiRoutes(app);
  },
  openapi: catalogueOpenApi,
  personalData: catalogueEditorPersonalData,
  workspaces: [
    {
      path: '/manage/services',
      labelKey: 'serviceEditor.nav',
      visibleTo: (roles) => roles.includes('admin') || roles.includes('official'),
    },
  ],
  demoSeed: ({ db, config }) => seedDemoCatalogue(db, config.defaultLocale),
  searchables: [{ type: 'service', documents: serviceDocuments }],
};
