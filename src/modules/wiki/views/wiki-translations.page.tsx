/**
 * A page's translations, for those who may edit it: the pages it is linked to (one per language),
 * taking it out of that group, and the form to link a translation (its language, then its address
 * or title). Per person (forms with the reader's token), never a shared body. Pure.
 */
import type { MessageKey } from '../../../platform/i18n.js';
import { Button, CsrfField, ErrorSummary, NotificationBanner, Select, TextInput } from '../../../ui/components/index.js';
import { useUi } from '../../../ui/context.js';
import { WikiCrumbs } from './wiki-crumbs.js';

export type TranslationsDone = 'linked' | 'unlinked' | 'unchanged';

export interface WikiTranslationsValues {
  locale: string;
  page: string;
}

export type WikiTranslationsErrors = Partial<Record<keyof WikiTranslationsValues, MessageKey>>;

export interface WikiTranslationsProps {
  page: { slug: string; title: string };
  /** The other pages of its group, by language. */
  others: { slug: string; locale: string; title: string }[];
  /** The languages a translation may be in: the site's, but the page's own. */
  languages: string[];
  values: WikiTranslationsValues;
  errors: WikiTranslationsErrors;
  done?: TranslationsDone | undefined;
}

export function WikiTranslationsPage({ page, others, languages, values, errors, done }: WikiTranslationsProps) {
  const { t, href } = useUi();
  const languageName = (code: string) => t(`language.${code}` as MessageKey);
  const summary = (['locale', 'page'] as const).flatMap((f) => (errors[f] ? [{ fieldId: `translation-${f}`, message: t(errors[f]) }] : []));
  return (
    <div class="prose">
      <WikiCrumbs page={page} current={t('wiki.translations.crumb')} />
      <ErrorSummary errors={summary} />
      {done ? (
        <NotificationBanner id="translations-done" type="success">
          <p>{t(`wiki.translations.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1>{t('wiki.translations.title', { title: page.title })}</h1>
      <p class="lead">{t('wiki.translations.lead')}</p>

      <section aria-labelledby="translations-current">
        <h2 id="translations-current">{t('wiki.translations.current')}</h2>
        {others.length === 0 ? (
          <p>{t('wiki.translations.none')}</p>
        ) : (
          <>
            <ul>
              {others.map((o) => (
                <li key={o.slug}>
                  {languageName(o.locale)}{' '}
                  <a href={`/${o.locale}/wiki/${o.slug}`} lang={o.locale} hrefLang={o.locale}>
                    {o.title}
                  </a>
                </li>
              ))}
            </ul>
            <form method="post" action={href(`/wiki/${page.slug}/translations/unlink`)}>
              <CsrfField />
              <p class="field__hint">{t('wiki.translations.unlinkHint')}</p>
              <Button variant="warning">{t('wiki.translations.unlink')}</Button>
            </form>
          </>
        )}
      </section>

      <section aria-labelledby="translations-link">
        <h2 id="translations-link">{t('wiki.translations.link')}</h2>
        <form method="post" action={href(`/wiki/${page.slug}/translations`)} novalidate>
          <CsrfField />
          <Select
            id="translation-locale"
            name="locale"
            label={t('wiki.translations.fieldLocale')}
            options={languages.map((l) => ({ value: l, label: languageName(l) }))}
            value={values.locale}
            error={errors.locale ? t(errors.locale) : undefined}
          />
          <TextInput
            id="translation-page"
            name="page"
            label={t('wiki.translations.fieldPage')}
            hint={t('wiki.translations.fieldPageHint')}
            value={values.page}
            error={errors.page ? t(errors.page) : undefined}
          />
          <div class="button-group">
            <Button>{t('wiki.translations.submit')}</Button>
            <a href={href(`/wiki/${page.slug}`)}>{t('wiki.translations.back')}</a>
          </div>
        </form>
      </section>
    </div>
  );
}
