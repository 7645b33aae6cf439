/** Registration: display name, email, password, language and the terms, validated on the server. */
import { useUi } from '../../../ui/context.js';
import { Button, Checkboxes, CsrfField, ErrorSummary, Radios, TextInput } from '../../../ui/components/index.js';
import type { FormErrors, RegisterField, RegisterValues } from '../accounts.schemas.js';
import { summaryItems } from './form-errors.js';

const ORDER: readonly RegisterField[] = ['displayName', 'email', 'password', 'locale', 'terms'];

/** Props: the values typed (the password is never sent back) and the errors by field. */
export interface RegisterPageProps {
  values: Omit<RegisterValues, 'password'>;
  errors: FormErrors<RegisterField>;
}

export function RegisterPage({ values, errors }: RegisterPageProps) {
  const { t, href, locales } = useUi();
  const error = (f: RegisterField) => (errors[f] ? t(errors[f]) : undefined);
  return (
    <div class="prose">
      <ErrorSummary errors={summaryItems(t, 'register', ORDER, errors)} />
      <h1>{t('auth.register.title')}</h1>
      <p class="lead">{t('auth.register.lead')}</p>
      <form method="post" action={href('/register')} noValidate>
        <CsrfField />
        <TextInput
          id="register-displayName"
          name="displayName"
          label={t('auth.fields.displayName')}
          hint={t('auth.fields.displayNameHint')}
          value={values.displayName}
          error={error('displayName')}
          autocomplete="nickname"
          spellcheck={false}
        />
        <TextInput
          id="register-email"
          name="email"
          type="email"
          label={t('auth.fields.email')}
          hint={t('auth.fields.emailHint')}
          value={values.email}
          error={error('email')}
          autocomplete="email"
          spellcheck={false}
          width="medium"
        />
        <TextInput
          id="register-password"
          name="password"
          type="password"
          label={t('auth.fields.password')}
          hint={t('auth.fields.passwordHint')}
          error={error('password')}
          autocomplete="new-password"
          width="medium"
        />
        <Radios
          id="register-locale"
          name="locale"
          legend={t('auth.fields.locale')}
          value={values.locale}
          error={error('locale')}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <p>
          <a href={href('/terms')}>{t('auth.register.readTerms')}</a>
        </p>
        <Checkboxes
          id="register-terms"
          name="terms"
          legend={t('auth.fields.terms')}
          values={values.terms ? [values.terms] : []}
          error={error('terms')}
          options={[{ value: 'accepted', label: t('auth.fields.termsAccept') }]}
        />
        <Button>{t('auth.register.submit')}</Button>
      </form>
      <p>
        {t('auth.register.haveAccount')} <a href={href('/sign-in')}>{t('auth.signIn.title')}</a>
      </p>
    </div>
  );
}

/** After registering (whether or not the address already had an account): check your inbox. */
export function CheckEmailPage() {
  const { t, href } = useUi();
  return (
    <div class="prose">
      <h1>{t('auth.checkEmail.title')}</h1>
      <p class="lead">{t('auth.checkEmail.lead')}</p>
      <p>{t('auth.checkEmail.spam')}</p>
      <p>
        <a href={href('/sign-in')}>{t('auth.signIn.title')}</a>
      </p>
    </div>
  );
}
