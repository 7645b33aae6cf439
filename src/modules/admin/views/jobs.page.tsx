/**
 * The job queue for admins: a status filter, one page of jobs as a table, and a retry button on
 * each failed job. Pure: everything comes in as props.
 */
import { formatDate, formatNumber } from '../../../platform/i18n.js';
import { JOB_STATUSES, type JobStatus, type JobSummary } from '../../../platform/jobs.js';
import { KeysetPagination } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { AdminNav } from './admin-nav.js';

export interface JobsPageProps {
  status: JobStatus;
  jobs: JobSummary[];
  counts: Record<JobStatus, number>;
  /** The keyset cursor of this page (absent on the first page). */
  before?: number | undefined;
  nextBefore: number | null;
  /** A job the admin just put back in the queue (confirmed at the top). */
  retried?: number | undefined;
  canRetry: boolean;
}

export function JobsPage({ status, jobs, counts, before, nextBefore, retried, canRetry }: JobsPageProps) {
  const { t, href, locale } = useUi();
  const showRetry = canRetry && status === 'dead' && jobs.length > 0;
  const listUrl = (cursor?: number) => href(`/admin/jobs?status=${status}${cursor ? `&before=${cursor}` : ''}`);
  return (
    <div class="admin">
      <AdminNav current="jobs" />
      <h1>{t('admin.jobs.title')}</h1>
      <p class="lead">{t('admin.jobs.lead')}</p>
      {retried ? (
        <p class="notice notice--success" role="status">
          {t('admin.jobs.retried', { id: retried })}
        </p>
      ) : null}

      <nav class="filter-tabs" aria-label={t('admin.jobs.filter')}>
        <ul>
          {JOB_STATUSES.map((s) => (
            <li key={s}>
              <a href={href(`/admin/jobs?status=${s}`)} aria-current={s === status ? 'page' : undefined}>
                {t('admin.jobs.statusTab', { label: t(`admin.jobs.status.${s}`), count: counts[s] })}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <p>{t('admin.jobs.count', { count: counts[status] })}</p>
      {jobs.length === 0 ? (
        <p>{t('admin.jobs.empty')}</p>
      ) : (
        // A wide table scrolls inside its own region, which keyboard users can reach and scroll.
        <div class="table-scroll" role="region" aria-labelledby="jobs-caption" tabIndex={0}>
          <table class="data-table">
            <caption id="jobs-caption">{t(`admin.jobs.caption.${status}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.jobs.column.id')}</th>
                <th scope="col">{t('admin.jobs.column.type')}</th>
                <th scope="col">{t('admin.jobs.column.attempts')}</th>
                <th scope="col">{t('admin.jobs.column.lastError')}</th>
                <th scope="col">{t('admin.jobs.column.runAt')}</th>
                {showRetry ? <th scope="col">{t('admin.jobs.column.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.id}>
                  <th scope="row">{formatNumber(locale, job.id, { useGrouping: false })}</th>
                  <td>
                    <code>{job.type}</code>
                  </td>
                  <td>{t('admin.jobs.attemptsValue', { attempts: job.attempts, max: job.maxAttempts })}</td>
                  <td class="data-table__wrap">{job.lastError ?? t('admin.jobs.noError')}</td>
                  <td>
                    <time dateTime={job.runAt}>{formatDate(locale, job.runAt, 'datetime')}</time>
                  </td>
                  {showRetry ? (
                    <td>
                      <RetryButton job={job} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <KeysetPagination
        label={t('admin.jobs.pagination')}
        newestHref={before ? listUrl() : null}
        olderHref={nextBefore ? listUrl(nextBefore) : null}
        newestText={t('admin.jobs.newest')}
        olderText={t('admin.jobs.older')}
      />
    </div>
  );
}

/** A one-button form; its accessible name starts with the visible word and names the job. */
function RetryButton({ job }: { job: JobSummary }) {
  const { t, href, csrfToken } = useUi();
  return (
    <form method="post" action={href(`/admin/jobs/${job.id}/retry`)} class="inline-form">
      <input type="hidden" name="_csrf" value={csrfToken()} />
      <button type="submit" class="button button--secondary" aria-label={t('admin.jobs.retryLabel', { id: job.id, type: job.type })}>
        {t('admin.jobs.retry')}
      </button>
    </form>
  );
}
