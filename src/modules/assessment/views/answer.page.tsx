/**
 * The official answer to a review, for the officials of the service's organisation: the review, the
 * current answer if any, and the form (sending again replaces the answer). Pure.
 */
import { formatDate, type MessageKey } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';

export interface AnswerPageProps {
  review: { id: number; text: string; answer: string | null; answeredAt: string | null };
  service: { slug: string; name: string };
  organisationName: string;
  /** The answer as typed (kept when the form comes back with an error). */
  value: string;
  /** A catalog key, or null. */
  error: string | null;
}

export function AnswerPage({ review, service, organisationName, value, error }: AnswerPageProps) {
  const { t, href, locale } = useUi();
  const message = error ? t(error as MessageKey) : undefined;
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('services.crumbs.home'), href: href('/') },
          { label: t('services.crumbs.services'), href: href('/services') },
          { label: service.name, href: href(`/services/${service.slug}`) },
          { label: t('rating.reviews.crumb'), href: href(`/services/${service.slug}/reviews`) },
          { label: t('rating.answer.crumb') },
        ]}
      />
      <ErrorSummary errors={message ? [{ fieldId: 'answer-text', message }] : []} />
      <h1>{t('rating.answer.title', { service: service.name })}</h1>
      <p class="lead">{t('rating.answer.lead', { organisation: organisationName })}</p>
      <h2>{t('rating.answer.review')}</h2>
      <blockquote>
        <p>{review.text}</p>
      </blockquote>
      {review.answer ? (
        <>
          <h2>{t('rating.answer.current')}</h2>
          {review.answeredAt ? (
            <p class="card__meta">
              <time dateTime={review.answeredAt}>{formatDate(locale, review.answeredAt)}</time>
            </p>
          ) : null}
          <p>{review.answer}</p>
        </>
      ) : null}
      <form method="post" action={href(`/reviews/${review.id}/answer`)} novalidate>
        <CsrfField />
        <Textarea
          id="answer-text"
          name="answer"
          label={t(review.answer ? 'rating.answer.labelReplace' : 'rating.answer.label')}
          hint={t('rating.answer.hint')}
          value={value}
          error={message}
          rows={6}
        />
        <div class="button-group">
          <Button>{t('rating.answer.send')}</Button>
          <a href={href(`/services/${service.slug}/reviews#review-${review.id}`)}>{t('rating.answer.cancel')}</a>
        </div>
      </form>
    </div>
  );
}
