/**
 * "Your data" on the account page (download, delete), the delete-account page, and the page shown
 * once an account is deleted.
 */
import { useUi } from '../../../ui/context.js';
import { Button, Checkboxes, CsrfField, ErrorSummary, NotificationBanner, TextInput } from '../../../ui/components/index.js';
import type { DeleteAccountErrors } from '../personal-data.service.js';
import { summaryItems } from './form-errors.js';

/** The account page's section: download everything (a POST, so a link cannot trigger it), or go delete. */
export function PersonalDataSection() {
  const { t, href } = useUi();
  return (
    <section aria-labelledby="personal-data-heading">
      <h2 id="personal-data-heading">{t('personalData.heading')}</h2>
      <p>{t('personalData.download.body')}</p>
      <form method="post" action={href('/account/personal-data')}>
        <CsrfField />
        <Button variant="secondary">{t('personalData.download.submit')}</Button>
      </form>
      <p>
        <a href={href('/account/delete')}>{t('personalData.delete.link')}</a>
      </p>
    </section>
  );
}

/** Props of DeleteAccountPage: the errors of a refused attempt (nothing is kept but the checkbox). */
export interface DeleteAccountPageProps {
  errors: DeleteAccountErrors;
  confirmed: boolean;
}

const ORDER = ['password', 'confirm'] as const;

/** What deletion does, then the password again and a confirmation. Its GET changes nothing. */
export function DeleteAccountPage({ errors, confirmed }: DeleteAccountPageProps) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <ErrorSummary errors={summaryItems(t, 'delete-account', ORDER, errors)} />
      <h1>{t('personalData.delete.title')}</h1>
      <p class="lead">{t('personalData.delete.lead')}</p>
      <ul>
        <li>{t('personalData.delete.erased')}</li>
        <li>{t('personalData.delete.contributions')}</li>
        <li>{t('personalData.delete.signedOut')}</li>
        <li>{t('personalData.delete.email')}</li>
        <li>{t('personalData.delete.irreversible')}</li>
      </ul>
      <p>{t('personalData.delete.downloadFirst')}</p>
      <form method="post" action={href('/account/delete')} noValidate>
        <CsrfField />
        <TextInput
          id="delete-account-password"
          name="password"
          type="password"
          label={t('auth.fields.password')}
          hint={t('personalData.delete.passwordHint')}
          error={errors.password ? t(errors.password) : undefined}
          autocomplete="current-password"
          width="medium"
        />
        <Checkboxes
          id="delete-account-confirm"
          name="confirm"
          legend={t('personalData.delete.confirmLegend')}
          values={confirmed ? ['yes'] : []}
          error={errors.confirm ? t(errors.confirm) : undefined}
          options={[{ value: 'yes', label: t('personalData.delete.confirmLabel') }]}
        />
        <div class="button-group">
          <Button variant="warning">{t('personalData.delete.submit')}</Button>
          <a href={href('/account')}>{t('personalData.delete.cancel')}</a>
        </div>
      </form>
    </div>
  );
}

/** After deletion: the outcome, and the way back home. */
export function AccountDeletedPage() {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <NotificationBanner id="account-deleted" type="success">
        <p>{t('personalData.deleted.banner')}</p>
      </NotificationBanner>
      <h1>{t('personalData.deleted.title')}</h1>
      <p>{t('personalData.deleted.body')}</p>
      <p>
        <a href={href('/')}>{t('personalData.deleted.home')}</a>
      </p>
    </div>
  );
}
