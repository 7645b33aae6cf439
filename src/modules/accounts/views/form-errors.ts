/** The error summary's items for a form, in the order of its fields. */
import type { MessageKey, Translate } from '../../../platform/i18n.js';
import type { ErrorSummaryItem } from '../../../ui/components/index.js';

/** Fields are shown with ids `${prefix}-${field}`; `order` is the order of the form. */
export function summaryItems<F extends string>(
  t: Translate,
  prefix: string,
  order: readonly F[],
  errors: Partial<Record<F, MessageKey>>,
): ErrorSummaryItem[] {
  return order.filter((f) => errors[f]).map((f) => ({ fieldId: `${prefix}-${f}`, message: t(errors[f]!) }));
}
