/**
 * UI strings: one ICU MessageFormat catalog per locale in `locales/<code>.json`, nested by area.
 * Keys are typed from the English catalog, so `t('home.title')` fails to compile when the key does
 * not exist. Dates and numbers are formatted with Intl for the request's locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { SUPPORTED_LOCALES, type Locale } from '../config.js';

type EnCatalog = typeof import('../../locales/en.json');
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the catalogs, e.g. `'layout.skipLink'`. */
export type MessageKey = Leaves<EnCatalog>;
export type MessageValues = Record<string, string | number | Date | boolean | null | undefined>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../locales');

const catalogs = new Map<Locale, Map<string, string>>();
const compiled = new Map<string, IntlMessageFormat>();

function flatten(obj: Record<string, unknown>, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else if (v && typeof v === 'object') flatten(v as Record<string, unknown>, key, out);
  }
  return out;
}

/** The flattened catalog of a locale (loaded once). */
export function catalog(locale: Locale): Map<string, string> {
  let c = catalogs.get(locale);
  if (!c) {
    c = flatten(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${locale}.json`), 'utf8')));
    catalogs.set(locale, c);
  }
  return c;
}

/** Returns a `t` for one locale. A key missing in that locale falls back to English, then to the key. */
export function translator(locale: Locale): Translate {
  return (key, values) => {
    const cacheKey = `${locale}\u0000${key}`;
    let fmt = compiled.get(cacheKey);
    if (!fmt) {
      const source = catalog(locale).get(key) ?? catalog('en').get(key) ?? key;
      fmt = new IntlMessageFormat(source, INTL_LOCALE[locale]);
      compiled.set(cacheKey, fmt);
    }
    return String(fmt.format(values as Record<string, string | number | Date>));
  };
}

/** Checks at boot that every catalog parses and has the same keys as English. Returns problems. */
export function checkCatalogs(): string[] {
  const problems: string[] = [];
  const en = catalog('en');
  for (const locale of SUPPORTED_LOCALES) {
    const c = catalog(locale);
    for (const key of en.keys()) if (!c.has(key)) problems.push(`${locale}: missing ${key}`);
    for (const [key, source] of c) {
      if (!en.has(key)) problems.push(`${locale}: unknown ${key}`);
      try {
        new IntlMessageFormat(source, locale);
      } catch (e) {
        problems.push(`${locale}: ${key} is not valid ICU: ${(e as Error).message}`);
      }
    }
  }
  return problems;
}

/** The Intl locale for each UI locale: E-COOP's English is European (26 November 2026, 24-hour clock). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a date (Date or ISO string) for a locale: 'date' (26 November 2026), 'datetime', 'time'. */
export function formatDate(
  locale: Locale,
  value: Date | string,
  style: 'date' | 'datetime' | 'time' = 'date',
  timeZone = 'Europe/Paris',
): string {
  const key = `${locale}|${style}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'long' } : style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'long', timeStyle: 'short' };
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...opts, timeZone });
    dateFormats.set(key, f);
  }
  return f.format(typeof value === 'string' ? new Date(value) : value);
}

/** Formats a number for a locale (1,234.5 in English, 1 234,5 in French). */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  // Building a formatter costs far more than using one: one per locale and options, as for dates.
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], options);
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** Picks the best supported locale from an Accept-Language header (q-values honoured). */
export function negotiateLocale(header: string | undefined, available: readonly Locale[], fallback: Locale): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { lang: tag.toLowerCase().split('-')[0] ?? '', quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((x) => x.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { lang } of ranked) {
    const hit = available.find((l) => l === lang);
    if (hit) return hit;
  }
  return fallback;
}

/** The value of a translated text in a locale, falling back to the default locale, then any value. */
export function pick(text: Partial<Record<string, string>> | string | null | undefined, locale: Locale, fallback: Locale = 'en'): string {
  if (!text) return '';
  const value = typeof text === 'string' ? (JSON.parse(text) as Partial<Record<string, string>>) : text;
  return value[locale] ?? value[fallback] ?? Object.values(value)[0] ?? '';
}
