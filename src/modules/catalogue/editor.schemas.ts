/**
 * The service editor's forms: query strings of the list, and the edit form ⇄ ServiceInput. The form
 * speaks in what officials type (one box per language, keywords separated by commas, a processing
 * time as a number and a unit); the conversion turns it into the one shape every write accepts,
 * whose rules (services.model.ts) then apply as for the API and imports.
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import { CHANNELS, SERVICE_STATUSES, TRANSLATED_FIELDS, slugify, type ServiceInput, type TranslatedField } from './services.model.js';

/** The longest search term in the list (a bounded query, whatever is typed). */
export const SEARCH_MAX = 100;

/** The languages offered as checkboxes (ISO 639-1); a service's other codes are shown too. */
export const OFFERED_LANGUAGES = ['fr', 'en', 'de', 'es', 'it', 'nl', 'pt', 'ar', 'tr', 'ro', 'pl', 'uk'] as const;

/** Units of the processing time, and their ISO 8601 designators. */
export const DURATION_UNITS = ['hours', 'days', 'weeks', 'months', 'years'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
const DESIGNATOR: Record<DurationUnit, string> = { hours: 'H', days: 'D', weeks: 'W', months: 'M', years: 'Y' };
/** The unit that means "the amount box holds an ISO 8601 duration" (for durations such as P1M15D). */
export const ISO_UNIT = 'iso';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) =>
  z
    .preprocess(first, z.string().catch(''))
    .transform((s) => s.replace(/\0/g, '').slice(0, max))
    .default('');
const list = z
  .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(100)).max(100).catch([]))
  .default([]);

/** `/manage/services?status=&organisation=&q=&page=`. */
export const manageListQuery = z.object({
  status: z.enum(SERVICE_STATUSES).optional().catch(undefined),
  organisation: z
    .string()
    .max(100)
    .optional()
    .transform((s) => s || undefined)
    .catch(undefined),
  q: z
    .string()
    .max(SEARCH_MAX)
    .optional()
    .transform((q) => q?.replace(/\0/g, '').trim() || undefined)
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  done: z.enum(['deleted']).optional().catch(undefined),
});
export type ManageListQuery = z.output<typeof manageListQuery>;

/** `/manage/services/:slug…`. */
export const slugParams = z.object({ slug: z.string().min(1).max(100) });

/** Outcomes confirmed on the service's page after a redirect. */
export const SERVICE_OUTCOMES = ['created', 'saved', 'unchanged', 'published', 'withdrawn', 'draft'] as const;
export type ServiceOutcome = (typeof SERVICE_OUTCOMES)[number];
export const serviceQuery = z.object({ done: z.enum(SERVICE_OUTCOMES).optional().catch(undefined) });

/** `/manage/services/:slug/history?before=`: a keyset cursor (a revision id). */
export const historyQuery = z.object({
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
});

/** The status buttons: which status to set, and the version the page showed. */
export const statusForm = z.object({
  status: z.enum(SERVICE_STATUSES),
  version: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

/** The edit form as typed: every value a string (or strings), kept as is to show the form again. */
export interface ServiceFormValues {
  slug: string;
  organisation: string;
  sector: string;
  lifeEvents: string[];
  /** `text.name.fr`… one entry per translated field and language. */
  text: Record<TranslatedField, Record<string, string>>;
  keywords: Record<string, string>;
  channels: string[];
  onlineUrl: string;
  /** 'yes' | 'no' */
  isFree: string;
  costAmount: string;
  costCurrency: string;
  processingTimeAmount: string;
  processingTimeUnit: string;
  contactEmail: string;
  contactPhone: string;
  contactPage: string;
  languages: string[];
  accessibility: string;
  accessibilityUrl: string;
  /** Comma-separated slugs. */
  related: string;
  /** The version the form was loaded at ('' for a new service). */
  version: string;
}

/** Reads a posted form leniently (anything missing is empty), for the given locales. */
export function readServiceForm(body: unknown, locales: readonly string[]): ServiceFormValues {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const s = (key: string, max = 300) => text(max).parse(b[key]);
  const texts = {} as ServiceFormValues['text'];
  for (const field of TRANSLATED_FIELDS) {
    texts[field] = Object.fromEntries(locales.map((l) => [l, s(`${field}.${l}`, 10_000)]));
  }
  return {
    slug: s('slug', 200),
    organisation: s('organisation', 200),
    sector: s('sector', 200),
    lifeEvents: list.parse(b.lifeEvents),
    text: texts,
    keywords: Object.fromEntries(locales.map((l) => [l, s(`keywords.${l}`, 3000)])),
    channels: list.parse(b.channels),
    onlineUrl: s('onlineUrl', 2100),
    isFree: s('isFree', 10),
    costAmount: s('costAmount', 30),
    costCurrency: s('costCurrency', 10),
    processingTimeAmount: s('processingTimeAmount', 40),
    processingTimeUnit: s('processingTimeUnit', 10),
    contactEmail: s('contactEmail', 300),
    contactPhone: s('contactPhone', 60),
    contactPage: s('contactPage', 2100),
    languages: list.parse(b.languages),
    accessibility: s('accessibility', 30),
    accessibilityUrl: s('accessibilityUrl', 2100),
    related: s('related', 3000),
    version: s('version', 20),
  };
}

/** An ISO 8601 duration as the form shows it: `P14D` → 14 days; anything else stays ISO text. */
export function durationToForm(iso: string | null): { amount: string; unit: string } {
  if (!iso) return { amount: '', unit: 'days' };
  const simple = /^P(?:(\d+)([YMWD])|T(\d+)H)$/.exec(iso);
  if (simple) {
    if (simple[3] !== undefined) return { amount: simple[3], unit: 'hours' };
    const unit = DURATION_UNITS.find((u) => DESIGNATOR[u] === simple[2] && u !== 'hours')!;
    return { amount: simple[1]!, unit };
  }
  return { amount: iso, unit: ISO_UNIT };
}

/** The form's processing time as ISO 8601 (null when empty), or an error. */
export function durationFromForm(amount: string, unit: string): { value: string | null } | { error: true } {
  const a = amount.trim();
  if (a === '') return { value: null };
  if (unit === ISO_UNIT) return { value: a.toUpperCase() };
  if (!(DURATION_UNITS as readonly string[]).includes(unit) || !/^\d{1,4}$/.test(a) || Number(a) === 0) return { error: true };
  const n = String(Number(a));
  return { value: unit === 'hours' ? `PT${n}H` : `P${n}${DESIGNATOR[unit as DurationUnit]}` };
}

/** "12", "12.5", "12,50", "1 200,00" → 12, 12.5, 12.5, 1200; null when empty; NaN when not a number. */
export function amountFromForm(value: string): number | null {
  const v = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (v === '') return null;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : Number.NaN;
}

const splitList = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The posted form as the `raw` input of createService / updateService, plus the problems only the
 * form can have (a processing time or amount that is not a number). A new service with no slug
 * gets one made from its name in the default language.
 */
export function formToInput(
  values: ServiceFormValues,
  options: { defaultLocale: string; isNew: boolean },
): { raw: Record<string, unknown>; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const translated = (field: TranslatedField) => Object.fromEntries(Object.entries(values.text[field]).filter(([, v]) => v.trim() !== ''));
  const slug = values.slug.trim() || (options.isNew ? slugify(values.text.name[options.defaultLocale] ?? '') : '');
  const duration = durationFromForm(values.processingTimeAmount, values.processingTimeUnit);
  if ('error' in duration) errors.push({ field: 'processingTime', message: 'serviceEditor.errors.duration' });
  const amount = amountFromForm(values.costAmount);
  if (amount !== null && Number.isNaN(amount)) errors.push({ field: 'costAmount', message: 'catalogue.errors.amount' });
  const raw: Record<string, unknown> = {
    slug,
    organisation: values.organisation,
    sector: values.sector,
    lifeEvents: values.lifeEvents,
    ...Object.fromEntries(TRANSLATED_FIELDS.map((f) => [f, translated(f)])),
    keywords: Object.fromEntries(Object.entries(values.keywords).map(([l, k]) => [l, splitList(k)])),
    channels: values.channels,
    onlineUrl: values.onlineUrl,
    isFree: values.isFree !== 'no',
    costAmount: amount === null || Number.isNaN(amount) ? null : amount,
    costCurrency: values.costCurrency.trim().toUpperCase() || 'EUR',
    processingTime: 'value' in duration ? duration.value : null,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone,
    contactPage: values.contactPage,
    languages: values.languages,
    accessibility: values.accessibility || 'unknown',
    accessibilityUrl: values.accessibilityUrl,
    related: splitList(values.related),
  };
  return { raw, errors };
}

/** A stored service as the form shows it (to edit it), for the given locales. */
export function inputToForm(input: ServiceInput, locales: readonly string[], version?: number): ServiceFormValues {
  const all = [...new Set([...locales])];
  const texts = {} as ServiceFormValues['text'];
  for (const field of TRANSLATED_FIELDS) texts[field] = Object.fromEntries(all.map((l) => [l, input[field][l] ?? '']));
  const duration = durationToForm(input.processingTime);
  return {
    slug: input.slug,
    organisation: input.organisation,
    sector: input.sector,
    lifeEvents: [...input.lifeEvents],
    text: texts,
    keywords: Object.fromEntries(all.map((l) => [l, (input.keywords[l] ?? []).join(', ')])),
    channels: [...input.channels],
    onlineUrl: input.onlineUrl ?? '',
    isFree: input.isFree ? 'yes' : 'no',
    costAmount: input.costAmount === null ? '' : String(input.costAmount),
    costCurrency: input.costCurrency,
    processingTimeAmount: duration.amount,
    processingTimeUnit: duration.unit,
    contactEmail: input.contactEmail ?? '',
    contactPhone: input.contactPhone ?? '',
    contactPage: input.contactPage ?? '',
    languages: [...input.languages],
    accessibility: input.accessibility,
    accessibilityUrl: input.accessibilityUrl ?? '',
    related: input.related.join(', '),
    version: version === undefined ? '' : String(version),
  };
}

/** The id of the form control a field error points to (`name.fr` → `service-name-fr`). */
export function controlId(field: string): string {
  if (field === 'processingTime') return 'service-processingTimeAmount';
  if (field === '' || field === 'version' || field === 'identifier') return 'service-slug';
  return `service-${field.replace(/\./g, '-')}`;
}

/** Channels in their display order (re-exported for the views). */
export { CHANNELS };
