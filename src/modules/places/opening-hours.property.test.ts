/**
 * Property-based tests of opening hours: random weekly values (overnight ranges, weekends, `PH off`)
 * evaluated at random instants, many of them near the DST changes of the zones used, in zones on
 * both sides of UTC (one with a 30-minute DST shift). The functions are checked against each other
 * and against the flow of time: the status agrees with the day's schedule, nothing changes before
 * `nextChange`, and the state differs right after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n.js';
import { checkOpeningHours, openingFlags, openingStatus, wallClock, weeklySchedule, type PlaceClock } from './opening-hours.js';

const CLOCKS: PlaceClock[] = [
  { country: 'FR', region: 'FR-IDF', timeZone: 'Europe/Paris' },
  { country: 'FR', region: 'FR-57', timeZone: 'Europe/Paris' },
  { country: 'US', region: 'US-NY', timeZone: 'America/New_York' },
  { country: 'NZ', region: null, timeZone: 'Pacific/Auckland' },
  { country: 'AU', region: 'AU-NSW', timeZone: 'Australia/Lord_Howe' },
  { country: 'JP', region: null, timeZone: 'Asia/Tokyo' },
];

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A time range in quarter hours; the end may pass midnight (up to 04:00 the next day). */
const range = fc
  .tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 40 }))
  .map(([start, length]) => `${hhmm(start * 15)}-${hhmm(Math.min(start + length, 112) * 15)}`);

/** A rule: some weekdays and up to three ranges, or a day off. */
const rule = fc
  .tuple(fc.subarray([...DAYS], { minLength: 1 }), fc.array(range, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([days, ranges, off]) => `${days.join(',')} ${off ? 'off' : ranges.join(',')}`);

/** A value of one to four rules, with public holidays closed or not. */
const value = fc
  .tuple(fc.array(rule, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([rules, ph]) => [...rules, ...(ph ? ['PH off'] : [])].join('; '));

/** DST changes of the zones above in 2026 and 2027 (UTC), to draw instants near them. */
const TRANSITIONS = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2027-03-28T01:00:00Z',
  '2027-10-31T01:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-04-04T14:00:00Z',
  '2026-09-26T14:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
].map((iso) => Date.parse(iso));

const instant = fc.oneof(
  fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') })
    .map((ms) => new Date(ms - (ms % 60_000))),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -36 * 60, max: 36 * 60 }))
    .map(([t, minutes]) => new Date(t + minutes * 60_000)),
);

const clock = fc.constantFrom(...CLOCKS);

/** Whether the wall clock of `at` falls in one of the intervals of its day in the week's schedule. */
function insideSchedule(v: string, c: PlaceClock, at: Date): boolean {
  const wall = wallClock(at, c.timeZone);
  const date = `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
  const day = weeklySchedule(v, c, at).find((d) => d.date === date);
  if (!day) throw new Error(`no ${date} in the week of ${at.toISOString()}`);
  const minute = wall.hour * 60 + wall.minute + wall.second / 60;
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return day.intervals.some((i) => toMinutes(i.from) <= minute && minute < toMinutes(i.to));
}

const RUNS = { numRuns: 250 };
// Hundreds of evaluations per run: generous timeouts, never assertions about time.
const TIMEOUT = 180_000;

describe('opening hours, properties', () => {
  it(
    'the status at an instant is "inside one of the intervals of its local day"',
    () => {
      fc.assert(
        fc.property(value, clock, instant, (v, c, at) => {
          const status = openingStatus(v, c, at);
          expect(status.state).not.toBe('unknown');
          expect(status.state === 'open').toBe(insideSchedule(v, c, at));
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'nothing changes before nextChange, and the state differs right after it',
    () => {
      fc.assert(
        fc.property(value, clock, instant, fc.double({ min: 0, max: 1, noNaN: true }), (v, c, at, fraction) => {
          const status = openingStatus(v, c, at);
          if (!status.nextChange) {
            // No change within 8 days: the same state all along.
            for (let hours = 1; hours < 8 * 24; hours += 7) {
              expect(openingStatus(v, c, new Date(at.getTime() + hours * 3_600_000)).state).toBe(status.state);
            }
            return;
          }
          const next = status.nextChange.getTime();
          expect(next).toBeGreaterThan(at.getTime());
          expect(next - at.getTime()).toBeLessThanOrEqual(8 * 86_400_000);
          expect(openingStatus(v, c, status.nextChange).state).not.toBe(status.state);
          expect(openingStatus(v, c, new Date(next - 1000)).state).toBe(status.state);
          const between = new Date(at.getTime() + Math.floor((next - at.getTime()) * fraction));
          if (between.getTime() < next) expect(openingStatus(v, c, between).state).toBe(status.state);
          // The local description is the wall clock of the instant.
          const shown = wallClock(status.nextChange, c.timeZone);
          expect(status.nextChangeLocal?.time).toBe(`${String(shown.hour).padStart(2, '0')}:${String(shown.minute).padStart(2, '0')}`);
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'the weekly schedule has 7 consecutive days from Monday, sorted disjoint intervals within the day',
    () => {
      fc.assert(
        fc.property(value, clock, instant, (v, c, at) => {
          const week = weeklySchedule(v, c, at);
          expect(week.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
          for (let i = 1; i < 7; i++) {
            expect(Date.parse(`${week[i]!.date}T00:00:00Z`) - Date.parse(`${week[i - 1]!.date}T00:00:00Z`)).toBe(86_400_000);
          }
          for (const day of week) {
            let previousEnd = -1;
            for (const { from, to } of day.intervals) {
              expect(from).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
              expect(to).toMatch(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);
              expect(from < to).toBe(true);
              // Merged: a gap between an interval and the next one.
              expect(Number(from.slice(0, 2)) * 60 + Number(from.slice(3, 5))).toBeGreaterThan(previousEnd);
              previousEnd = Number(to.slice(0, 2)) * 60 + Number(to.slice(3, 5));
            }
            if (day.holiday !== null && v.endsWith('PH off')) expect(day.intervals).toEqual([]);
          }
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'any text is either accepted or refused with a clear message in each language, never a crash',
    () => {
      // Valid values with a typo inserted, and arbitrary text.
      const typo = fc
        .tuple(value, fc.nat(), fc.constantFrom('-', ':', ',', ';', '2', 'x', ' ', '+', '"', '25:00', 'Mo'))
        .map(([v, at, insert]) => v.slice(0, at % (v.length + 1)) + insert + v.slice(at % (v.length + 1)));
      fc.assert(
        fc.property(
          fc.oneof(typo, fc.string({ minLength: 1, maxLength: 60 })),
          clock,
          fc.constantFrom('en' as const, 'fr' as const),
          (v, c, locale) => {
            const check = checkOpeningHours(v, c, locale);
            if (check.error === null) {
              // Accepted values can be evaluated.
              expect(['open', 'closed', 'unknown']).toContain(openingStatus(v, c, new Date('2026-11-26T09:00:00Z')).state);
              return;
            }
            expect(check.error.key).toMatch(/^hours\.errors\./);
            const message = translator(locale)(check.error.key, check.error.values);
            expect(message).not.toBe(check.error.key);
            // The library's reason, on one line, without its position marker or a stack trace.
            expect(String(check.error.values?.reason ?? '')).not.toMatch(/<---|\n|\.js:\d+/);
            expect(message).not.toMatch(/\n/);
            expect(openingStatus(v, c, new Date('2026-11-26T09:00:00Z')).state).toBe('unknown');
          },
        ),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'the flags agree with the schedule of ordinary weeks',
    () => {
      // Two weeks of the flags' reference year without any public holiday in France.
      const weeks = [new Date('2026-03-04T12:00:00Z'), new Date('2026-10-14T12:00:00Z')];
      const paris = CLOCKS[0]!;
      fc.assert(
        fc.property(value, (v) => {
          const flags = openingFlags(v, paris);
          const days = weeks.flatMap((at) => weeklySchedule(v, paris, at));
          expect(flags.openSaturday).toBe(days.some((d) => d.weekday === 5 && d.intervals.length > 0));
          expect(flags.openEvening).toBe(days.some((d) => d.intervals.some((i) => i.to > '18:00')));
        }),
        { numRuns: 150 },
      );
    },
    TIMEOUT,
  );
});
