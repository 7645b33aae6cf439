/**
 * zod schemas and form rules of the admin's taxonomy pages: organisations, sectors and life events.
 * Forms are read leniently (to show them again as typed) and then validated into commands; error
 * messages are keys of the `taxonomy.errors` catalog namespace.
 */
import { z } from 'zod';
import type { FieldError } from '../../platform/errors.js';
import { MAX_SLUG, SLUG_PATTERN, slugify } from './services.model.js';

/** The kinds of public organisation an admin can choose from. */
export const ORGANISATION_KINDS = [
  'municipality',
  'intermunicipality',
  'county_council',
  'regional_council',
  'state_service',
  'employment_agency',
  'family_allowance_office',
  'health_insurance_fund',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The two ordered vocabularies, by the URL segment that names them. */
export const TERM_KINDS = ['sectors', 'life-events'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const MAX_NAME = 120;
export const MAX_DESCRIPTION = 500;
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE_PATTERN = /^\+?[0-9 ().-]{6,25}$/;

/** `/admin/catalogue/…/:slug…`. */
export const taxonomyParams = z.object({ slug: z.string().min(1).max(100) });

/** Outcomes confirmed on a list after a redirect. */
export const TAXONOMY_OUTCOMES = ['created', 'saved', 'deleted', 'moved'] as const;
export type TaxonomyOutcome = (typeof TAXONOMY_OUTCOMES)[number];
export const taxonomyQuery = z.object({ done: z.enum(TAXONOMY_OUTCOMES).optional().catch(undefined) });

/** The move buttons. */
export const moveForm = z.object({ direction: z.enum(['up', 'down']) });

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) =>
  z
    .preprocess(first, z.string().catch(''))
    .transform((s) => s.replace(/\0/g, '').slice(0, max).trim())
    .default('');

/** A sector or a life event as typed in its form. */
export interface TermFormValues {
  slug: string;
  name: Record<string, string>;
  /** Sectors only. */
  description: Record<string, string>;
}

/** An organisation as typed in its form. */
export interface OrganisationFormValues {
  slug: string;
  name: Record<string, string>;
  kind: string;
  website: string;
  email: string;
  phone: string;
  /** A municipality's slug, or ''. */
  municipality: string;
}

const perLocale = (b: Record<string, unknown>, field: string, locales: readonly string[], max: number) =>
  Object.fromEntries(locales.map((l) => [l, text(max * 2).parse(b[`${field}.${l}`])]));

const asRecord = (body: unknown) => (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;

/** Reads a posted sector or life event form. */
export function readTermForm(body: unknown, locales: readonly string[]): TermFormValues {
  const b = asRecord(body);
  return {
    slug: text(200).parse(b.slug),
    name: perLocale(b, 'name', locales, MAX_NAME),
    description: perLocale(b, 'description', locales, MAX_DESCRIPTION),
  };
}

/** Reads a posted organisation form. */
export function readOrganisationForm(body: unknown, locales: readonly string[]): OrganisationFormValues {
  const b = asRecord(body);
  return {
    slug: text(200).parse(b.slug),
    name: perLocale(b, 'name', locales, MAX_NAME),
    kind: text(50).parse(b.kind),
    website: text(2100).parse(b.website),
    email: text(300).parse(b.email),
    phone: text(60).parse(b.phone),
    municipality: text(200).parse(b.municipality),
  };
}

/** What a valid term form asks for. */
export interface TermCommand {
  slug: string;
  name: Record<string, string>;
  description: Record<string, string>;
}

/** What a valid organisation form asks for. */
export interface OrganisationCommand {
  slug: string;
  name: Record<string, string>;
  kind: OrganisationKind;
  website: string | null;
  email: string | null;
  phone: string | null;
  municipality: string | null;
}

const nonEmpty = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));

function checkSlug(slug: string, errors: FieldError[]): void {
  if (slug === '') errors.push({ field: 'slug', message: 'taxonomy.errors.required' });
  else if (!SLUG_PATTERN.test(slug) || slug.length > MAX_SLUG) errors.push({ field: 'slug', message: 'taxonomy.errors.slug' });
}

function checkTexts(values: Record<string, string>, field: string, max: number, errors: FieldError[], requiredIn?: string): void {
  if (requiredIn !== undefined && !values[requiredIn])
    errors.push({ field: `${field}.${requiredIn}`, message: 'taxonomy.errors.required' });
  for (const [l, v] of Object.entries(values)) {
    if (v.length > max) errors.push({ field: `${field}.${l}`, message: 'taxonomy.errors.tooLong' });
    else if (/[\r\n]/.test(v) && field === 'name') errors.push({ field: `${field}.${l}`, message: 'taxonomy.errors.oneLine' });
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && value.length <= 2000;
  } catch {
    return false;
  }
}

/**
 * A sector or life event form's rules: a slug (made from the name in the default language when
 * left empty), a name in the default language, texts of bounded length.
 */
export function validateTerm(
  values: TermFormValues,
  options: { defaultLocale: string; withDescription: boolean },
): { errors: FieldError[]; command?: TermCommand } {
  const errors: FieldError[] = [];
  const slug = values.slug || slugify(values.name[options.defaultLocale] ?? '');
  checkSlug(slug, errors);
  checkTexts(values.name, 'name', MAX_NAME, errors, options.defaultLocale);
  if (options.withDescription) checkTexts(values.description, 'description', MAX_DESCRIPTION, errors);
  if (errors.length > 0) return { errors };
  return {
    errors,
    command: { slug, name: nonEmpty(values.name), description: options.withDescription ? nonEmpty(values.description) : {} },
  };
}

/** An organisation form's rules. Whether the municipality exists is checked by the service. */
export function validateOrganisation(
  values: OrganisationFormValues,
  options: { defaultLocale: string },
): { errors: FieldError[]; command?: OrganisationCommand } {
  const errors: FieldError[] = [];
  const slug = values.slug || slugify(values.name[options.defaultLocale] ?? '');
  checkSlug(slug, errors);
  checkTexts(values.name, 'name', MAX_NAME, errors, options.defaultLocale);
  if (!(ORGANISATION_KINDS as readonly string[]).includes(values.kind)) errors.push({ field: 'kind', message: 'taxonomy.errors.kind' });
  if (values.website && !isHttpUrl(values.website)) errors.push({ field: 'website', message: 'taxonomy.errors.url' });
  if (values.email && (!EMAIL_PATTERN.test(values.email) || values.email.length > 254))
    errors.push({ field: 'email', message: 'taxonomy.errors.email' });
  if (values.phone && !PHONE_PATTERN.test(values.phone)) errors.push({ field: 'phone', message: 'taxonomy.errors.phone' });
  if (values.municipality && !SLUG_PATTERN.test(values.municipality))
    errors.push({ field: 'municipality', message: 'taxonomy.errors.municipality' });
  if (errors.length > 0) return { errors };
  return {
    errors,
    command: {
      slug,
      name: nonEmpty(values.name),
      kind: values.kind as OrganisationKind,
      website: values.website || null,
      email: values.email || null,
      phone: values.phone || null,
      municipality: values.municipality || null,
    },
  };
}
