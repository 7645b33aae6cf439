import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBookingForm, checkPublishForm } from './appointments.schemas.js';
import { checkSlot } from './appointments.service.js';
import { addDays, localParts, zonedToUtc } from './local-time.js';

describe('appointment times in a place’s time zone', () => {
  it('turns a Paris wall-clock time into UTC, winter and summer', () => {
    expect(zonedToUtc('2026-12-03', '09:30', 'Europe/Paris')!.toISOString()).toBe('2026-12-03T08:30:00.000Z');
    expect(zonedToUtc('2026-07-03', '09:30', 'Europe/Paris')!.toISOString()).toBe('2026-07-03T07:30:00.000Z');
    expect(zonedToUtc('2026-07-03', '09:30', 'America/Cayenne')!.toISOString()).toBe('2026-07-03T12:30:00.000Z');
  });

  it('refuses the hour skipped when clocks go forward, takes the first of the hour repeated when they go back', () => {
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Paris')).toBeNull();
    expect(zonedToUtc('2026-03-29', '03:00', 'Europe/Paris')!.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedToUtc('2026-10-25', '02:30', 'Europe/Paris')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    for (const [d, t] of [
      ['2026-02-30', '09:00'],
      ['2026-13-01', '09:00'],
      ['2026-12-03', '24:00'],
      ['tomorrow', '09:00'],
      ['2026-12-03', '9h'],
    ])
      expect(zonedToUtc(d!, t!, 'Europe/Paris')).toBeNull();
  });

  it('round-trips every minute it accepts (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:00Z'), noInvalidDate: true }),
        fc.constantFrom('Europe/Paris', 'America/Cayenne', 'Indian/Reunion', 'Pacific/Noumea', 'America/New_York'),
        (instant, zone) => {
          const at = new Date(Math.floor(instant.getTime() / 60_000) * 60_000);
          const local = localParts(at, zone);
          const back = zonedToUtc(local.date, local.time, zone);
          expect(back).not.toBeNull();
          // An hour that happens twice maps to its first occurrence: never later than the instant.
          expect(back!.getTime()).toBeLessThanOrEqual(at.getTime());
          expect(localParts(back!, zone)).toEqual(local);
        },
      ),
    );
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});

describe('appointment checks', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('accepts 10 minutes to 4 hours in the future, and nothing else', () => {
    expect(checkSlot({ start: at('2026-11-27T09:00:00Z'), end: at('2026-11-27T09:10:00Z') }, now)).toBeNull();
    expect(checkSlot({ start: at('2026-11-27T09:00:00Z'), end: at('2026-11-27T13:00:00Z') }, now)).toBeNull();
    const key = (s: string, e: string) => checkSlot({ start: at(s), end: at(e) }, now)?.fields[0]?.message;
    expect(key('2026-11-27T09:00:00Z', '2026-11-27T09:09:00Z')).toBe('appointments.errors.tooShort');
    expect(key('2026-11-27T09:00:00Z', '2026-11-27T13:01:00Z')).toBe('appointments.errors.tooLong');
    expect(key('2026-11-27T09:00:00Z', '2026-11-27T08:00:00Z')).toBe('appointments.errors.endBeforeStart');
    expect(key('2026-11-26T11:00:00Z', '2026-11-26T11:30:00Z')).toBe('appointments.errors.startPast');
    expect(key('2028-01-01T09:00:00Z', '2028-01-01T09:30:00Z')).toBe('appointments.errors.startTooFar');
    expect(key('nope', '2026-11-27T09:30:00Z')).toBe('appointments.errors.dateInvalid');
  });

  it('checks the booking form', () => {
    expect(checkBookingForm({ slot: '12', need: 'help', service: '' })).toEqual({});
    expect(checkBookingForm({ slot: '', need: ' ', service: '' })).toEqual({
      slot: 'appointments.errors.slotMissing',
      need: 'appointments.errors.needMissing',
    });
    expect(checkBookingForm({ slot: '1', need: 'x'.repeat(1001), service: '' })).toEqual({ need: 'appointments.errors.needLong' });
  });

  it('checks the publish form', () => {
    expect(checkPublishForm({ date: '2026-12-03', time: '09:30', minutes: '30', repeat: '0' })).toEqual({});
    expect(checkPublishForm({ date: '2026-12-03', time: '09:30', minutes: '30', repeat: '' })).toEqual({});
    expect(Object.keys(checkPublishForm({ date: 'x', time: '9:30', minutes: '31', repeat: '13' })).sort()).toEqual([
      'date',
      'minutes',
      'repeat',
      'time',
    ]);
  });
});
