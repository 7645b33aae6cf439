/**
 * A translated field: one question (a fieldset) with one box per language, each labelled with its
 * language and marked `lang`, so spell checkers and screen readers use the right language. The
 * default language is marked required where the service needs it; an empty box in another language
 * carries a visible "not yet translated" tag (citizens then see the default language's text).
 */
import type { Locale } from '../../../../config.js';
import { ErrorMessage, Hint, Tag, fieldIds } from '../../../../ui/components/index.js';
import { useUi } from '../../../../ui/context.js';
import { languageName } from './language-name.js';

export interface TranslatedFieldProps {
  /** The field's name in the form (`name`, `keywords`): boxes are `name.en`, `name.fr`… */
  field: string;
  legend: string;
  hint?: string | undefined;
  values: Record<string, string>;
  /** Error messages by language. */
  errors: Record<string, string | undefined>;
  /** Whether the default language's box must be filled in. */
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  defaultLocale: Locale;
  /** The first part of the boxes' ids: `${idPrefix}-${field}-${locale}`. */
  idPrefix?: string;
}

export function TranslatedField(props: TranslatedFieldProps) {
  const { field, legend, hint, values, errors, required, multiline, rows = 4, defaultLocale, idPrefix = 'service' } = props;
  const { t, locale, locales } = useUi();
  const groupHintId = hint ? `${idPrefix}-${field}-hint` : undefined;
  const ordered = [defaultLocale, ...locales.filter((l) => l !== defaultLocale)];
  const anyError = ordered.some((l) => errors[l]);
  return (
    <div class={anyError ? 'field field--error' : 'field'}>
      <fieldset class="choices" aria-describedby={groupHintId}>
        <legend class="choices__legend">{legend}</legend>
        {groupHintId ? <Hint id={groupHintId}>{hint}</Hint> : null}
        {ordered.map((l) => {
          const id = `${idPrefix}-${field}-${l}`;
          const error = errors[l];
          const { errorId, describedBy } = fieldIds(id, undefined, error);
          const value = values[l] ?? '';
          const missing = l !== defaultLocale && value.trim() === '';
          const cls = error ? ' input--error' : '';
          return (
            <div class="field" key={l}>
              <label class="field__label" for={id}>
                {languageName(l, locale, true)}
                {l === defaultLocale && required ? ` ${t('serviceEditor.form.required')}` : null}
                {missing ? (
                  <>
                    {' '}
                    <Tag tone="neutral">{t('serviceEditor.form.notTranslated')}</Tag>
                  </>
                ) : null}
              </label>
              {errorId ? <ErrorMessage id={errorId}>{error}</ErrorMessage> : null}
              {multiline ? (
                <textarea
                  class={`textarea${cls}`}
                  id={id}
                  name={`${field}.${l}`}
                  rows={rows}
                  lang={l}
                  aria-describedby={describedBy}
                  aria-invalid={error ? 'true' : undefined}
                >
                  {value.startsWith('\n') ? `\n${value}` : value}
                </textarea>
              ) : (
                <input
                  class={`input${cls}`}
                  id={id}
                  name={`${field}.${l}`}
                  type="text"
                  value={value}
                  lang={l}
                  aria-describedby={describedBy}
                  aria-invalid={error ? 'true' : undefined}
                />
              )}
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}
