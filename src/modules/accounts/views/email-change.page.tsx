/**
 * Changing the email address: the form (new address, current password), "check your new
 * mailbox", the confirmation page the emailed link opens (a button that POSTs the token), and
 * the outcomes of confirming.
 */
import { useUi } from '../../../ui/context.js';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../../ui/components/index.js';
import type { EmailChangeErrors, EmailChangeField } from '../email-change.service.js';
import { summaryItems } from './form-errors.js';

const ORDER: readonly EmailChangeField[] = ['email', 'password'];

function BackToAccount() {
  const { t, href } = useUi();
  return (
    <p>
      <a href={href('/account')}>{t('emailChange.backToAccount')}</a>
    </p>
  );
}

/** The form: the new address and the current password. */
export function ChangeEmailPage({ current, email, errors }: { current: string; email: string; errors: EmailChangeErrors }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <ErrorSummary errors={summaryItems(t, 'change-email', ORDER, errors)} />
      <h1>{t('emailChange.title')}</h1>
      <p class="lead">{t('emailChange.lead')}</p>
      <p>{t('emailChange.current', { email: current })}</p>
      <form method="post" action={href('/account/email')} noValidate>
        <CsrfField />
        <TextInput
          id="change-email-email"
          name="email"
          type="email"
          label={t('emailChange.newEmail')}
          value={email}
          error={errors.email ? t(errors.email) : undefined}
          autocomplete="email"
          spellcheck={false}
        />
        <TextInput
          id="change-email-password"
          name="password"
          type="password"
          label={t('emailChange.password')}
          error={errors.password ? t(errors.password) : undefined}
          autocomplete="current-password"
          width="medium"
        />
        <Button>{t('emailChange.submit')}</Button>
      </form>
      <BackToAccount />
    </div>
  );
}

/** After the request: the same whether or not the address already has an account. */
export function EmailChangeSentPage() {
  const { t } = useUi();
  return (
    <div class="prose">
      <h1>{t('emailChange.sent.title')}</h1>
      <p class="lead">{t('emailChange.sent.lead')}</p>
      <BackToAccount />
    </div>
  );
}

/** What the emailed link opens: nothing changes until the button is pressed. */
export function ConfirmEmailChangePage({ token, email }: { token: string; email: string }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t('emailChange.confirm.title')}</h1>
      <p class="lead">{t('emailChange.confirm.lead', { email })}</p>
      <form method="post" action={href('/account/email/confirm')}>
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <Button>{t('emailChange.confirm.submit')}</Button>
      </form>
    </div>
  );
}

/** The end of the road: changed, an unusable link, or an address taken in the meantime. */
export function EmailChangeOutcomePage({ outcome, email }: { outcome: 'changed' | 'invalid' | 'taken'; email?: string }) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t(`emailChange.${outcome}.title`)}</h1>
      <p class="lead">{t(`emailChange.${outcome}.lead`, { email: email ?? '' })}</p>
      {outcome === 'changed' ? null : (
        <p>
          <a href={href('/account/email')}>{t('emailChange.tryAgain')}</a>
        </p>
      )}
      <BackToAccount />
    </div>
  );
}
