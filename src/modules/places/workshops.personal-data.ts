/** (H3a) Workshop registrations in "download my data" / account deletion — stub. */
import type { PersonalDataProvider } from '../../platform/gdpr.js';

export const workshopsPersonalData: PersonalDataProvider | undefined = undefined;
