/** Changing the password from the account: the current one again, then the new one. */
import { useUi } from '../../../ui/context.js';
import type { MessageKey } from '../../../platform/i18n.js';
import { Button, CsrfField, ErrorSummary, TextInput } from '../../../ui/components/index.js';

/** Field errors of the change-password form. */
export interface ChangePasswordErrors {
  current?: MessageKey;
  password?: MessageKey;
}

export function ChangePasswordPage({ errors }: { errors: ChangePasswordErrors }) {
  const { t, href } = useUi();
  const items = (['current', 'password'] as const)
    .filter((f) => errors[f])
    .map((f) => ({ fieldId: `change-password-${f}`, message: t(errors[f]!) }));
  return (
    <div class="prose">
      <ErrorSummary errors={items} />
      <h1>{t('twoFactor.password.title')}</h1>
      <p class="lead">{t('twoFactor.password.lead')}</p>
      <form method="post" action={href('/account/password')} noValidate>
        <CsrfField />
        <TextInput
          id="change-password-current"
          name="current"
          type="password"
          label={t('twoFactor.password.current')}
          error={errors.current ? t(errors.current) : undefined}
          autocomplete="current-password"
          width="medium"
        />
        <TextInput
          id="change-password-password"
          name="password"
          type="password"
          label={t('auth.fields.newPassword')}
          hint={t('auth.fields.passwordHint')}
          error={errors.password ? t(errors.password) : undefined}
          autocomplete="new-password"
          width="medium"
        />
        <Button>{t('twoFactor.password.submit')}</Button>
      </form>
      <p>
        <a href={href('/account')}>{t('twoFactor.backToAccount')}</a>
      </p>
    </div>
  );
}
