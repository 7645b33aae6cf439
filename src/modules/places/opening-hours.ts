/**
 * Opening hours (OSM `opening_hours` syntax) evaluated in the place's own time zone, with public
 * holidays for its country and region. CONTRACT written by the lead; helper H1 implements the
 * bodies (and may add functions). Other helpers code against these signatures.
 *
 * How the time zone is handled. The `opening_hours` library evaluates JavaScript `Date`s through
 * their *process-local* fields (`getHours()`, `getDay()`…), whatever the process's `TZ`. So every
 * evaluation goes through a "floating" date: the instant is first turned into the place's wall clock
 * (`Intl.DateTimeFormat` with the place's `timeZone`), a `Date` whose process-local fields equal that
 * wall clock is built and given to the library, and the library's answers (also floating dates) are
 * read back as wall-clock fields and turned into instants in the place's zone (`zonedInstant`, which
 * resolves the place's DST gaps and overlaps). A floating date must be able to show every wall-clock
 * time, which is not so in a process zone with DST (02:30 on the last Sunday of March does not exist
 * in Paris). So the library always runs with the process in UTC: `inUtc` sets `process.env.TZ` to UTC
 * for the synchronous duration of the call and puts it back (Node applies a change of `TZ` at once;
 * the library is synchronous, so no other code runs in between, and it costs some microseconds).
 */
import opening_hours from 'opening_hours';
import { SUPPORTED_LOCALES } from '../../config.js';
import { translator, type MessageKey } from '../../platform/i18n.js';

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
  /** The place's local date (`YYYY-MM-DD`) at the evaluated instant, so views can say "today"/"tomorrow". */
  todayLocal?: string;
  /** Why the state is `unknown`: the hours say so (`10:00+`, `unknown`, a comment) rather than none or unreadable ones. */
  uncertain?: boolean;
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

// ---------------------------------------------------------------------------------------------
// Wall clocks and instants in an IANA zone
// ---------------------------------------------------------------------------------------------

/** Wall-clock fields of an instant in some zone (month 1–12, weekday 0 = Monday … 6 = Sunday). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormats.get(timeZone);
  if (!f) {
    // Throws a RangeError for an unknown zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zoneFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of the instant `at` in `timeZone`. */
export function wallClock(at: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of zoneFormat(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const ms = ((at.getTime() % 1000) + 1000) % 1000;
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    millisecond: ms,
  };
}

function wallMs(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** The zone's offset from UTC at `t` (ms since epoch), in ms. */
function offsetAt(t: number, timeZone: string): number {
  return wallMs(wallClock(new Date(t), timeZone)) - t;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock of `timeZone` shows `wall`. In a DST overlap (the wall time
 * happens twice) the earlier instant, or the earliest one after `after` when given. In a DST gap (the
 * wall time never happens) the instant of the jump, when the clock passes over that wall time.
 */
export function zonedInstant(wall: WallClock, timeZone: string, after?: Date): Date {
  const target = wallMs(wall);
  const offsets = [...new Set([offsetAt(target - DAY_MS, timeZone), offsetAt(target, timeZone), offsetAt(target + DAY_MS, timeZone)])];
  const candidates = offsets
    .map((o) => target - o)
    .filter((t) => offsetAt(t, timeZone) === target - t)
    .sort((a, b) => a - b);
  if (candidates.length > 0) {
    const pick = after ? (candidates.find((t) => t > after.getTime()) ?? candidates[candidates.length - 1]) : candidates[0];
    return new Date(pick ?? target);
  }
  // A gap: find the first instant whose wall clock is at or past the target (second precision).
  let lo = target - Math.max(...offsets); // its wall clock is before the target
  let hi = target - Math.min(...offsets); // its wall clock is after the target
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (mid === lo) break;
    if (mid + offsetAt(mid, timeZone) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

// eslint-disable-next-line no-restricted-properties -- not configuration: the process's own clock zone, switched to UTC around library calls
const processEnv = process.env;
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'GMT', 'Etc/GMT', 'UCT', 'Etc/UCT']);
/** The process's zone when `TZ` is not set (read once: only `TZ` changes it afterwards). */
const SYSTEM_ZONE = processEnv.TZ === undefined ? new Intl.DateTimeFormat().resolvedOptions().timeZone : null;
let utcDepth = 0;

/** Runs `fn` with the process in UTC, so that floating dates can show every wall-clock time. */
export function inUtc<T>(fn: () => T): T {
  const tz = processEnv.TZ;
  if (utcDepth > 0 || (tz === undefined ? UTC_NAMES.has(SYSTEM_ZONE ?? '') : UTC_NAMES.has(tz.replace(/^:/, '')))) return fn();
  utcDepth++;
  processEnv.TZ = 'UTC';
  try {
    return fn();
  } finally {
    utcDepth--;
    if (tz === undefined) delete processEnv.TZ;
    else processEnv.TZ = tz;
  }
}

/**
 * Runs a library call without its console output: for values it cannot evaluate (e.g. `PH` in a
 * country without holiday definitions) the library prints the message before throwing it, and the
 * callers here handle the throw. A server would otherwise log one line per place per request.
 */
function quietly<T>(fn: () => T): T {
  const error = console.error;
  const warn = console.warn;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return fn();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** A process-local ("floating") date whose local fields equal `wall`, as the library reads dates. */
export function floatingDate(wall: WallClock): Date {
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
}

/** The wall clock a floating date stands for. */
export function floatingWall(d: Date): WallClock {
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    second: d.getSeconds(),
    millisecond: d.getMilliseconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a wall clock. */
export function wallDate(w: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:MM` of a wall clock. */
export function wallTime(w: Pick<WallClock, 'hour' | 'minute'>): string {
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** 0 = Monday … 6 = Sunday of a calendar date. */
export function weekdayOf(w: Pick<WallClock, 'year' | 'month' | 'day'>): number {
  return (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
}

/** The calendar date `days` after `w` (time fields reset to midnight). */
function addDays(w: Pick<WallClock, 'year' | 'month' | 'day'>, days: number): WallClock {
  const d = new Date(Date.UTC(w.year, w.month - 1, w.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 };
}

// ---------------------------------------------------------------------------------------------
// Holidays: the library's location object
// ---------------------------------------------------------------------------------------------

/**
 * ISO 3166-2 codes of France to the library's state names (its French holiday definitions are keyed
 * by region, and by department for Alsace-Moselle's extra holidays). Overseas territories also have
 * their own ISO 3166-1 codes (`GP`…): those are folded into France with their state.
 */
const FR_STATES: Record<string, string> = {
  ARA: 'Auvergne-Rhône-Alpes',
  BFC: 'Bourgogne-Franche-Comté',
  BRE: 'Bretagne',
  CVL: 'Centre-Val de Loire',
  COR: 'Corse',
  '20R': 'Corse',
  '2A': 'Corse',
  '2B': 'Corse',
  GES: 'Grand Est',
  HDF: 'Hauts-de-France',
  IDF: 'Île-de-France',
  NOR: 'Normandie',
  NAQ: 'Nouvelle-Aquitaine',
  OCC: 'Occitanie',
  PDL: 'Pays de la Loire',
  PAC: "Provence-Alpes-Côte d'Azur",
  '67': 'Bas-Rhin',
  '68': 'Haut-Rhin',
  '6AE': 'Bas-Rhin', // Collectivité européenne d'Alsace: Bas-Rhin and Haut-Rhin share their holidays
  '57': 'Moselle',
  '971': 'Guadeloupe',
  GP: 'Guadeloupe',
  '972': 'Martinique',
  MQ: 'Martinique',
  '973': 'Guyane',
  GF: 'Guyane',
  '974': 'La Réunion',
  RE: 'La Réunion',
  '976': 'Mayotte',
  YT: 'Mayotte',
  PF: 'Polynésie française',
  NC: 'Nouvelle-Calédonie',
  WF: 'Wallis-et-Futuna',
  BL: 'Saint-Barthélemy',
  MF: 'Saint-Martin',
  PM: 'Saint-Pierre-et-Miquelon',
};
// Saint-Pierre-et-Miquelon (PM) has holiday definitions of its own in the library.
const FR_OVERSEAS = new Set(['GP', 'MQ', 'GF', 'RE', 'YT', 'PF', 'NC', 'WF', 'BL', 'MF']);

/** Rough centres used for sunrise/sunset when a place has no coordinates. */
const DEFAULT_POSITION: Record<string, [number, number]> = { FR: [46.6, 2.4] };

interface LocationObject {
  lat: string;
  lon: string;
  address: Record<string, string>;
}

/** The Nominatim-like object the library expects for the place's holidays and sun times. */
export function holidayLocation(clock: PlaceClock): LocationObject {
  let country = clock.country.toUpperCase();
  let subdivision = clock.region?.toUpperCase().replace(/^[A-Z]{2}-/, '') ?? null;
  if (FR_OVERSEAS.has(country)) {
    subdivision = country;
    country = 'FR';
  }
  const address: Record<string, string> = { country_code: country.toLowerCase() };
  if (subdivision) {
    const frState = country === 'FR' ? FR_STATES[subdivision] : undefined;
    if (frState) address.state = frState;
    // Other countries: the library maps ISO 3166-2 codes to its state names itself.
    else address['ISO3166-2-lvl4'] = `${country}-${subdivision}`;
  }
  const [lat, lon] =
    typeof clock.latitude === 'number' && typeof clock.longitude === 'number'
      ? [clock.latitude, clock.longitude]
      : (DEFAULT_POSITION[country] ?? [0, 0]);
  return { lat: String(lat), lon: String(lon), address };
}

type Oh = InstanceType<typeof opening_hours>;

function construct(value: string, clock: PlaceClock, locale: string): Oh {
  // The library's types say numbers; it only uses lat/lon when they are strings.
  const location = holidayLocation(clock) as unknown as ConstructorParameters<typeof opening_hours>[1];
  return new opening_hours(value, location, { tag_key: 'opening_hours', locale } as ConstructorParameters<typeof opening_hours>[2]);
}

/** Parsed values, keyed by value and location: parsing costs about a millisecond, evaluating far less. */
const CACHE_SIZE = 1000;
const parsed = new Map<string, Oh | null>();

function cacheKey(value: string, clock: PlaceClock): string {
  const loc = holidayLocation(clock);
  return `${loc.address.country_code}|${loc.address.state ?? loc.address['ISO3166-2-lvl4'] ?? ''}|${Number(loc.lat).toFixed(1)}|${Number(loc.lon).toFixed(1)}|${value}`;
}

/** The parsed value (cached, bounded, least recently used dropped), or null when it does not parse. */
function parse(value: string, clock: PlaceClock): Oh | null {
  const key = cacheKey(value, clock);
  if (parsed.has(key)) {
    const hit = parsed.get(key) ?? null;
    parsed.delete(key);
    parsed.set(key, hit);
    return hit;
  }
  let oh: Oh | null;
  try {
    oh = value.trim() === '' ? null : construct(value, clock, 'en');
  } catch {
    oh = null;
  }
  parsed.set(key, oh);
  if (parsed.size > CACHE_SIZE) {
    const oldest = parsed.keys().next();
    if (!oldest.done) parsed.delete(oldest.value);
  }
  return oh;
}

/** Public holidays by location and year: local date `YYYY-MM-DD` → name (empty map: none known). */
const holidayYears = new Map<string, Map<string, string>>();

/** The public-holiday name of a local date for the place's location, or null. */
function holidayName(clock: PlaceClock, date: Pick<WallClock, 'year' | 'month' | 'day'>): string | null {
  const key = `${cacheKey('PH', clock)}|${date.year}`;
  let names = holidayYears.get(key);
  if (!names) {
    names = new Map();
    try {
      const ph = construct('PH', clock, 'en');
      const from = { year: date.year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };
      for (const [start, end, , comment] of ph.getOpenIntervals(floatingDate(from), floatingDate({ ...from, year: date.year + 1 }))) {
        for (const part of splitByDay(floatingWall(start), floatingWall(end))) names.set(wallDate(part.day), comment ?? '');
      }
    } catch {
      // No holiday definitions for this country: an empty year.
    }
    if (holidayYears.size > 500) holidayYears.clear();
    holidayYears.set(key, names);
  }
  return names.get(wallDate(date)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// The contract
// ---------------------------------------------------------------------------------------------

/**
 * Splits a library message `"<value up to the problem> <--- (reason)"` into its parts. Some messages
 * carry a second marker with a second reason: the reasons are joined, the text is kept on one line.
 */
export function splitLibraryMessage(message: string): { near: string | null; reason: string } {
  const parts = message.replace(/\s+/g, ' ').split(/\s*<---\s*/);
  if (parts.length < 2) return { near: null, reason: message.replace(/\s+/g, ' ').trim() };
  const before = (parts[0] ?? '').trim();
  // The last few characters before the marker are where the reader should look.
  const near = before.length > 30 ? `…${before.slice(-30)}` : before;
  const reason = parts
    .slice(1)
    .map((p) => p.trim().replace(/^\(/, '').replace(/\)$/, '').trim())
    .filter((p) => p !== '')
    .join(' ');
  return { near: near || null, reason };
}

/** The library's warnings and errors exist in en, fr and de; the UI's locales map to these. */
function libraryLocale(locale: string): string {
  const base = locale.toLowerCase().split('-')[0] ?? 'en';
  return ['en', 'fr', 'de'].includes(base) ? base : 'en';
}

/** Dates (floating, in UTC) evaluated once by `checkOpeningHours` to surface evaluation-time errors. */
const PROBE_DATES = [new Date(Date.UTC(2026, 0, 5, 12)), new Date(Date.UTC(2026, 4, 1, 12))];

export function checkOpeningHours(value: string, clock: PlaceClock, locale: string): OpeningHoursCheck {
  return inUtc(() => quietly(() => checkOpeningHoursInUtc(value, clock, locale)));
}

function checkOpeningHoursInUtc(value: string, clock: PlaceClock, locale: string): OpeningHoursCheck {
  if (value.trim() === '') return { error: { key: 'hours.errors.empty' }, warnings: [] };
  if (!isTimeZone(clock.timeZone)) return { error: { key: 'hours.errors.timeZone', values: { timeZone: clock.timeZone } }, warnings: [] };
  let oh: Oh;
  try {
    oh = construct(value, clock, libraryLocale(locale));
    // Holidays are looked up when evaluated, not when parsed: evaluate once to catch an unknown country.
    for (const d of PROBE_DATES) oh.getState(d);
  } catch (e) {
    const message = typeof e === 'string' ? e : e instanceof Error ? e.message : String(e);
    if (/holiday/i.test(message) && /\bPH\b/.test(value)) {
      return { error: { key: 'hours.errors.holidaysUnknown', values: { country: clock.country } }, warnings: [] };
    }
    const { near, reason } = splitLibraryMessage(message);
    return near
      ? { error: { key: 'hours.errors.invalid', values: { near, reason } }, warnings: [] }
      : { error: { key: 'hours.errors.invalidAnywhere', values: { reason } }, warnings: [] };
  }
  let warnings: string[] = [];
  try {
    warnings = oh.getStructuredWarnings().map((w) => {
      const near = w.position === null ? null : w.value.slice(Math.max(0, w.position - 30), w.position).trim();
      return near ? formatWarning(locale, w.message, near) : w.message;
    });
  } catch {
    warnings = [];
  }
  return { error: null, warnings };
}

/** `reason (near "…")` in the UI's locale. */
function formatWarning(locale: string, reason: string, near: string): string {
  const uiLocale = SUPPORTED_LOCALES.find((l) => l === locale) ?? 'en';
  return translator(uiLocale)('hours.warning', { reason, near });
}

/**
 * The reference period of `openingFlags`: the 52 weeks from Monday 5 January 2026. Flags describe a
 * place's usual week, so they must not depend on the day they are computed: a fixed year is used,
 * which also catches seasonal rules (`Sep-Jun Sa 10:00-12:00`), and public holidays of the place are
 * left out (a place closed on Saturdays except a holiday Saturday is not "open on Saturday").
 */
const FLAG_PERIOD = { start: { year: 2026, month: 1, day: 5 }, weeks: 52 };
const EVENING_MINUTES = 18 * 60;

/** Derived flags stored with the place for filtering: open some Saturday; open at or after 18:00 on some day. */
export function openingFlags(value: string | null, clock: PlaceClock): { openSaturday: boolean; openEvening: boolean } {
  return inUtc(() => quietly(() => openingFlagsInUtc(value, clock)));
}

function openingFlagsInUtc(value: string | null, clock: PlaceClock): { openSaturday: boolean; openEvening: boolean } {
  const flags = { openSaturday: false, openEvening: false };
  if (value === null) return flags;
  const oh = parse(value, clock);
  if (!oh) return flags;
  const start = addDays(FLAG_PERIOD.start, 0);
  // A value without date-dependent rules (months, weeks, years) has the same weeks all year, apart
  // from its holiday rules (`PH off`, which the library counts as date-dependent): then two weeks of
  // the period are enough, and much faster (the library evaluates holidays day by day).
  const weeks = usualWeeksOnly(value, clock) ? 2 : FLAG_PERIOD.weeks;
  const end = addDays(FLAG_PERIOD.start, weeks * 7);
  let intervals: ReturnType<Oh['getOpenIntervals']>;
  try {
    intervals = oh.getOpenIntervals(floatingDate(start), floatingDate(end));
  } catch {
    return flags;
  }
  const holidays = new Map<string, boolean>();
  const isHoliday = (day: WallClock) => {
    const k = wallDate(day);
    let h = holidays.get(k);
    if (h === undefined) holidays.set(k, (h = holidayName(clock, day) !== null));
    return h;
  };
  for (const [from, to, unknown] of intervals) {
    if (unknown) continue;
    for (const part of splitByDay(floatingWall(from), floatingWall(to))) {
      if (flags.openSaturday && flags.openEvening) return flags;
      if (isHoliday(part.day)) continue;
      if (weekdayOf(part.day) === 5) flags.openSaturday = true;
      if (part.toMinutes > EVENING_MINUTES) flags.openEvening = true;
    }
  }
  return flags;
}

/** Whether `value`, without its rules that apply to public holidays only, has the same hours every week. */
function usualWeeksOnly(value: string, clock: PlaceClock): boolean {
  const rules = value
    .split(';')
    .map((r) => r.trim())
    .filter((r) => r !== '' && !/^PH(\s|$)/.test(r));
  if (rules.length === 0) return true;
  const withoutHolidays = parse(rules.join('; '), clock);
  try {
    return withoutHolidays?.isWeekStable() ?? false;
  } catch {
    return false;
  }
}

/** The per-day pieces of a wall-clock interval: minutes from midnight, `toMinutes` up to 1440. */
function splitByDay(from: WallClock, to: WallClock): { day: WallClock; fromMinutes: number; toMinutes: number }[] {
  const parts: { day: WallClock; fromMinutes: number; toMinutes: number }[] = [];
  let day = addDays(from, 0);
  let fromMinutes = from.hour * 60 + from.minute + (from.second > 0 || from.millisecond > 0 ? 1 : 0);
  const endDate = wallDate(to);
  const endMinutes = to.hour * 60 + to.minute + (to.second > 0 || to.millisecond > 0 ? 1 : 0);
  for (let guard = 0; guard < 400; guard++) {
    const last = wallDate(day) === endDate;
    const toMinutes = last ? endMinutes : 1440;
    if (toMinutes > fromMinutes) parts.push({ day, fromMinutes, toMinutes });
    if (last || wallDate(day) > endDate) break;
    day = addDays(day, 1);
    fromMinutes = 0;
  }
  return parts;
}

const UNKNOWN: OpeningStatus = { state: 'unknown', nextChange: null, nextChangeLocal: null };
const STATUS_HORIZON_DAYS = 8;

/** Open or closed at `at`. Fast enough to call for every place of a list (parsed values are cached). */
export function openingStatus(value: string | null, clock: PlaceClock, at: Date): OpeningStatus {
  return inUtc(() => quietly(() => openingStatusInUtc(value, clock, at)));
}

/**
 * Statuses computed, by value and location: a status holds from the instant it was computed until its
 * next change, so a list asked again before any of its places opens or closes costs nothing.
 */
const statuses = new Map<string, { from: number; status: OpeningStatus }>();

function openingStatusInUtc(value: string | null, clock: PlaceClock, at: Date): OpeningStatus {
  if (value === null || !isTimeZone(clock.timeZone)) return UNKNOWN;
  const key = `${clock.timeZone}|${cacheKey(value, clock)}`;
  const cached = statuses.get(key);
  const t = at.getTime();
  if (cached?.status.nextChange && cached.from <= t && t < cached.status.nextChange.getTime()) {
    return { ...cached.status, nextChange: new Date(cached.status.nextChange), todayLocal: wallDate(wallClock(at, clock.timeZone)) };
  }
  const status = computeStatus(value, clock, at);
  if (status.nextChange) {
    if (statuses.size >= CACHE_SIZE) statuses.clear();
    statuses.set(key, { from: t, status });
  }
  return status;
}

function computeStatus(value: string, clock: PlaceClock, at: Date): OpeningStatus {
  const oh = parse(value, clock);
  if (!oh) return UNKNOWN;
  const tz = clock.timeZone;
  const todayLocal = wallDate(wallClock(at, tz));
  try {
    const stateAt = (floating: Date) => (oh.getUnknown(floating) ? 'unknown' : oh.getState(floating) ? 'open' : 'closed');
    const state = stateAt(floatingAt(at.getTime() + offsetAt(at.getTime(), tz)));
    if (state === 'unknown') return { ...UNKNOWN, todayLocal, uncertain: true };
    const found = (instant: number): OpeningStatus => {
      const shown = wallClock(new Date(instant), tz);
      return {
        state,
        nextChange: new Date(instant),
        nextChangeLocal: { date: wallDate(shown), weekday: weekdayOf(shown), time: wallTime(shown) },
        todayLocal,
      };
    };
    // Within each stretch of constant UTC offset the wall clock runs straight, so the library's next
    // change (in wall-clock time) maps to exactly one instant. Where the clock jumps (DST), the state
    // right after the jump is compared: a jump over a closing time closes the place at the jump; the
    // repeated hour of an autumn change may reopen it.
    const segments = clockSegments(at.getTime(), at.getTime() + STATUS_HORIZON_DAYS * DAY_MS, tz);
    for (const [index, segment] of segments.entries()) {
      if (index > 0 && stateAt(floatingAt(segment.start + segment.offset)) !== state) return found(segment.start);
      const end = segment.end + segment.offset;
      const next = oh.getNextChange(floatingAt(segment.start + segment.offset), floatingAt(end));
      if (!next) continue;
      const wall = wallMs(floatingWall(next));
      if (wall < end || (index === segments.length - 1 && wall === end)) return found(wall - segment.offset);
    }
    return { state, nextChange: null, nextChangeLocal: null, todayLocal };
  } catch {
    return UNKNOWN;
  }
}

/** The floating date of a wall clock given as ms since the epoch "as if UTC". */
function floatingAt(wall: number): Date {
  const d = new Date(wall);
  return floatingDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  });
}

/**
 * The stretches of constant UTC offset of `timeZone` between two instants (ms), in order. Zones
 * change offset at most twice a year, months apart: within the 8 days of a status there is at most
 * one change, found by bisection when the offsets at both ends differ.
 */
export function clockSegments(start: number, end: number, timeZone: string): { start: number; end: number; offset: number }[] {
  const first = offsetAt(start, timeZone);
  const last = offsetAt(end, timeZone);
  if (first === last) return [{ start, end, offset: first }];
  let lo = start;
  let hi = end;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === first) lo = mid;
    else hi = mid;
  }
  return [
    { start, end: hi, offset: first },
    { start: hi, end, offset: last },
  ];
}

/** `HH:MM` of minutes from midnight (1440 → `24:00`). */
function minutesTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** The 7 days (Monday first, local) of the week containing `at`, with their intervals and holidays. */
export function weeklySchedule(value: string | null, clock: PlaceClock, at: Date): DaySchedule[] {
  return inUtc(() => quietly(() => weeklyScheduleInUtc(value, clock, at)));
}

function weeklyScheduleInUtc(value: string | null, clock: PlaceClock, at: Date): DaySchedule[] {
  const timeZone = isTimeZone(clock.timeZone) ? clock.timeZone : 'UTC';
  const today = wallClock(at, timeZone);
  const monday = addDays(today, -weekdayOf(today));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const oh = value === null ? null : parse(value, clock);
  const pieces = new Map<string, [number, number][]>();
  if (oh) {
    try {
      for (const [from, to, unknown] of oh.getOpenIntervals(floatingDate(monday), floatingDate(addDays(monday, 7)))) {
        if (unknown) continue;
        for (const part of splitByDay(floatingWall(from), floatingWall(to))) {
          const k = wallDate(part.day);
          pieces.set(k, [...(pieces.get(k) ?? []), [part.fromMinutes, part.toMinutes]]);
        }
      }
    } catch {
      pieces.clear();
    }
  }
  return days.map((day, weekday) => {
    const date = wallDate(day);
    const merged: [number, number][] = [];
    for (const [from, to] of (pieces.get(date) ?? []).sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return {
      date,
      weekday,
      intervals: merged.map(([from, to]) => ({ from: minutesTime(from), to: minutesTime(to) })),
      holiday: holidayName(clock, day),
    };
  });
}
