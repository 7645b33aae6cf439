/**
 * One problem report, for everyone: the e-service, the kind of problem, the description, the status
 * (with the report it duplicates), and the public timeline. The person who reported it, signed in,
 * is asked "Is it fixed?" once it is marked fixed, and may reopen it. Nothing here names the
 * reporter or shows their email address. Pure.
 */
import { formatDate, type MessageKey } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, NotificationBanner, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { ProblemCategory, ProblemStatus } from '../assessment.model.js';
import { Paragraphs, ProblemStatusTag, ProblemTimeline, type ProblemEvent } from './problem-parts.js';

/** What a report's page says after an action. */
export type ProblemOutcome = 'created' | 'reopened' | 'thanks';

export interface ProblemPageProps {
  report: {
    id: number;
    category: ProblemCategory;
    description: string;
    status: ProblemStatus;
    duplicate_of: number | null;
    created_at: string;
    service_slug: string;
    /** The language the reporter wrote in. */
    locale: string;
  };
  serviceName: string;
  organisationName: string;
  events: readonly ProblemEvent[];
  /** The signed-in reporter of a report marked fixed: ask whether it is. */
  askFixed: boolean;
  done?: ProblemOutcome | undefined;
  /** The reopen form's note and error, when it came back. */
  reopen?: { note: string; error: MessageKey } | undefined;
}

export function ProblemPage({ report, serviceName, organisationName, events, askFixed, done, reopen }: ProblemPageProps) {
  const { t, href, locale } = useUi();
  const title = t('problems.report.title', { id: report.id });
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: serviceName, href: href(`/services/${report.service_slug}`) },
          { label: t('problems.list.title', { service: serviceName }), href: href(`/services/${report.service_slug}/problems`) },
          { label: title },
        ]}
      />
      {done ? (
        <NotificationBanner id="problem-done" type="success">
          <p>{t(`problems.report.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={reopen ? [{ fieldId: 'reopen-note', message: t(reopen.error) }] : []} />
      <h1>{title}</h1>
      <p>
        <ProblemStatusTag status={report.status} />
      </p>
      <dl class="mail-message__meta">
        <dt>{t('problems.report.service')}</dt>
        <dd>
          <a href={href(`/services/${report.service_slug}`)}>{serviceName}</a>
        </dd>
        <dt>{t('problems.report.category')}</dt>
        <dd>{t(`problems.category.${report.category}`)}</dd>
        <dt>{t('problems.report.reported')}</dt>
        <dd>
          <time dateTime={report.created_at}>{formatDate(locale, report.created_at, 'date')}</time>
        </dd>
        {report.status === 'duplicate' && report.duplicate_of !== null ? (
          <>
            <dt>{t('problems.report.duplicateOf')}</dt>
            <dd>
              <a href={href(`/problems/${report.duplicate_of}`)}>{t('problems.report.reportLink', { id: report.duplicate_of })}</a>
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('problems.report.description')}</h2>
      <div lang={report.locale !== locale ? report.locale : undefined}>
        <Paragraphs text={report.description} />
      </div>

      {askFixed ? (
        <section aria-labelledby="fixed-title">
          <h2 id="fixed-title">{t('problems.report.fixed.title')}</h2>
          <p>{t('problems.report.fixed.lead')}</p>
          <p>
            <Button variant="secondary" href={href(`/problems/${report.id}?done=thanks`)}>
              {t('problems.report.fixed.yes')}
            </Button>
          </p>
          <form method="post" action={href(`/problems/${report.id}/reopen`)} novalidate>
            <CsrfField />
            <Textarea
              id="reopen-note"
              name="note"
              label={t('problems.report.fixed.noteLabel')}
              hint={t('problems.report.fixed.noteHint')}
              optional
              value={reopen?.note}
              error={reopen ? t(reopen.error) : undefined}
              rows={3}
            />
            <Button variant="warning">{t('problems.report.fixed.no')}</Button>
          </form>
        </section>
      ) : null}

      <h2 id="timeline-title">{t('problems.report.timeline')}</h2>
      <ProblemTimeline events={events} organisationName={organisationName} headingId="timeline-title" />
      <ul>
        <li>
          <a href={href(`/services/${report.service_slug}/problems`)}>{t('problems.report.allReports')}</a>
        </li>
        <li>
          <a href={href(`/services/${report.service_slug}/problems/new`)}>{t('problems.report.reportAnother')}</a>
        </li>
      </ul>
    </div>
  );
}
