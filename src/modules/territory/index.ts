/** The territory: municipalities and public organisations. Other modules import only from here. */
import type { EcoopModule } from '../../platform/module.js';
import { seedDemoTerritory } from './territory.service.js';

export { DEMO_COUNTY } from './demo-data.js';
export {
  listMunicipalities,
  listOrganisations,
  municipalityIdsBySlug,
  organisationIdsBySlug,
  organisationNamesByIds,
} from './territory.service.js';

export const territoryModule: EcoopModule = {
  name: 'territory',
  demoSeed: ({ db }) => seedDemoTerritory(db),
};
