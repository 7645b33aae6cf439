/**
 * The admins' page feedback report: the period's answers per page (yes, no, the share who found
 * what they wanted) and the latest comments, newest first, paginated. Comments are visitors' text:
 * Preact escapes them. Pure.
 */
import type { Locale } from '../../../config.js';
import { formatDate, formatNumber } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, Pagination, Select, Table, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { FEEDBACK_PAGES_MAX, FEEDBACK_PERIODS, type PageFeedbackComment, type PageFeedbackRow } from '../feedback.service.js';

export interface FeedbackAdminPageProps {
  days: number;
  page: number;
  perPage: number;
  yes: number;
  no: number;
  pages: PageFeedbackRow[];
  comments: PageFeedbackComment[];
  commentCount: number;
}

export function FeedbackAdminPage(props: FeedbackAdminPageProps) {
  const { t, href, locale } = useUi();
  const { days, page, perPage, yes, no, pages, comments, commentCount } = props;
  const pageLink = (path: string, l: Locale = locale) => <a href={href(path, l)}>{path}</a>;
  const share = (r: PageFeedbackRow) => formatNumber(locale, r.yes / Math.max(1, r.yes + r.no), { style: 'percent' });
  const pageColumns: TableColumn<PageFeedbackRow>[] = [
    { header: t('feedback.admin.column.page'), rowHeader: true, wrap: true, cell: (r) => pageLink(r.path) },
    { header: t('feedback.admin.column.yes'), numeric: true, cell: (r) => formatNumber(locale, r.yes) },
    { header: t('feedback.admin.column.no'), numeric: true, cell: (r) => formatNumber(locale, r.no) },
    { header: t('feedback.admin.column.share'), numeric: true, cell: share },
  ];
  const commentColumns: TableColumn<PageFeedbackComment>[] = [
    {
      header: t('feedback.admin.column.date'),
      cell: (c) => <time dateTime={c.createdAt.slice(0, 10)}>{formatDate(locale, c.createdAt, 'date', 'UTC')}</time>,
    },
    { header: t('feedback.admin.column.page'), wrap: true, cell: (c) => pageLink(c.path, c.locale as Locale) },
    { header: t('feedback.admin.column.language'), cell: (c) => t(`language.${c.locale as Locale}`) },
    { header: t('feedback.admin.column.answer'), cell: (c) => (c.found ? t('feedback.prompt.yes') : t('feedback.prompt.no')) },
    { header: t('feedback.admin.column.comment'), wrap: true, cell: (c) => c.comment },
  ];
  return (
    <div class="admin">
      <Breadcrumbs items={[{ label: t('feedback.admin.crumbAccount'), href: href('/account') }, { label: t('feedback.admin.title') }]} />
      <h1>{t('feedback.admin.title')}</h1>
      <p class="lead">{t('feedback.admin.lead')}</p>
      <form method="get" action={href('/admin/page-feedback')} class="prose">
        <Select
          id="feedback-days"
          name="days"
          label={t('feedback.admin.period')}
          value={String(days)}
          options={FEEDBACK_PERIODS.map((d) => ({ value: String(d), label: t('feedback.admin.periodDays', { days: d }) }))}
        />
        <Button variant="secondary">{t('feedback.admin.show')}</Button>
      </form>
      <p>{t('feedback.admin.summary', { total: yes + no, yes, no })}</p>
      <h2>{t('feedback.admin.pagesTitle')}</h2>
      {pages.length === 0 ? (
        <p>{t('feedback.admin.noAnswers')}</p>
      ) : (
        <Table
          id="feedback-pages"
          caption={t('feedback.admin.pagesCaption', { max: FEEDBACK_PAGES_MAX })}
          columns={pageColumns}
          rows={pages}
          rowKey={(r) => r.path}
        />
      )}
      <h2>{t('feedback.admin.commentsTitle')}</h2>
      {comments.length === 0 ? (
        <p>{t('feedback.admin.noComments')}</p>
      ) : (
        <Table
          id="feedback-comments"
          caption={t('feedback.admin.commentsCaption', { total: commentCount })}
          columns={commentColumns}
          rows={comments}
          rowKey={(c) => c.id}
        />
      )}
      <Pagination
        page={page}
        pageCount={Math.ceil(commentCount / perPage)}
        basePath={href('/admin/page-feedback')}
        query={{ days: String(days) }}
        label={t('feedback.admin.pagination')}
      />
    </div>
  );
}
