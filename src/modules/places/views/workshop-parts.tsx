/**
 * What the workshop pages share: the theme and level labels, the date line in the place's time
 * zone, the seats line, a workshop card for lists, and the mediators' workshop form. Pure.
 */
import { formatDate, formatNumber, type MessageKey, type Translate } from '../../../platform/i18n.js';
import { Button, Card, CsrfField, Select, Tag, TextInput, Textarea } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { Locale } from '../../../config.js';
import { codesOf, WORKSHOP_LEVELS } from '../places.model.js';
import type { WorkshopFormErrors, WorkshopFormValues } from '../workshops.schemas.js';
import type { WorkshopRow } from '../workshops.queries.js';

/** The label of a mediation service code (the directory's vocabulary, `places.vocab.services.*`). */
export const themeLabel = (t: Translate, code: string) => t(`places.vocab.services.${code}` as MessageKey);
export const levelLabel = (t: Translate, level: string) => t(`workshops.level.${level}` as MessageKey);

/** "Thursday 3 December 2026, 14:00–16:00" in the place's time zone. */
export function workshopWhen(locale: Locale, w: Pick<WorkshopRow, 'starts_at' | 'duration_minutes' | 'time_zone'>): string {
  const end = new Date(new Date(w.starts_at).getTime() + w.duration_minutes * 60_000);
  const day = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { weekday: 'long', timeZone: w.time_zone }).format(
    new Date(w.starts_at),
  );
  return `${day} ${formatDate(locale, w.starts_at, 'date', w.time_zone)}, ${formatDate(locale, w.starts_at, 'time', w.time_zone)}–${formatDate(locale, end, 'time', w.time_zone)}`;
}

/** "1 h 30 min" / "2 h" / "45 min". */
export function durationText(t: Translate, minutes: number): string {
  return t('workshops.duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** Seats left, or full with the waiting list. */
export function seatsText(t: Translate, locale: Locale, w: Pick<WorkshopRow, 'capacity' | 'registered_count' | 'waitlist_count'>): string {
  const left = Math.max(0, w.capacity - w.registered_count);
  return left > 0
    ? t('workshops.seatsLeft', { count: left, capacity: formatNumber(locale, w.capacity) })
    : t('workshops.full', { waiting: w.waitlist_count });
}

/** A workshop in a list: title linked to its page, when, where, theme, level and seats. */
export function WorkshopCard({ w, showPlace = true }: { w: WorkshopRow; showPlace?: boolean }) {
  const { t, href, locale } = useUi();
  const cancelled = w.status === 'cancelled';
  const full = w.registered_count >= w.capacity;
  return (
    <Card
      title={w.title}
      href={href(`/workshops/${w.id}`)}
      meta={
        <>
          {cancelled ? (
            <Tag tone="error">{t('workshops.cancelledTag')}</Tag>
          ) : full ? (
            <Tag tone="neutral">{t('workshops.fullTag')}</Tag>
          ) : null}{' '}
          <time dateTime={w.starts_at}>{workshopWhen(locale, w)}</time>
        </>
      }
    >
      <dl class="mail-message__meta">
        {showPlace ? (
          <>
            <dt>{t('workshops.place')}</dt>
            <dd>{w.place_name}</dd>
          </>
        ) : null}
        <>
          <dt>{t('workshops.theme')}</dt>
          <dd>{themeLabel(t, w.theme)}</dd>
        </>
        <>
          <dt>{t('workshops.levelLabel')}</dt>
          <dd>{levelLabel(t, w.level)}</dd>
        </>
        {cancelled ? null : (
          <>
            <dt>{t('workshops.seats')}</dt>
            <dd>{seatsText(t, locale, w)}</dd>
          </>
        )}
      </dl>
    </Card>
  );
}

export interface WorkshopFormProps {
  action: string;
  values: WorkshopFormValues;
  errors: WorkshopFormErrors;
  mediators: { id: number; display_name: string }[];
  submitLabel: string;
  /** Shown under the date: the place's time zone. */
  timeZone: string;
}

/** The workshop form (new and edit). The date and time are the place's local time. */
export function WorkshopForm({ action, values, errors, mediators, submitLabel, timeZone }: WorkshopFormProps) {
  const { t } = useUi();
  const err = (f: keyof WorkshopFormErrors) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <form method="post" action={action} novalidate>
      <CsrfField />
      <TextInput id="workshop-title" name="title" label={t('workshops.form.title')} value={values.title} error={err('title')} />
      <Textarea
        id="workshop-description"
        name="description"
        label={t('workshops.form.description')}
        hint={t('workshops.form.descriptionHint')}
        value={values.description}
        error={err('description')}
        optional
        rows={5}
      />
      <Select
        id="workshop-theme"
        name="theme"
        label={t('workshops.form.theme')}
        value={values.theme}
        placeholder={t('workshops.form.choose')}
        error={err('theme')}
        options={codesOf('services').map((c) => ({ value: c, label: themeLabel(t, c) }))}
      />
      <Select
        id="workshop-level"
        name="level"
        label={t('workshops.form.level')}
        value={values.level}
        placeholder={t('workshops.form.choose')}
        error={err('level')}
        options={WORKSHOP_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))}
      />
      <TextInput
        id="workshop-date"
        name="date"
        label={t('workshops.form.date')}
        hint={t('workshops.form.dateHint', { timeZone })}
        value={values.date}
        error={err('date')}
        width="medium"
        inputMode="numeric"
      />
      <TextInput
        id="workshop-time"
        name="time"
        label={t('workshops.form.time')}
        hint={t('workshops.form.timeHint')}
        value={values.time}
        error={err('time')}
        width="short"
        inputMode="numeric"
      />
      <TextInput
        id="workshop-duration"
        name="duration"
        label={t('workshops.form.duration')}
        hint={t('workshops.form.durationHint')}
        value={values.duration}
        error={err('duration')}
        width="short"
        inputMode="numeric"
      />
      <TextInput
        id="workshop-capacity"
        name="capacity"
        label={t('workshops.form.capacity')}
        hint={t('workshops.form.capacityHint')}
        value={values.capacity}
        error={err('capacity')}
        width="short"
        inputMode="numeric"
      />
      <Select
        id="workshop-mediator"
        name="mediator"
        label={t('workshops.form.mediator')}
        value={values.mediator}
        placeholder={t('workshops.form.noMediator')}
        error={err('mediator')}
        optional
        options={mediators.map((m) => ({ value: String(m.id), label: m.display_name }))}
      />
      <Button>{submitLabel}</Button>
    </form>
  );
}

/** The error summary items of the workshop form, in the form's order. */
export function workshopFormSummary(t: Translate, errors: WorkshopFormErrors) {
  return (['title', 'description', 'theme', 'level', 'date', 'time', 'duration', 'capacity', 'mediator'] as const).flatMap((f) =>
    errors[f] ? [{ fieldId: `workshop-${f}`, message: t(errors[f]) }] : [],
  );
}
