/**
 * A place's appointment slots, for its mediators and admins: a form to publish a slot (the place's
 * local date and time, a length, repeated weekly for a few weeks if wished), and the coming slots
 * with who booked them and what they need, a way to withdraw an unbooked slot and to cancel a
 * booking (with a reason the booker receives). Pure.
 */
import type { MessageKey } from '../../../platform/i18n.js';
import { participantName } from '../../../platform/gdpr.js';
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorSummary,
  ErrorMessage,
  Hint,
  NotificationBanner,
  Select,
  Table,
  VisuallyHidden,
  fieldIds,
  type TableColumn,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { AppointmentPlace, ManagedSlot } from '../appointments.queries.js';
import { MAX_REPEAT_WEEKS, SLOT_LENGTHS, type PublishErrors, type PublishValues } from '../appointments.schemas.js';
import { slotWhen } from './appointment-parts.js';

export interface SlotsPageProps {
  place: AppointmentPlace;
  slots: ManagedSlot[];
  values: PublishValues;
  errors: PublishErrors;
  /** The outcome of the last action, for the success banner. */
  done: { kind: 'published' | 'withdrawn' | 'cancelled'; count?: number | undefined } | undefined;
}

/** A native date or time input with the design system's label, hint and error. */
function DateTimeInput(props: {
  id: string;
  name: string;
  type: 'date' | 'time';
  label: string;
  hint: string;
  value: string;
  error?: string | undefined;
}) {
  const { hintId, errorId, describedBy } = fieldIds(props.id, props.hint, props.error);
  return (
    <div class={props.error ? 'field field--error' : 'field'}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      {hintId ? <Hint id={hintId}>{props.hint}</Hint> : null}
      {errorId ? <ErrorMessage id={errorId}>{props.error}</ErrorMessage> : null}
      <input
        class={props.error ? 'input input--short input--error' : 'input input--short'}
        id={props.id}
        name={props.name}
        type={props.type}
        value={props.value}
        aria-describedby={describedBy}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}

export function SlotsPage({ place, slots, values, errors, done }: SlotsPageProps) {
  const { t, href, locale } = useUi();
  const err = (k: MessageKey | undefined) => (k ? t(k) : undefined);
  const summary = (['date', 'time', 'minutes', 'repeat'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: `slot-${f}`, message: t(errors[f]) }] : [],
  );
  const columns: TableColumn<ManagedSlot>[] = [
    { header: t('appointments.manage.column.when'), rowHeader: true, cell: (s) => slotWhen(locale, s.start, s.end, place.timeZone) },
    { header: t('appointments.manage.column.mediator'), cell: (s) => (s.mediatorName === null ? '' : participantName(s.mediatorName, t)) },
    {
      header: t('appointments.manage.column.booking'),
      wrap: true,
      cell: (s) =>
        s.booking ? (
          <>
            <a href={href(`/appointments/${s.booking.id}`)}>
              {s.booking.bookerName === null ? t('appointments.one.nobody') : participantName(s.booking.bookerName, t)}
            </a>
            <br />
            {s.booking.need}
          </>
        ) : (
          t('appointments.manage.open')
        ),
    },
    {
      header: t('appointments.manage.column.action'),
      cell: (s) =>
        s.booking ? (
          <a href={href(`/appointments/${s.booking.id}/cancel`)}>
            {t('appointments.manage.cancelBooking')}
            <VisuallyHidden>{` ${slotWhen(locale, s.start, s.end, place.timeZone)}`}</VisuallyHidden>
          </a>
        ) : (
          <form method="post" action={href(`/manage/places/${place.slug}/slots/${s.id}/withdraw`)}>
            <CsrfField />
            <Button
              variant="secondary"
              ariaLabel={t('appointments.manage.withdrawLabel', { when: slotWhen(locale, s.start, s.end, place.timeZone) })}
            >
              {t('appointments.manage.withdraw')}
            </Button>
          </form>
        ),
    },
  ];
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: t('appointments.breadcrumb.manage'), href: href('/manage/places') },
          { label: place.name, href: href(`/manage/places/${place.slug}`) },
          { label: t('appointments.manage.crumb') },
        ]}
      />
      <ErrorSummary errors={summary} />
      {done ? (
        <NotificationBanner id="slots-done" type="success">
          <p>{t(`appointments.manage.done.${done.kind}`, { count: done.count ?? 1 })}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('appointments.manage.title', { place: place.name })}</h1>
      <p>
        <a href={href(`/places/${place.slug}/appointments`)}>{t('appointments.manage.publicPage')}</a>
      </p>
      <h2>{t('appointments.manage.publishHeading')}</h2>
      <form method="post" action={href(`/manage/places/${place.slug}/slots`)} class="prose" novalidate>
        <CsrfField />
        <DateTimeInput
          id="slot-date"
          name="date"
          type="date"
          label={t('appointments.manage.dateLabel')}
          hint={t('appointments.manage.dateHint')}
          value={values.date}
          error={err(errors.date)}
        />
        <DateTimeInput
          id="slot-time"
          name="time"
          type="time"
          label={t('appointments.manage.timeLabel')}
          hint={t('appointments.manage.timeHint', { zone: place.timeZone })}
          value={values.time}
          error={err(errors.time)}
        />
        <Select
          id="slot-minutes"
          name="minutes"
          label={t('appointments.manage.minutesLabel')}
          value={values.minutes}
          options={SLOT_LENGTHS.map((m) => ({ value: String(m), label: t('appointments.manage.minutes', { minutes: m }) }))}
          error={err(errors.minutes)}
        />
        <Select
          id="slot-repeat"
          name="repeat"
          label={t('appointments.manage.repeatLabel')}
          hint={t('appointments.manage.repeatHint')}
          value={values.repeat}
          options={Array.from({ length: MAX_REPEAT_WEEKS + 1 }, (_, n) => ({
            value: String(n),
            label: t('appointments.manage.repeat', { weeks: n }),
          }))}
          error={err(errors.repeat)}
        />
        <Button>{t('appointments.manage.publish')}</Button>
      </form>
      <h2>{t('appointments.manage.listHeading')}</h2>
      {slots.length === 0 ? (
        <p>{t('appointments.manage.none')}</p>
      ) : (
        <Table id="slots" caption={t('appointments.manage.listHeading')} columns={columns} rows={slots} rowKey={(s) => s.id} />
      )}
    </div>
  );
}
