/**
 * The page feedback pages: the prompt's form again when an answer could not be taken as sent (no
 * Yes or No chosen, a comment too long), and the thank-you page with a link back. Pure.
 */
import { ErrorMessage, ErrorSummary, Textarea, VisuallyHidden, type ErrorSummaryItem } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';

export interface FeedbackFormPageProps {
  /** The page the answer is about (a path without the locale). */
  page: string;
  comment: string;
  errors: { found?: string | undefined; comment?: string | undefined };
}

/** The prompt as a page of its own, with the error summary and the visitor's comment kept. */
export function FeedbackFormPage({ page, comment, errors }: FeedbackFormPageProps) {
  const { t, href } = useUi();
  const summary: ErrorSummaryItem[] = [];
  if (errors.found) summary.push({ fieldId: 'feedback-found-yes', message: errors.found });
  if (errors.comment) summary.push({ fieldId: 'feedback-comment', message: errors.comment });
  return (
    <div class="prose">
      <ErrorSummary errors={summary} />
      <h1>{t('feedback.form.title')}</h1>
      <p>
        {t('feedback.form.lead')} <a href={href(page)}>{page}</a>
      </p>
      {/* No CSRF token: the route checks the request's origin (see feedback.routes.tsx). */}
      <form method="post" action={href('/page-feedback')} novalidate>
        <input type="hidden" name="page" value={page} />
        <Textarea
          id="feedback-comment"
          name="comment"
          label={t('feedback.prompt.commentLabel')}
          hint={t('feedback.prompt.commentHint')}
          optional
          value={comment}
          error={errors.comment}
          rows={4}
        />
        <div class={errors.found ? 'field field--error' : 'field'}>
          <fieldset class="choices" aria-describedby={errors.found ? 'feedback-found-error' : undefined}>
            <legend class="choices__legend">{t('feedback.prompt.question')}</legend>
            {errors.found ? <ErrorMessage id="feedback-found-error">{errors.found}</ErrorMessage> : null}
            <div class="button-group">
              <button id="feedback-found-yes" class="button" type="submit" name="found" value="yes">
                {t('feedback.prompt.yes')}
                <VisuallyHidden>{t('feedback.prompt.yesContext')}</VisuallyHidden>
              </button>
              <button class="button" type="submit" name="found" value="no">
                {t('feedback.prompt.no')}
                <VisuallyHidden>{t('feedback.prompt.noContext')}</VisuallyHidden>
              </button>
            </div>
          </fieldset>
        </div>
      </form>
    </div>
  );
}

/** Thanks, and the way back to the page the answer was about (the home page when there is none). */
export function FeedbackThanksPage({ page }: { page: string | null }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t('feedback.thanks.title')}</h1>
      <p>{t('feedback.thanks.body')}</p>
      <p>{page ? <a href={href(page)}>{t('feedback.thanks.back')}</a> : <a href={href('/')}>{t('feedback.thanks.home')}</a>}</p>
    </div>
  );
}
