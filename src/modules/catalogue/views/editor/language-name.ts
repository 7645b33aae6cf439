/** Language names for editors, in the reader's language. */
import type { Locale } from '../../../../config.js';

/** The name of a language (ISO 639-1) in the reader's language: "French", "anglais". */
export function languageName(code: string, locale: Locale, capitalise = false): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    // An invalid code is shown as it is.
  }
  return capitalise ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
}
