/**
 * The admin forms of the taxonomy: an organisation, a sector or a life event, new or existing.
 * Names (and a sector's description) have one box per language. Errors come back in a summary
 * linking to the fields and next to them; what was typed is kept. Pure.
 */
import type { Locale } from '../../../../config.js';
import type { FieldError } from '../../../../platform/errors.js';
import type { MessageKey } from '../../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Select, TextInput } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { ORGANISATION_KINDS, type OrganisationFormValues, type TermFormValues, type TermKind } from '../../taxonomy.schemas.js';
import { TranslatedField } from '../editor/translated-field.js';
import { TERM_KEY } from './terms.page.js';

/** Messages by field, and the summary's items, from the errors. */
function useErrors(errors: FieldError[], locales: readonly string[]) {
  const { t } = useUi();
  const message = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message as MessageKey) : undefined;
  };
  const perLocale = (field: string) => Object.fromEntries(locales.map((l) => [l, message(`${field}.${l}`)]));
  const summary = errors.map((e) => ({ fieldId: `taxonomy-${e.field.replace(/\./g, '-')}`, message: t(e.message as MessageKey) }));
  return { message, perLocale, summary };
}

function SlugField({ value, error, isNew }: { value: string; error?: string | undefined; isNew: boolean }) {
  const { t } = useUi();
  return (
    <TextInput
      id="taxonomy-slug"
      name="slug"
      label={t('taxonomy.fields.slug')}
      hint={isNew ? t('taxonomy.hints.slugNew') : t('taxonomy.hints.slug')}
      value={value}
      error={error}
      spellcheck={false}
      width="medium"
      optional={isNew}
    />
  );
}

export interface TermFormPageProps {
  kind: TermKind;
  /** The slug when the form was loaded; absent for a new one. */
  slug?: string | undefined;
  values: TermFormValues;
  errors: FieldError[];
  defaultLocale: Locale;
}

export function TermFormPage({ kind, slug, values, errors, defaultLocale }: TermFormPageProps) {
  const { t, href, locales } = useUi();
  const key = TERM_KEY[kind];
  const isNew = slug === undefined;
  const { message, perLocale, summary } = useErrors(errors, locales);
  const base = `/admin/catalogue/${kind}`;
  const title = isNew ? t(`taxonomy.${key}.add`) : t('taxonomy.editTitle', { name: values.name[defaultLocale] || slug });
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t(`taxonomy.${key}.title`), href: href(base) }, { label: title }]} />
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      <form method="post" action={href(isNew ? base : `${base}/${slug}`)} noValidate>
        <CsrfField />
        <TranslatedField
          field="name"
          idPrefix="taxonomy"
          legend={t('taxonomy.fields.name')}
          values={values.name}
          errors={perLocale('name')}
          required
          defaultLocale={defaultLocale}
        />
        {kind === 'sectors' ? (
          <TranslatedField
            field="description"
            idPrefix="taxonomy"
            legend={t('taxonomy.fields.description')}
            hint={t('taxonomy.hints.description')}
            values={values.description}
            errors={perLocale('description')}
            multiline
            rows={3}
            defaultLocale={defaultLocale}
          />
        ) : null}
        <SlugField value={values.slug} error={message('slug')} isNew={isNew} />
        <div class="button-group">
          <Button>{isNew ? t('taxonomy.create') : t('taxonomy.save')}</Button>
          <a href={href(base)}>{t('taxonomy.cancel')}</a>
        </div>
      </form>
    </div>
  );
}

export interface OrganisationFormPageProps {
  slug?: string | undefined;
  values: OrganisationFormValues;
  errors: FieldError[];
  municipalities: { slug: string; name: string }[];
  defaultLocale: Locale;
}

export function OrganisationFormPage({ slug, values, errors, municipalities, defaultLocale }: OrganisationFormPageProps) {
  const { t, href, locales } = useUi();
  const isNew = slug === undefined;
  const { message, perLocale, summary } = useErrors(errors, locales);
  const base = '/admin/catalogue/organisations';
  const title = isNew ? t('taxonomy.organisations.add') : t('taxonomy.editTitle', { name: values.name[defaultLocale] || slug });
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('taxonomy.organisations.title'), href: href(base) }, { label: title }]} />
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      <form method="post" action={href(isNew ? base : `${base}/${slug}`)} noValidate>
        <CsrfField />
        <TranslatedField
          field="name"
          idPrefix="taxonomy"
          legend={t('taxonomy.fields.name')}
          values={values.name}
          errors={perLocale('name')}
          required
          defaultLocale={defaultLocale}
        />
        <SlugField value={values.slug} error={message('slug')} isNew={isNew} />
        <Select
          id="taxonomy-kind"
          name="kind"
          label={t('taxonomy.fields.kind')}
          value={values.kind}
          error={message('kind')}
          placeholder={t('taxonomy.choose')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`taxonomy.kinds.${k}`) }))}
        />
        <Select
          id="taxonomy-municipality"
          name="municipality"
          label={t('taxonomy.fields.municipality')}
          hint={t('taxonomy.hints.municipality')}
          value={values.municipality}
          error={message('municipality')}
          placeholder={t('taxonomy.none')}
          optional
          options={municipalities.map((m) => ({ value: m.slug, label: m.name }))}
        />
        <TextInput
          id="taxonomy-website"
          name="website"
          inputMode="url"
          label={t('taxonomy.fields.website')}
          value={values.website}
          error={message('website')}
          spellcheck={false}
          optional
        />
        <TextInput
          id="taxonomy-email"
          name="email"
          inputMode="email"
          label={t('taxonomy.fields.email')}
          value={values.email}
          error={message('email')}
          spellcheck={false}
          width="medium"
          optional
        />
        <TextInput
          id="taxonomy-phone"
          name="phone"
          type="tel"
          label={t('taxonomy.fields.phone')}
          value={values.phone}
          error={message('phone')}
          width="medium"
          optional
        />
        <div class="button-group">
          <Button>{isNew ? t('taxonomy.create') : t('taxonomy.save')}</Button>
          <a href={href(base)}>{t('taxonomy.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
