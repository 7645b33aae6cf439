/**
 * Opening hours (OSM `opening_hours` syntax) evaluated in the place's own time zone, with public
 * holidays for its country and region. CONTRACT written by the lead; helper H1 implements the
 * bodies (and may add functions). Other helpers code against these signatures.
 */
import type { MessageKey } from '../../platform/i18n.js';

/** Where a place is, as opening hours need it. */
export interface PlaceClock {
  /** ISO 3166-1 alpha-2, e.g. `FR`. */
  country: string;
  /** ISO 3166-2 subdivision, e.g. `FR-BFC`; null when unknown. */
  region: string | null;
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: string;
  latitude?: number | null;
  longitude?: number | null;
}

/** The result of checking an opening-hours value: an error stops a save; warnings are shown. */
export interface OpeningHoursCheck {
  /** A catalog key of a clear, localised message, with its values; null when the value parses. */
  error: { key: MessageKey; values?: Record<string, string | number> } | null;
  /** The library's warnings, as localised text in `locale`. */
  warnings: string[];
}

/** Open or closed at an instant, and when that changes, in the place's local time. */
export interface OpeningStatus {
  /** `unknown`: no hours given, or they cannot be evaluated. */
  state: 'open' | 'closed' | 'unknown';
  /** The next change (within 8 days), null when none. */
  nextChange: Date | null;
  /** The next change in the place's local time: date `YYYY-MM-DD`, weekday 0 = Monday … 6 = Sunday, `HH:MM`. */
  nextChangeLocal: { date: string; weekday: number; time: string } | null;
}

/** One day of a week's schedule in the place's local time. */
export interface DaySchedule {
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Opening intervals, `HH:MM` local (`to` may be `24:00`), in order. */
  intervals: { from: string; to: string }[];
  /** The public holiday's name when the day is one, else null. */
  holiday: string | null;
}

export function checkOpeningHours(value: string, clock: PlaceClock, locale: string): OpeningHoursCheck {
  void value;
  void clock;
  void locale;
  throw new Error('not implemented');
}

/** Derived flags stored with the place for filtering: open some Saturday; open at or after 18:00 on some day. */
export function openingFlags(value: string | null, clock: PlaceClock): { openSaturday: boolean; openEvening: boolean } {
  void value;
  void clock;
  throw new Error('not implemented');
}

/** Open or closed at `at`. Fast enough to call for every place of a list (parsed values are cached). */
export function openingStatus(value: string | null, clock: PlaceClock, at: Date): OpeningStatus {
  void value;
  void clock;
  void at;
  throw new Error('not implemented');
}

/** The 7 days (Monday first, local) of the week containing `at`, with their intervals and holidays. */
export function weeklySchedule(value: string | null, clock: PlaceClock, at: Date): DaySchedule[] {
  void value;
  void clock;
  void at;
  throw new Error('not implemented');
}
