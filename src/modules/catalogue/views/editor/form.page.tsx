/**
 * The service form, for a new service and for editing one: every field of a service, grouped as an
 * official thinks of them, with one box per language for texts. Errors come back in a summary that
 * links to each field and next to the field itself; what was typed is kept. Pure.
 */
import type { Locale } from '../../../../config.js';
import type { FieldError } from '../../../../platform/errors.js';
import { pick, type MessageKey } from '../../../../platform/i18n.js';
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  Radios,
  Select,
  TextInput,
  type ErrorSummaryItem,
} from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { DURATION_UNITS, ISO_UNIT, OFFERED_LANGUAGES, controlId, type ServiceFormValues } from '../../editor.schemas.js';
import { ACCESSIBILITY, CHANNELS, REQUIRED_TRANSLATED, type TranslatedField as TranslatedName } from '../../services.model.js';
import { languageName } from './language-name.js';
import { TranslatedField } from './translated-field.js';

export interface Choice {
  slug: string;
  /** Translated (JSON). */
  name: string;
}

export interface ServiceFormPageProps {
  /** The slug the service had when the form was loaded; absent for a new service. */
  slug?: string | undefined;
  values: ServiceFormValues;
  errors: FieldError[];
  choices: { organisations: Choice[]; sectors: Choice[]; lifeEvents: Choice[] };
  defaultLocale: Locale;
  /** Whether the organisations offered are only the person's own (officials), not all (admins). */
  ownOrganisations?: boolean;
}

/** Translated fields in the order of the form, with their box size. */
const TEXTS: { field: TranslatedName; multiline?: boolean; rows?: number }[] = [
  { field: 'name' },
  { field: 'summary', multiline: true, rows: 3 },
  { field: 'description', multiline: true, rows: 10 },
  { field: 'audience', multiline: true, rows: 3 },
];

export function ServiceFormPage({ slug, values, errors, choices, defaultLocale, ownOrganisations = true }: ServiceFormPageProps) {
  const { t, href, locale, locales } = useUi();
  const isNew = slug === undefined;
  const name = (json: string) => pick(json, locale, defaultLocale);
  const message = (key: string) => t(key as MessageKey);
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? message(e.message) : undefined;
  };
  const perLocale = (field: string) => Object.fromEntries(locales.map((l) => [l, errorOf(`${field}.${l}`) ?? errorOf(field)]));
  const summary: ErrorSummaryItem[] = [];
  for (const e of errors) {
    const fieldId = controlId(e.field);
    if (!summary.some((s) => s.fieldId === fieldId)) summary.push({ fieldId, message: message(e.message) });
  }
  const translated = (field: TranslatedName, multiline = false, rows?: number) => (
    <TranslatedField
      field={field}
      legend={t(`serviceEditor.fields.${field}`)}
      hint={t(`serviceEditor.hints.${field}`)}
      values={values.text[field]}
      errors={perLocale(field)}
      required={REQUIRED_TRANSLATED.includes(field)}
      multiline={multiline}
      rows={rows}
      defaultLocale={defaultLocale}
    />
  );
  const languages = [...new Set([...OFFERED_LANGUAGES, ...values.languages])];
  const title = isNew
    ? t('serviceEditor.form.newTitle')
    : t('serviceEditor.form.editTitle', { name: values.text.name[defaultLocale] || slug });
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('serviceEditor.list.title'), href: href('/manage/services') },
          ...(isNew ? [] : [{ label: name(JSON.stringify(values.text.name)) || slug!, href: href(`/manage/services/${slug}`) }]),
          { label: isNew ? t('serviceEditor.form.newTitle') : t('serviceEditor.form.editCrumb') },
        ]}
      />
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      <p class="lead">{t('serviceEditor.form.lead', { language: languageName(defaultLocale, locale) })}</p>
      <form method="post" action={href(isNew ? '/manage/services' : `/manage/services/${slug}`)} noValidate>
        <CsrfField />
        <input type="hidden" name="version" value={values.version} />

        <h2>{t('serviceEditor.form.sections.about')}</h2>
        {TEXTS.map((f) => translated(f.field, f.multiline, f.rows))}

        <h2>{t('serviceEditor.form.sections.place')}</h2>
        <Select
          id="service-organisation"
          name="organisation"
          label={t('serviceEditor.fields.organisation')}
          hint={ownOrganisations ? t('serviceEditor.hints.organisation') : undefined}
          value={values.organisation}
          error={errorOf('organisation')}
          placeholder={choices.organisations.length === 1 ? undefined : t('serviceEditor.form.choose')}
          options={choices.organisations.map((o) => ({ value: o.slug, label: name(o.name) }))}
        />
        <Select
          id="service-sector"
          name="sector"
          label={t('serviceEditor.fields.sector')}
          value={values.sector}
          error={errorOf('sector')}
          placeholder={t('serviceEditor.form.choose')}
          options={choices.sectors.map((s) => ({ value: s.slug, label: name(s.name) }))}
        />
        <Checkboxes
          id="service-lifeEvents"
          name="lifeEvents"
          legend={t('serviceEditor.fields.lifeEvents')}
          hint={t('serviceEditor.hints.lifeEvents')}
          values={values.lifeEvents}
          error={errorOf('lifeEvents')}
          optional
          options={choices.lifeEvents.map((e) => ({ value: e.slug, label: name(e.name) }))}
        />
        <TextInput
          id="service-slug"
          name="slug"
          label={t('serviceEditor.fields.slug')}
          hint={isNew ? t('serviceEditor.hints.slugNew') : t('serviceEditor.hints.slug')}
          value={values.slug}
          error={errorOf('slug')}
          spellcheck={false}
          width="medium"
          optional={isNew}
        />

        <h2>{t('serviceEditor.form.sections.use')}</h2>
        <Checkboxes
          id="service-channels"
          name="channels"
          legend={t('serviceEditor.fields.channels')}
          hint={t('serviceEditor.hints.channels')}
          values={values.channels}
          error={errorOf('channels')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`serviceEditor.channels.${c}`) }))}
        />
        <TextInput
          id="service-onlineUrl"
          name="onlineUrl"
          inputMode="url"
          label={t('serviceEditor.fields.onlineUrl')}
          hint={t('serviceEditor.hints.onlineUrl')}
          value={values.onlineUrl}
          error={errorOf('onlineUrl')}
          spellcheck={false}
          optional
        />
        <Checkboxes
          id="service-languages"
          name="languages"
          legend={t('serviceEditor.fields.languages')}
          hint={t('serviceEditor.hints.languages')}
          values={values.languages}
          error={errorOf('languages')}
          optional
          options={languages.map((l) => ({ value: l, label: languageName(l, locale, true) }))}
        />
        {translated('requirements', true, 4)}
        {translated('evidence', true, 4)}

        <h2>{t('serviceEditor.form.sections.cost')}</h2>
        <Radios
          id="service-isFree"
          name="isFree"
          legend={t('serviceEditor.fields.isFree')}
          value={values.isFree}
          error={errorOf('isFree')}
          inline
          options={[
            { value: 'yes', label: t('serviceEditor.form.yes') },
            { value: 'no', label: t('serviceEditor.form.no') },
          ]}
        />
        <TextInput
          id="service-costAmount"
          name="costAmount"
          label={t('serviceEditor.fields.costAmount')}
          hint={t('serviceEditor.hints.costAmount')}
          value={values.costAmount}
          error={errorOf('costAmount')}
          inputMode="decimal"
          width="short"
          optional
        />
        <TextInput
          id="service-costCurrency"
          name="costCurrency"
          label={t('serviceEditor.fields.costCurrency')}
          hint={t('serviceEditor.hints.costCurrency')}
          value={values.costCurrency}
          error={errorOf('costCurrency')}
          spellcheck={false}
          width="short"
        />
        {translated('costDescription', true, 3)}
        <TextInput
          id="service-processingTimeAmount"
          name="processingTimeAmount"
          label={t('serviceEditor.fields.processingTime')}
          hint={t('serviceEditor.hints.processingTime')}
          value={values.processingTimeAmount}
          error={errorOf('processingTime')}
          inputMode={values.processingTimeUnit === ISO_UNIT ? 'text' : 'numeric'}
          spellcheck={false}
          width="short"
          optional
        />
        <Select
          id="service-processingTimeUnit"
          name="processingTimeUnit"
          label={t('serviceEditor.fields.processingTimeUnit')}
          value={values.processingTimeUnit}
          options={[...DURATION_UNITS, ISO_UNIT].map((u) => ({
            value: u,
            label: t(`serviceEditor.units.${u as (typeof DURATION_UNITS)[number] | typeof ISO_UNIT}`),
          }))}
        />

        <h2>{t('serviceEditor.form.sections.contact')}</h2>
        <TextInput
          id="service-contactEmail"
          name="contactEmail"
          inputMode="email"
          label={t('serviceEditor.fields.contactEmail')}
          value={values.contactEmail}
          error={errorOf('contactEmail')}
          spellcheck={false}
          width="medium"
          optional
        />
        <TextInput
          id="service-contactPhone"
          name="contactPhone"
          type="tel"
          label={t('serviceEditor.fields.contactPhone')}
          hint={t('serviceEditor.hints.contactPhone')}
          value={values.contactPhone}
          error={errorOf('contactPhone')}
          width="medium"
          optional
        />
        <TextInput
          id="service-contactPage"
          name="contactPage"
          inputMode="url"
          label={t('serviceEditor.fields.contactPage')}
          value={values.contactPage}
          error={errorOf('contactPage')}
          spellcheck={false}
          optional
        />
        {translated('contactHours', true, 2)}

        <h2>{t('serviceEditor.form.sections.accessibility')}</h2>
        <Radios
          id="service-accessibility"
          name="accessibility"
          legend={t('serviceEditor.fields.accessibility')}
          hint={t('serviceEditor.hints.accessibility')}
          value={values.accessibility}
          error={errorOf('accessibility')}
          options={ACCESSIBILITY.map((a) => ({ value: a, label: t(`serviceEditor.accessibility.${a}`) }))}
        />
        <TextInput
          id="service-accessibilityUrl"
          name="accessibilityUrl"
          inputMode="url"
          label={t('serviceEditor.fields.accessibilityUrl')}
          value={values.accessibilityUrl}
          error={errorOf('accessibilityUrl')}
          spellcheck={false}
          optional
        />

        <h2>{t('serviceEditor.form.sections.find')}</h2>
        <TranslatedField
          field="keywords"
          legend={t('serviceEditor.fields.keywords')}
          hint={t('serviceEditor.hints.keywords')}
          values={values.keywords}
          errors={perLocale('keywords')}
          defaultLocale={defaultLocale}
        />
        <TextInput
          id="service-related"
          name="related"
          label={t('serviceEditor.fields.related')}
          hint={t('serviceEditor.hints.related')}
          value={values.related}
          error={errorOf('related')}
          spellcheck={false}
          optional
        />

        <div class="button-group">
          <Button>{isNew ? t('serviceEditor.form.create') : t('serviceEditor.form.save')}</Button>
          <a href={href(isNew ? '/manage/services' : `/manage/services/${slug}`)}>{t('serviceEditor.form.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
