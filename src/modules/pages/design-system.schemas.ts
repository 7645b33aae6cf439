/**
 * Input of the design system page: the pagination example's page number, and the demo form, which
 * is validated for real so the page shows the whole form journey (errors, kept values, success).
 */
import { z } from 'zod';

/** How many pages the pagination example pretends to have. */
export const DEMO_PAGE_COUNT = 12;

/** `/design-system?page=`: the page the pagination example shows (5 unless told otherwise; clamped to the range). */
export const designSystemQuery = z.object({
  page: z.coerce
    .number()
    .int()
    .catch(5)
    .transform((p) => Math.min(Math.max(p, 1), DEMO_PAGE_COUNT)),
});

/** The municipalities of the demo territory, the options of the demo select. */
export const DEMO_MUNICIPALITIES = [
  { value: 'saint-aubin-sur-verte', label: 'Saint-Aubin-sur-Verte' },
  { value: 'mont-rivel', label: 'Mont-Rivel' },
  { value: 'les-ormeaux', label: 'Les Ormeaux' },
] as const;
/** The answers of the demo radios (how to be contacted). */
export const DEMO_CONTACTS = ['email', 'phone', 'post'] as const;
/** The answers of the demo checkboxes (what the request is about). */
export const DEMO_TOPICS = ['housing', 'health', 'work'] as const;

const text = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(10_000).catch('')).transform((s) => s.trim());
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()).catch([]));

/**
 * The demo form's body, read leniently: every field becomes a string (or a list for the topics),
 * so the form can always be shown again with what the user typed. Checking comes after, in
 * `validateDemoForm`, which returns messages per field rather than throwing.
 */
export const demoFormBody = z.object({
  name: text,
  email: text,
  postcode: text,
  municipality: text,
  contact: text,
  topics: list,
  message: text,
});

/** The demo form's values as the view shows them. */
export type DemoFormValues = z.output<typeof demoFormBody>;
/** A field of the demo form; its control's id is `demo-<field>`. */
export type DemoField = keyof DemoFormValues;
/** The error messages of the demo form, as catalog keys. */
export type DemoErrorKey =
  `designSystem.form.errors.${'nameRequired' | 'emailRequired' | 'emailInvalid' | 'postcodeInvalid' | 'municipalityInvalid' | 'contactRequired' | 'messageTooLong'}`;
/** Errors by field, in the order the fields appear. */
export type DemoFormErrors = Partial<Record<DemoField, DemoErrorKey>>;

/** The rules, in field order, so the error summary lists errors in the order of the form. */
export function validateDemoForm(v: DemoFormValues): DemoFormErrors {
  const errors: DemoFormErrors = {};
  if (!v.name) errors.name = 'designSystem.form.errors.nameRequired';
  if (!v.email) errors.email = 'designSystem.form.errors.emailRequired';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = 'designSystem.form.errors.emailInvalid';
  if (v.postcode && !/^\d{5}$/.test(v.postcode)) errors.postcode = 'designSystem.form.errors.postcodeInvalid';
  if (v.municipality && !DEMO_MUNICIPALITIES.some((m) => m.value === v.municipality))
    errors.municipality = 'designSystem.form.errors.municipalityInvalid';
  if (!(DEMO_CONTACTS as readonly string[]).includes(v.contact)) errors.contact = 'designSystem.form.errors.contactRequired';
  if (v.message.length > 1000) errors.message = 'designSystem.form.errors.messageTooLong';
  return errors;
}

/** What the GET page shows: the form as it comes back after a submission with three errors. */
export const SAMPLE_DEMO_FORM: { values: DemoFormValues; errors: DemoFormErrors } = {
  values: {
    name: '',
    email: 'marie.dupont@example',
    postcode: '38000',
    municipality: 'mont-rivel',
    contact: '',
    topics: ['housing'],
    message: '',
  },
  errors: {
    name: 'designSystem.form.errors.nameRequired',
    email: 'designSystem.form.errors.emailInvalid',
    contact: 'designSystem.form.errors.contactRequired',
  },
};
