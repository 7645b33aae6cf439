/**
 * "Rate this service": overall satisfaction, the four criteria scored 1–5, whether the person managed
 * what they came for, how they used it, and an optional public review. Pre-filled with their current
 * rating; sent again, it replaces it. Also the page shown instead to people who cannot rate yet (signed
 * out, email not confirmed) and the confirmation before deleting a rating. Pure.
 */
import type { FieldError } from '../../../platform/errors.js';
import { formatDate, type MessageKey } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Radios, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { COMPLETIONS, CRITERIA, SATISFACTION_LEVELS, USAGES } from '../assessment.model.js';

/** The form's fields as sent (strings), kept when it comes back with errors. */
export interface RateFormValues {
  satisfaction: string;
  find: string;
  use: string;
  works: string;
  accessible: string;
  completion: string;
  usage: string;
  review: string;
}

export const RATE_FIELDS = [
  'satisfaction',
  ...CRITERIA,
  'completion',
  'usage',
  'review',
] as const satisfies readonly (keyof RateFormValues)[];

export const emptyRateForm = (): RateFormValues => ({
  satisfaction: '',
  find: '',
  use: '',
  works: '',
  accessible: '',
  completion: '',
  usage: '',
  review: '',
});

/** The id of a field's (first) control, which the error summary links to. */
export const rateFieldId = (field: string) => `rate-${field}`;

interface ServiceRef {
  slug: string;
  name: string;
}

function Crumbs({ service, last }: { service: ServiceRef; last: string }) {
  const { t, href } = useUi();
  return (
    <Breadcrumbs
      items={[
        { label: t('services.crumbs.home'), href: href('/') },
        { label: t('services.crumbs.services'), href: href('/services') },
        { label: service.name, href: href(`/services/${service.slug}`) },
        { label: last },
      ]}
    />
  );
}

export interface RatePageProps {
  service: ServiceRef;
  values: RateFormValues;
  /** `message` is a catalog key. */
  errors: FieldError[];
  /** When the person's current rating was last sent; null for a first rating. */
  ratedAt: string | null;
  displayName: string;
}

export function RatePage({ service, values, errors, ratedAt, displayName }: RatePageProps) {
  const { t, href, locale } = useUi();
  const errorOf = (field: string) => {
    const e = errors.find((x) => x.field === field);
    return e ? t(e.message as MessageKey) : undefined;
  };
  const scale = (low: MessageKey, high: MessageKey) =>
    [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: n === 1 ? t(low) : n === 5 ? t(high) : String(n) }));
  return (
    <div class="prose">
      <Crumbs service={service} last={t('rating.form.crumb')} />
      <ErrorSummary errors={errors.map((e) => ({ fieldId: rateFieldId(e.field), message: t(e.message as MessageKey) }))} />
      <h1>{t('rating.form.title', { service: service.name })}</h1>
      <p class="lead">{t('rating.form.lead')}</p>
      {ratedAt ? <p>{t('rating.form.current', { date: formatDate(locale, ratedAt) })}</p> : null}
      <form method="post" action={href(`/services/${service.slug}/rate`)} novalidate>
        <CsrfField />
        <Radios
          id={rateFieldId('satisfaction')}
          name="satisfaction"
          legend={t('rating.form.satisfaction')}
          options={SATISFACTION_LEVELS.map((n) => ({ value: String(n), label: t(`rating.satisfaction.${n}`) }))}
          value={values.satisfaction}
          error={errorOf('satisfaction')}
        />
        {CRITERIA.map((c) => (
          <Radios
            key={c}
            id={rateFieldId(c)}
            name={c}
            legend={t(`rating.form.criteria.${c}`)}
            hint={t(`rating.form.criteriaHint.${c}`)}
            options={scale('rating.form.scaleLow', 'rating.form.scaleHigh')}
            value={values[c]}
            error={errorOf(c)}
            inline
          />
        ))}
        <Radios
          id={rateFieldId('completion')}
          name="completion"
          legend={t('rating.form.completion')}
          options={COMPLETIONS.map((c) => ({ value: c, label: t(`rating.completion.${c}`) }))}
          value={values.completion}
          error={errorOf('completion')}
          inline
        />
        <Radios
          id={rateFieldId('usage')}
          name="usage"
          legend={t('rating.form.usage')}
          options={USAGES.map((u) => ({ value: u, label: t(`rating.usage.${u}`) }))}
          value={values.usage}
          error={errorOf('usage')}
        />
        <Textarea
          id={rateFieldId('review')}
          name="review"
          label={t('rating.form.review')}
          hint={t('rating.form.reviewHint', { name: displayName })}
          value={values.review}
          error={errorOf('review')}
          optional
          rows={6}
        />
        <div class="button-group">
          <Button>{t('rating.form.send')}</Button>
          {ratedAt ? <a href={href(`/services/${service.slug}/rate/delete`)}>{t('rating.form.delete')}</a> : null}
        </div>
      </form>
    </div>
  );
}

/** Why someone cannot rate yet: signed out (with a link to sign in and come back) or email not confirmed. */
export function RateRefusedPage({ service, reason }: { service: ServiceRef; reason: 'signIn' | 'unverified' }) {
  const { t, href } = useUi();
  const back = href(`/services/${service.slug}/rate`);
  return (
    <div class="prose">
      <Crumbs service={service} last={t('rating.form.crumb')} />
      <h1>{t(`rating.refused.${reason}.title`)}</h1>
      <p>{t(`rating.refused.${reason}.body`, { service: service.name })}</p>
      {reason === 'signIn' ? (
        <div class="button-group">
          <a class="button" href={`${href('/sign-in')}?next=${encodeURIComponent(back)}`}>
            {t('rating.refused.signIn.link')}
          </a>
          <a href={href('/register')}>{t('rating.refused.signIn.register')}</a>
        </div>
      ) : (
        <p>
          <a href={href('/account')}>{t('rating.refused.unverified.link')}</a>
        </p>
      )}
    </div>
  );
}

/** "Delete your rating?", with the button that does it and a way back. */
export function RateDeletePage({ service }: { service: ServiceRef }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <Crumbs service={service} last={t('rating.delete.crumb')} />
      <h1>{t('rating.delete.title', { service: service.name })}</h1>
      <p>{t('rating.delete.body')}</p>
      <form method="post" action={href(`/services/${service.slug}/rate/delete`)}>
        <CsrfField />
        <div class="button-group">
          <Button variant="warning">{t('rating.delete.confirm')}</Button>
          <a href={href(`/services/${service.slug}/rate`)}>{t('rating.delete.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
