/**
 * The one description of an e-service as people write it: the API's JSON body, what the edit form
 * and the CSV / JSON-LD importers turn their input into, and what every write is validated against.
 * Field rules live here only, so the form, the API and an import accept and refuse the same things.
 *
 * Validation errors are FieldError with `field` in this shape's terms (`name.fr`, `onlineUrl`…) and
 * `message` a key of the `catalogue.errors` catalog namespace.
 */
import type { FieldError } from '../../platform/errors.js';

export const CHANNELS = ['online', 'dps', 'phone', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACCESSIBILITY = ['compliant', 'partial', 'non_compliant', 'unknown'] as const;
export type Accessibility = (typeof ACCESSIBILITY)[number];

export const SERVICE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** One text per language code (`{"en": "…", "fr": "…"}`); missing or empty means not translated. */
export type Translated = Record<string, string>;

/** An e-service as written by an editor, an API client or an import file. */
export interface ServiceInput {
  /** Stable identifier (UUID); given by imports of exports, otherwise generated on creation. */
  identifier?: string;
  slug: string;
  /** Slug of the competent organisation. */
  organisation: string;
  /** Slug of the sector. */
  sector: string;
  /** Slugs of life events. */
  lifeEvents: string[];
  name: Translated;
  /** Plain-language summary: what it is and who it is for, one or two sentences. */
  summary: Translated;
  description: Translated;
  audience: Translated;
  /** One requirement per line. */
  requirements: Translated;
  /** One piece of evidence (document to provide) per line. */
  evidence: Translated;
  keywords: Record<string, string[]>;
  channels: Channel[];
  onlineUrl: string | null;
  isFree: boolean;
  /** In the currency's main unit (euros), at most two decimals. */
  costAmount: number | null;
  costCurrency: string;
  costDescription: Translated;
  /** ISO 8601 duration (P14D, P2W, PT2H). */
  processingTime: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactPage: string | null;
  contactHours: Translated;
  /** ISO 639-1 codes. */
  languages: string[];
  accessibility: Accessibility;
  accessibilityUrl: string | null;
  /** Slugs of related services. */
  related: string[];
}

export const TRANSLATED_FIELDS = [
  'name',
  'summary',
  'description',
  'audience',
  'requirements',
  'evidence',
  'costDescription',
  'contactHours',
] as const satisfies readonly (keyof ServiceInput)[];
export type TranslatedField = (typeof TRANSLATED_FIELDS)[number];

/** Longest text accepted per translated field, in characters. */
export const MAX_LENGTH: Record<TranslatedField, number> = {
  name: 120,
  summary: 300,
  description: 8000,
  audience: 1000,
  requirements: 2000,
  evidence: 2000,
  costDescription: 500,
  contactHours: 300,
};

/** Translated fields a published service must have in the default locale. */
export const REQUIRED_TRANSLATED: readonly TranslatedField[] = ['name', 'summary', 'description'];

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG = 80;
const LANGUAGE_PATTERN = /^[a-z]{2}$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** ISO 8601 durations in years, months, weeks, days, hours, minutes (no fractions). */
const DURATION_PATTERN = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?)?$/;
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE_PATTERN = /^\+?[0-9 ().-]{6,25}$/;
const MAX_KEYWORDS = 30;
const MAX_KEYWORD = 60;
const MAX_LIST = 50;

/** An empty service, the starting point of the "new service" form. */
export function emptyServiceInput(): ServiceInput {
  return {
    slug: '',
    organisation: '',
    sector: '',
    lifeEvents: [],
    name: {},
    summary: {},
    description: {},
    audience: {},
    requirements: {},
    evidence: {},
    keywords: {},
    channels: [],
    onlineUrl: null,
    isFree: true,
    costAmount: null,
    costCurrency: 'EUR',
    costDescription: {},
    processingTime: null,
    contactEmail: null,
    contactPhone: null,
    contactPage: null,
    contactHours: {},
    languages: [],
    accessibility: 'unknown',
    accessibilityUrl: null,
    related: [],
  };
}

/** Turns a name into a slug candidate: lower case, ASCII, words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000;
  } catch {
    return false;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Trims text, normalises line ends, and drops empty values. */
function cleanTranslated(value: unknown, field: string, errors: FieldError[]): Translated {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    errors.push({ field, message: 'catalogue.errors.translatedShape' });
    return {};
  }
  const out: Translated = {};
  for (const [lang, text] of Object.entries(value)) {
    if (!LANGUAGE_PATTERN.test(lang)) {
      errors.push({ field: `${field}.${lang}`, message: 'catalogue.errors.language' });
      continue;
    }
    if (text === undefined || text === null) continue;
    if (typeof text !== 'string') {
      errors.push({ field: `${field}.${lang}`, message: 'catalogue.errors.text' });
      continue;
    }
    const clean = text.replace(/\r\n?/g, '\n').trim();
    if (clean !== '') out[lang] = clean;
  }
  return out;
}

function cleanOptionalText(value: unknown, field: string, errors: FieldError[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    errors.push({ field, message: 'catalogue.errors.text' });
    return null;
  }
  const clean = value.trim();
  return clean === '' ? null : clean;
}

function cleanSlugList(value: unknown, field: string, errors: FieldError[]): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > MAX_LIST || value.some((v) => typeof v !== 'string' || !SLUG_PATTERN.test(v))) {
    errors.push({ field, message: 'catalogue.errors.slugList' });
    return [];
  }
  return [...new Set(value as string[])];
}

/**
 * Checks and normalises a complete service. `defaultLocale` is the language a service must at least
 * be written in. References (organisation, sector, life events, related services) are checked
 * against the database by the caller; everything that needs no database is checked here.
 */
export function validateServiceInput(
  raw: unknown,
  defaultLocale: string,
): { ok: true; value: ServiceInput } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  if (!isRecord(raw)) return { ok: false, errors: [{ field: '', message: 'catalogue.errors.shape' }] };
  const value = emptyServiceInput();

  if (raw.identifier !== undefined && raw.identifier !== null && raw.identifier !== '') {
    if (typeof raw.identifier === 'string' && UUID_PATTERN.test(raw.identifier.toLowerCase()))
      value.identifier = raw.identifier.toLowerCase();
    else errors.push({ field: 'identifier', message: 'catalogue.errors.identifier' });
  }

  const slug = typeof raw.slug === 'string' ? raw.slug.trim() : '';
  if (slug === '') errors.push({ field: 'slug', message: 'catalogue.errors.required' });
  else if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG) errors.push({ field: 'slug', message: 'catalogue.errors.slug' });
  value.slug = slug;

  for (const key of ['organisation', 'sector'] as const) {
    const v = typeof raw[key] === 'string' ? (raw[key] as string).trim() : '';
    if (v === '') errors.push({ field: key, message: 'catalogue.errors.required' });
    else if (!SLUG_PATTERN.test(v)) errors.push({ field: key, message: 'catalogue.errors.unknownReference' });
    value[key] = v;
  }
  value.lifeEvents = cleanSlugList(raw.lifeEvents, 'lifeEvents', errors);
  value.related = cleanSlugList(raw.related, 'related', errors);
  if (value.related.includes(value.slug)) errors.push({ field: 'related', message: 'catalogue.errors.relatedSelf' });

  for (const field of TRANSLATED_FIELDS) {
    const text = cleanTranslated(raw[field], field, errors);
    for (const [lang, t] of Object.entries(text)) {
      if (t.length > MAX_LENGTH[field]) errors.push({ field: `${field}.${lang}`, message: 'catalogue.errors.tooLong' });
      if (field === 'name' && /\n/.test(t)) errors.push({ field: `${field}.${lang}`, message: 'catalogue.errors.oneLine' });
    }
    value[field] = text;
  }
  for (const field of REQUIRED_TRANSLATED) {
    if (!value[field][defaultLocale]) errors.push({ field: `${field}.${defaultLocale}`, message: 'catalogue.errors.required' });
  }

  if (raw.keywords !== undefined && raw.keywords !== null) {
    if (!isRecord(raw.keywords)) errors.push({ field: 'keywords', message: 'catalogue.errors.keywords' });
    else {
      for (const [lang, list] of Object.entries(raw.keywords)) {
        const items = typeof list === 'string' ? list.split(',') : list;
        if (!LANGUAGE_PATTERN.test(lang) || !Array.isArray(items) || items.some((k) => typeof k !== 'string')) {
          errors.push({ field: `keywords.${lang}`, message: 'catalogue.errors.keywords' });
          continue;
        }
        const clean = [...new Set((items as string[]).map((k) => k.trim()).filter((k) => k !== ''))];
        if (clean.length > MAX_KEYWORDS || clean.some((k) => k.length > MAX_KEYWORD)) {
          errors.push({ field: `keywords.${lang}`, message: 'catalogue.errors.keywords' });
          continue;
        }
        if (clean.length > 0) value.keywords[lang] = clean;
      }
    }
  }

  if (!Array.isArray(raw.channels) || raw.channels.length === 0) errors.push({ field: 'channels', message: 'catalogue.errors.channels' });
  else if (raw.channels.some((c) => !(CHANNELS as readonly unknown[]).includes(c)))
    errors.push({ field: 'channels', message: 'catalogue.errors.channels' });
  else value.channels = CHANNELS.filter((c) => (raw.channels as unknown[]).includes(c));

  value.onlineUrl = cleanOptionalText(raw.onlineUrl, 'onlineUrl', errors);
  if (value.onlineUrl !== null && !isHttpUrl(value.onlineUrl)) errors.push({ field: 'onlineUrl', message: 'catalogue.errors.url' });
  if (value.channels.includes('online') && value.onlineUrl === null)
    errors.push({ field: 'onlineUrl', message: 'catalogue.errors.onlineUrlRequired' });

  if (raw.isFree !== undefined && typeof raw.isFree !== 'boolean') errors.push({ field: 'isFree', message: 'catalogue.errors.boolean' });
  value.isFree = raw.isFree !== false;
  if (raw.costAmount !== undefined && raw.costAmount !== null) {
    const amount = raw.costAmount;
    if (
      typeof amount !== 'number' ||
      !Number.isFinite(amount) ||
      amount < 0 ||
      amount > 1_000_000 ||
      Math.round(amount * 100) !== amount * 100
    ) {
      errors.push({ field: 'costAmount', message: 'catalogue.errors.amount' });
    } else value.costAmount = amount;
  }
  if (value.isFree && value.costAmount !== null && value.costAmount > 0)
    errors.push({ field: 'costAmount', message: 'catalogue.errors.freeWithCost' });
  if (!value.isFree && (value.costAmount === null || value.costAmount === 0) && Object.keys(value.costDescription).length === 0) {
    errors.push({ field: 'costAmount', message: 'catalogue.errors.costRequired' });
  }
  if (raw.costCurrency !== undefined && raw.costCurrency !== null) {
    if (typeof raw.costCurrency !== 'string' || !/^[A-Z]{3}$/.test(raw.costCurrency))
      errors.push({ field: 'costCurrency', message: 'catalogue.errors.currency' });
    else value.costCurrency = raw.costCurrency;
  }

  value.processingTime = cleanOptionalText(raw.processingTime, 'processingTime', errors);
  if (value.processingTime !== null && !DURATION_PATTERN.test(value.processingTime))
    errors.push({ field: 'processingTime', message: 'catalogue.errors.duration' });

  value.contactEmail = cleanOptionalText(raw.contactEmail, 'contactEmail', errors);
  if (value.contactEmail !== null && (!EMAIL_PATTERN.test(value.contactEmail) || value.contactEmail.length > 254))
    errors.push({ field: 'contactEmail', message: 'catalogue.errors.email' });
  value.contactPhone = cleanOptionalText(raw.contactPhone, 'contactPhone', errors);
  if (value.contactPhone !== null && !PHONE_PATTERN.test(value.contactPhone))
    errors.push({ field: 'contactPhone', message: 'catalogue.errors.phone' });
  value.contactPage = cleanOptionalText(raw.contactPage, 'contactPage', errors);
  if (value.contactPage !== null && !isHttpUrl(value.contactPage)) errors.push({ field: 'contactPage', message: 'catalogue.errors.url' });

  if (raw.languages !== undefined && raw.languages !== null) {
    if (
      !Array.isArray(raw.languages) ||
      raw.languages.length > 30 ||
      raw.languages.some((l) => typeof l !== 'string' || !LANGUAGE_PATTERN.test(l))
    ) {
      errors.push({ field: 'languages', message: 'catalogue.errors.languages' });
    } else value.languages = [...new Set(raw.languages as string[])];
  }

  if (raw.accessibility !== undefined && raw.accessibility !== null) {
    if (!(ACCESSIBILITY as readonly unknown[]).includes(raw.accessibility))
      errors.push({ field: 'accessibility', message: 'catalogue.errors.accessibility' });
    else value.accessibility = raw.accessibility as Accessibility;
  }
  value.accessibilityUrl = cleanOptionalText(raw.accessibilityUrl, 'accessibilityUrl', errors);
  if (value.accessibilityUrl !== null && !isHttpUrl(value.accessibilityUrl))
    errors.push({ field: 'accessibilityUrl', message: 'catalogue.errors.url' });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** One field that an edit changed, as a revision records it (translated fields per language). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** Flattens a service into comparable strings: `name.fr`, `channels`, `costAmount`… */
export function flattenService(s: ServiceInput): Map<string, string> {
  const out = new Map<string, string>();
  const put = (key: string, v: string | null | undefined) => {
    if (v !== null && v !== undefined && v !== '') out.set(key, v);
  };
  put('slug', s.slug);
  put('organisation', s.organisation);
  put('sector', s.sector);
  put('lifeEvents', [...s.lifeEvents].sort().join(', '));
  for (const field of TRANSLATED_FIELDS) for (const [lang, text] of Object.entries(s[field])) put(`${field}.${lang}`, text);
  for (const [lang, list] of Object.entries(s.keywords)) put(`keywords.${lang}`, list.join(', '));
  put('channels', s.channels.join(', '));
  put('onlineUrl', s.onlineUrl);
  put('isFree', s.isFree ? 'yes' : 'no');
  put('costAmount', s.costAmount === null ? null : s.costAmount.toFixed(2));
  put('costCurrency', s.costCurrency);
  put('processingTime', s.processingTime);
  put('contactEmail', s.contactEmail);
  put('contactPhone', s.contactPhone);
  put('contactPage', s.contactPage);
  put('languages', [...s.languages].sort().join(', '));
  put('accessibility', s.accessibility);
  put('accessibilityUrl', s.accessibilityUrl);
  put('related', [...s.related].sort().join(', '));
  return out;
}

/** What changed from `before` to `after` (null before: everything is new), in a stable order. */
export function diffServices(before: ServiceInput | null, after: ServiceInput): FieldChange[] {
  const a = before ? flattenService(before) : new Map<string, string>();
  const b = flattenService(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => ({ field: k, before: a.get(k) ?? null, after: b.get(k) ?? null }));
}

/** Languages (of `locales`) in which a translated field has no text: the editor's "not yet translated". */
export function missingTranslations(text: Translated, locales: readonly string[]): string[] {
  return locales.filter((l) => !text[l]);
}
