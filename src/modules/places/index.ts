/** Digital Public Spaces. Other modules import only from here. */
import type { EcoopModule } from '../../platform/module.js';
import { seedDemoPlaces } from './places.service.js';

export { listPlaces, placeNamesByIds, placesHelpingWith } from './places.service.js';
export { MEDIATION_SERVICES, type MediationService } from './demo-data.js';

export const placesModule: EcoopModule = {
  name: 'places',
  demoSeed: ({ db }) => seedDemoPlaces(db),
};
