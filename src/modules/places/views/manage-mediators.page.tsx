/**
 * A place's mediators (admins): who holds the place's `mediator` role, a button to detach each,
 * and a form to attach someone by the email address of their account. Pure.
 */
import { formatDate } from '../../../platform/i18n.js';
import { Breadcrumbs, Button, CsrfField, ErrorSummary, NotificationBanner, Table, TextInput } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import type { PlaceMediator } from '../manage.service.js';

export interface ManageMediatorsPageProps {
  place: { slug: string; name: string };
  mediators: readonly PlaceMediator[];
  /** The attach form's address as typed and its error (translated), when it came back. */
  email: string;
  error: string | null;
  done: 'attached' | 'detached' | 'unchanged' | null;
}

export function ManageMediatorsPage({ place, mediators, email, error, done }: ManageMediatorsPageProps) {
  const { t, href, locale } = useUi();
  const base = `/manage/places/${place.slug}/mediators`;
  return (
    <div>
      <Breadcrumbs
        items={[
          { label: t('placesManage.list.title'), href: href('/manage/places') },
          { label: place.name, href: href(`/manage/places/${place.slug}`) },
          { label: t('placesManage.mediators.title') },
        ]}
      />
      <ErrorSummary errors={error ? [{ fieldId: 'mediator-email', message: error }] : []} />
      {done ? (
        <NotificationBanner id="mediators-done" type="success">
          <p>{t(`placesManage.mediators.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('placesManage.mediators.heading', { name: place.name })}</h1>
      <p class="lead">{t('placesManage.mediators.lead')}</p>
      {mediators.length === 0 ? (
        <p>{t('placesManage.mediators.none')}</p>
      ) : (
        <Table
          id="place-mediators"
          caption={t('placesManage.mediators.caption', { count: mediators.length })}
          rows={mediators}
          rowKey={(m) => m.userId}
          columns={[
            { header: t('placesManage.mediators.columnName'), rowHeader: true, wrap: true, cell: (m) => m.displayName },
            { header: t('placesManage.mediators.columnEmail'), wrap: true, cell: (m) => m.email },
            {
              header: t('placesManage.mediators.columnSince'),
              cell: (m) => <time dateTime={m.since}>{formatDate(locale, m.since, 'date', 'UTC')}</time>,
            },
            {
              header: t('placesManage.mediators.columnAction'),
              cell: (m) => (
                <form method="post" action={href(`${base}/${m.userId}/detach`)} class="inline-form">
                  <CsrfField />
                  <Button variant="warning" ariaLabel={t('placesManage.mediators.detachLabel', { name: m.displayName })}>
                    {t('placesManage.mediators.detach')}
                  </Button>
                </form>
              ),
            },
          ]}
        />
      )}
      <h2>{t('placesManage.mediators.attachTitle')}</h2>
      <form method="post" action={href(base)} novalidate class="prose">
        <CsrfField />
        <TextInput
          id="mediator-email"
          name="email"
          type="email"
          label={t('placesManage.mediators.email')}
          hint={t('placesManage.mediators.emailHint')}
          value={email}
          error={error ?? undefined}
          autocomplete="off"
          spellcheck={false}
        />
        <Button>{t('placesManage.mediators.attach')}</Button>
      </form>
    </div>
  );
}
