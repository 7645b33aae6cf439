/**
 * Co-assessment: citizens rate and review e-services on the four E-COOP criteria, report problems
 * (also through Open311 GeoReport v2), officials answer and triage, and every service's results are
 * public. Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import type { EcoopModule } from '../../platform/module.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { feedbackRoutes } from './feedback.routes.js';
import { open311Routes } from './open311.routes.js';
import { problemsRoutes } from './problems.routes.js';
import { resultsRoutes } from './results.routes.js';
import { reviewsRoutes } from './reviews.routes.js';

export const assessmentModule: EcoopModule = {
  name: 'assessment',
  routes: async (app: FastifyInstance) => {
    await reviewsRoutes(app);
    await problemsRoutes(app);
    await resultsRoutes(app);
    await dashboardRoutes(app);
    await feedbackRoutes(app);
    await open311Routes(app);
  },
};
