/**
 * The mediators' workshop pages. A place's workshops: the list (upcoming, then recent past ones)
 * and the "new workshop" form. One workshop: the edit form, cancelling it (with a confirmation box),
 * the people registered and waiting (display names only) and, once it has started, the attendance
 * form. Pure.
 */
import {
  Breadcrumbs,
  Button,
  Checkboxes,
  CsrfField,
  ErrorSummary,
  NotificationBanner,
  Table,
  Tag,
  type TableColumn,
} from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { participantName } from '../../../platform/gdpr.js';
import type { MessageKey } from '../../../platform/i18n.js';
import type { WorkshopFormErrors, WorkshopFormValues, WorkshopNotice } from '../workshops.schemas.js';
import type { WorkshopPerson, WorkshopRow } from '../workshops.queries.js';
import { seatsText, workshopFormSummary, WorkshopForm, workshopWhen } from './workshop-parts.js';

export interface PlaceWorkshopsPageProps {
  place: { slug: string; name: string; time_zone: string };
  upcoming: WorkshopRow[];
  past: WorkshopRow[];
  values: WorkshopFormValues;
  errors: WorkshopFormErrors;
  mediators: { id: number; display_name: string }[];
  done: WorkshopNotice | undefined;
}

export function PlaceWorkshopsPage({ place, upcoming, past, values, errors, mediators, done }: PlaceWorkshopsPageProps) {
  const { t, href, locale } = useUi();
  const columns: TableColumn<WorkshopRow>[] = [
    {
      header: t('workshops.manage.column.workshop'),
      rowHeader: true,
      cell: (w) => <a href={href(`/manage/workshops/${w.id}`)}>{w.title}</a>,
    },
    { header: t('workshops.when'), cell: (w) => <time dateTime={w.starts_at}>{workshopWhen(locale, w)}</time> },
    {
      header: t('workshops.seats'),
      cell: (w) => (w.status === 'cancelled' ? <Tag tone="error">{t('workshops.cancelledTag')}</Tag> : seatsText(t, locale, w)),
    },
  ];
  const summary = workshopFormSummary(t, errors);
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: t('workshops.manage.places'), href: href('/manage/places') },
          { label: place.name, href: href(`/manage/places/${place.slug}`) },
          { label: t('workshops.manage.title') },
        ]}
      />
      <ErrorSummary errors={summary} />
      {done ? (
        <NotificationBanner id="workshop-done" type="success">
          <p>{t(`workshops.notice.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('workshops.manage.placeTitle', { place: place.name })}</h1>
      <h2>{t('workshops.manage.upcoming')}</h2>
      {upcoming.length === 0 ? (
        <p>{t('workshops.manage.noneUpcoming')}</p>
      ) : (
        <Table
          id="place-workshops"
          caption={t('workshops.manage.upcomingCaption')}
          columns={columns}
          rows={upcoming}
          rowKey={(w) => w.id}
        />
      )}
      {past.length > 0 ? (
        <>
          <h2>{t('workshops.manage.past')}</h2>
          <Table id="place-past-workshops" caption={t('workshops.manage.pastCaption')} columns={columns} rows={past} rowKey={(w) => w.id} />
        </>
      ) : null}
      <div class="prose">
        <h2 id="new-workshop">{t('workshops.manage.newTitle')}</h2>
        <WorkshopForm
          action={href(`/manage/places/${place.slug}/workshops`)}
          values={values}
          errors={errors}
          mediators={mediators}
          submitLabel={t('workshops.manage.publish')}
          timeZone={place.time_zone}
        />
      </div>
    </div>
  );
}

export interface ManageWorkshopPageProps {
  w: WorkshopRow;
  people: WorkshopPerson[];
  values: WorkshopFormValues;
  errors: WorkshopFormErrors;
  mediators: { id: number; display_name: string }[];
  started: boolean;
  done: WorkshopNotice | undefined;
  /** An error of the cancel form (the box was not ticked). */
  cancelError: MessageKey | null;
}

export function ManageWorkshopPage({ w, people, values, errors, mediators, started, done, cancelError }: ManageWorkshopPageProps) {
  const { t, href, locale } = useUi();
  const cancelled = w.status === 'cancelled';
  const registered = people.filter((p) => p.status === 'registered');
  const waiting = people.filter((p) => p.status === 'waitlisted');
  const name = (p: WorkshopPerson) => participantName(p.display_name ?? '', t);
  const summary = [...workshopFormSummary(t, errors), ...(cancelError ? [{ fieldId: 'cancel-confirm', message: t(cancelError) }] : [])];
  const attendance = (p: WorkshopPerson) =>
    p.attended === null
      ? t('workshops.manage.attendanceUnknown')
      : p.attended
        ? t('workshops.manage.attended')
        : t('workshops.manage.absent');
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: t('workshops.manage.places'), href: href('/manage/places') },
          { label: w.place_name, href: href(`/manage/places/${w.place_slug}`) },
          { label: t('workshops.manage.title'), href: href(`/manage/places/${w.place_slug}/workshops`) },
          { label: w.title },
        ]}
      />
      <ErrorSummary errors={summary} />
      {done ? (
        <NotificationBanner id="workshop-done" type="success">
          <p>{t(`workshops.notice.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{w.title}</h1>
      <p class="lead">
        <time dateTime={w.starts_at}>{workshopWhen(locale, w)}</time> · {w.place_name}
      </p>
      {cancelled ? (
        <p>
          <Tag tone="error">{t('workshops.cancelledTag')}</Tag> {t('workshops.page.cancelled')}
        </p>
      ) : (
        <p>{seatsText(t, locale, w)}</p>
      )}
      <p>
        <a href={href(`/workshops/${w.id}`)}>{t('workshops.manage.publicPage')}</a>
      </p>

      <h2>{t('workshops.manage.registered', { count: registered.length })}</h2>
      {registered.length === 0 ? (
        <p>{t('workshops.manage.nobody')}</p>
      ) : started && !cancelled ? (
        <form method="post" action={href(`/manage/workshops/${w.id}/attendance`)} class="prose">
          <CsrfField />
          <Checkboxes
            id="attendance"
            name="attended"
            legend={t('workshops.manage.attendanceLegend')}
            hint={t('workshops.manage.attendanceHint')}
            values={registered.filter((p) => p.attended === 1).map((p) => String(p.registration_id))}
            options={registered.map((p) => ({ value: String(p.registration_id), label: name(p) }))}
          />
          <Button>{t('workshops.manage.saveAttendance')}</Button>
        </form>
      ) : (
        <Table
          id="workshop-registered"
          caption={t('workshops.manage.registeredCaption')}
          columns={[
            { header: t('workshops.manage.column.person'), rowHeader: true, cell: (p: WorkshopPerson) => name(p) },
            { header: t('workshops.manage.column.attendance'), cell: attendance },
          ]}
          rows={registered}
          rowKey={(p) => p.registration_id}
        />
      )}
      <h2>{t('workshops.manage.waiting', { count: waiting.length })}</h2>
      {waiting.length === 0 ? (
        <p>{t('workshops.manage.nobodyWaiting')}</p>
      ) : (
        <ol>
          {waiting.map((p) => (
            <li key={p.registration_id}>{name(p)}</li>
          ))}
        </ol>
      )}

      {!cancelled && !started ? (
        <div class="prose">
          <h2>{t('workshops.manage.editTitle')}</h2>
          <WorkshopForm
            action={href(`/manage/workshops/${w.id}`)}
            values={values}
            errors={errors}
            mediators={mediators}
            submitLabel={t('workshops.manage.save')}
            timeZone={w.time_zone}
          />
          <h2>{t('workshops.manage.cancelTitle')}</h2>
          <p>{t('workshops.manage.cancelExplain', { count: registered.length + waiting.length })}</p>
          <form method="post" action={href(`/manage/workshops/${w.id}/cancel`)} novalidate>
            <CsrfField />
            <Checkboxes
              id="cancel-confirm"
              name="confirm"
              legend={t('workshops.manage.cancelLegend')}
              error={cancelError ? t(cancelError) : undefined}
              options={[{ value: 'yes', label: t('workshops.manage.cancelConfirm') }]}
            />
            <Button variant="warning">{t('workshops.manage.cancelWorkshop')}</Button>
          </form>
        </div>
      ) : null}
    </div>
  );
}
