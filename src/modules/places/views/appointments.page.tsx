/**
 * "My appointments": the person's coming appointments (each with its place, time and a way to cancel)
 * and their earlier or cancelled ones. Pure.
 */
import { Breadcrumbs, Button, NotificationBanner, Table, VisuallyHidden, type TableColumn } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { BookingView } from '../appointments.queries.js';
import { BookingStatusTag, slotWhen } from './appointment-parts.js';

export interface MyAppointmentsPageProps {
  upcoming: BookingView[];
  earlier: BookingView[];
  done: 'cancelled' | undefined;
  now: string;
}

export function MyAppointmentsPage({ upcoming, earlier, done, now }: MyAppointmentsPageProps) {
  const { t, href, locale } = useUi();
  const columns = (withCancel: boolean): TableColumn<BookingView>[] => [
    {
      header: t('appointments.mine.column.when'),
      rowHeader: true,
      cell: (b) => <a href={href(`/appointments/${b.id}`)}>{slotWhen(locale, b.slot.start, b.slot.end, b.place.timeZone)}</a>,
    },
    { header: t('appointments.mine.column.place'), cell: (b) => <a href={href(`/places/${b.place.slug}`)}>{b.place.name}</a> },
    {
      header: t('appointments.mine.column.status'),
      cell: (b) => <BookingStatusTag status={b.status} cancelledBy={b.cancelledBy} past={b.slot.start <= now} />,
    },
    ...(withCancel
      ? [
          {
            header: t('appointments.mine.column.action'),
            cell: (b: BookingView) => (
              <a href={href(`/appointments/${b.id}/cancel`)}>
                {t('appointments.mine.cancel')}
                <VisuallyHidden>{` ${slotWhen(locale, b.slot.start, b.slot.end, b.place.timeZone)}`}</VisuallyHidden>
              </a>
            ),
          },
        ]
      : []),
  ];
  return (
    <div>
      <Breadcrumbs
        items={[{ label: t('appointments.breadcrumb.account'), href: href('/account') }, { label: t('appointments.mine.title') }]}
      />
      {done === 'cancelled' ? (
        <NotificationBanner id="appointments-done" type="success">
          <p>{t('appointments.mine.done.cancelled')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('appointments.mine.title')}</h1>
      <h2>{t('appointments.mine.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <>
          <p>{t('appointments.mine.noneUpcoming')}</p>
          <p>
            <Button href={href('/places')} variant="secondary">
              {t('appointments.mine.findPlace')}
            </Button>
          </p>
        </>
      ) : (
        <Table
          id="appointments-upcoming"
          caption={t('appointments.mine.upcoming')}
          columns={columns(true)}
          rows={upcoming}
          rowKey={(b) => b.id}
        />
      )}
      {earlier.length > 0 ? (
        <>
          <h2>{t('appointments.mine.earlier')}</h2>
          <Table
            id="appointments-earlier"
            caption={t('appointments.mine.earlier')}
            columns={columns(false)}
            rows={earlier}
            rowKey={(b) => b.id}
          />
        </>
      ) : null}
    </div>
  );
}
