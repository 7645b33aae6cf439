/**
 * Client islands entry. Everything here only enhances a page that already works without JavaScript.
 * Each enhancement finds its elements by a data attribute and does nothing when they are absent.
 */

/** Moves focus to an error summary when a form comes back with errors, as screen-reader users expect. */
function focusErrorSummary(): void {
  const summary = document.querySelector<HTMLElement>('[data-error-summary]');
  if (summary) summary.focus();
}

focusErrorSummary();
