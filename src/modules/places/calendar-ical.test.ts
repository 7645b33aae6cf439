import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, escapeText, foldLine, icalDate } from './ical.js';

const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '');
const octets = (s: string) => new TextEncoder().encode(s).length;

describe('iCal (RFC 5545)', () => {
  it('escapes backslashes, semicolons, commas and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes UTC times in the basic Z form', () => {
    expect(icalDate('2026-12-03T13:30:00.000Z')).toBe('20261203T133000Z');
    expect(icalDate(new Date(Date.UTC(2027, 0, 1, 0, 0, 5)))).toBe('20270101T000005Z');
  });

  it('leaves short lines alone and folds long ones at 75 octets with a leading space', () => {
    expect(foldLine('SUMMARY:short')).toBe('SUMMARY:short');
    const long = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(long);
    const lines = folded.split('\r\n');
    expect(lines[0]).toHaveLength(75);
    for (const l of lines.slice(1)) {
      expect(l.startsWith(' ')).toBe(true);
      expect(octets(l)).toBeLessThanOrEqual(75);
    }
    expect(unfold(folded)).toBe(long);
  });

  it('never splits a multi-byte character and unfolds back to the same text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const line = `SUMMARY:${s.replace(/[\r\n]/g, '')}`;
        const folded = foldLine(line);
        for (const l of folded.split('\r\n')) expect(octets(l)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
    );
  });

  it('builds a calendar with CRLF lines, one VEVENT per event, and STATUS:CANCELLED', () => {
    const text = buildCalendar(
      [
        {
          uid: 'workshop-1@example.org',
          start: '2026-12-03T13:00:00.000Z',
          end: '2026-12-03T15:00:00.000Z',
          summary: 'Premiers pas, smartphone; tablette',
          location: 'Médiathèque, 12 rue de la République',
          url: 'https://example.org/fr/workshops/1',
          status: 'CANCELLED',
        },
        { uid: 'appointment-2@example.org', start: '2026-12-04T09:00:00.000Z', end: '2026-12-04T09:30:00.000Z', summary: 'RDV' },
      ],
      { productId: '-//E-COOP//test//EN', name: 'Test', stamp: new Date('2026-11-26T10:00:00Z') },
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(text).split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:workshop-1@example.org');
    expect(lines).toContain('DTSTAMP:20261126T100000Z');
    expect(lines).toContain('DTSTART:20261203T130000Z');
    expect(lines).toContain('DTEND:20261203T150000Z');
    expect(lines).toContain('SUMMARY:Premiers pas\\, smartphone\\; tablette');
    expect(lines).toContain('LOCATION:Médiathèque\\, 12 rue de la République');
    expect(lines).toContain('URL:https://example.org/fr/workshops/1');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
