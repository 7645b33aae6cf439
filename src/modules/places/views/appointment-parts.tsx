/**
 * What the appointment views share: slot times in the place's time zone and the reader's language,
 * slots grouped by the place's local day, and the status tag of a booking. Pure.
 */
import type { Locale } from '../../../config.js';
import { formatDate } from '../../../platform/i18n.js';
import { Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { localParts } from '../local-time.js';

const INTL: Record<string, string> = { en: 'en-GB', fr: 'fr-FR' };
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Thursday 3 December 2026" in the place's time zone. */
export function dayLabel(locale: Locale, at: string, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale] ?? locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone });
    dayFormats.set(key, f);
  }
  return f.format(new Date(at));
}

/** "09:00 – 09:30" in the place's time zone. */
export function timeRange(locale: Locale, start: string, end: string, timeZone: string): string {
  return `${formatDate(locale, start, 'time', timeZone)} – ${formatDate(locale, end, 'time', timeZone)}`;
}

/** "Thursday 3 December 2026, 09:00 – 09:30". */
export function slotWhen(locale: Locale, start: string, end: string, timeZone: string): string {
  return `${dayLabel(locale, start, timeZone)}, ${timeRange(locale, start, end, timeZone)}`;
}

/** Slots grouped by the place's local day, in order. */
export function groupByDay<S extends { start: string }>(slots: readonly S[], timeZone: string): { date: string; slots: S[] }[] {
  const days: { date: string; slots: S[] }[] = [];
  for (const slot of slots) {
    const date = localParts(new Date(slot.start), timeZone).date;
    const last = days[days.length - 1];
    if (last && last.date === date) last.slots.push(slot);
    else days.push({ date, slots: [slot] });
  }
  return days;
}

/** Booked, cancelled (by whom), or past. */
export function BookingStatusTag({ status, cancelledBy, past }: { status: string; cancelledBy: string | null; past: boolean }) {
  const { t } = useUi();
  if (status !== 'active')
    return (
      <Tag tone="error">
        {cancelledBy === 'mediator' ? t('appointments.status.cancelledByMediator') : t('appointments.status.cancelled')}
      </Tag>
    );
  return past ? <Tag tone="neutral">{t('appointments.status.past')}</Tag> : <Tag tone="success">{t('appointments.status.active')}</Tag>;
}
