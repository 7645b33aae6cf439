/**
 * Digital Public Spaces: the directory (filters, open now, distance, map), place pages with opening
 * hours, workshops with a waiting list, appointments with mediators, iCal feeds, mediators' and
 * admins' management, and the national schemas (lieux de médiation numérique CSV, data·inclusion)
 * out and in. Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import type { EcoopModule } from '../../platform/module.js';
import type { PersonalDataProvider } from '../../platform/gdpr.js';
import type { OpenApiFragment } from '../../platform/openapi.js';
import { appointmentJobs } from './appointments.jobs.js';
import { appointmentsOpenApi } from './appointments.openapi.js';
import { appointmentsPersonalData } from './appointments.personal-data.js';
import { appointmentsRoutes } from './appointments.routes.js';
import { calendarRoutes } from './calendar.routes.js';
import { directoryOpenApi } from './directory.openapi.js';
import { directoryRoutes } from './directory.routes.js';
import { manageRoutes } from './manage.routes.js';
import { openDataOpenApi } from './open-data.openapi.js';
import { placesOpenDataRoutes } from './open-data.routes.js';
import { placesApiRoutes } from './places-api.routes.js';
import { worksAtPlaces } from './places.policy.js';
import { seedDemoPlaces } from './places.service.js';
import { seedDemoSlots } from './appointments.demo.js';
import { workshopJobs } from './workshops.jobs.js';
import { workshopsOpenApi } from './workshops.openapi.js';
import { workshopsPersonalData } from './workshops.personal-data.js';
import { workshopsRoutes } from './workshops.routes.js';
import { seedDemoWorkshops } from './workshops.service.js';

export { listPlaces, placeNamesByIds, placesHelpingWith } from './places.service.js';
export { MEDIATION_SERVICES, type MediationService } from './places.model.js';

/** The module's OpenAPI parts, merged. */
function mergeOpenApi(...fragments: OpenApiFragment[]): OpenApiFragment {
  return {
    paths: Object.assign({}, ...fragments.map((f) => f.paths ?? {})),
    schemas: Object.assign({}, ...fragments.map((f) => f.schemas ?? {})),
  };
}

/** Workshop registrations and appointment bookings: one provider over both. */
function mergePersonalData(...providers: (PersonalDataProvider | undefined)[]): PersonalDataProvider {
  const present = providers.filter((p): p is PersonalDataProvider => p !== undefined);
  return {
    export: async (db, userId) => Object.assign({}, ...(await Promise.all(present.map((p) => p.export(db, userId))))),
    anonymise: async (trx, userId) => {
      for (const p of present) await p.anonymise(trx, userId);
    },
  };
}

export const placesModule: EcoopModule = {
  name: 'places',
  routes: async (app: FastifyInstance) => {
    await directoryRoutes(app);
    await placesApiRoutes(app);
    await workshopsRoutes(app);
    await appointmentsRoutes(app);
    await calendarRoutes(app);
    await manageRoutes(app);
    await placesOpenDataRoutes(app);
  },
  demoSeed: ({ db }) => seedDemoPlaces(db),
  openapi: mergeOpenApi(directoryOpenApi, workshopsOpenApi, appointmentsOpenApi, openDataOpenApi),
  jobs: { ...workshopJobs, ...appointmentJobs },
  personalData: mergePersonalData(workshopsPersonalData, appointmentsPersonalData),
  workspaces: [
    { path: '/appointments', labelKey: 'appointments.mine.title', visibleTo: () => true, personal: true },
    { path: '/my-workshops', labelKey: 'workshops.mine.title', visibleTo: () => true, personal: true },
    { path: '/account/calendar', labelKey: 'calendar.title', visibleTo: () => true, personal: true },
    {
      path: '/manage/places',
      labelKey: 'placesManage.nav',
      visibleTo: (roles) => worksAtPlaces({ id: 0, roles, emailVerified: true, placeIds: roles.includes('mediator') ? [0] : [] }),
    },
  ],
};

/**
 * The demo territory's coming workshops and appointment slots. A manifest of its own only so that
 * it seeds after the accounts module: the demo people registered for a workshop, and the demo
 * mediator who publishes slots, are accounts, while the accounts' demo mediator role needs the
 * places seeded before them.
 */
export const placesActivityModule: EcoopModule = {
  name: 'places-activity',
  demoSeed: async ({ db }) => {
    await seedDemoWorkshops(db);
    await seedDemoSlots(db);
  },
};
