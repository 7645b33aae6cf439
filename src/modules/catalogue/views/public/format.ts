/**
 * Service facts in the reader's words: an ISO 8601 duration as "2 weeks and 3 days", an amount as
 * "€12.50" / "12,50 €", a language code as "French" / "français". Intl does the wording, so every
 * locale the platform adds is covered without new messages.
 */
import type { Locale } from '../../../../config.js';

/** The regional variant the platform formats in (European English, as i18n.ts does). */
const intlLocale = (locale: Locale): string => (locale === 'en' ? 'en-GB' : locale);

/** Intl formatters are slow to build and cheap to reuse: one per locale and options. */
const formatters = new Map<string, unknown>();
function cached<T>(key: string, build: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (f === undefined) {
    f = build();
    formatters.set(key, f);
  }
  return f;
}

const UNITS = [
  ['Y', 'year'],
  ['M', 'month'],
  ['W', 'week'],
  ['D', 'day'],
  ['TH', 'hour'],
  ['TM', 'minute'],
] as const;

/** The parts of an ISO 8601 duration (`P1Y2M3W4DT5H6M`), or null when it is not one. */
export function parseDuration(iso: string): { unit: (typeof UNITS)[number][1]; value: number }[] | null {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return null;
  const parts = UNITS.map(([, unit], i) => ({ unit, value: Number(m[i + 1] ?? 0) })).filter((p) => p.value > 0);
  return parts.length > 0 ? parts : null;
}

/** A duration in words in `locale` ("2 weeks and 3 days"); the ISO text itself when it cannot be read. */
export function formatDuration(iso: string, locale: Locale): string {
  const parts = parseDuration(iso);
  if (!parts) return iso;
  const words = parts.map((p) =>
    cached(
      `unit|${locale}|${p.unit}`,
      () => new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit: p.unit, unitDisplay: 'long' }),
    ).format(p.value),
  );
  return formatList(words, locale);
}

/** "a, b and c" in `locale`. */
export function formatList(items: string[], locale: Locale): string {
  return cached(`list|${locale}`, () => new Intl.ListFormat(intlLocale(locale), { style: 'long', type: 'conjunction' })).format(items);
}

/** An amount of money in `locale`'s convention ("€12.50", "12,50 €"); whole amounts without decimals. */
export function formatCost(amount: number, currency: string, locale: Locale): string {
  const digits = Number.isInteger(amount) ? 0 : 2;
  return cached(
    `cost|${locale}|${currency}|${digits}`,
    () =>
      new Intl.NumberFormat(intlLocale(locale), {
        style: 'currency',
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(amount);
}

/** A language's name in `locale` ("French", "français"); the code when Intl does not know it. */
export function languageName(code: string, locale: Locale): string {
  try {
    return cached(`language|${locale}`, () => new Intl.DisplayNames([intlLocale(locale)], { type: 'language' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A count in `locale`'s digits and separators ("1,234", "1 234"). */
export function formatCount(value: number, locale: Locale): string {
  return cached(`count|${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}
