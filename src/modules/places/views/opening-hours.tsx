/**
 * Opening hours for people: the one-line status ("Open now — closes at 18:30"), the weekly table, and
 * the preview of the place form (warnings, error, table). Times are 24-hour `HH:MM` in every locale;
 * weekday names and dates come from Intl in the user's language. Everything is plain HTML (no script).
 */
import type { Locale } from '../../../config.js';
import { formatDate } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';
import {
  checkOpeningHours,
  isTimeZone,
  wallClock,
  wallDate,
  weeklySchedule,
  type DaySchedule,
  type OpeningStatus,
  type PlaceClock,
} from '../opening-hours.js';

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** The weekday name (0 = Monday) in a locale: "Monday", "lundi". */
export function weekdayName(locale: Locale, weekday: number): string {
  let f = weekdayFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    weekdayFormats.set(locale, f);
  }
  // 1 January 2024 was a Monday.
  return f.format(new Date(Date.UTC(2024, 0, 1 + weekday)));
}

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** Whole days from local date `a` to local date `b` (`YYYY-MM-DD`). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A local date (`YYYY-MM-DD`) as a long date in a locale: "23 November 2026". */
function longDate(locale: Locale, date: string): string {
  return formatDate(locale, new Date(`${date}T12:00:00Z`), 'date', 'UTC');
}

/** The place's local date at `at`, for the table's "today" (`YYYY-MM-DD`). */
export function localToday(clock: Pick<PlaceClock, 'timeZone'>, at: Date): string {
  return wallDate(wallClock(at, isTimeZone(clock.timeZone) ? clock.timeZone : 'UTC'));
}

/**
 * "Open now — closes at 18:30", "Closed — opens tomorrow at 09:00", "Closed — opens Monday at 09:00",
 * "Hours not given". Without the status's `todayLocal` the day is always named.
 */
export function OpeningStatusLine({ status, id }: { status: OpeningStatus; id?: string }) {
  const { t, locale } = useUi();
  const next = status.nextChangeLocal;
  let text: string;
  if (status.state === 'unknown') text = t(status.uncertain ? 'hours.status.uncertain' : 'hours.status.unknown');
  else if (!next) text = t(status.state === 'open' ? 'hours.status.open' : 'hours.status.closed');
  else {
    const ahead = status.todayLocal ? daysBetween(status.todayLocal, next.date) : -1;
    const day = ahead >= 7 ? `${weekdayName(locale, next.weekday)} ${longDate(locale, next.date)}` : weekdayName(locale, next.weekday);
    const time = next.time;
    if (status.state === 'open') {
      text =
        ahead === 0
          ? t('hours.status.openCloses', { time })
          : ahead === 1
            ? t('hours.status.openClosesTomorrow', { time })
            : t('hours.status.openClosesOn', { day, time });
    } else {
      text =
        ahead === 0
          ? t('hours.status.closedOpensToday', { time })
          : ahead === 1
            ? t('hours.status.closedOpensTomorrow', { time })
            : t('hours.status.closedOpensOn', { day, time });
    }
  }
  return (
    <p class={`opening-status opening-status--${status.state}`} id={id}>
      {text}
    </p>
  );
}

/** Props of OpeningHoursTable. */
export interface OpeningHoursTableProps {
  /** The 7 days of `weeklySchedule`. */
  days: readonly DaySchedule[];
  /** The place's local date today (`YYYY-MM-DD`): its row says "today". */
  today?: string | null;
  /** Defaults to "Opening hours, week of <Monday's date>". */
  caption?: string;
  id?: string;
  /** Shown under the table when given: times are the place's local times. */
  timeZone?: string;
}

/** The weekly table: one row per day (the weekday names the row), "Closed" for no intervals, holidays named. */
export function OpeningHoursTable({ days, today, caption, id, timeZone }: OpeningHoursTableProps) {
  const { t, locale } = useUi();
  const first = days[0];
  const title = caption ?? (first ? t('hours.table.caption', { date: longDate(locale, first.date) }) : '');
  return (
    <>
      <table class="data-table opening-hours" id={id}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hours.table.day')}</th>
            <th scope="col">{t('hours.table.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => {
            const isToday = today === d.date;
            return (
              <tr key={d.date} class={isToday ? 'opening-hours__today' : undefined} aria-current={isToday ? 'date' : undefined}>
                <th scope="row">
                  {capitalise(weekdayName(locale, d.weekday))}
                  {isToday ? <strong class="opening-hours__today-label">{` (${t('hours.table.today')})`}</strong> : null}
                </th>
                <td>
                  {d.holiday !== null ? (
                    <>
                      {t('hours.table.holiday', { name: d.holiday || '—' })}
                      <br />
                    </>
                  ) : null}
                  {d.intervals.length === 0
                    ? t('hours.table.closed')
                    : d.intervals.map((i) => t('hours.table.interval', { from: i.from, to: i.to })).join(', ')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {timeZone ? <p class="hint">{t('hours.table.timeZone', { timeZone })}</p> : null}
    </>
  );
}

/** Props of OpeningHoursPreview. */
export interface OpeningHoursPreviewProps {
  /** The value as typed in the form (null or blank: no hours given). */
  value: string | null;
  clock: PlaceClock;
  /** The week shown is the one containing this instant (default: now). */
  at?: Date;
  /** Prefix of the element ids (`-heading`, `-warnings`, `-error`, `-table`), unique on the page. */
  id?: string;
}

/**
 * The place form's preview: the localised error when the value cannot be read, else the library's
 * warnings and the table of the current week, so the mediator sees how people will read the hours.
 */
export function OpeningHoursPreview({ value, clock, at, id = 'opening-hours-preview' }: OpeningHoursPreviewProps) {
  const { t, locale } = useUi();
  const when = at ?? new Date();
  const headingId = `${id}-heading`;
  let body;
  if (value === null || value.trim() === '') {
    body = <p>{t('hours.preview.none')}</p>;
  } else {
    const check = checkOpeningHours(value, clock, locale);
    if (check.error) {
      body = (
        <>
          <p class="opening-hours__error" id={`${id}-error`}>
            {t(check.error.key, check.error.values)}
          </p>
          <p>{t('hours.preview.invalid')}</p>
        </>
      );
    } else {
      body = (
        <>
          {check.warnings.length > 0 ? (
            <div class="notice" id={`${id}-warnings`}>
              <p>{t('hours.preview.warnings')}</p>
              <ul>
                {check.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <OpeningHoursTable
            id={`${id}-table`}
            days={weeklySchedule(value, clock, when)}
            today={localToday(clock, when)}
            timeZone={clock.timeZone}
          />
        </>
      );
    }
  }
  return (
    <section class="opening-hours-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('hours.preview.heading')}</h3>
      {body}
    </section>
  );
}
