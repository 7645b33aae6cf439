/**
 * Appointment mail: the booker's confirmation and reminder, the booker's notice when a mediator
 * cancels (with the reason), and the mediators' notice when the booker cancels. Each in its
 * recipient's language, with the time in the place's time zone, enqueued with `sendMail` in the
 * caller's transaction (sent if and only if the change commits), once per event (dedupe keys).
 *
 * Links need the site's public address: the appointment routes register it for the app's database
 * handle when the app is built (`configureAppointmentMail`), as the problem reports do.
 */
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { formatDate, pick, translator } from '../../platform/i18n.js';
import { sendMail } from '../../platform/mail.js';
import { findContact } from '../accounts/index.js';
import { findBooking, placeMediatorIds, type BookingView } from './appointments.queries.js';

/** What appointment mail needs from the configuration. */
export interface AppointmentMailSettings {
  /** The site's public address, without a trailing slash. */
  baseUrl: string;
  defaultLocale: Locale;
}

const settingsByDb = new WeakMap<object, AppointmentMailSettings>();

/** Records the mail settings of the app that owns `db` (called once when the routes are mounted). */
export function configureAppointmentMail(db: Db, settings: AppointmentMailSettings): void {
  settingsByDb.set(db, { baseUrl: settings.baseUrl.replace(/\/$/, ''), defaultLocale: settings.defaultLocale });
}

/** The mail settings registered for `db` (relative links and English if none were: scripts, unit tests). */
export function appointmentMailSettings(db: Db): AppointmentMailSettings {
  return settingsByDb.get(db) ?? { baseUrl: '', defaultLocale: 'en' };
}

/** Which mail. */
export type AppointmentMailKind = 'confirmed' | 'reminder' | 'cancelledByMediator' | 'cancelledByBooker';

function values(booking: BookingView, locale: Locale, settings: AppointmentMailSettings) {
  const t = translator(locale);
  return {
    place: booking.place.name,
    address: `${booking.place.address}, ${booking.place.postcode}`,
    when: formatDate(locale, booking.slot.start, 'datetime', booking.place.timeZone),
    until: formatDate(locale, booking.slot.end, 'time', booking.place.timeZone),
    need: booking.need,
    service: booking.service ? pick(booking.service.name, locale, settings.defaultLocale) : t('appointments.email.noService'),
    name: booking.bookerName ?? '',
    siteName: t('meta.siteName'),
  };
}

/**
 * Enqueues the mail `kind` about booking `bookingId` (nothing when its recipient has no account
 * any more). `reason` is the mediator's note when they cancel.
 */
export async function notifyAppointment(
  trx: Db,
  bookingId: number,
  kind: AppointmentMailKind,
  settings: AppointmentMailSettings,
  reason?: string,
): Promise<void> {
  const booking = await findBooking(trx, bookingId);
  if (!booking) return;
  if (kind === 'cancelledByBooker') {
    const recipients = new Set(await placeMediatorIds(trx, booking.place.id));
    if (booking.slot.mediatorId !== null) recipients.add(booking.slot.mediatorId);
    for (const userId of recipients) {
      const contact = await findContact(trx, userId);
      if (!contact) continue;
      const locale: Locale = isLocale(contact.locale) ? contact.locale : settings.defaultLocale;
      const t = translator(locale);
      const v = { ...values(booking, locale, settings), link: `${settings.baseUrl}/${locale}/manage/places/${booking.place.slug}/slots` };
      await sendMail(
        trx,
        {
          to: contact.email,
          subject: t('appointments.email.cancelledByBooker.subject', v),
          text: `${t('appointments.email.cancelledByBooker.body', v)}\n\n${t('appointments.email.footer', v)}\n`,
        },
        { dedupeKey: `appointment:${kind}:${bookingId}:${userId}` },
      );
    }
    return;
  }
  if (booking.userId === null) return;
  const contact = await findContact(trx, booking.userId);
  if (!contact) return;
  const locale: Locale = isLocale(contact.locale) ? contact.locale : settings.defaultLocale;
  const t = translator(locale);
  const v = { ...values(booking, locale, settings), link: `${settings.baseUrl}/${locale}/appointments/${booking.id}` };
  const reasonBlock = kind === 'cancelledByMediator' && reason ? `\n\n${t('appointments.email.reason')}\n${reason}` : '';
  await sendMail(
    trx,
    {
      to: contact.email,
      subject: t(`appointments.email.${kind}.subject`, v),
      text: `${t(`appointments.email.${kind}.body`, v)}${reasonBlock}\n\n${t('appointments.email.footer', v)}\n`,
    },
    { dedupeKey: `appointment:${kind}:${bookingId}` },
  );
}
