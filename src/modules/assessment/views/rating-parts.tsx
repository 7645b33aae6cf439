/**
 * Small pieces the ratings and reviews views share: means and shares written out in the reader's
 * language, the satisfaction word for a mean, and the score bar (a picture of the number that is
 * always written beside it, so the bar itself is hidden from assistive technology). Pure.
 */
import type { Locale } from '../../../config.js';
import { formatNumber, type Translate } from '../../../platform/i18n.js';
import type { Criterion } from '../assessment.model.js';

/** "4.2" (one decimal, in the locale's format). */
export const formatMean = (locale: Locale, mean: number) =>
  formatNumber(locale, mean, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "75 %" or "75%" as the locale writes it. */
export const formatShare = (locale: Locale, share: number) => formatNumber(locale, share, { style: 'percent', maximumFractionDigits: 0 });

/** The satisfaction level (1–5) nearest to a mean. */
export const levelOf = (mean: number) => Math.min(5, Math.max(1, Math.round(mean))) as 1 | 2 | 3 | 4 | 5;

/** "very satisfied" … "very dissatisfied", to use inside a sentence. */
export const moodWord = (t: Translate, mean: number) => t(`rating.mood.${levelOf(mean)}`);

/** The name of a criterion ("Easy to find"). */
export const criterionLabel = (t: Translate, c: Criterion) => t(`rating.criteria.${c}`);

/**
 * A horizontal bar for a score out of 5, drawn with SVG attributes (the stylesheet and the content
 * security policy stay untouched) in the text colour, so it follows the high-contrast settings.
 */
export function ScoreBar({ value, max = 5 }: { value: number; max?: number }) {
  const width = Math.round((Math.min(Math.max(value, 0), max) / max) * 100);
  return (
    <svg width="100" height="12" viewBox="0 0 100 12" aria-hidden="true">
      <rect x="0" y="1" width="100" height="10" fill="currentColor" fill-opacity="0.15" />
      <rect x="0" y="1" width={String(width)} height="10" fill="currentColor" />
    </svg>
  );
}
