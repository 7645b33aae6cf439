/**
 * The demo catalogue: the five E-COOP sectors, CPSV-AP life events, and the e-services of the
 * Vallée-Verte demo territory, in English and French. The data lives in demo-data/, one file per
 * sector; this file puts it together.
 */

import { DEMOCRACY_AND_PARTICIPATION_SERVICES } from './demo-data/democracy-and-participation.js';
import { EDUCATION_SERVICES } from './demo-data/education.js';
import { EMPLOYMENT_SERVICES } from './demo-data/employment.js';
import { HOUSING_ALLOWANCE, HOUSING_AND_BUILDING_SERVICES } from './demo-data/housing-and-building.js';
import { SOCIAL_AND_HEALTH_CARE_SERVICES } from './demo-data/social-and-health-care.js';
import type { DemoService } from './demo-data/taxonomy.js';

export { DEMO_LIFE_EVENTS, DEMO_SECTORS } from './demo-data/taxonomy.js';
export type { Bilingual, Channel, DemoService } from './demo-data/taxonomy.js';

/**
 * Every demo e-service, sector by sector. Housing benefit stays first: tests and fixtures take
 * DEMO_SERVICES[0] as their typical service, and the seed keeps this order.
 */
export const DEMO_SERVICES: DemoService[] = [
  HOUSING_ALLOWANCE,
  ...SOCIAL_AND_HEALTH_CARE_SERVICES,
  ...HOUSING_AND_BUILDING_SERVICES,
  ...EMPLOYMENT_SERVICES,
  ...EDUCATION_SERVICES,
  ...DEMOCRACY_AND_PARTICIPATION_SERVICES,
];
