/**
 * "Cancel this appointment?": the booker confirms; a mediator of the place may add a reason, which
 * the booker receives by email. Pure.
 */
import type { MessageKey } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { BookingView } from '../appointments.queries.js';
import { REASON_MAX } from '../appointments.schemas.js';
import { slotWhen } from './appointment-parts.js';

export interface AppointmentCancelPageProps {
  booking: BookingView;
  isBooker: boolean;
  reason: string;
  error: MessageKey | undefined;
}

export function AppointmentCancelPage({ booking, isBooker, reason, error }: AppointmentCancelPageProps) {
  const { t, href, locale } = useUi();
  const when = slotWhen(locale, booking.slot.start, booking.slot.end, booking.place.timeZone);
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('appointments.one.title', { place: booking.place.name }), href: href(`/appointments/${booking.id}`) },
          { label: t('appointments.cancel.title') },
        ]}
      />
      <ErrorSummary errors={error ? [{ fieldId: 'appointment-reason', message: t(error) }] : []} />
      <h1>{t('appointments.cancel.title')}</h1>
      <p class="lead">
        {t(isBooker ? 'appointments.cancel.leadBooker' : 'appointments.cancel.leadMediator', { place: booking.place.name, when })}
      </p>
      <form method="post" action={href(`/appointments/${booking.id}/cancel`)} novalidate>
        <CsrfField />
        {isBooker ? null : (
          <Textarea
            id="appointment-reason"
            name="reason"
            label={t('appointments.cancel.reasonLabel')}
            hint={t('appointments.cancel.reasonHint', { max: REASON_MAX })}
            optional
            value={reason}
            error={error ? t(error) : undefined}
            rows={4}
          />
        )}
        <Button variant="warning">{t('appointments.cancel.submit')}</Button>
      </form>
      <p>
        <a href={href(`/appointments/${booking.id}`)}>{t('appointments.cancel.keep')}</a>
      </p>
    </div>
  );
}
