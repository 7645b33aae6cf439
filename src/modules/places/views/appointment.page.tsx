/**
 * One appointment, for its booker and for the place's mediators: where, when, what the person needs
 * help with, the e-service, its status, and a link to cancel it while it is ahead. Pure.
 */
import { participantName } from '../../../platform/gdpr.js';
import { Breadcrumbs, Button, NotificationBanner } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { BookingView } from '../appointments.queries.js';
import { BookingStatusTag, slotWhen } from './appointment-parts.js';

export interface AppointmentPageProps {
  booking: BookingView;
  /** The viewer is the booker (else a mediator of the place or an admin). */
  isBooker: boolean;
  serviceName: string | null;
  done: 'booked' | undefined;
  now: string;
}

export function AppointmentPage({ booking, isBooker, serviceName, done, now }: AppointmentPageProps) {
  const { t, href, locale } = useUi();
  const when = slotWhen(locale, booking.slot.start, booking.slot.end, booking.place.timeZone);
  const ahead = booking.slot.start > now;
  const title = t('appointments.one.title', { place: booking.place.name });
  return (
    <div class="prose">
      <Breadcrumbs
        items={
          isBooker
            ? [{ label: t('appointments.mine.title'), href: href('/appointments') }, { label: title }]
            : [
                {
                  label: t('appointments.manage.title', { place: booking.place.name }),
                  href: href(`/manage/places/${booking.place.slug}/slots`),
                },
                { label: title },
              ]
        }
      />
      {done === 'booked' ? (
        <NotificationBanner id="appointment-done" type="success">
          <p>{t('appointments.one.done.booked')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{title}</h1>
      <dl class="appointment-details">
        <dt>{t('appointments.one.when')}</dt>
        <dd>{when}</dd>
        <dt>{t('appointments.one.where')}</dt>
        <dd>
          <a href={href(`/places/${booking.place.slug}`)}>{booking.place.name}</a>
          <br />
          {booking.place.address}, {booking.place.postcode}
        </dd>
        {isBooker ? null : (
          <>
            <dt>{t('appointments.one.who')}</dt>
            <dd>{booking.bookerName === null ? t('appointments.one.nobody') : participantName(booking.bookerName, t)}</dd>
          </>
        )}
        <dt>{t('appointments.one.need')}</dt>
        <dd class="appointment-need">{booking.need || t('appointments.one.erased')}</dd>
        <dt>{t('appointments.one.service')}</dt>
        <dd>
          {serviceName && booking.service ? (
            <a href={href(`/services/${booking.service.slug}`)}>{serviceName}</a>
          ) : (
            t('appointments.one.noService')
          )}
        </dd>
        <dt>{t('appointments.one.status')}</dt>
        <dd>
          <BookingStatusTag status={booking.status} cancelledBy={booking.cancelledBy} past={!ahead} />
        </dd>
      </dl>
      {booking.status === 'active' && ahead ? (
        <p>
          <Button href={href(`/appointments/${booking.id}/cancel`)} variant="warning">
            {t('appointments.one.cancel')}
          </Button>
        </p>
      ) : null}
      {isBooker ? (
        <p>
          <a href={href('/appointments')}>{t('appointments.one.back')}</a>
        </p>
      ) : null}
    </div>
  );
}
