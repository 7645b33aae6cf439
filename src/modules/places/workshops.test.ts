import { describe, expect, it } from 'vitest';
import { checkWorkshopForm, utcToZoned, zonedToUtc, type WorkshopFormValues } from './workshops.schemas.js';

const NOW = new Date('2026-11-26T10:00:00Z');
const valid: WorkshopFormValues = {
  title: 'Premiers pas',
  description: '',
  theme: 'everyday_tools',
  level: 'beginner',
  date: '2026-12-03',
  time: '14:30',
  duration: '90',
  capacity: '12',
  mediator: '',
};

describe('workshop form', () => {
  it('turns a valid form into the input, the start in the place’s time zone', () => {
    const { errors, input } = checkWorkshopForm(valid, 'Europe/Paris', NOW);
    expect(errors).toEqual({});
    expect(input).toMatchObject({
      title: 'Premiers pas',
      startsAt: '2026-12-03T13:30:00.000Z',
      durationMinutes: 90,
      capacity: 12,
      mediatorId: null,
    });
  });

  it('gives one message per faulty field', () => {
    const { errors, input } = checkWorkshopForm(
      {
        ...valid,
        title: ' ',
        theme: 'cooking',
        level: 'expert',
        date: '2026-02-30',
        time: '25:00',
        duration: '5',
        capacity: '0',
        mediator: 'x',
      },
      'Europe/Paris',
      NOW,
    );
    expect(input).toBeNull();
    expect(errors).toEqual({
      title: 'workshops.form.errors.titleMissing',
      theme: 'workshops.form.errors.theme',
      level: 'workshops.form.errors.level',
      date: 'workshops.form.errors.date',
      duration: 'workshops.form.errors.duration',
      capacity: 'workshops.form.errors.capacity',
      mediator: 'workshops.form.errors.mediator',
    });
  });

  it('refuses a start in the past, and capacities and durations out of range', () => {
    expect(checkWorkshopForm({ ...valid, date: '2026-11-26', time: '10:00' }, 'Europe/Paris', NOW).errors.date).toBe(
      'workshops.form.errors.past',
    );
    expect(checkWorkshopForm({ ...valid, capacity: '201' }, 'Europe/Paris', NOW).errors.capacity).toBeDefined();
    expect(checkWorkshopForm({ ...valid, capacity: '200', duration: '480' }, 'Europe/Paris', NOW).errors).toEqual({});
    expect(checkWorkshopForm({ ...valid, duration: '481' }, 'Europe/Paris', NOW).errors.duration).toBeDefined();
    expect(checkWorkshopForm({ ...valid, time: 'abc' }, 'Europe/Paris', NOW).errors.time).toBe('workshops.form.errors.time');
  });
});

describe('local time ↔ UTC', () => {
  it('converts in winter and summer', () => {
    expect(zonedToUtc('2026-12-03', '14:30', 'Europe/Paris')?.toISOString()).toBe('2026-12-03T13:30:00.000Z');
    expect(zonedToUtc('2026-07-03', '14:30', 'Europe/Paris')?.toISOString()).toBe('2026-07-03T12:30:00.000Z');
    expect(zonedToUtc('2026-07-03', '14:30', 'America/Cayenne')?.toISOString()).toBe('2026-07-03T17:30:00.000Z');
  });

  it('moves a time skipped by the spring change forward, and takes the first of an ambiguous autumn time', () => {
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Paris')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedToUtc('2026-10-25', '02:30', 'Europe/Paris')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(zonedToUtc('2026-02-29', '10:00', 'Europe/Paris')).toBeNull();
    expect(zonedToUtc('2026-13-01', '10:00', 'Europe/Paris')).toBeNull();
  });

  it('round-trips through utcToZoned', () => {
    for (const [date, time] of [
      ['2026-12-03', '14:30'],
      ['2026-07-14', '09:05'],
      ['2027-01-01', '00:00'],
    ] as const) {
      const utc = zonedToUtc(date, time, 'Europe/Paris')!;
      expect(utcToZoned(utc.toISOString(), 'Europe/Paris')).toEqual({ date, time });
    }
  });
});
