/**
 * "Book an appointment" at a place: its open slots of the coming weeks, grouped by the place's local
 * day, each a choice; then what the person needs help with and, optionally, which e-service. Signed
 * out, the slots are listed with a sign-in button; with an unconfirmed email, a request to confirm
 * it. Comes back with an error summary (and the person's text) when something is missing or the slot
 * was just taken. Pure.
 */
import {
  Breadcrumbs,
  Button,
  CsrfField,
  ErrorMessage,
  ErrorSummary,
  Hint,
  NotificationBanner,
  Select,
  Textarea,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { AppointmentPlace, OpenSlot } from '../appointments.queries.js';
import type { BookingErrors, BookingValues } from '../appointments.schemas.js';
import { PLACE_LIMITS } from '../places.model.js';
import { dayLabel, groupByDay, timeRange } from './appointment-parts.js';

export interface AppointmentBookingPageProps {
  place: AppointmentPlace;
  slots: OpenSlot[];
  services: { slug: string; name: string }[];
  /** Who is asking: nobody (sign in first), a person whose email is not confirmed, or someone who may book. */
  viewer: 'anonymous' | 'unverified' | 'verified';
  signInHref: string;
  values: BookingValues;
  errors: BookingErrors;
}

export interface SlotChoicesProps {
  place: AppointmentPlace;
  slots: OpenSlot[];
  /** The chosen slot's id, or ''. */
  chosen: string;
  error?: string | undefined;
}

/** The open slots as one choice, grouped by the place's local day (the booking form's first field). */
export function SlotChoices({ place, slots, chosen, error }: SlotChoicesProps) {
  const { t, locale } = useUi();
  return (
    <fieldset class="choices" aria-describedby={error ? 'appointment-slot-error' : 'appointment-slot-hint'}>
      <legend class="choices__legend">{t('appointments.book.slotLegend')}</legend>
      <Hint id="appointment-slot-hint">{t('appointments.book.slotHint')}</Hint>
      {error ? <ErrorMessage id="appointment-slot-error">{error}</ErrorMessage> : null}
      {groupByDay(slots, place.timeZone).map((day, d) => (
        <fieldset class="choices appointment-day" key={day.date}>
          <legend class="choices__legend">{dayLabel(locale, day.slots[0]!.start, place.timeZone)}</legend>
          <ul class="choices__list">
            {day.slots.map((slot, i) => {
              const id = d === 0 && i === 0 ? 'appointment-slot' : `appointment-slot-${slot.id}`;
              return (
                <li class="choice" key={slot.id}>
                  <input
                    type="radio"
                    id={id}
                    name="slot"
                    value={String(slot.id)}
                    checked={chosen === String(slot.id)}
                    aria-invalid={error ? 'true' : undefined}
                  />
                  <div>
                    <label for={id}>{timeRange(locale, slot.start, slot.end, place.timeZone)}</label>
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </fieldset>
  );
}

export function AppointmentBookingPage({ place, slots, services, viewer, signInHref, values, errors }: AppointmentBookingPageProps) {
  const { t, href, locale } = useUi();
  const summary = (['slot', 'need', 'service'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: `appointment-${f}`, message: t(errors[f]) }] : [],
  );
  const slotError = errors.slot ? t(errors.slot) : undefined;
  const canBook = viewer === 'verified' && slots.length > 0;
  return (
    <div class="prose">
      <Breadcrumbs
        items={[
          { label: t('appointments.breadcrumb.places'), href: href('/places') },
          { label: place.name, href: href(`/places/${place.slug}`) },
          { label: t('appointments.book.title') },
        ]}
      />
      <ErrorSummary errors={summary} />
      <h1>{t('appointments.book.heading', { place: place.name })}</h1>
      <p class="lead">{t('appointments.book.lead')}</p>
      <p>{t('appointments.book.timeZone', { zone: place.timeZone })}</p>
      {viewer === 'anonymous' ? (
        <p>
          <Button href={signInHref}>{t('appointments.book.signIn')}</Button>
        </p>
      ) : null}
      {viewer === 'unverified' ? (
        <NotificationBanner id="appointment-verify">
          <p>{t('appointments.book.verifyFirst')}</p>
        </NotificationBanner>
      ) : null}
      {slots.length === 0 ? (
        <>
          {slotError ? <p class="field__error">{slotError}</p> : null}
          <p id="appointment-slot">{t('appointments.book.none')}</p>
        </>
      ) : canBook ? (
        <form method="post" action={href(`/places/${place.slug}/appointments`)} novalidate>
          <CsrfField />
          <div class={slotError ? 'field field--error' : 'field'}>
            <SlotChoices place={place} slots={slots} chosen={values.slot} error={slotError} />
          </div>
          <Textarea
            id="appointment-need"
            name="need"
            label={t('appointments.book.needLabel')}
            hint={t('appointments.book.needHint', { max: PLACE_LIMITS.need })}
            value={values.need}
            error={errors.need ? t(errors.need) : undefined}
            rows={5}
          />
          {services.length > 0 ? (
            <Select
              id="appointment-service"
              name="service"
              label={t('appointments.book.serviceLabel')}
              hint={t('appointments.book.serviceHint')}
              optional
              value={values.service}
              placeholder={t('appointments.book.serviceNone')}
              options={services.map((s) => ({ value: s.slug, label: s.name }))}
              error={errors.service ? t(errors.service) : undefined}
            />
          ) : null}
          <Button>{t('appointments.book.submit')}</Button>
        </form>
      ) : (
        groupByDay(slots, place.timeZone).map((day) => (
          <section key={day.date} aria-labelledby={`appointment-day-${day.date}`}>
            <h2 id={`appointment-day-${day.date}`}>{dayLabel(locale, day.slots[0]!.start, place.timeZone)}</h2>
            <ul>
              {day.slots.map((slot) => (
                <li key={slot.id}>{timeRange(locale, slot.start, slot.end, place.timeZone)}</li>
              ))}
            </ul>
          </section>
        ))
      )}
      <ul>
        <li>
          <a href={href(`/places/${place.slug}`)}>{t('appointments.book.back', { place: place.name })}</a>
        </li>
        {viewer === 'anonymous' ? null : (
          <li>
            <a href={href('/appointments')}>{t('appointments.book.mine')}</a>
          </li>
        )}
      </ul>
    </div>
  );
}
