/**
 * An official deals with one report: the report and its timeline, then one form to change its
 * status (only to the statuses the workflow allows from the current one), add a public note, or
 * mark it a duplicate of another report of the same e-service. The form carries the status it was
 * shown at, so a change made meanwhile by someone else is refused rather than overwritten. Pure.
 */
import { formatDate, type MessageKey } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, NotificationBanner, Select, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { STATUS_TRANSITIONS, type ProblemCategory, type ProblemStatus } from '../assessment.model.js';
import { Paragraphs, ProblemStatusTag, ProblemTimeline, type ProblemEvent } from './problem-parts.js';

export interface TriageFormValues {
  status: string;
  note: string;
  duplicateOf: string;
}

export type TriageFormErrors = Partial<Record<'status' | 'note' | 'duplicateOf', MessageKey>>;

export interface TriagePageProps {
  report: {
    id: number;
    category: ProblemCategory;
    description: string;
    status: ProblemStatus;
    duplicate_of: number | null;
    created_at: string;
    service_slug: string;
    contact_email: string | null;
    source: 'web' | 'open311';
    /** The language the reporter wrote in. */
    locale: string;
  };
  serviceName: string;
  organisationName: string;
  events: readonly ProblemEvent[];
  candidates: { id: number; category: ProblemCategory; status: ProblemStatus }[];
  values: TriageFormValues;
  errors: TriageFormErrors;
  /** Someone changed the report while the form was open. */
  conflict?: boolean;
  done?: boolean;
}

export function TriagePage({ report, serviceName, organisationName, events, candidates, values, errors, conflict, done }: TriagePageProps) {
  const { t, href, locale } = useUi();
  const title = t('problems.triage.title', { id: report.id });
  const fieldId = { status: 'triage-status', note: 'triage-note', duplicateOf: 'triage-duplicate' } as const;
  const summary = [
    ...(conflict ? [{ fieldId: 'triage-status', message: t('problems.triage.errors.conflict') }] : []),
    ...(['status', 'duplicateOf', 'note'] as const).flatMap((f) => (errors[f] ? [{ fieldId: fieldId[f], message: t(errors[f]) }] : [])),
  ];
  const err = (f: keyof TriageFormErrors) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('problems.manage.title'), href: href('/manage/problems') }, { label: title }]} />
      {done ? (
        <NotificationBanner id="triage-done" type="success">
          <p>{t('problems.triage.done')}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      <p>
        <ProblemStatusTag status={report.status} />
      </p>
      <dl class="mail-message__meta">
        <dt>{t('problems.report.service')}</dt>
        <dd>{serviceName}</dd>
        <dt>{t('problems.report.category')}</dt>
        <dd>{t(`problems.category.${report.category}`)}</dd>
        <dt>{t('problems.report.reported')}</dt>
        <dd>
          <time dateTime={report.created_at}>{formatDate(locale, report.created_at, 'datetime')}</time>
        </dd>
        {report.status === 'duplicate' && report.duplicate_of !== null ? (
          <>
            <dt>{t('problems.report.duplicateOf')}</dt>
            <dd>
              <a href={href(`/manage/problems/${report.duplicate_of}`)}>{t('problems.report.reportLink', { id: report.duplicate_of })}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('problems.triage.contact')}</dt>
        <dd>{report.contact_email ? t('problems.triage.contactYes') : t('problems.triage.contactNo')}</dd>
      </dl>
      {report.source === 'open311' ? <p>{t('problems.triage.viaOpen311')}</p> : null}
      <h2>{t('problems.report.description')}</h2>
      <div lang={report.locale !== locale ? report.locale : undefined}>
        <Paragraphs text={report.description} />
      </div>
      <p>
        <a href={href(`/problems/${report.id}`)}>{t('problems.triage.publicPage')}</a>
      </p>

      <h2>{t('problems.triage.formTitle')}</h2>
      <form method="post" action={href(`/manage/problems/${report.id}`)} novalidate>
        <CsrfField />
        <input type="hidden" name="expectedStatus" value={report.status} />
        <Select
          id={fieldId.status}
          name="status"
          label={t('problems.triage.statusLabel')}
          hint={t('problems.triage.statusHint')}
          value={values.status}
          error={err('status')}
          placeholder={t('problems.triage.keepStatus', { status: t(`problems.status.${report.status}`) })}
          options={STATUS_TRANSITIONS[report.status].map((s) => ({ value: s, label: t(`problems.status.${s}`) }))}
        />
        {STATUS_TRANSITIONS[report.status].includes('duplicate') ? (
          <Select
            id={fieldId.duplicateOf}
            name="duplicateOf"
            label={t('problems.triage.duplicateLabel')}
            hint={t('problems.triage.duplicateHint')}
            value={values.duplicateOf}
            error={err('duplicateOf')}
            placeholder={t('problems.triage.duplicateChoose')}
            options={candidates.map((c) => ({
              value: String(c.id),
              label: t('problems.triage.duplicateOption', {
                id: c.id,
                category: t(`problems.category.${c.category}`),
                status: t(`problems.status.${c.status}`),
              }),
            }))}
          />
        ) : null}
        <Textarea
          id={fieldId.note}
          name="note"
          label={t('problems.triage.noteLabel')}
          hint={t('problems.triage.noteHint')}
          optional
          value={values.note}
          error={err('note')}
          rows={4}
        />
        <Button>{t('problems.triage.submit')}</Button>
      </form>

      <h2 id="timeline-title">{t('problems.report.timeline')}</h2>
      <ProblemTimeline events={events} organisationName={organisationName} headingId="timeline-title" />
    </div>
  );
}
