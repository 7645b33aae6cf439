/** (H3b) Appointment bookings in "download my data" / account deletion — stub. */
import type { PersonalDataProvider } from '../../platform/gdpr.js';

export const appointmentsPersonalData: PersonalDataProvider | undefined = undefined;
