/**
 * A statutory page (accessibility statement, privacy, terms): a title, an introduction, then
 * headed sections, all from the locale catalog under one prefix.
 */
import type { MessageKey, MessageValues } from '../../../platform/i18n.js';
import { useUi } from '../../../ui/context.js';

export interface StatementProps {
  /** Catalog prefix, e.g. `privacy`: `<prefix>.title`, `<prefix>.intro`, then `<prefix>.<section>Heading` / `<prefix>.<section>`. */
  prefix: 'accessibility' | 'privacy' | 'terms';
  sections: string[];
  values: MessageValues;
  /** Sections whose body is followed by another paragraph key. */
  extra?: Record<string, string>;
}

export function Statement({ prefix, sections, values, extra = {} }: StatementProps) {
  const { t } = useUi();
  const k = (key: string) => `${prefix}.${key}` as MessageKey;
  return (
    <article class="prose">
      <h1>{t(k('title'))}</h1>
      <p class="lead">{t(k('intro'), values)}</p>
      {sections.map((s) => (
        <section key={s} aria-labelledby={`${prefix}-${s}`}>
          <h2 id={`${prefix}-${s}`}>{t(k(`${s}Heading`))}</h2>
          <p>{t(k(s), values)}</p>
          {extra[s] ? <p>{t(k(extra[s]!), values)}</p> : null}
        </section>
      ))}
    </article>
  );
}
