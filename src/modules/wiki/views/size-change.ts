/** "+120 characters", "−14 characters", "no change in size": a revision's size change in the reader's language. */
import type { Locale } from '../../../config.js';
import { formatNumber, type Translate } from '../../../platform/i18n.js';

export function sizeChange(t: Translate, locale: Locale, delta: number): string {
  const signed = delta > 0 ? `+${formatNumber(locale, delta)}` : `−${formatNumber(locale, -delta)}`;
  return t('wiki.history.delta', { delta, signed });
}
