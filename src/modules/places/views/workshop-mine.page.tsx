/**
 * "My workshops": the signed-in person's registrations and places on waiting lists, upcoming then
 * past, with links to each workshop (where they cancel) and to their personal calendar feed. Pure.
 */
import { Breadcrumbs, Table, Tag, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { WorkshopRow } from '../workshops.queries.js';
import { workshopWhen } from './workshop-parts.js';

export type MyWorkshopRow = WorkshopRow & { registration_status: string; attended: number | null };

export function MyWorkshopsPage({ upcoming, past }: { upcoming: MyWorkshopRow[]; past: MyWorkshopRow[] }) {
  const { t, href, locale } = useUi();
  const status = (r: MyWorkshopRow) =>
    r.status === 'cancelled' ? (
      <Tag tone="error">{t('workshops.cancelledTag')}</Tag>
    ) : r.registration_status === 'registered' ? (
      <Tag tone="success">{t('workshops.mine.registered')}</Tag>
    ) : (
      <Tag tone="neutral">{t('workshops.mine.waitlisted')}</Tag>
    );
  const columns: TableColumn<MyWorkshopRow>[] = [
    { header: t('workshops.mine.column.workshop'), rowHeader: true, cell: (r) => <a href={href(`/workshops/${r.id}`)}>{r.title}</a> },
    { header: t('workshops.when'), cell: (r) => <time dateTime={r.starts_at}>{workshopWhen(locale, r)}</time> },
    { header: t('workshops.place'), cell: (r) => r.place_name },
    { header: t('workshops.mine.column.status'), cell: status },
  ];
  return (
    <div>
      <Breadcrumbs items={[{ label: t('workshops.list.title'), href: href('/workshops') }, { label: t('workshops.mine.title') }]} />
      <h1>{t('workshops.mine.title')}</h1>
      <p class="lead">{t('workshops.mine.lead')}</p>
      <h2>{t('workshops.mine.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>
          {t('workshops.mine.none')} <a href={href('/workshops')}>{t('workshops.mine.browse')}</a>
        </p>
      ) : (
        <Table id="my-workshops" caption={t('workshops.mine.upcomingCaption')} columns={columns} rows={upcoming} rowKey={(r) => r.id} />
      )}
      {past.length > 0 ? (
        <>
          <h2>{t('workshops.mine.past')}</h2>
          <Table id="my-past-workshops" caption={t('workshops.mine.pastCaption')} columns={columns} rows={past} rowKey={(r) => r.id} />
        </>
      ) : null}
      <p>
        <a href={href('/account/calendar')}>{t('workshops.mine.calendarLink')}</a>
      </p>
    </div>
  );
}
