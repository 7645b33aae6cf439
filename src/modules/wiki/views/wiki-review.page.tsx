/**
 * Reviewing: the queue of pages whose changes wait (the longest waiting first), and one page's
 * waiting changes, each revision with who and why, then everything they change at once (from the
 * accepted text, or from nothing for a new page) and the two decisions: accept, or reject with a
 * reason the history will show. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  KeysetPagination,
  NotificationBanner,
  Tag,
  Textarea,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { MessageKey } from '../../../platform/i18n.js';
import type { LineDiffRow } from '../revision-diff.js';
import type { RevisionSummary } from '../wiki.model.js';
import type { QueuedPage } from '../wiki-review.service.js';
import { DiffList } from './wiki-diff.page.js';
import { sizeChange } from './size-change.js';

export interface ReviewQueueProps {
  pages: QueuedPage[];
  /** The older-pages link's query (`after`), or null on the last page. */
  next: string | null;
  isFirstPage: boolean;
  /** The decision just taken, for the banner. */
  done?: 'accepted' | 'rejected' | undefined;
}

export function ReviewQueuePage({ pages, next, isFirstPage, done }: ReviewQueueProps) {
  const { t, href, locale } = useUi();
  const base = href('/wiki/review');
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('wiki.index.title'), href: href('/wiki') }, { label: t('wiki.review.queueTitle') }]} />
      {done ? (
        <NotificationBanner id="wiki-review-done" type="success">
          <p>{t(`wiki.review.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('wiki.review.queueTitle')}</h1>
      <p class="lead">{t('wiki.review.queueLead')}</p>
      {pages.length === 0 ? (
        <p>{t('wiki.review.queueEmpty')}</p>
      ) : (
        <ul class="card-grid" aria-label={t('wiki.review.queueTitle')}>
          {pages.map((p) => (
            <li key={p.slug} class="card">
              <h2 class="card__title">
                <a href={href(`/wiki/${p.slug}/review`)} lang={p.locale}>
                  {p.title}
                </a>
              </h2>
              <p class="card__meta">
                {p.isNew ? (
                  <>
                    <Tag>{t('wiki.review.newPage')}</Tag>{' '}
                  </>
                ) : null}
                {t('wiki.review.waiting', { count: p.waiting })} ·{' '}
                {t('wiki.review.since', { date: formatDate(locale, p.pendingSince, 'datetime') })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <KeysetPagination
        label={t('wiki.review.queueTitle')}
        newestHref={isFirstPage ? null : base}
        olderHref={next !== null ? `${base}?after=${encodeURIComponent(next)}` : null}
        newestText={t('wiki.review.first')}
        olderText={t('wiki.review.more')}
      />
    </div>
  );
}

export interface ReviewPageProps {
  page: { slug: string; title: string; latestRevisionId: number; isNew: boolean };
  /** The waiting revisions, newest first. */
  waiting: RevisionSummary[];
  rows: LineDiffRow[];
  reason: string;
  error?: MessageKey | undefined;
}

export function ReviewPage({ page, waiting, rows, reason, error }: ReviewPageProps) {
  const { t, href, locale } = useUi();
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('wiki.index.title'), href: href('/wiki') },
          { label: t('wiki.review.queueTitle'), href: href('/wiki/review') },
          { label: page.title },
        ]}
      />
      <ErrorSummary errors={error ? [{ fieldId: 'review-reason', message: t(error) }] : []} />
      <h1>{t('wiki.review.pageTitle', { title: page.title })}</h1>
      <p class="lead">{t(page.isNew ? 'wiki.review.leadNew' : 'wiki.review.lead')}</p>
      <h2>{t('wiki.review.revisions')}</h2>
      <ul>
        {waiting.map((r) => (
          <li key={r.id}>
            <time dateTime={r.createdAt}>{formatDate(locale, r.createdAt, 'datetime')}</time> · {r.author ?? t('wiki.history.deleted')} ·{' '}
            {sizeChange(t, locale, r.sizeDelta)}
            {r.summary ? ` · ${r.summary}` : ''}
          </li>
        ))}
      </ul>
      <h2>{t('wiki.review.changes')}</h2>
      <DiffList rows={rows} />
      <form method="post" action={href(`/wiki/${page.slug}/review/accept`)}>
        <CsrfField />
        <input type="hidden" name="revision" value={String(page.latestRevisionId)} />
        <Button>{t('wiki.review.accept')}</Button>
      </form>
      <form method="post" action={href(`/wiki/${page.slug}/review/reject`)} novalidate>
        <h2>{t('wiki.review.rejectTitle')}</h2>
        <CsrfField />
        <input type="hidden" name="revision" value={String(page.latestRevisionId)} />
        <Textarea
          id="review-reason"
          name="reason"
          label={t('wiki.review.reason')}
          hint={t('wiki.review.reasonHint')}
          value={reason}
          error={error ? t(error) : undefined}
          rows={3}
        />
        <Button variant="secondary">{t('wiki.review.reject')}</Button>
      </form>
    </div>
  );
}
