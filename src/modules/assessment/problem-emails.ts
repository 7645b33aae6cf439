/**
 * Telling reporters what happened to their report: one mail per timeline event, in the report's
 * language, to the contact address the reporter gave (none when they asked not to be contacted),
 * enqueued with `sendMail` in the caller's transaction, so it goes out if and only if the change
 * commits. Never to the person who acted, except the confirmations of their own report and reopening.
 *
 * Links need the site's public address (config.baseUrl). The problem routes register it for the
 * app's database handle (`configureProblemMail`) when the app is built, so the service functions
 * and the follow-up job, which other parts also call (Open311), need no extra argument.
 */
import { isLocale, type Locale } from '../../config.js';
import type { Db } from '../../db/database.js';
import { pick, translator, type Translate } from '../../platform/i18n.js';
import { sendMail, type MailMessage } from '../../platform/mail.js';
import { organisationNamesByIds } from '../territory/index.js';
import type { ProblemStatus } from './assessment.model.js';

/** What a reporter mail needs from the configuration. */
export interface ProblemMailSettings {
  /** The site's public address, without a trailing slash. */
  baseUrl: string;
  defaultLocale: Locale;
}

const settingsByDb = new WeakMap<object, ProblemMailSettings>();

/** Records the mail settings of the app that owns `db` (called once when the routes are mounted). */
export function configureProblemMail(db: Db, settings: ProblemMailSettings): void {
  settingsByDb.set(db, { baseUrl: settings.baseUrl.replace(/\/$/, ''), defaultLocale: settings.defaultLocale });
}

/** The mail settings registered for `db` (relative links and English if none were: scripts, unit tests). */
export function problemMailSettings(db: Db): ProblemMailSettings {
  return settingsByDb.get(db) ?? { baseUrl: '', defaultLocale: 'en' };
}

/** The public page of a report, absolute. */
export const problemLink = (settings: ProblemMailSettings, locale: Locale, reportId: number) =>
  `${settings.baseUrl}/${locale}/problems/${reportId}`;

function mailContext(report: { id: number; locale: string; service_name: string }, settings: ProblemMailSettings) {
  const locale: Locale = isLocale(report.locale) ? report.locale : settings.defaultLocale;
  const t = translator(locale);
  const values = {
    id: report.id,
    service: pick(report.service_name, locale, settings.defaultLocale),
    link: problemLink(settings, locale, report.id),
    siteName: t('meta.siteName'),
  };
  return { locale, t, values };
}

const statusName = (t: Translate, status: ProblemStatus | null) => (status ? t(`problems.status.${status}`) : '');

/** Enqueues the mail for event `eventId` of report `reportId`, if the reporter is to be told. */
export async function notifyReporter(trx: Db, reportId: number, eventId: number, settings: ProblemMailSettings): Promise<void> {
  const row = await trx
    .selectFrom('problem_report_events as e')
    .innerJoin('problem_reports as r', 'r.id', 'e.report_id')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select([
      'e.kind',
      'e.actor_id',
      'e.status_to',
      'e.note',
      'r.id',
      'r.reporter_id',
      'r.contact_email',
      'r.locale',
      'r.duplicate_of',
      's.name as service_name',
      's.organisation_id',
    ])
    .where('e.id', '=', eventId)
    .where('e.report_id', '=', reportId)
    .executeTakeFirst();
  if (!row?.contact_email) return;
  // Someone who reported a problem and then dealt with it themselves needs no mail about it.
  if (row.kind !== 'created' && row.kind !== 'reopened' && row.actor_id !== null && row.actor_id === row.reporter_id) return;
  if (row.kind === 'merged') return;
  const { t, values } = mailContext(row, settings);
  let organisation = '';
  if (row.note && (row.kind === 'status' || row.kind === 'note')) {
    const names = await organisationNamesByIds(trx, [row.organisation_id]);
    organisation = pick(
      names.get(row.organisation_id) ?? '',
      isLocale(row.locale) ? row.locale : settings.defaultLocale,
      settings.defaultLocale,
    );
  }
  const noteBlock = row.note ? `\n\n${t('problems.email.noteFrom', { organisation })}\n${row.note}` : '';
  let message: MailMessage;
  if (row.kind === 'created') {
    message = {
      to: row.contact_email,
      subject: t('problems.email.created.subject', values),
      text: t('problems.email.created.body', values),
    };
  } else if (row.kind === 'reopened') {
    message = {
      to: row.contact_email,
      subject: t('problems.email.reopened.subject', values),
      text: t('problems.email.reopened.body', values),
    };
  } else if (row.kind === 'status' && row.status_to === 'duplicate') {
    const merged = { ...values, target: row.duplicate_of ?? 0 };
    message = {
      to: row.contact_email,
      subject: t('problems.email.merged.subject', merged),
      text: t('problems.email.merged.body', merged) + noteBlock,
    };
  } else if (row.kind === 'status') {
    const changed = { ...values, status: statusName(t, row.status_to) };
    message = {
      to: row.contact_email,
      subject: t('problems.email.status.subject', changed),
      text: t('problems.email.status.body', changed) + noteBlock,
    };
  } else {
    message = {
      to: row.contact_email,
      subject: t('problems.email.note.subject', values),
      text: t('problems.email.note.body', values) + noteBlock,
    };
  }
  message.text = `${message.text}\n\n${t('problems.email.footer', values)}\n`;
  await sendMail(trx, message, { dedupeKey: `problem-event:${eventId}` });
}

/** The "is it really fixed?" mail, four weeks after a report was marked fixed. */
export function followUpEmail(
  report: { id: number; locale: string; service_name: string; contact_email: string; reporter_id: number | null },
  settings: ProblemMailSettings,
): MailMessage {
  const { t, values } = mailContext(report, settings);
  // Someone who reported through a partner application (Open311) has no account to reopen it with.
  const body = report.reporter_id === null ? t('problems.email.followUp.bodyNoAccount', values) : t('problems.email.followUp.body', values);
  return {
    to: report.contact_email,
    subject: t('problems.email.followUp.subject', values),
    text: `${body}\n\n${t('problems.email.footer', values)}\n`,
  };
}
