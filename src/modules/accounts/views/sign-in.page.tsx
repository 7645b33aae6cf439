/** Sign in with email and password; one message for every failure, another when throttled. */
import { useUi } from '../../../ui/context.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, TextInput } from '../../../ui/components/index.js';

/** Props: the email typed, where to go next, and what went wrong or what just happened. */
export interface SignInPageProps {
  email: string;
  next: string;
  error?: 'invalid' | 'locked' | undefined;
  notice?: 'signedOutEverywhere' | undefined;
}

export function SignInPage({ email, next, error, notice }: SignInPageProps) {
  const { t, href } = useUi();
  const message = error === 'locked' ? t('auth.signIn.locked') : error === 'invalid' ? t('auth.signIn.invalid') : undefined;
  return (
    <div class="prose">
      {notice ? (
        <NotificationBanner id="sign-in-notice" type="success">
          <p>{t('auth.signIn.signedOutEverywhere')}</p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary errors={message ? [{ fieldId: 'sign-in-email', message }] : []} />
      <h1>{t('auth.signIn.title')}</h1>
      <form method="post" action={href('/sign-in')} noValidate>
        <CsrfField />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <TextInput
          id="sign-in-email"
          name="email"
          type="email"
          label={t('auth.fields.email')}
          value={email}
          error={message}
          autocomplete="username"
          spellcheck={false}
          width="medium"
        />
        <TextInput
          id="sign-in-password"
          name="password"
          type="password"
          label={t('auth.fields.password')}
          autocomplete="current-password"
          width="medium"
        />
        <Button>{t('auth.signIn.submit')}</Button>
      </form>
      <p>
        <a href={href('/forgot-password')}>{t('auth.forgot.title')}</a>
      </p>
      <p>
        {t('auth.signIn.noAccount')} <a href={href('/register')}>{t('auth.register.title')}</a>
      </p>
    </div>
  );
}
