import { describe, expect, it } from 'vitest';
import { renderWithUi } from '../../../ui/components/testing.js';
import { openingStatus, weeklySchedule, type OpeningStatus, type PlaceClock } from '../opening-hours.js';
import { OpeningHoursPreview, OpeningHoursTable, OpeningStatusLine, localToday, weekdayName } from './opening-hours.js';

const PARIS: PlaceClock = { country: 'FR', region: 'FR-IDF', timeZone: 'Europe/Paris' };
const VALUE = 'Mo-Fr 09:00-12:00,14:00-18:30; Sa 09:00-12:00; PH off';
const at = (iso: string) => new Date(iso);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const line = (status: OpeningStatus, locale: 'en' | 'fr' = 'en') => text(renderWithUi(<OpeningStatusLine status={status} />, { locale }));

describe('OpeningStatusLine', () => {
  it('says when an open place closes, today', () => {
    const status = openingStatus(VALUE, PARIS, at('2026-11-26T16:00:00Z'));
    expect(line(status)).toBe('Open now — closes at 18:30');
    expect(line(status, 'fr')).toBe('Ouvert — ferme à 18:30');
  });

  it('says when a closed place opens: today, tomorrow, or the weekday', () => {
    expect(line(openingStatus(VALUE, PARIS, at('2026-11-26T06:00:00Z')))).toBe('Closed — opens today at 09:00');
    expect(line(openingStatus(VALUE, PARIS, at('2026-11-26T19:00:00Z')))).toBe('Closed — opens tomorrow at 09:00');
    expect(line(openingStatus(VALUE, PARIS, at('2026-11-28T12:00:00Z')))).toBe('Closed — opens Monday at 09:00');
    expect(line(openingStatus(VALUE, PARIS, at('2026-11-28T12:00:00Z')), 'fr')).toBe('Fermé — ouvre lundi à 09:00');
    expect(line(openingStatus(VALUE, PARIS, at('2026-11-26T19:00:00Z')), 'fr')).toBe('Fermé — ouvre demain à 09:00');
  });

  it('says an overnight place closes tomorrow', () => {
    expect(line(openingStatus('Fr 22:00-02:00', PARIS, at('2026-11-27T22:00:00Z')))).toBe('Open now — closes tomorrow at 02:00');
  });

  it('names the date when the next opening is a week away or more', () => {
    // Monday 25 May 2026 is Whit Monday: a Monday-only place opens the Monday after.
    expect(line(openingStatus('Mo 09:00-12:00; PH off', PARIS, at('2026-05-25T08:00:00Z')))).toBe(
      'Closed — opens Monday 1 June 2026 at 09:00',
    );
  });

  it('says when hours are not given, and open or closed without a change in sight', () => {
    expect(line(openingStatus(null, PARIS, at('2026-11-26T09:00:00Z')))).toBe('Hours not given');
    expect(line(openingStatus(null, PARIS, at('2026-11-26T09:00:00Z')), 'fr')).toBe('Horaires non renseignés');
    expect(line(openingStatus('Mo-Su 08:00+', PARIS, at('2026-11-26T09:00:00Z')))).toBe(
      'Opening uncertain at the moment: check with the place',
    );
    expect(line(openingStatus('24/7', PARIS, at('2026-11-26T09:00:00Z')))).toBe('Open now');
    expect(line(openingStatus('off', PARIS, at('2026-11-26T09:00:00Z')))).toBe('Closed');
  });
});

describe('OpeningHoursTable', () => {
  const when = at('2026-07-15T09:00:00Z');
  const week = weeklySchedule(VALUE, PARIS, when);

  it('is a table with a caption, weekday row headers, closed days and the holiday named', () => {
    const html = renderWithUi(<OpeningHoursTable days={week} today={localToday(PARIS, when)} />);
    expect(html).toContain('<caption>Opening hours, week of 13 July 2026</caption>');
    expect(html.match(/<th scope="row">/g)).toHaveLength(7);
    expect(text(html)).toContain('Monday 09:00 to 12:00, 14:00 to 18:30');
    expect(text(html)).toContain('Tuesday Public holiday: Fête Nationale de la France Closed');
    expect(text(html)).toContain('Sunday Closed');
  });

  it('marks today’s row in words, not only with colour', () => {
    const html = renderWithUi(<OpeningHoursTable days={week} today={localToday(PARIS, when)} />);
    expect(html).toMatch(/<tr class="opening-hours__today" aria-current="date"><th scope="row">Wednesday<strong[^>]*> \(today\)<\/strong>/);
  });

  it('speaks French', () => {
    const html = renderWithUi(<OpeningHoursTable days={week} today={localToday(PARIS, when)} timeZone="Europe/Paris" />, { locale: 'fr' });
    expect(html).toContain('<caption>Horaires d’ouverture, semaine du 13 juillet 2026</caption>');
    expect(text(html)).toContain('Lundi de 09:00 à 12:00, de 14:00 à 18:30');
    expect(text(html)).toContain('Mercredi (aujourd’hui)');
    expect(text(html)).toContain('Jour férié : Fête Nationale de la France Fermé');
    expect(text(html)).toContain('Heures locales du lieu (Europe/Paris).');
  });

  it('gives weekday names from Monday', () => {
    expect([0, 6].map((d) => weekdayName('en', d))).toEqual(['Monday', 'Sunday']);
    expect([0, 6].map((d) => weekdayName('fr', d))).toEqual(['lundi', 'dimanche']);
  });
});

describe('OpeningHoursPreview', () => {
  const when = at('2026-11-26T09:00:00Z');

  it('shows the week of a valid value, with its warnings', () => {
    const html = renderWithUi(<OpeningHoursPreview value="Mo-Fr 9-18" clock={PARIS} at={when} />);
    expect(html).toContain('id="opening-hours-preview-warnings"');
    expect(text(html)).toMatch(/Check these points in the opening hours: .*without minutes/);
    expect(text(html)).toContain('Monday 09:00 to 18:00');
    expect(html).toContain('aria-labelledby="opening-hours-preview-heading"');
  });

  it('shows the localised error instead of a table when the value cannot be read', () => {
    for (const [locale, message] of [
      ['en', 'The opening hours cannot be read near “Mo-Fr 25:00”'],
      ['fr', 'Les horaires d’ouverture ne peuvent pas être lus près de « Mo-Fr 25:00 »'],
    ] as const) {
      const html = renderWithUi(<OpeningHoursPreview value="Mo-Fr 25:00-12:00" clock={PARIS} at={when} />, { locale });
      expect(text(html)).toContain(message);
      expect(html).not.toContain('<table');
      expect(html).not.toContain('&lt;---');
    }
  });

  it('says when no hours are given', () => {
    expect(text(renderWithUi(<OpeningHoursPreview value="" clock={PARIS} at={when} />))).toContain('No opening hours given');
    expect(text(renderWithUi(<OpeningHoursPreview value={null} clock={PARIS} at={when} />, { locale: 'fr' }))).toContain(
      'Aucun horaire renseigné',
    );
  });
});
