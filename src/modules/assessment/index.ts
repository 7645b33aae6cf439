/**
 * Co-assessment: citizens rate and review e-services on the four E-COOP criteria, report problems
 * (also through Open311 GeoReport v2), officials answer and triage, and every service's results are
 * public. Other modules import only from here.
 */
import type { FastifyInstance } from 'fastify';
import type { EcoopModule } from '../../platform/module.js';
import { dashboardRoutes } from './dashboard.routes.js';
import { feedbackRoutes } from './feedback.routes.js';
import { seedDemoAssessments } from './demo-data.js';
import { open311OpenApi } from './open311.openapi.js';
import { open311Routes } from './open311.routes.js';
import { problemsRoutes } from './problems.routes.js';
import { PROBLEM_FOLLOW_UP_JOB, problemFollowUpJob } from './problem-follow-up.js';
import { resultsRoutes } from './results.routes.js';
import { reviewsRoutes } from './reviews.routes.js';
import { assessmentPersonalData } from './assessment.personal-data.js';
import { loadReviewsForFlags, REVIEW_TYPE } from './reviews.service.js';
import { servicePanel } from './service-panel.js';

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
  demoSeed: (ctx) => seedDemoAssessments(ctx),
  openapi: open311OpenApi,
  slots: { 'service.page': servicePanel },
  flaggable: [{ type: REVIEW_TYPE, labelKey: 'rating.reviews.kind', load: (db, ids) => loadReviewsForFlags(db, ids) }],
  personalData: assessmentPersonalData,
  jobs: { [PROBLEM_FOLLOW_UP_JOB]: problemFollowUpJob },
  workspaces: [
    { path: '/manage/problems', labelKey: 'problems.nav', visibleTo: (roles) => roles.includes('admin') || roles.includes('official') },
    { path: '/admin/page-feedback', labelKey: 'feedback.admin.nav', visibleTo: (roles) => roles.includes('admin') },
    { path: '/manage/assessment', labelKey: 'dashboard.nav', visibleTo: (roles) => roles.includes('admin') || roles.includes('official') },
  ],
};
