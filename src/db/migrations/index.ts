/**
 * Every migration, in order. Migrations are frozen once landed: never edit one, add a new one.
 * Names are timestamped (YYYY_MM_DD_NNNN_what) so they sort in the order they must run.
 */
import type { Migration } from 'kysely';
import * as platform from './2026_11_26_0001_platform.js';
import * as accounts from './2026_11_26_0002_accounts.js';
import * as territory from './2026_11_26_0003_territory.js';
import * as catalogue from './2026_11_26_0004_catalogue.js';
import * as places from './2026_11_26_0005_places.js';
import * as accountSecurity from './2026_11_26_0006_account_security.js';
import * as auditDetails from './2026_11_26_0007_audit_details.js';
import * as apiTokens from './2026_11_26_0008_api_tokens.js';
import * as preferences from './2026_11_26_0009_preferences.js';
import * as twoFactor from './2026_11_26_0010_two_factor.js';
import * as flags from './2026_11_26_0012_flags.js';
import * as emailChange from './2026_11_26_0013_email_change.js';
import * as catalogueEditing from './2026_11_26_0014_catalogue_editing.js';
import * as assessment from './2026_11_26_0015_assessment.js';
import * as assessmentAnswerTimes from './2026_11_26_0016_assessment_answer_times.js';
import * as reviewOrder from './2026_11_26_0017_review_order.js';
import * as placesDirectory from './2026_11_26_0018_places_directory.js';
import * as wiki from './2026_11_27_0019_wiki.js';
import * as wikiReview from './2026_11_27_0020_wiki_review.js';
import * as wikiCategories from './2026_11_27_0021_wiki_categories.js';

export const migrations: Record<string, Migration> = {
  '2026_11_26_0001_platform': platform,
  '2026_11_26_0002_accounts': accounts,
  '2026_11_26_0003_territory': territory,
  '2026_11_26_0004_catalogue': catalogue,
  '2026_11_26_0005_places': places,
  '2026_11_26_0006_account_security': accountSecurity,
  '2026_11_26_0007_audit_details': auditDetails,
  '2026_11_26_0008_api_tokens': apiTokens,
  '2026_11_26_0009_preferences': preferences,
  '2026_11_26_0010_two_factor': twoFactor,
  '2026_11_26_0012_flags': flags,
  '2026_11_26_0013_email_change': emailChange,
  '2026_11_26_0014_catalogue_editing': catalogueEditing,
  '2026_11_26_0015_assessment': assessment,
  '2026_11_26_0016_assessment_answer_times': assessmentAnswerTimes,
  '2026_11_26_0017_review_order': reviewOrder,
  '2026_11_26_0018_places_directory': placesDirectory,
  '2026_11_27_0019_wiki': wiki,
  '2026_11_27_0020_wiki_review': wikiReview,
  '2026_11_27_0021_wiki_categories': wikiCategories,
};
