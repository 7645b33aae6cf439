/**
 * iCalendar (RFC 5545) written by hand: a VCALENDAR of VEVENTs, lines ended by CRLF and folded at
 * 75 octets (a continuation line starts with one space, and a UTF-8 character is never split),
 * text values escaped (`\\`, `;`, `,` and newlines), times in UTC (`…Z`). Pure.
 */

export interface CalendarEvent {
  /** Globally unique and stable: the same event keeps its UID across feed refreshes. */
  uid: string;
  start: Date | string;
  end: Date | string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  /** CANCELLED events stay in the feed so calendar apps remove or strike them. */
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the event last changed (SEQUENCE-less apps compare it). */
  lastModified?: Date | string | null;
}

export interface CalendarOptions {
  /** PRODID: who made the calendar. */
  productId: string;
  /** X-WR-CALNAME: the name calendar apps show. */
  name: string;
  /** DTSTAMP of every event (default: now). */
  stamp?: Date;
}

/** `20261126T143000Z`. */
export function icalDate(value: Date | string): string {
  const iso = (typeof value === 'string' ? new Date(value) : value).toISOString();
  return iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A TEXT value escaped: backslash, semicolon, comma, and newlines as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * One content line folded at 75 octets: the first line holds up to 75 octets, each continuation a
 * space and up to 74 more. Splits fall between characters (code points), never inside one.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (size + n > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The whole calendar as text (CRLF line ends, a final CRLF). */
export function buildCalendar(events: readonly CalendarEvent[], options: CalendarOptions): string {
  const stamp = icalDate(options.stamp ?? new Date());
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${escapeText(e.uid)}`, `DTSTAMP:${stamp}`, `DTSTART:${icalDate(e.start)}`, `DTEND:${icalDate(e.end)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    // A URI value is not TEXT: no escaping, but it must not break the line.
    if (e.url) lines.push(`URL:${e.url.replace(/[\r\n]/g, '')}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${icalDate(e.lastModified)}`);
    lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
