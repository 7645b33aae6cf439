/**
 * The pages an emailed link opens. Opening the link changes nothing (mail scanners open links):
 * the page asks for a click that POSTs the token.
 */
import { useUi } from '../../../ui/context.js';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../../ui/components/index.js';
import type { MessageKey } from '../../../platform/i18n.js';

/** "Confirm my email": posts the verification token. */
export function ConfirmEmailPage({ token }: { token: string }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t('auth.verify.title')}</h1>
      <p class="lead">{t('auth.verify.lead')}</p>
      <form method="post" action={href('/verify-email')}>
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <Button>{t('auth.verify.submit')}</Button>
      </form>
    </div>
  );
}

/** A link that is unknown, used or expired: say so, and offer the way to a new one. */
export function InvalidLinkPage({ kind }: { kind: 'verify' | 'reset' }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t('auth.invalidLink.title')}</h1>
      <p class="lead">{t('auth.invalidLink.lead')}</p>
      {kind === 'reset' ? (
        <p>
          <a href={href('/forgot-password')}>{t('auth.invalidLink.newReset')}</a>
        </p>
      ) : (
        <p>
          <a href={href('/account')}>{t('auth.invalidLink.newVerify')}</a>
        </p>
      )}
    </div>
  );
}

/** The forgotten-password form, or its confirmation (the same whether or not the address has an account). */
export function ForgotPasswordPage({ email, error, sent }: { email: string; error?: MessageKey | undefined; sent: boolean }) {
  const { t, href } = useUi();
  if (sent) {
    return (
      <div class="prose">
        <h1>{t('auth.forgot.sentTitle')}</h1>
        <p class="lead">{t('auth.forgot.sentLead')}</p>
        <p>
          <a href={href('/sign-in')}>{t('auth.signIn.title')}</a>
        </p>
      </div>
    );
  }
  const message = error ? t(error) : undefined;
  return (
    <div class="prose">
      <ErrorSummary errors={message ? [{ fieldId: 'forgot-email', message }] : []} />
      <h1>{t('auth.forgot.title')}</h1>
      <p class="lead">{t('auth.forgot.lead')}</p>
      <form method="post" action={href('/forgot-password')} noValidate>
        <CsrfField />
        <TextInput
          id="forgot-email"
          name="email"
          type="email"
          label={t('auth.fields.email')}
          value={email}
          error={message}
          autocomplete="email"
          spellcheck={false}
          width="medium"
        />
        <Button>{t('auth.forgot.submit')}</Button>
      </form>
    </div>
  );
}

/** The new-password form a reset link opens. */
export function ResetPasswordPage({ token, error }: { token: string; error?: MessageKey | undefined }) {
  const { t, href } = useUi();
  const message = error ? t(error) : undefined;
  return (
    <div class="prose">
      <ErrorSummary errors={message ? [{ fieldId: 'reset-password', message }] : []} />
      <h1>{t('auth.reset.title')}</h1>
      <p class="lead">{t('auth.reset.lead')}</p>
      <form method="post" action={href('/reset-password')} noValidate>
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <TextInput
          id="reset-password"
          name="password"
          type="password"
          label={t('auth.fields.newPassword')}
          hint={t('auth.fields.passwordHint')}
          error={message}
          autocomplete="new-password"
          width="medium"
        />
        <Button>{t('auth.reset.submit')}</Button>
      </form>
    </div>
  );
}
