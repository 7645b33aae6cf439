import { describe, expect, it } from 'vitest';
import { redactPath } from './app.js';

describe('request log paths', () => {
  it('hide the token of a personal calendar feed', () => {
    expect(redactPath('/calendar/abcDEF123_-x.ics')).toBe('/calendar/[redacted]');
  });
  it('leave other paths alone', () => {
    expect(redactPath('/places/mediatheque/calendar.ics')).toBe('/places/mediatheque/calendar.ics');
    expect(redactPath('/en/account/calendar')).toBe('/en/account/calendar');
  });
});
