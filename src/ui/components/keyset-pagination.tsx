/**
 * "Newest / Older" navigation for lists paged by keyset (see src/db/keyset.ts), where page numbers
 * do not exist. Renders nothing when the list fits on one page.
 */
import { useUi } from '../context.js';

export interface KeysetPaginationProps {
  /** Accessible name of the navigation, e.g. "Pages of jobs". */
  label: string;
  /** Link back to the first page, when not on it. */
  newestHref: string | null;
  /** Link to the next, older page, when there is one. */
  olderHref: string | null;
  /** Link texts; default "Newest" / "Older". */
  newestText?: string;
  olderText?: string;
}

export function KeysetPagination({ label, newestHref, olderHref, newestText, olderText }: KeysetPaginationProps) {
  const { t } = useUi();
  if (!newestHref && !olderHref) return null;
  return (
    <nav class="pagination" aria-label={label}>
      <ul>
        {newestHref ? (
          <li>
            <a href={newestHref}>{newestText ?? t('components.pagination.newest')}</a>
          </li>
        ) : null}
        {olderHref ? (
          <li>
            <a href={olderHref} rel="next">
              {olderText ?? t('components.pagination.older')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
