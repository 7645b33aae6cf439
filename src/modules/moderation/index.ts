/**
 * Moderation: the report form and the moderators' queue over the content types that modules declare
 * `flaggable` (see platform/flags.ts). It owns no content of its own. Other modules import only from here.
 */
import { can as canModerate } from './moderation.policy.js';
import type { EcoopModule } from '../../platform/module.js';
import { moderationPersonalData } from './moderation.personal-data.js';
import { moderationRoutes } from './moderation.routes.js';

export { can as canModerate, MODERATION_ACTIONS, type ModerationAction } from './moderation.policy.js';

/** The moderation module's declaration: its pages, and its part of a person's data (their reports and decisions). */
export const moderationModule: EcoopModule = {
  name: 'moderation',
  routes: moderationRoutes,
  personalData: moderationPersonalData,
  workspaces: [{ path: '/moderation', labelKey: 'moderation.nav', visibleTo: (roles) => canModerate({ roles }, 'queue.view') }],
};
