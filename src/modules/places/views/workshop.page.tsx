/**
 * One workshop: what, when (the place's local time), where, theme, level, mediator, seats left or
 * "full: join the waiting list"; for the signed-in person their status (registered, or their place
 * on the waiting list) and a POST button to register or cancel; for a visitor, a sign-in link that
 * comes back here. Pure.
 */
import { Breadcrumbs, Button, CsrfField, NotificationBanner, Tag } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { participantName } from '../../../platform/gdpr.js';
import type { WorkshopNotice } from '../workshops.schemas.js';
import type { WorkshopRow } from '../workshops.queries.js';
import { durationText, levelLabel, seatsText, themeLabel, workshopWhen } from './workshop-parts.js';

export interface WorkshopPageProps {
  w: WorkshopRow;
  /** Who is looking: signed out, or signed in with their email state and registration (null: none). */
  viewer: { signedIn: false } | { signedIn: true; verified: boolean; registration: { status: string; position: number | null } | null };
  /** Whether the viewer manages this workshop (links the management page). */
  canManage: boolean;
  started: boolean;
  done: WorkshopNotice | undefined;
  /** The path of this page, for the sign-in link. */
  signInHref: string;
}

export function WorkshopPage({ w, viewer, canManage, started, done, signInHref }: WorkshopPageProps) {
  const { t, href, locale } = useUi();
  const cancelled = w.status === 'cancelled';
  const full = w.registered_count >= w.capacity;
  const registration = viewer.signedIn ? viewer.registration : null;
  const active = registration && (registration.status === 'registered' || registration.status === 'waitlisted') ? registration : null;
  const open = !cancelled && !started;
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('workshops.list.title'), href: href('/workshops') }, { label: w.title }]} />
      {done ? (
        <NotificationBanner id="workshop-done" type="success">
          <p>{t(`workshops.notice.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{w.title}</h1>
      {cancelled ? (
        <p>
          <Tag tone="error">{t('workshops.cancelledTag')}</Tag> {t('workshops.page.cancelled')}
        </p>
      ) : null}
      <dl class="mail-message__meta">
        <dt>{t('workshops.when')}</dt>
        <dd>
          <time dateTime={w.starts_at}>{workshopWhen(locale, w)}</time> ({durationText(t, w.duration_minutes)})
        </dd>
        <dt>{t('workshops.place')}</dt>
        <dd>
          <a href={href(`/places/${w.place_slug}`)}>{w.place_name}</a>, {w.place_address}, {w.place_postcode}
        </dd>
        <dt>{t('workshops.theme')}</dt>
        <dd>{themeLabel(t, w.theme)}</dd>
        <dt>{t('workshops.levelLabel')}</dt>
        <dd>{levelLabel(t, w.level)}</dd>
        {w.mediator_name !== null ? (
          <>
            <dt>{t('workshops.mediator')}</dt>
            <dd>{participantName(w.mediator_name, t)}</dd>
          </>
        ) : null}
        {cancelled ? null : (
          <>
            <dt>{t('workshops.seats')}</dt>
            <dd>{seatsText(t, locale, w)}</dd>
          </>
        )}
      </dl>
      {w.description ? (
        <>
          <h2>{t('workshops.page.about')}</h2>
          {w.description.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </>
      ) : null}
      <h2>{t('workshops.page.yourPlace')}</h2>
      {!cancelled && active?.status === 'registered' ? <p>{t('workshops.page.youAreRegistered')}</p> : null}
      {!cancelled && active?.status === 'waitlisted' ? (
        <p>{t('workshops.page.youAreWaiting', { position: active.position ?? 1 })}</p>
      ) : null}
      {cancelled ? <p>{t('workshops.page.closedCancelled')}</p> : !open && !active ? <p>{t('workshops.page.closedStarted')}</p> : null}
      {open && active ? (
        <form method="post" action={href(`/workshops/${w.id}/cancel`)}>
          <CsrfField />
          <Button variant="secondary">
            {active.status === 'registered' ? t('workshops.page.cancel') : t('workshops.page.leaveWaitlist')}
          </Button>
        </form>
      ) : null}
      {open && !active && viewer.signedIn && viewer.verified ? (
        <form method="post" action={href(`/workshops/${w.id}/register`)}>
          <CsrfField />
          {full ? <p>{t('workshops.page.fullExplain')}</p> : null}
          <Button>{full ? t('workshops.page.joinWaitlist') : t('workshops.page.register')}</Button>
        </form>
      ) : null}
      {open && !active && viewer.signedIn && !viewer.verified ? <p>{t('workshops.page.verifyFirst')}</p> : null}
      {open && !viewer.signedIn ? (
        <p>
          <Button href={signInHref}>{t('workshops.page.signInToRegister')}</Button>
        </p>
      ) : null}
      <p>
        <a href={`/places/${w.place_slug}/calendar.ics`}>{t('workshops.page.placeCalendar', { place: w.place_name })}</a>
      </p>
      {viewer.signedIn ? (
        <p>
          <a href={href('/my-workshops')}>{t('workshops.mine.link')}</a>
        </p>
      ) : null}
      {canManage ? (
        <p>
          <a href={href(`/manage/workshops/${w.id}`)}>{t('workshops.page.manage')}</a>
        </p>
      ) : null}
    </div>
  );
}
