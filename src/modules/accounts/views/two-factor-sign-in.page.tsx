/** The second step of signing in: a code from the authenticator app, or a recovery code. */
import { useUi } from '../../../ui/context.js';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../../ui/components/index.js';

/**
 * What went wrong: a wrong code, too many of them (start over), the account is throttled, or (on
 * opening the page) there is no pending sign-in, e.g. it expired.
 */
export type TwoFactorSignInError = 'invalid' | 'tooMany' | 'locked' | 'expired';

export function TwoFactorSignInPage({ error }: { error?: TwoFactorSignInError | undefined }) {
  const { t, href } = useUi();
  const message =
    error === 'invalid'
      ? t('twoFactor.signIn.invalid')
      : error === 'tooMany'
        ? t('twoFactor.signIn.tooMany')
        : error === 'locked'
          ? t('auth.signIn.locked')
          : undefined;
  const over = error === 'tooMany' || error === 'expired';
  return (
    <div class="prose">
      <ErrorSummary errors={message ? [{ fieldId: over ? 'two-factor-again' : 'two-factor-sign-in-code', message }] : []} />
      <h1>{t('twoFactor.signIn.title')}</h1>
      {error === 'expired' ? <p>{t('twoFactor.signIn.expired')}</p> : null}
      {over ? (
        <p>
          <a id="two-factor-again" href={href('/sign-in')}>
            {t('twoFactor.signIn.startAgain')}
          </a>
        </p>
      ) : (
        <>
          <p class="lead">{t('twoFactor.signIn.lead')}</p>
          <form method="post" action={href('/sign-in/two-factor')} noValidate>
            <CsrfField />
            <TextInput
              id="two-factor-sign-in-code"
              name="code"
              label={t('twoFactor.signIn.code')}
              hint={t('twoFactor.signIn.codeHint')}
              error={message}
              autocomplete="one-time-code"
              spellcheck={false}
              width="medium"
            />
            <Button>{t('twoFactor.signIn.submit')}</Button>
          </form>
          <p>
            <a href={href('/sign-in')}>{t('twoFactor.signIn.startAgain')}</a>
          </p>
        </>
      )}
    </div>
  );
}
