/**
 * Mails to people about their workshops: registered, waitlisted, moved up from the waiting list
 * ("you have a seat"), cancelled by the place, and the reminder the day before. Each in the
 * recipient's language (`users.locale`), enqueued with `sendMail` in the caller's transaction so it
 * goes out if and only if the change commits, with a dedupe key so a retried job sends it once.
 * Nobody is mailed whose account was deleted (no user, or the erased `@invalid` address).
 *
 * Links need the site's public address: the workshop routes register it for the app's database
 * handle (`configureWorkshopMail`), as the problem reports do.
 */
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { formatDate, translator } from '../../platform/i18n.js';
import { sendMail } from '../../platform/mail.js';

export interface WorkshopMailSettings {
  /** The site's public address, without a trailing slash. */
  baseUrl: string;
  defaultLocale: Locale;
}

const settingsByDb = new WeakMap<object, WorkshopMailSettings>();

/** Records the mail settings of the app that owns `db` (called once when the routes are mounted). */
export function configureWorkshopMail(db: Db, settings: WorkshopMailSettings): void {
  settingsByDb.set(db, { baseUrl: settings.baseUrl.replace(/\/$/, ''), defaultLocale: settings.defaultLocale });
}

/** The settings registered for `db` (relative links and English if none were: scripts, unit tests). */
export function workshopMailSettings(db: Db): WorkshopMailSettings {
  return settingsByDb.get(db) ?? { baseUrl: '', defaultLocale: 'en' };
}

export type WorkshopMailKind = 'registered' | 'waitlisted' | 'movedUp' | 'cancelledByPlace' | 'reminder';

/** What a mail says about the workshop. */
export interface WorkshopMailSubject {
  id: number;
  title: string;
  starts_at: string;
  time_zone: string;
  place_name: string;
  place_address: string;
  place_postcode: string;
}

/**
 * Enqueues the `kind` mail about `workshop` to the person of registration `registrationId`.
 * `dedupe` distinguishes repeated events of the same kind (a second move-up after re-registering).
 */
export async function mailRegistrant(
  trx: Db,
  kind: WorkshopMailKind,
  workshop: WorkshopMailSubject,
  registrationId: number,
  dedupe: string,
  settings: WorkshopMailSettings = workshopMailSettings(trx),
): Promise<void> {
  const person = await trx
    .selectFrom('workshop_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.email', 'u.locale', 'u.deleted_at'])
    .where('r.id', '=', registrationId)
    .executeTakeFirst();
  if (!person || person.deleted_at || person.email.endsWith('@invalid')) return;
  const locale: Locale = isLocale(person.locale) ? person.locale : settings.defaultLocale;
  const t = translator(locale);
  const values = {
    title: workshop.title,
    when: formatDate(locale, workshop.starts_at, 'datetime', workshop.time_zone),
    place: workshop.place_name,
    address: `${workshop.place_address}, ${workshop.place_postcode}`,
    link: `${settings.baseUrl}/${locale}/workshops/${workshop.id}`,
    siteName: t('meta.siteName'),
  };
  await sendMail(
    trx,
    {
      to: person.email,
      subject: t(`workshops.email.${kind}.subject`, values),
      text: `${t(`workshops.email.${kind}.body`, values)}\n\n${t('workshops.email.footer', values)}\n`,
    },
    { dedupeKey: `workshop-mail:${kind}:${registrationId}:${dedupe}` },
  );
}
