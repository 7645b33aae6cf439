/**
 * Wall-clock time in a place's time zone, for workshops and appointment slots: mediators type a
 * date and a time as the place's clock shows them, people read them grouped by the place's local
 * day. Pure (Intl only), so it works the same on Node 20 and 24 without a time-zone library.
 * (Opening hours have their own conversion in opening-hours.ts, around the opening_hours package.)
 */

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormats.set(timeZone, f);
  }
  return f;
}

/** The local date and time of an instant in `timeZone`: `YYYY-MM-DD`, `HH:MM`. */
export function localParts(at: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes `timeZone` is ahead of UTC at `at`. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/**
 * The instant at which the clock of `timeZone` shows `date` `time` (`HH:MM`, or `H:MM`); null when
 * the input is not a valid date and time. A local time that does not exist (the hour skipped when
 * clocks go forward) is null too, unless `skipped` is `forward`: then it moves forward by the gap
 * (02:30 → 03:30), as calendar apps do. An hour that happens twice (clocks go back) is its first
 * occurrence.
 */
export function zonedToUtc(date: string, time: string, timeZone: string, skipped: 'reject' | 'forward' = 'reject'): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const wall = Date.UTC(y, m - 1, day, Number(t[1]), Number(t[2]));
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== day) return null;
  // Two passes: the offset before and after a change can differ; take the earliest that matches.
  const candidates = [wall - offsetMinutes(new Date(wall), timeZone) * 60_000];
  candidates.push(wall - offsetMinutes(new Date(candidates[0]!), timeZone) * 60_000);
  candidates.push(wall - offsetMinutes(new Date(wall - 24 * 60 * 60_000), timeZone) * 60_000);
  const hhmm = `${t[1]!.padStart(2, '0')}:${t[2]}`;
  const matching = candidates
    .filter((c) => {
      const local = localParts(new Date(c), timeZone);
      return local.date === date && local.time === hhmm;
    })
    .sort((a, b) => a - b);
  if (matching.length > 0) return new Date(matching[0]!);
  return skipped === 'forward' ? new Date(Math.max(...candidates)) : null;
}

/** The local date (`YYYY-MM-DD`) and time (`HH:MM`) of an ISO instant in `timeZone` (to fill a form). */
export function utcToZoned(iso: string, timeZone: string): { date: string; time: string } {
  return localParts(new Date(iso), timeZone);
}

/** Adds whole days to a local `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const d = DATE.exec(date);
  if (!d) return date;
  return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]) + days)).toISOString().slice(0, 10);
}
