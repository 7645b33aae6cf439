/**
 * The moderation queue: reported content, latest report first, one section per item with its
 * status, the reports counted by reason, the reporters' comments (as text, never their names) and
 * the decisions that apply to its status. Filtered by status, paged by keyset. Pure.
 */
import { formatDate, formatNumber } from '../../../platform/i18n.js';
import {
  Button,
  CsrfField,
  ErrorSummary,
  KeysetPagination,
  NotificationBanner,
  Select,
  Tag,
  Textarea,
  type TagTone,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { AdminNav } from '../../admin/index.js';
import type { ModerationStatus } from '../../../platform/flags.js';
import { REASON_MAX, type QueueFilter, type QueueQuery } from '../moderation.schemas.js';
import type { QueueItem } from '../moderation.service.js';

/** A hide form that came back: which item (its row id), what was typed, and the error key. */
export interface HideFormState {
  rowId: number;
  reason: string;
  error: 'moderation.queue.errors.reasonMissing' | 'moderation.queue.errors.reasonTooLong';
}

export interface QueuePageProps {
  query: QueueQuery;
  items: QueueItem[];
  nextBefore: number | null;
  hideForm?: HideFormState | undefined;
}

const FILTERS: readonly QueueFilter[] = ['pending', 'visible', 'auto_hidden', 'hidden', 'dismissed'];
const TONE: Record<ModerationStatus, TagTone> = { visible: 'default', auto_hidden: 'error', hidden: 'error', dismissed: 'success' };

export function QueuePage({ query, items, nextBefore, hideForm }: QueuePageProps) {
  const { t, href, locale } = useUi();
  const listUrl = (cursor?: number) => {
    const params = new URLSearchParams();
    if (query.status !== 'pending') params.set('status', query.status);
    if (cursor) params.set('before', String(cursor));
    const qs = params.toString();
    return href(`/moderation${qs ? `?${qs}` : ''}`);
  };
  const reasonId = (item: QueueItem) => `hide-reason-${item.id}`;
  const hideError = hideForm ? t(hideForm.error, { max: REASON_MAX }) : undefined;
  return (
    <div class="admin">
      <AdminNav current="moderation" />
      <ErrorSummary errors={hideForm ? [{ fieldId: `hide-reason-${hideForm.rowId}`, message: hideError! }] : []} />
      {query.done ? (
        <NotificationBanner id="moderation-done" type="success">
          <p>{t(`moderation.queue.done.${query.done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('moderation.queue.title')}</h1>
      <p class="lead">{t('moderation.queue.lead')}</p>
      <form method="get" action={href('/moderation')} noValidate class="prose" aria-label={t('moderation.queue.filters')}>
        <Select
          id="moderation-status"
          name="status"
          label={t('moderation.queue.status')}
          options={FILTERS.map((f) => ({ value: f, label: t(`moderation.queue.filter.${f}`) }))}
          value={query.status}
        />
        <Button variant="secondary">{t('moderation.queue.apply')}</Button>
      </form>
      {items.length === 0 ? <p>{t('moderation.queue.empty')}</p> : null}
      {items.map((item) => {
        const title = item.item?.title ?? t('moderation.queue.gone', { type: item.type, id: item.contentId });
        const headingId = `moderation-item-${item.id}`;
        const errorHere = hideForm?.rowId === item.id;
        return (
          <section class="card" key={item.id} aria-labelledby={headingId}>
            <h2 id={headingId}>{item.item ? <a href={item.item.url}>{title}</a> : title}</h2>
            <p>
              {item.labelKey ? t(item.labelKey) : <code>{item.type}</code>} ·{' '}
              <Tag tone={TONE[item.status]}>{t(`moderation.status.${item.status}`)}</Tag>
            </p>
            {item.status === 'hidden' && item.reasonShown ? <p>{t('moderation.queue.reasonShown', { reason: item.reasonShown })}</p> : null}
            <p>
              {t('moderation.queue.count', { count: item.flagCount, formatted: formatNumber(locale, item.flagCount) })}{' '}
              {t('moderation.queue.latest')}{' '}
              <time dateTime={item.lastFlaggedAt}>{formatDate(locale, item.lastFlaggedAt, 'datetime', 'UTC')}</time>
            </p>
            <ul>
              {item.byReason.map((r) => (
                <li key={r.reason}>{t('moderation.queue.byReason', { reason: t(`moderation.reasons.${r.reason}`), count: r.count })}</li>
              ))}
            </ul>
            {item.comments.length > 0 ? (
              <>
                <h3>{t('moderation.queue.comments')}</h3>
                <ul>
                  {item.comments.map((c) => (
                    <li key={c.id}>
                      <q>{c.comment}</q> ({t(`moderation.reasons.${c.reason}`)})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {item.item ? (
              <div class="moderation-actions">
                {item.status !== 'hidden' ? (
                  <form method="post" action={href('/moderation/hide')} noValidate>
                    <CsrfField />
                    <input type="hidden" name="type" value={item.type} />
                    <input type="hidden" name="id" value={item.contentId} />
                    <input type="hidden" name="status" value={query.status} />
                    <Textarea
                      id={reasonId(item)}
                      name="reason"
                      label={t('moderation.queue.hideReason')}
                      hint={t('moderation.queue.hideReasonHint')}
                      value={errorHere ? hideForm.reason : ''}
                      error={errorHere ? hideError : undefined}
                      rows={2}
                    />
                    <Button variant="warning" ariaLabel={t('moderation.queue.hideLabel', { title })}>
                      {t('moderation.queue.hide')}
                    </Button>
                  </form>
                ) : null}
                {item.status === 'visible' || item.status === 'auto_hidden' ? (
                  <form method="post" action={href('/moderation/dismiss')}>
                    <CsrfField />
                    <input type="hidden" name="type" value={item.type} />
                    <input type="hidden" name="id" value={item.contentId} />
                    <input type="hidden" name="status" value={query.status} />
                    <Button variant="secondary" ariaLabel={t('moderation.queue.dismissLabel', { title })}>
                      {t('moderation.queue.dismiss')}
                    </Button>
                  </form>
                ) : null}
                {item.status === 'hidden' ? (
                  <form method="post" action={href('/moderation/restore')}>
                    <CsrfField />
                    <input type="hidden" name="type" value={item.type} />
                    <input type="hidden" name="id" value={item.contentId} />
                    <input type="hidden" name="status" value={query.status} />
                    <Button variant="secondary" ariaLabel={t('moderation.queue.restoreLabel', { title })}>
                      {t('moderation.queue.restore')}
                    </Button>
                  </form>
                ) : null}
              </div>
            ) : null}
          </section>
        );
      })}
      <KeysetPagination
        label={t('moderation.queue.pagination')}
        newestHref={query.before ? listUrl() : null}
        olderHref={nextBefore ? listUrl(nextBefore) : null}
        newestText={t('moderation.queue.newest')}
        olderText={t('moderation.queue.older')}
      />
    </div>
  );
}
