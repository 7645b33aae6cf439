/** The catalogue of public e-services. Other modules import only from here. */
import type { EcoopModule } from '../../platform/module.js';
import { seedDemoCatalogue, serviceDocuments } from './catalogue.service.js';

export { listLifeEvents, listSectorsWithCounts, refreshSectorCounts } from './catalogue.service.js';

export const catalogueModule: EcoopModule = {
  name: 'catalogue',
  demoSeed: ({ db, config }) => seedDemoCatalogue(db, config.defaultLocale),
  searchables: [{ type: 'service', documents: serviceDocuments }],
};
