/**
 * "Your calendar feed": a secret address calendar apps subscribe to, listing the person's workshops
 * and appointments. Only its hash is kept, so the full address is shown once, right after it is
 * made; the page says so, and offers to make a new one (the old one stops working) or to turn the
 * feed off. Pure.
 */
import { Breadcrumbs, Button, CsrfField, NotificationBanner } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { formatDate } from '../../../platform/i18n.js';

export interface CalendarPageProps {
  /** When the current feed was made; null: none. */
  createdAt: string | null;
  /** The full address, only right after it was made. */
  newUrl: string | null;
  done: 'revoked' | null;
}

export function CalendarPage({ createdAt, newUrl, done }: CalendarPageProps) {
  const { t, href, locale } = useUi();
  return (
    <div class="prose">
      <Breadcrumbs items={[{ label: t('account.title'), href: href('/account') }, { label: t('calendar.title') }]} />
      {done === 'revoked' ? (
        <NotificationBanner id="calendar-done" type="success">
          <p>{t('calendar.revoked')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('calendar.title')}</h1>
      <p class="lead">{t('calendar.lead')}</p>
      {newUrl ? (
        <NotificationBanner id="calendar-new" type="success" title={t('calendar.newTitle')}>
          <p>{t('calendar.copyNow')}</p>
          <p>
            <label for="calendar-url" class="field__label">
              {t('calendar.urlLabel')}
            </label>
            <input id="calendar-url" class="input" type="text" readOnly value={newUrl} spellcheck={false} />
          </p>
        </NotificationBanner>
      ) : null}
      {createdAt ? (
        <>
          <p>{t('calendar.active', { date: formatDate(locale, createdAt, 'date') })}</p>
          <p>{t('calendar.secret')}</p>
          <div class="button-group">
            <form method="post" action={href('/account/calendar')} class="inline-form">
              <CsrfField />
              <Button name="action" value="create" variant="secondary">
                {t('calendar.rotate')}
              </Button>
            </form>
            <form method="post" action={href('/account/calendar')} class="inline-form">
              <CsrfField />
              <Button name="action" value="revoke" variant="warning">
                {t('calendar.revoke')}
              </Button>
            </form>
          </div>
        </>
      ) : (
        <>
          <p>{t('calendar.none')}</p>
          <form method="post" action={href('/account/calendar')}>
            <CsrfField />
            <Button name="action" value="create">
              {t('calendar.create')}
            </Button>
          </form>
        </>
      )}
      <h2>{t('calendar.howTitle')}</h2>
      <p>{t('calendar.how')}</p>
      <p>
        <a href={href('/my-workshops')}>{t('calendar.myWorkshops')}</a>
      </p>
    </div>
  );
}
export const calendarPage = (props: CalendarPageProps) => <CalendarPage {...props} />;
