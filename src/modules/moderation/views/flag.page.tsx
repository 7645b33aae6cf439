/**
 * The report form: what is being reported (its kind and title, linked), the reasons as radios and
 * an optional comment; after sending, or when this person already reported it, a confirmation
 * instead of the form. Pure.
 */
import type { MessageKey } from '../../../platform/i18n.js';
import { FLAG_REASONS } from '../../../platform/flags.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, Radios, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { COMMENT_MAX, type FlagField, type FlagFormErrors, type FlagFormValues } from '../moderation.schemas.js';

export interface FlagPageProps {
  /** The kind of content (catalog key), and the content as its module describes it. */
  labelKey: MessageKey;
  item: { id: string; title: string; url: string };
  type: string;
  values: FlagFormValues;
  errors: FlagFormErrors;
  /** `reported`: just sent; `already`: this person had reported it before. Shown instead of the form. */
  done?: 'reported' | 'already' | undefined;
}

const FIELD_IDS: Record<FlagField, string> = { reason: 'flag-reason', comment: 'flag-comment' };

export function FlagPage({ labelKey, item, type, values, errors, done }: FlagPageProps) {
  const { t, href } = useUi();
  const error = (f: FlagField) => (errors[f] ? t(errors[f], { max: COMMENT_MAX }) : undefined);
  const summary = (Object.keys(FIELD_IDS) as FlagField[])
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: FIELD_IDS[f], message: error(f)! }));
  const what = (
    <p>
      {t('moderation.flag.what', { kind: t(labelKey) })} <a href={item.url}>{item.title}</a>
    </p>
  );
  if (done) {
    return (
      <div class="prose">
        <NotificationBanner id="flag-done" type="success">
          <p>{t(done === 'reported' ? 'moderation.flag.reported' : 'moderation.flag.already')}</p>
        </NotificationBanner>
        <h1>{t('moderation.flag.doneTitle')}</h1>
        {what}
        <p>{t('moderation.flag.next')}</p>
        <p>
          <a href={item.url}>{t('moderation.flag.back')}</a>
        </p>
      </div>
    );
  }
  return (
    <div class="prose">
      <ErrorSummary errors={summary} />
      <h1>{t('moderation.flag.title')}</h1>
      {what}
      <p class="lead">{t('moderation.flag.lead')}</p>
      <form method="post" action={href('/flags')} noValidate>
        <CsrfField />
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="id" value={item.id} />
        <Radios
          id={FIELD_IDS.reason}
          name="reason"
          legend={t('moderation.flag.reason')}
          options={FLAG_REASONS.map((r) => ({ value: r, label: t(`moderation.reasons.${r}`) }))}
          value={values.reason}
          error={error('reason')}
        />
        <Textarea
          id={FIELD_IDS.comment}
          name="comment"
          label={t('moderation.flag.comment')}
          hint={t('moderation.flag.commentHint', { max: COMMENT_MAX })}
          value={values.comment}
          error={error('comment')}
          rows={4}
          optional
        />
        <Button>{t('moderation.flag.submit')}</Button>
      </form>
    </div>
  );
}
