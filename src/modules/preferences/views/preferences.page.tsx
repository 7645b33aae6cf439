/**
 * The display preferences page: three checkboxes, each explained in plain words, and a save
 * button. After saving, a success banner says where the choice is kept.
 */
import { useUi } from '../../../ui/context.js';
import { Button, Checkboxes, CsrfField, NotificationBanner } from '../../../ui/components/index.js';
import { PREFERENCE_NAMES, type DisplayPreferences } from '../../../platform/preferences.js';

/** Props of PreferencesPage. */
export interface PreferencesPageProps {
  /** The preferences in force for this request, shown ticked. */
  preferences: DisplayPreferences;
  /** True right after a successful save (the redirect adds `?saved=1`). */
  saved: boolean;
  /** Whether the choice is also kept with an account. */
  signedIn: boolean;
  /** A validated same-site path to go back to after saving. */
  returnPath?: string | undefined;
}

/** The page body. */
export function PreferencesPage({ preferences, saved, signedIn, returnPath }: PreferencesPageProps) {
  const { t, href } = useUi();
  return (
    <div class="prose">
      {saved ? (
        <NotificationBanner id="preferences-saved" type="success">
          <p>{t(signedIn ? 'preferences.savedAccount' : 'preferences.saved')}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('preferences.title')}</h1>
      <p class="lead">{t('preferences.lead')}</p>
      <form method="post" action={href('/preferences')}>
        <CsrfField />
        {returnPath ? <input type="hidden" name="return" value={returnPath} /> : null}
        <Checkboxes
          id="display"
          name="display"
          legend={t('preferences.legend')}
          hint={t('preferences.hint')}
          values={PREFERENCE_NAMES.filter((name) => preferences[name])}
          options={PREFERENCE_NAMES.map((name) => ({
            value: name,
            label: t(`preferences.option.${name}`),
            hint: t(`preferences.option.${name}Hint`),
          }))}
        />
        <Button>{t('preferences.save')}</Button>
      </form>
      <p>{t('preferences.deviceNote')}</p>
      <p>{t('preferences.cookieNote')}</p>
    </div>
  );
}
