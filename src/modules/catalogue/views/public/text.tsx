/**
 * Translated service texts with a visible fallback: when a text is missing in the reader's language,
 * the default language's text is shown, marked with its `lang` (so screen readers switch voice) and
 * followed by a short "not yet translated" note in the reader's language.
 */
import type { ComponentChildren } from 'preact';
import { useUi } from '../../../../ui/context.js';
import type { Translated } from '../../services.model.js';
import { languageName } from './format.js';

/** The text to show for `locale`, and the language it is in when that is not `locale`. */
export function textFor(text: Translated, locale: string, defaultLocale: string): { value: string; lang: string | undefined } {
  if (text[locale]) return { value: text[locale], lang: undefined };
  if (text[defaultLocale]) return { value: text[defaultLocale], lang: defaultLocale };
  const [lang, value] = Object.entries(text).find(([, v]) => v) ?? [undefined, ''];
  return { value, lang };
}

/** Whether a translated field has any text at all. */
export const hasText = (text: Translated): boolean => Object.values(text).some((v) => v && v.trim() !== '');

/** The "not yet translated" note for a fallback text in `lang`. */
function UntranslatedNote({ lang }: { lang: string | undefined }) {
  const { t, locale } = useUi();
  if (!lang) return null;
  return <p class="card__meta">{t('services.untranslated', { language: languageName(lang, locale) })}</p>;
}

/** Inline text (a name, a one-line summary), in a span carrying `lang` when it falls back. */
export function Inline({ text, defaultLocale }: { text: Translated; defaultLocale: string }) {
  const { locale } = useUi();
  const { value, lang } = textFor(text, locale, defaultLocale);
  return lang ? <span lang={lang}>{value}</span> : <>{value}</>;
}

/** Paragraphs separated by blank lines, with the fallback note when needed. */
export function Paragraphs({ text, defaultLocale, lead }: { text: Translated; defaultLocale: string; lead?: boolean }) {
  const { locale } = useUi();
  const { value, lang } = textFor(text, locale, defaultLocale);
  if (!value) return null;
  const paragraphs = value.split(/\n\s*\n/).map((p) => p.trim());
  return (
    <>
      <div lang={lang}>
        {paragraphs.map((p, i) => (
          <p key={i} class={lead && i === 0 ? 'lead' : undefined}>
            {p}
          </p>
        ))}
      </div>
      <UntranslatedNote lang={lang} />
    </>
  );
}

/** One item per line, as a bulleted list, with the fallback note when needed. */
export function Lines({ text, defaultLocale }: { text: Translated; defaultLocale: string }) {
  const { locale } = useUi();
  const { value, lang } = textFor(text, locale, defaultLocale);
  const items = value
    .split('\n')
    .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
    .filter((l) => l !== '');
  if (items.length === 0) return null;
  return (
    <>
      {items.length === 1 ? (
        <p lang={lang}>{items[0]}</p>
      ) : (
        <ul lang={lang}>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
      <UntranslatedNote lang={lang} />
    </>
  );
}

/** A section of the service page: a heading and its content, skipped entirely when there is none. */
export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
