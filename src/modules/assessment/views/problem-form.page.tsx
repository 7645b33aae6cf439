/**
 * "Report a problem" with an e-service: what kind of problem (radios), a description that will be
 * public, and whether to be emailed when the report changes. Comes back with an error summary and
 * the person's text when something is missing. Pure.
 */
import type { MessageKey } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, Checkboxes, CsrfField, ErrorSummary, Radios, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { PROBLEM_CATEGORIES } from '../assessment.model.js';

/** What the form holds (as typed). */
export interface ProblemFormValues {
  category: string;
  description: string;
  notify: boolean;
}

export type ProblemFormErrors = Partial<Record<'category' | 'description', MessageKey>>;

export interface ProblemFormPageProps {
  service: { slug: string; name: string };
  values: ProblemFormValues;
  errors: ProblemFormErrors;
  /** The signed-in person's address, where updates would go. */
  email: string;
}

export function ProblemFormPage({ service, values, errors, email }: ProblemFormPageProps) {
  const { t, href } = useUi();
  const summary = (['category', 'description'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: `problem-${f}`, message: t(errors[f]) }] : [],
  );
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: service.name, href: href(`/services/${service.slug}`) },
          { label: t('problems.list.title', { service: service.name }), href: href(`/services/${service.slug}/problems`) },
          { label: t('problems.form.title') },
        ]}
      />
      <ErrorSummary errors={summary} />
      <h1>{t('problems.form.title')}</h1>
      <p class="lead">{t('problems.form.lead', { service: service.name })}</p>
      <form method="post" action={href(`/services/${service.slug}/problems/new`)} novalidate>
        <CsrfField />
        <Radios
          id="problem-category"
          name="category"
          legend={t('problems.form.categoryLegend')}
          value={values.category}
          error={errors.category ? t(errors.category) : undefined}
          options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: t(`problems.category.${c}`) }))}
        />
        <Textarea
          id="problem-description"
          name="description"
          label={t('problems.form.descriptionLabel')}
          hint={t('problems.form.descriptionHint')}
          value={values.description}
          error={errors.description ? t(errors.description) : undefined}
          rows={6}
        />
        <Checkboxes
          id="problem-notify"
          name="notify"
          legend={t('problems.form.notifyLegend')}
          values={values.notify ? ['yes'] : []}
          options={[{ value: 'yes', label: t('problems.form.notifyLabel'), hint: t('problems.form.notifyHint', { email }) }]}
        />
        <Button>{t('problems.form.submit')}</Button>
      </form>
      <p>
        <a href={href(`/services/${service.slug}`)}>{t('problems.form.back', { service: service.name })}</a>
      </p>
    </div>
  );
}
