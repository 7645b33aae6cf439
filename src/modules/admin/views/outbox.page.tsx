/**
 * The development outbox: mail the site would have sent, newest first, each with its recipient,
 * date and plain-text body. Pure: everything comes in as props.
 */
import { formatDate } from '../../../platform/i18n.js';
import type { OutboxMessage } from '../../../platform/mail.js';
import { KeysetPagination } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { AdminNav } from './admin-nav.js';

export interface OutboxPageProps {
  messages: OutboxMessage[];
  before?: number | undefined;
  nextBefore: number | null;
}

export function OutboxPage({ messages, before, nextBefore }: OutboxPageProps) {
  const { t, href, locale } = useUi();
  return (
    <div class="admin">
      <AdminNav current="outbox" />
      <h1>{t('admin.outbox.title')}</h1>
      <p class="lead">{t('admin.outbox.lead')}</p>
      {messages.length === 0 ? <p>{t('admin.outbox.empty')}</p> : null}
      {messages.map((m) => (
        <article class="mail-message" key={m.id} aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <dl class="mail-message__meta">
            <dt>{t('admin.outbox.to')}</dt>
            <dd>{m.to}</dd>
            <dt>{t('admin.outbox.date')}</dt>
            <dd>
              <time dateTime={m.createdAt}>{formatDate(locale, m.createdAt, 'datetime')}</time>
            </dd>
          </dl>
          {/* A <pre> keeps the message's own line breaks, as a mail client would show them. */}
          <pre class="mail-message__body">{m.text}</pre>
        </article>
      ))}
      <KeysetPagination
        label={t('admin.outbox.pagination')}
        newestHref={before ? href('/admin/outbox') : null}
        olderHref={nextBefore ? href(`/admin/outbox?before=${nextBefore}`) : null}
        newestText={t('admin.outbox.newest')}
        olderText={t('admin.outbox.older')}
      />
    </div>
  );
}
