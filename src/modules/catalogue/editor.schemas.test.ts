import { describe, expect, it } from 'vitest';
import {
  amountFromForm,
  controlId,
  durationFromForm,
  durationToForm,
  formToInput,
  inputToForm,
  manageListQuery,
  readServiceForm,
} from './editor.schemas.js';
import { emptyServiceInput, validateServiceInput, type ServiceInput } from './services.model.js';

const LOCALES = ['en', 'fr'];

const sample = (): ServiceInput => ({
  ...emptyServiceInput(),
  slug: 'housing-benefit',
  organisation: 'family-allowance-office',
  sector: 'housing',
  lifeEvents: ['moving', 'looking-for-a-place-to-live'],
  name: { en: 'Apply for housing benefit', fr: 'Demander une aide au logement' },
  summary: { en: 'Help with the rent.' },
  description: { en: 'First paragraph.\n\nSecond paragraph.' },
  requirements: { en: 'Be a tenant\nHave modest income' },
  keywords: { en: ['rent', 'housing'], fr: ['loyer'] },
  channels: ['online', 'dps'],
  onlineUrl: 'https://caf.example/apply',
  isFree: false,
  costAmount: 12.5,
  costCurrency: 'EUR',
  processingTime: 'P2W',
  contactEmail: 'help@caf.example',
  languages: ['fr', 'en'],
  accessibility: 'partial',
  related: ['rsa', 'birth-grant'],
});

/** The form fields as the browser would post them for these values. */
function post(values: ReturnType<typeof inputToForm>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  delete out.text;
  delete out.keywords;
  for (const [field, byLocale] of Object.entries(values.text)) for (const [l, v] of Object.entries(byLocale)) out[`${field}.${l}`] = v;
  for (const [l, v] of Object.entries(values.keywords)) out[`keywords.${l}`] = v;
  return out;
}

describe('the service form ⇄ ServiceInput', () => {
  it('round-trips a complete service through the form unchanged', () => {
    const input = sample();
    const form = inputToForm(input, LOCALES, 3);
    expect(form.version).toBe('3');
    expect(form.processingTimeAmount).toBe('2');
    expect(form.processingTimeUnit).toBe('weeks');
    expect(form.keywords).toEqual({ en: 'rent, housing', fr: 'loyer' });
    expect(form.text.summary).toEqual({ en: 'Help with the rent.', fr: '' });
    const { raw, errors } = formToInput(readServiceForm(post(form), LOCALES), { defaultLocale: 'en', isNew: false });
    expect(errors).toEqual([]);
    const parsed = validateServiceInput(raw, 'en');
    expect(parsed.ok && parsed.value).toEqual(input);
  });

  it('reads a lenient form: missing fields are empty, single checkboxes become lists, junk is ignored', () => {
    const values = readServiceForm({ channels: 'online', 'name.en': ['One', 'Two'], 'name.de': 'Ignored', evil: 'x' }, LOCALES);
    expect(values.channels).toEqual(['online']);
    expect(values.lifeEvents).toEqual([]);
    expect(values.text.name).toEqual({ en: 'One', fr: '' });
    expect(values.slug).toBe('');
    expect(readServiceForm(null, LOCALES).text.description).toEqual({ en: '', fr: '' });
  });

  it('makes a new service’s slug from its name in the default language, and only for a new one', () => {
    const values = readServiceForm({ 'name.en': 'Réserver une salle — vite !', 'name.fr': 'x' }, LOCALES);
    expect(formToInput(values, { defaultLocale: 'en', isNew: true }).raw.slug).toBe('reserver-une-salle-vite');
    expect(formToInput(values, { defaultLocale: 'en', isNew: false }).raw.slug).toBe('');
  });

  it('converts processing times between number + unit and ISO 8601', () => {
    expect(durationFromForm('14', 'days')).toEqual({ value: 'P14D' });
    expect(durationFromForm('2', 'hours')).toEqual({ value: 'PT2H' });
    expect(durationFromForm('03', 'months')).toEqual({ value: 'P3M' });
    expect(durationFromForm('', 'days')).toEqual({ value: null });
    expect(durationFromForm('p1m15d', 'iso')).toEqual({ value: 'P1M15D' });
    for (const [amount, unit] of [
      ['0', 'days'],
      ['1.5', 'days'],
      ['soon', 'days'],
      ['3', 'fortnights'],
      ['-2', 'weeks'],
    ]) {
      expect(durationFromForm(amount!, unit!)).toEqual({ error: true });
    }
    expect(durationToForm('P14D')).toEqual({ amount: '14', unit: 'days' });
    expect(durationToForm('PT2H')).toEqual({ amount: '2', unit: 'hours' });
    expect(durationToForm('P1Y')).toEqual({ amount: '1', unit: 'years' });
    // What the units cannot say stays as it is, in ISO 8601.
    expect(durationToForm('P1M15D')).toEqual({ amount: 'P1M15D', unit: 'iso' });
    expect(durationToForm(null)).toEqual({ amount: '', unit: 'days' });
  });

  it('reads amounts written the French or the English way, and reports the rest', () => {
    expect(amountFromForm('12')).toBe(12);
    expect(amountFromForm('12,50')).toBe(12.5);
    expect(amountFromForm('1 200,00 €')).toBe(1200);
    expect(amountFromForm(' ')).toBeNull();
    expect(amountFromForm('twelve')).toBeNaN();
    const { raw, errors } = formToInput(readServiceForm({ costAmount: 'twelve', processingTimeAmount: 'x' }, LOCALES), {
      defaultLocale: 'en',
      isNew: true,
    });
    expect(errors.map((e) => e.field)).toEqual(['processingTime', 'costAmount']);
    expect(raw.costAmount).toBeNull();
    expect(raw.processingTime).toBeNull();
  });

  it('points each error at the control that shows it', () => {
    expect(controlId('name.fr')).toBe('service-name-fr');
    expect(controlId('channels')).toBe('service-channels');
    expect(controlId('processingTime')).toBe('service-processingTimeAmount');
    expect(controlId('version')).toBe('service-slug');
  });

  it('reads the list’s query leniently: unknown values are dropped, not errors', () => {
    expect(manageListQuery.parse({ status: 'deleted', page: '-3', q: '  birth ' })).toMatchObject({
      status: undefined,
      page: 1,
      q: 'birth',
    });
    expect(manageListQuery.parse({ status: 'draft', page: '2', organisation: '' })).toMatchObject({
      status: 'draft',
      page: 2,
      organisation: undefined,
    });
  });
});
