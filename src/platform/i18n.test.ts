import { describe, expect, it } from 'vitest';
import { catalog, checkCatalogs, formatDate, formatNumber, negotiateLocale, pick, translator } from './i18n.js';

describe('i18n', () => {
  it('has the same keys, all valid ICU, in every catalog', () => {
    expect(checkCatalogs()).toEqual([]);
    expect(catalog('fr').size).toBe(catalog('en').size);
  });

  it('formats ICU plurals per locale', () => {
    expect(translator('en')('home.serviceCount', { count: 1 })).toBe('1 e-service');
    expect(translator('en')('home.serviceCount', { count: 12 })).toBe('12 e-services');
    expect(translator('en')('home.serviceCount', { count: 0 })).toBe('No e-service yet');
    expect(translator('fr')('home.serviceCount', { count: 2 })).toBe('2 services en ligne');
  });

  it('formats dates and numbers per locale', () => {
    const d = new Date('2026-11-26T10:00:00Z');
    expect(formatDate('en', d)).toBe('26 November 2026');
    expect(formatDate('fr', d)).toBe('26 novembre 2026');
    expect(formatNumber('en', 1234.5)).toBe('1,234.5');
    expect(formatNumber('fr', 1234.5).replace(/\s/g, ' ')).toBe('1 234,5');
  });

  it('negotiates the locale from Accept-Language with q-values', () => {
    expect(negotiateLocale('fr-FR,fr;q=0.9,en;q=0.8', ['en', 'fr'], 'en')).toBe('fr');
    expect(negotiateLocale('de-DE,en;q=0.5,fr;q=0.7', ['en', 'fr'], 'en')).toBe('fr');
    expect(negotiateLocale('de', ['en', 'fr'], 'en')).toBe('en');
    expect(negotiateLocale(undefined, ['en', 'fr'], 'fr')).toBe('fr');
    expect(negotiateLocale('fr;q=0, en', ['en', 'fr'], 'fr')).toBe('en');
    expect(negotiateLocale(';;;,,q=', ['en', 'fr'], 'en')).toBe('en');
  });

  it('picks a translated text with fallback', () => {
    expect(pick('{"en":"Hello","fr":"Bonjour"}', 'fr')).toBe('Bonjour');
    expect(pick({ en: 'Hello' }, 'fr')).toBe('Hello');
    expect(pick(null, 'fr')).toBe('');
  });
});
