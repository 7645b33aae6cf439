/** The account page: profile (name, language), email, email verification, sessions, related settings. */
import { useUi } from '../../../ui/context.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, Radios, TextInput } from '../../../ui/components/index.js';
import type { Workspace } from '../../../platform/module.js';
import type { FormErrors, ProfileField, ProfileValues } from '../accounts.schemas.js';
import { summaryItems } from './form-errors.js';
import { PersonalDataSection } from './personal-data.page.js';
import { TwoFactorAccountSection, TwoFactorRolesBanner, type TwoFactorSummary } from './two-factor.page.js';

/** The one-off messages shown after a redirect to this page. */
export const ACCOUNT_NOTICES = ['saved', 'verified', 'passwordChanged', 'verificationSent'] as const;
export type AccountNotice = (typeof ACCOUNT_NOTICES)[number];

export interface AccountPageProps {
  email: string;
  emailVerified: boolean;
  values: ProfileValues;
  errors: FormErrors<ProfileField>;
  notice?: AccountNotice | undefined;
  /** Two-factor authentication: whether it is on, and the roles waiting for it. */
  security?: TwoFactorSummary | undefined;
  /** The work pages this person's roles open (from the modules' manifests). */
  workspaces?: readonly Workspace[] | undefined;
}

const ORDER: readonly ProfileField[] = ['displayName', 'locale'];

export function AccountPage({ email, emailVerified, values, errors, notice, security, workspaces = [] }: AccountPageProps) {
  const { t, href, locales } = useUi();
  const error = (f: ProfileField) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <div class="prose">
      {notice ? (
        <NotificationBanner id="account-notice" type="success">
          <p>{t(`account.notices.${notice}`)}</p>
        </NotificationBanner>
      ) : !emailVerified ? (
        <NotificationBanner id="account-unverified" title={t('account.unverified.title')}>
          <p>{t('account.unverified.body', { email })}</p>
          <form method="post" action={href('/account/resend-verification')}>
            <CsrfField />
            <Button variant="secondary">{t('account.unverified.resend')}</Button>
          </form>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={summaryItems(t, 'account', ORDER, errors)} />
      <TwoFactorRolesBanner summary={security} />
      <h1>{t('account.title')}</h1>
      <h2>{t('account.profileHeading')}</h2>
      <form method="post" action={href('/account')} noValidate>
        <CsrfField />
        <TextInput
          id="account-displayName"
          name="displayName"
          label={t('auth.fields.displayName')}
          hint={t('auth.fields.displayNameHint')}
          value={values.displayName}
          error={error('displayName')}
          autocomplete="nickname"
          spellcheck={false}
        />
        <Radios
          id="account-locale"
          name="locale"
          legend={t('auth.fields.locale')}
          value={values.locale}
          error={error('locale')}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <Button>{t('account.save')}</Button>
      </form>
      <h2>{t('account.emailHeading')}</h2>
      <p>
        {email} {emailVerified ? `(${t('account.emailVerified')})` : `(${t('account.emailNotVerified')})`}
      </p>
      <p>
        <a href={href('/account/email')}>{t('emailChange.link')}</a>
      </p>
      {workspaces.some((w) => w.personal) ? (
        <>
          <h2>{t('account.activitiesHeading')}</h2>
          <ul>
            {workspaces
              .filter((w) => w.personal)
              .map((w) => (
                <li key={w.path}>
                  <a href={href(w.path)}>{t(w.labelKey)}</a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {workspaces.some((w) => !w.personal) ? (
        <>
          <h2>{t('account.workHeading')}</h2>
          <ul>
            {workspaces
              .filter((w) => !w.personal)
              .map((w) => (
                <li key={w.path}>
                  <a href={href(w.path)}>{t(w.labelKey)}</a>
                </li>
              ))}
          </ul>
        </>
      ) : null}
      <h2>{t('account.moreHeading')}</h2>
      <ul>
        <li>
          <a href={href('/preferences')}>{t('account.preferencesLink')}</a>
        </li>
        <li>
          <a href={href('/account/tokens')}>{t('account.tokensLink')}</a>
        </li>
      </ul>
      <TwoFactorAccountSection summary={security} />
      <h2>{t('account.sessionsHeading')}</h2>
      <p>{t('account.sessionsBody')}</p>
      <form method="post" action={href('/account/sign-out-everywhere')}>
        <CsrfField />
        <Button variant="warning">{t('account.signOutEverywhere')}</Button>
      </form>
      <PersonalDataSection />
    </div>
  );
}

/** New terms to accept before going on: accept, read them, or sign out. */
export function AcceptTermsPage({ next }: { next: string }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t('account.terms.title')}</h1>
      <p class="lead">{t('account.terms.lead')}</p>
      <p>
        <a href={href('/terms')}>{t('account.terms.read')}</a>
      </p>
      <div class="button-group">
        <form method="post" action={href('/terms/accept')} class="inline-form">
          <CsrfField />
          <input type="hidden" name="next" value={next} />
          <Button>{t('account.terms.accept')}</Button>
        </form>
        <form method="post" action={href('/sign-out')} class="inline-form">
          <CsrfField />
          <Button variant="secondary">{t('auth.signOut')}</Button>
        </form>
      </div>
    </div>
  );
}
