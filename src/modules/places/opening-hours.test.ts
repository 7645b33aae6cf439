import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../platform/i18n.js';
import {
  checkOpeningHours,
  holidayLocation,
  inUtc,
  openingFlags,
  openingStatus,
  wallClock,
  weeklySchedule,
  zonedInstant,
  type PlaceClock,
} from './opening-hours.js';

const PARIS: PlaceClock = { country: 'FR', region: 'FR-IDF', timeZone: 'Europe/Paris' };
const STRASBOURG: PlaceClock = { country: 'FR', region: 'FR-67', timeZone: 'Europe/Paris', latitude: 48.58, longitude: 7.75 };
const NEW_YORK: PlaceClock = { country: 'US', region: 'US-NY', timeZone: 'America/New_York' };
const AUCKLAND: PlaceClock = { country: 'NZ', region: null, timeZone: 'Pacific/Auckland' };

const WEEKDAYS = 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00; PH off';
const at = (iso: string) => new Date(iso);

describe('wall clocks and instants', () => {
  it('reads an instant in a zone', () => {
    expect(wallClock(at('2026-07-01T10:15:00Z'), 'Europe/Paris')).toMatchObject({ year: 2026, month: 7, day: 1, hour: 12, minute: 15 });
    expect(wallClock(at('2026-01-01T10:15:00Z'), 'Europe/Paris')).toMatchObject({ hour: 11 });
    expect(wallClock(at('2026-07-01T03:00:00Z'), 'Pacific/Auckland')).toMatchObject({ day: 1, hour: 15 });
    expect(wallClock(at('2026-07-01T03:00:00Z'), 'America/New_York')).toMatchObject({ day: 30, month: 6, hour: 23 });
  });

  it('maps a wall clock back to its instant, through DST gaps and overlaps', () => {
    const w = (s: string) => {
      const [d, t] = s.split(' ');
      const [year, month, day] = (d ?? '').split('-').map(Number);
      const [hour, minute] = (t ?? '').split(':').map(Number);
      return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0, millisecond: 0 };
    };
    expect(zonedInstant(w('2026-07-01 12:15'), 'Europe/Paris').toISOString()).toBe('2026-07-01T10:15:00.000Z');
    // 29 March 2026 02:30 does not exist in Paris: the clock jumps from 02:00 to 03:00 (01:00Z).
    expect(zonedInstant(w('2026-03-29 02:30'), 'Europe/Paris').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedInstant(w('2026-03-29 03:00'), 'Europe/Paris').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 25 October 2026 02:30 happens twice: the first one, or the first after a given instant.
    expect(zonedInstant(w('2026-10-25 02:30'), 'Europe/Paris').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedInstant(w('2026-10-25 02:30'), 'Europe/Paris', at('2026-10-25T00:45:00Z')).toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(zonedInstant(w('2026-09-27 02:30'), 'Pacific/Auckland').toISOString()).toBe('2026-09-26T14:00:00.000Z');
  });
});

describe('holiday location', () => {
  it('gives the library the French state of an ISO 3166-2 region or department', () => {
    expect(holidayLocation(STRASBOURG).address).toEqual({ country_code: 'fr', state: 'Bas-Rhin' });
    expect(holidayLocation({ ...PARIS, region: 'FR-BFC' }).address.state).toBe('Bourgogne-Franche-Comté');
    expect(holidayLocation({ country: 'GP', region: null, timeZone: 'America/Guadeloupe' }).address).toEqual({
      country_code: 'fr',
      state: 'Guadeloupe',
    });
    expect(holidayLocation({ ...PARIS, region: null }).address).toEqual({ country_code: 'fr' });
    expect(holidayLocation({ country: 'DE', region: 'DE-BY', timeZone: 'Europe/Berlin' }).address).toEqual({
      country_code: 'de',
      'ISO3166-2-lvl4': 'DE-BY',
    });
  });
});

describe('checkOpeningHours', () => {
  it('accepts a valid value without warnings', () => {
    expect(checkOpeningHours(WEEKDAYS, PARIS, 'en')).toEqual({ error: null, warnings: [] });
  });

  it('refuses an empty value (null means no hours given)', () => {
    expect(checkOpeningHours('  ', PARIS, 'en').error).toEqual({ key: 'hours.errors.empty' });
  });

  it('explains a malformed value in the reader’s language, never with a stack', () => {
    for (const [locale, word] of [
      ['en', /time range/i],
      ['fr', /plage horaire/i],
    ] as const) {
      const check = checkOpeningHours('Mo-Fr 25:00-12:00', PARIS, locale);
      expect(check.error?.key).toBe('hours.errors.invalid');
      expect(check.error?.values?.near).toBe('Mo-Fr 25:00');
      expect(String(check.error?.values?.reason)).toMatch(word);
      const text = translator(locale)(check.error!.key, check.error!.values);
      expect(text).not.toMatch(/at .*\.js|<---|Error:/);
      expect(text).toContain('Mo-Fr 25:00');
    }
    const en = translator('en')('hours.errors.invalid', checkOpeningHours('Mo-Fr 25:00-12:00', PARIS, 'en').error!.values);
    expect(en).toMatch(/^The opening hours cannot be read near “Mo-Fr 25:00”: /);
    const fr = translator('fr')('hours.errors.invalid', checkOpeningHours('Mo-Fr 25:00-12:00', PARIS, 'fr').error!.values);
    expect(fr).toMatch(/^Les horaires d’ouverture ne peuvent pas être lus près de « Mo-Fr 25:00 » : /);
  });

  it('gives an error for gibberish and for an unknown time zone', () => {
    expect(checkOpeningHours('ouvert quand on peut', PARIS, 'fr').error?.key).toMatch(/^hours\.errors\.invalid/);
    expect(checkOpeningHours('Mo 09:00-12:00', { ...PARIS, timeZone: 'Mars/Olympus' }, 'en').error).toEqual({
      key: 'hours.errors.timeZone',
      values: { timeZone: 'Mars/Olympus' },
    });
  });

  it('refuses PH where the library knows no public holidays, quietly', () => {
    const india: PlaceClock = { country: 'IN', region: null, timeZone: 'Asia/Kolkata' };
    const printed: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => printed.push(args);
    try {
      expect(checkOpeningHours('Mo-Fr 09:00-17:00; PH off', india, 'en').error).toEqual({
        key: 'hours.errors.holidaysUnknown',
        values: { country: 'IN' },
      });
      expect(checkOpeningHours('Mo-Fr 09:00-17:00', india, 'en').error).toBeNull();
      expect(openingStatus('Mo-Fr 09:00-17:00; PH off', india, at('2026-11-26T06:00:00Z')).state).toBe('unknown');
      expect(openingStatus('Mo-Fr 09:00-17:00', india, at('2026-11-26T06:00:00Z'))).toMatchObject({
        state: 'open',
        nextChangeLocal: { date: '2026-11-26', time: '17:00' },
      });
      expect(weeklySchedule('Mo-Fr 09:00-17:00', india, at('2026-11-26T06:00:00Z')).every((d) => d.holiday === null)).toBe(true);
    } finally {
      console.error = error;
    }
    expect(printed).toEqual([]);
  });

  it('localises the library’s warnings', () => {
    const en = checkOpeningHours('Mo-Fr 9-18', PARIS, 'en');
    expect(en.error).toBeNull();
    expect(en.warnings).toHaveLength(1);
    expect(en.warnings[0]).toMatch(/without minutes.*\(near “Mo-Fr 9-18”\)$/);
    const fr = checkOpeningHours('Mo-Fr 9-18', PARIS, 'fr');
    expect(fr.warnings[0]).toMatch(/sans minutes.*\(près de « Mo-Fr 9-18 »\)$/);
  });
});

describe('openingFlags', () => {
  it('derives Saturday and evening opening from a usual week', () => {
    expect(openingFlags(WEEKDAYS, PARIS)).toEqual({ openSaturday: true, openEvening: true });
    expect(openingFlags('Mo-Fr 09:00-18:00', PARIS)).toEqual({ openSaturday: false, openEvening: false });
    expect(openingFlags('Mo-Fr 09:00-18:01', PARIS)).toEqual({ openSaturday: false, openEvening: true });
    expect(openingFlags('Tu 18:00-20:00', PARIS)).toEqual({ openSaturday: false, openEvening: true });
    expect(openingFlags('Sa 10:00-12:00', PARIS)).toEqual({ openSaturday: true, openEvening: false });
    expect(openingFlags('Sep-Jun Sa 10:00-12:00', PARIS)).toEqual({ openSaturday: true, openEvening: false });
    expect(openingFlags('24/7', PARIS)).toEqual({ openSaturday: true, openEvening: true });
  });

  it('counts an overnight opening as evening, and a holiday-only opening as nothing', () => {
    expect(openingFlags('Fr 22:00-02:00', PARIS)).toEqual({ openSaturday: true, openEvening: true });
    expect(openingFlags('PH 10:00-20:00', PARIS)).toEqual({ openSaturday: false, openEvening: false });
  });

  it('is all false without hours or with unreadable ones', () => {
    expect(openingFlags(null, PARIS)).toEqual({ openSaturday: false, openEvening: false });
    expect(openingFlags('not hours', PARIS)).toEqual({ openSaturday: false, openEvening: false });
  });
});

describe('openingStatus', () => {
  it('is open with the closing time, or closed with the opening time, in the place’s zone', () => {
    // Thursday 26 November 2026, 10:00 in Paris (09:00Z).
    expect(openingStatus(WEEKDAYS, PARIS, at('2026-11-26T09:00:00Z'))).toEqual({
      state: 'open',
      nextChange: at('2026-11-26T11:00:00Z'),
      nextChangeLocal: { date: '2026-11-26', weekday: 3, time: '12:00' },
      todayLocal: '2026-11-26',
    });
    // Saturday 28 November 2026, 13:00: closed until Monday 09:00.
    expect(openingStatus(WEEKDAYS, PARIS, at('2026-11-28T12:00:00Z'))).toMatchObject({
      state: 'closed',
      nextChange: at('2026-11-30T08:00:00Z'),
      nextChangeLocal: { date: '2026-11-30', weekday: 0, time: '09:00' },
    });
  });

  it('crosses midnight', () => {
    const value = 'Fr 22:00-02:00';
    // Friday 27 November 2026 23:30 Paris = 22:30Z: open, closes Saturday 02:00.
    expect(openingStatus(value, PARIS, at('2026-11-27T22:30:00Z'))).toMatchObject({
      state: 'open',
      nextChange: at('2026-11-28T01:00:00Z'),
      nextChangeLocal: { date: '2026-11-28', weekday: 5, time: '02:00' },
    });
    expect(openingStatus(value, PARIS, at('2026-11-28T01:30:00Z'))).toMatchObject({
      state: 'closed',
      nextChangeLocal: { date: '2026-12-04', weekday: 4, time: '22:00' },
    });
  });

  it('keeps public holidays closed, national and regional', () => {
    // Friday 1 May 2026, 10:00 in Paris: closed, opens Saturday 2 May 09:00.
    expect(openingStatus(WEEKDAYS, PARIS, at('2026-05-01T08:00:00Z'))).toMatchObject({
      state: 'closed',
      nextChangeLocal: { date: '2026-05-02', weekday: 5, time: '09:00' },
    });
    // Tuesday 14 July 2026.
    expect(openingStatus(WEEKDAYS, PARIS, at('2026-07-14T08:00:00Z')).state).toBe('closed');
    // Saturday 26 December 2026 is a holiday in Alsace-Moselle only.
    expect(openingStatus(WEEKDAYS, PARIS, at('2026-12-26T09:00:00Z')).state).toBe('open');
    expect(openingStatus(WEEKDAYS, STRASBOURG, at('2026-12-26T09:00:00Z')).state).toBe('closed');
  });

  it('is unknown without hours, with unreadable ones, or when the hours say so', () => {
    const now = at('2026-11-26T09:00:00Z');
    expect(openingStatus(null, PARIS, now)).toEqual({ state: 'unknown', nextChange: null, nextChangeLocal: null });
    expect(openingStatus('nonsense', PARIS, now).state).toBe('unknown');
    expect(openingStatus('Mo-Su unknown "call us"', PARIS, now).state).toBe('unknown');
    expect(openingStatus('Mo-Su 08:00+', PARIS, now)).toMatchObject({ state: 'unknown', uncertain: true });
    expect(openingStatus('nonsense', PARIS, now).uncertain).toBeUndefined();
  });

  it('has no next change within 8 days for 24/7 or a value closed for good', () => {
    expect(openingStatus('24/7', PARIS, at('2026-11-26T09:00:00Z'))).toMatchObject({ state: 'open', nextChange: null });
    expect(openingStatus('2020 Jan 01 10:00-12:00', PARIS, at('2026-11-26T09:00:00Z'))).toMatchObject({
      state: 'closed',
      nextChange: null,
    });
  });

  it('evaluates in other zones', () => {
    // 14:00Z is 09:00 in New York on Thursday 26 November 2026: Thanksgiving (a US public holiday).
    expect(openingStatus('Mo-Fr 09:00-17:00; PH off', NEW_YORK, at('2026-11-26T14:30:00Z'))).toMatchObject({
      state: 'closed',
      nextChangeLocal: { date: '2026-11-27', time: '09:00' },
    });
    expect(openingStatus('Mo-Fr 09:00-17:00; PH off', NEW_YORK, at('2026-11-25T14:30:00Z'))).toMatchObject({
      state: 'open',
      nextChange: at('2026-11-25T22:00:00Z'),
    });
    // 21:00Z Wednesday is 10:00 Thursday in Auckland (UTC+13 in November).
    expect(openingStatus('Th 09:00-17:00', AUCKLAND, at('2026-11-25T21:00:00Z'))).toMatchObject({
      state: 'open',
      nextChange: at('2026-11-26T04:00:00Z'),
      nextChangeLocal: { date: '2026-11-26', weekday: 3, time: '17:00' },
    });
  });

  it('computes the next change across the spring-forward and fall-back days in Paris', () => {
    const value = 'Mo-Su 01:00-04:00,09:00-18:00';
    // Sunday 29 March 2026: 01:00 CET = 00:00Z; 04:00 CEST = 02:00Z (only two hours later).
    expect(openingStatus(value, PARIS, at('2026-03-28T23:30:00Z'))).toMatchObject({
      state: 'closed',
      nextChange: at('2026-03-29T00:00:00Z'),
    });
    expect(openingStatus(value, PARIS, at('2026-03-29T00:30:00Z'))).toMatchObject({
      state: 'open',
      nextChange: at('2026-03-29T02:00:00Z'),
      nextChangeLocal: { date: '2026-03-29', weekday: 6, time: '04:00' },
    });
    expect(openingStatus(value, PARIS, at('2026-03-29T02:00:00Z'))).toMatchObject({
      state: 'closed',
      nextChange: at('2026-03-29T07:00:00Z'),
    });
    // Sunday 25 October 2026: 01:00 CEST = 23:00Z the day before; 04:00 CET = 03:00Z (four hours later).
    expect(openingStatus(value, PARIS, at('2026-10-24T23:30:00Z'))).toMatchObject({
      state: 'open',
      nextChange: at('2026-10-25T03:00:00Z'),
    });
    // During the repeated hour (second 02:30, 01:30Z) it is still open until 03:00Z.
    expect(openingStatus(value, PARIS, at('2026-10-25T01:30:00Z'))).toMatchObject({
      state: 'open',
      nextChange: at('2026-10-25T03:00:00Z'),
    });
    expect(openingStatus(value, PARIS, at('2026-10-25T03:00:00Z'))).toMatchObject({
      state: 'closed',
      nextChange: at('2026-10-25T08:00:00Z'),
    });
  });

  it('opens at the jump when the opening time falls in the DST gap', () => {
    // 02:30 does not exist on 29 March 2026 in Paris: the place opens when the clock jumps to 03:00.
    expect(openingStatus('Su 02:30-05:00', PARIS, at('2026-03-28T23:00:00Z'))).toMatchObject({
      state: 'closed',
      nextChange: at('2026-03-29T01:00:00Z'),
      nextChangeLocal: { date: '2026-03-29', time: '03:00' },
    });
    expect(openingStatus('Su 02:30-05:00', PARIS, at('2026-03-29T01:00:00Z')).state).toBe('open');
  });
});

describe('weeklySchedule', () => {
  it('gives the 7 local days of the week, Monday first, intervals merged and split at midnight', () => {
    const week = weeklySchedule('Mo 09:00-12:00,11:00-13:00,14:00-18:00; Fr 22:00-02:00; PH off', PARIS, at('2026-11-26T09:00:00Z'));
    expect(week.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(week.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(week[0]?.intervals).toEqual([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ]);
    expect(week[4]?.intervals).toEqual([{ from: '22:00', to: '24:00' }]);
    expect(week[5]?.intervals).toEqual([{ from: '00:00', to: '02:00' }]);
    expect(week.every((d) => d.holiday === null)).toBe(true);
  });

  it('names the week’s public holidays and closes them', () => {
    const week = weeklySchedule(WEEKDAYS, PARIS, at('2026-07-15T09:00:00Z'));
    expect(week[1]).toEqual({ date: '2026-07-14', weekday: 1, intervals: [], holiday: 'Fête Nationale de la France' });
    const christmas = weeklySchedule(WEEKDAYS, STRASBOURG, at('2026-12-24T09:00:00Z'));
    expect(christmas[4]?.holiday).toBe('Noël');
    expect(christmas[5]).toMatchObject({ date: '2026-12-26', intervals: [], holiday: 'Lendemain de Noël' });
  });

  it('uses the place’s local week', () => {
    // Sunday 29 November 2026 23:30Z is already Monday 30 November in Auckland.
    const week = weeklySchedule('Mo 09:00-10:00', AUCKLAND, at('2026-11-29T23:30:00Z'));
    expect(week[0]).toMatchObject({ date: '2026-11-30', intervals: [{ from: '09:00', to: '10:00' }] });
  });

  it('is a closed week without hours', () => {
    const week = weeklySchedule(null, PARIS, at('2026-11-26T09:00:00Z'));
    expect(week).toHaveLength(7);
    expect(week.every((d) => d.intervals.length === 0)).toBe(true);
  });
});

describe('whatever the process’s own time zone', () => {
  // Node applies a change of TZ at once: run the DST cases with the process in zones that have DST.
  const original = process.env.TZ;
  const restore = () => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  };
  afterAll(restore);

  for (const zone of ['Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'Australia/Lord_Howe']) {
    describe(`with TZ=${zone}`, () => {
      beforeAll(() => {
        process.env.TZ = zone;
      });

      it('gives the same answers around the Paris DST changes', () => {
        const value = 'Mo-Su 01:00-04:00,09:00-18:00';
        expect(openingStatus(value, PARIS, at('2026-03-29T00:30:00Z'))).toMatchObject({
          state: 'open',
          nextChange: at('2026-03-29T02:00:00Z'),
        });
        expect(openingStatus('Su 02:30-05:00', PARIS, at('2026-03-28T23:00:00Z'))).toMatchObject({
          state: 'closed',
          nextChange: at('2026-03-29T01:00:00Z'),
        });
        expect(openingStatus(value, PARIS, at('2026-10-25T01:30:00Z'))).toMatchObject({
          state: 'open',
          nextChange: at('2026-10-25T03:00:00Z'),
        });
        expect(weeklySchedule(value, PARIS, at('2026-03-29T12:00:00Z'))[6]?.intervals).toEqual([
          { from: '01:00', to: '04:00' },
          { from: '09:00', to: '18:00' },
        ]);
        expect(openingFlags('Sa 10:00-12:00; PH off', PARIS)).toEqual({ openSaturday: true, openEvening: false });
      });

      it('and in the zones of those processes’ DST changes', () => {
        // New York springs forward on 8 March 2026 at 02:00 (07:00Z); Auckland falls back on 5 April 2026 at 03:00 (14:00Z).
        expect(openingStatus('Su 01:00-03:30', NEW_YORK, at('2026-03-08T06:30:00Z'))).toMatchObject({
          state: 'open',
          nextChange: at('2026-03-08T07:30:00Z'),
          nextChangeLocal: { time: '03:30' },
        });
        expect(openingStatus('Su 02:15-02:45', AUCKLAND, at('2026-04-04T12:00:00Z'))).toMatchObject({
          state: 'closed',
          nextChange: at('2026-04-04T13:15:00Z'),
        });
        // The repeated hour: open again from the second 02:15 (14:15Z) to the second 02:45.
        expect(openingStatus('Su 02:15-02:45', AUCKLAND, at('2026-04-04T13:50:00Z'))).toMatchObject({
          state: 'closed',
          nextChange: at('2026-04-04T14:15:00Z'),
        });
      });

      it('puts the process’s zone back after each call', () => {
        openingStatus(WEEKDAYS, PARIS, at('2026-11-26T09:00:00Z'));
        weeklySchedule(WEEKDAYS, PARIS, at('2026-11-26T09:00:00Z'));
        expect(process.env.TZ).toBe(zone);
        expect(inUtc(() => new Date(2026, 6, 1).getTimezoneOffset())).toBe(0);
        expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(-wallOffsetMinutes(zone));
      });
    });
  }
});

/** The offset of `zone` on 1 July 2026 at local midnight, in minutes east of UTC. */
function wallOffsetMinutes(zone: string): number {
  const w = wallClock(new Date(Date.UTC(2026, 5, 30, 12)), zone);
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Date.UTC(2026, 5, 30, 12)) / 60_000);
}
