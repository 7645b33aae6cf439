/**
 * The error summary (GOV.UK pattern): at the top of a form that came back with errors, a box that
 * says there is a problem and links to each field in error. The island in `ui/islands/main.ts`
 * focuses it on load, so screen-reader and keyboard users start from the list of what to fix.
 */
import { useUi } from '../context.js';

/** One error: the id of the field (its first input for radios/checkboxes) and the same message the field shows. */
export interface ErrorSummaryItem {
  fieldId: string;
  message: string;
}

/** Props of ErrorSummary. */
export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  /** Defaults to "There is a problem". */
  title?: string;
  /**
   * Whether the client island moves focus here on load (default true). Turn it off only where the
   * summary is not the outcome of a submission, such as a static example.
   */
  autoFocus?: boolean;
}

/** Renders nothing when there are no errors, so a form can always include it. */
export function ErrorSummary({ errors, title, autoFocus = true }: ErrorSummaryProps) {
  const { t } = useUi();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" tabIndex={-1} data-error-summary={autoFocus ? '' : undefined}>
      {/* role="alert" announces the summary even where the island has not run. */}
      <div role="alert">
        <h2 class="error-summary__title">{title ?? t('components.errorSummary.title')}</h2>
        <ul class="error-summary__list">
          {errors.map((e) => (
            <li key={e.fieldId}>
              <a href={`#${e.fieldId}`}>{e.message}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
