/**
 * Managing two-factor authentication from the account: turn it on (password again, then the QR
 * code and a first code), see the recovery codes once, make new ones, turn it off (password again).
 */
import { useUi } from '../../../ui/context.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, TextInput } from '../../../ui/components/index.js';

/** Which form came back with an error, and what the error is. */
export interface TwoFactorFormError {
  form: 'setup' | 'regenerate' | 'disable';
  message: 'twoFactor.errors.passwordWrong';
}

/** The two-factor page: off (a set-up form) or on (new recovery codes, turn off). */
export function TwoFactorPage(props: {
  enabled: boolean;
  recoveryCodesLeft: number;
  error?: TwoFactorFormError | undefined;
  notice?: 'disabled' | undefined;
}) {
  const { t, href } = useUi();
  const { enabled, recoveryCodesLeft, error, notice } = props;
  const fieldError = (form: TwoFactorFormError['form']) => (error?.form === form ? t(error.message) : undefined);
  const password = (form: TwoFactorFormError['form']) => (
    <TextInput
      id={`two-factor-${form}-password`}
      name="password"
      type="password"
      label={t('auth.fields.password')}
      error={fieldError(form)}
      autocomplete="current-password"
      width="medium"
    />
  );
  return (
    <div class="prose">
      {notice ? (
        <NotificationBanner id="two-factor-notice" type="success">
          <p>{t('twoFactor.notices.disabled')}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={error ? [{ fieldId: `two-factor-${error.form}-password`, message: t(error.message) }] : []} />
      <h1>{t('twoFactor.title')}</h1>
      <p class="lead">{t('twoFactor.lead')}</p>
      <p>{enabled ? t('twoFactor.statusOn') : t('twoFactor.statusOff')}</p>
      {enabled ? (
        <>
          <p>{t('twoFactor.recoveryLeft', { count: recoveryCodesLeft })}</p>
          <h2>{t('twoFactor.regenerate.heading')}</h2>
          <p>{t('twoFactor.regenerate.lead')}</p>
          <form method="post" action={href('/account/two-factor/recovery-codes')} noValidate>
            <CsrfField />
            {password('regenerate')}
            <Button variant="secondary">{t('twoFactor.regenerate.submit')}</Button>
          </form>
          <h2>{t('twoFactor.disable.heading')}</h2>
          <p>{t('twoFactor.disable.lead')}</p>
          <form method="post" action={href('/account/two-factor/disable')} noValidate>
            <CsrfField />
            {password('disable')}
            <Button variant="warning">{t('twoFactor.disable.submit')}</Button>
          </form>
        </>
      ) : (
        <>
          <h2>{t('twoFactor.setup.heading')}</h2>
          <p>{t('twoFactor.setup.passwordLead')}</p>
          <form method="post" action={href('/account/two-factor/setup')} noValidate>
            <CsrfField />
            {password('setup')}
            <Button>{t('twoFactor.setup.start')}</Button>
          </form>
        </>
      )}
      <p>
        <a href={href('/account')}>{t('twoFactor.backToAccount')}</a>
      </p>
    </div>
  );
}

/** Groups a base32 secret by four characters, for typing it into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Set-up: the QR code (an SVG as a data: image), the secret as text, and a first code to confirm. */
export function TwoFactorSetupPage(props: { qrDataUri: string; secret: string; error?: boolean }) {
  const { t, href } = useUi();
  const message = props.error ? t('twoFactor.errors.codeWrong') : undefined;
  return (
    <div class="prose">
      <ErrorSummary errors={message ? [{ fieldId: 'two-factor-code', message }] : []} />
      <h1>{t('twoFactor.setup.title')}</h1>
      <ol>
        <li>
          <p>{t('twoFactor.setup.step1')}</p>
          <p>
            <img src={props.qrDataUri} alt={t('twoFactor.setup.qrAlt')} width={200} height={200} class="qr-code" />
          </p>
          <p>{t('twoFactor.setup.manual')}</p>
          <p>
            <code id="two-factor-secret">{groupSecret(props.secret)}</code>
          </p>
        </li>
        <li>
          <p>{t('twoFactor.setup.step2')}</p>
        </li>
      </ol>
      <form method="post" action={href('/account/two-factor/confirm')} noValidate>
        <CsrfField />
        <TextInput
          id="two-factor-code"
          name="code"
          label={t('twoFactor.fields.code')}
          hint={t('twoFactor.fields.codeHint')}
          error={message}
          autocomplete="one-time-code"
          inputMode="numeric"
          spellcheck={false}
          width="short"
        />
        <Button>{t('twoFactor.setup.confirm')}</Button>
      </form>
      <p>
        <a href={href('/account/two-factor')}>{t('twoFactor.setup.cancel')}</a>
      </p>
    </div>
  );
}

/** The recovery codes, shown once, with the advice to print them or keep them safe. */
export function RecoveryCodesPage({ codes, justEnabled }: { codes: readonly string[]; justEnabled: boolean }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      {justEnabled ? (
        <NotificationBanner id="two-factor-enabled" type="success">
          <p>{t('twoFactor.notices.enabled')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('twoFactor.recovery.title')}</h1>
      <p class="lead">{t('twoFactor.recovery.lead')}</p>
      <ul class="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <p>{t('twoFactor.recovery.advice')}</p>
      <p>
        <a href={href('/account')}>{t('twoFactor.backToAccount')}</a>
      </p>
    </div>
  );
}

/** What the account page shows about two-factor authentication. */
export interface TwoFactorSummary {
  twoFactor: boolean;
  /** Roles held but not in effect until 2FA is on. */
  pendingRoles: readonly string[];
}

/** On the account page: a banner when a role waits for 2FA (roles are named with the admin catalog's names). */
export function TwoFactorRolesBanner({ summary }: { summary: TwoFactorSummary | undefined }) {
  const { t, href } = useUi();
  if (!summary || summary.pendingRoles.length === 0) return null;
  const names = summary.pendingRoles.map((r) => t(`admin.roles.${r as 'admin'}`)).join(', ');
  return (
    <NotificationBanner id="two-factor-needed" title={t('twoFactor.account.pendingTitle')}>
      <p>{t('twoFactor.account.pendingBody', { roles: summary.pendingRoles.length, names })}</p>
      <p>
        <a href={href('/account/two-factor')}>{t('twoFactor.account.setUp')}</a>
      </p>
    </NotificationBanner>
  );
}

/** On the account page: the Security section (2FA state, links to manage it and to change the password). */
export function TwoFactorAccountSection({ summary }: { summary: TwoFactorSummary | undefined }) {
  const { t, href } = useUi();
  const on = summary?.twoFactor ?? false;
  return (
    <>
      <h2>{t('twoFactor.account.heading')}</h2>
      <p>{on ? t('twoFactor.account.on') : t('twoFactor.account.off')}</p>
      <ul>
        <li>
          <a href={href('/account/two-factor')}>{on ? t('twoFactor.account.manage') : t('twoFactor.account.setUp')}</a>
        </li>
        <li>
          <a href={href('/account/password')}>{t('twoFactor.account.changePassword')}</a>
        </li>
      </ul>
    </>
  );
}
