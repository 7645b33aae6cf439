/**
 * Numbered pages of a list: previous and next links, the first and last pages, and a few pages
 * around the current one, with ellipses for the rest. Links keep the list's other query parameters
 * (filters, search terms), so moving between pages never loses what the user chose.
 */
import { useUi } from '../context.js';

/** The query to keep: a raw query string (`?a=1`), URLSearchParams, or a record of values. */
export type PaginationQuery = string | URLSearchParams | Record<string, string | readonly string[] | undefined>;

/** Props of Pagination. */
export interface PaginationProps {
  /** 1-based; clamped to 1…pageCount. */
  page: number;
  pageCount: number;
  /** The list's path without a query, already localised: `href('/services')`. */
  basePath: string;
  /** Parameters to keep; defaults to the current request's query string. */
  query?: PaginationQuery;
  /** The query parameter that carries the page number. */
  param?: string;
  /** The nav's accessible name, when a page has more than one paginated list. */
  label?: string;
  /** How many pages to show on each side of the current one. */
  around?: number;
}

/**
 * The page numbers to show, with `null` for an ellipsis: always the first and last pages and
 * `around` pages either side of the current one. A gap of a single page shows that page instead of
 * an ellipsis that would hide only one number. At most 2 × around + 5 items, whatever the count.
 */
export function paginationWindow(page: number, pageCount: number, around = 1): (number | null)[] {
  if (pageCount < 1) return [];
  const current = Math.min(Math.max(1, page), pageCount);
  const shown = new Set([1, pageCount]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= pageCount) shown.add(p);
  const out: (number | null)[] = [];
  let previous = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - previous === 2) out.push(previous + 1);
    else if (p - previous > 2) out.push(null);
    out.push(p);
    previous = p;
  }
  return out;
}

/**
 * The URL of one page: the base path, the kept parameters, then the page (omitted for page 1, so
 * the first page has one canonical URL). URLSearchParams percent-encodes every name and value.
 */
export function pageHref(basePath: string, query: PaginationQuery, page: number, param = 'page'): string {
  const params = new URLSearchParams();
  const source = typeof query === 'string' || query instanceof URLSearchParams ? new URLSearchParams(query) : null;
  if (source) for (const [k, v] of source) params.append(k, v);
  else
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      for (const item of typeof v === 'string' ? [v] : v) params.append(k, item);
    }
  params.delete(param);
  if (page > 1) params.set(param, String(page));
  const qs = params.toString();
  return qs ? `${basePath}?${qs}` : basePath;
}

/** Renders nothing for a single page. Each number link is named "Page n"; the current one is marked. */
export function Pagination({ page, pageCount, basePath, query, param = 'page', label, around = 1 }: PaginationProps) {
  const { t, search } = useUi();
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(1, page), pageCount);
  const kept = query ?? search;
  const link = (p: number) => pageHref(basePath, kept, p, param);
  return (
    <nav class="pagination" aria-label={label ?? t('components.pagination.label')}>
      <ul>
        {current > 1 ? (
          <li>
            <a href={link(current - 1)} rel="prev">
              {t('components.pagination.previous')}
            </a>
          </li>
        ) : null}
        {paginationWindow(current, pageCount, around).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`}>
              <span class="pagination__ellipsis">…</span>
            </li>
          ) : (
            <li key={p}>
              <a href={link(p)} aria-label={t('components.pagination.page', { page: p })} aria-current={p === current ? 'page' : undefined}>
                {p}
              </a>
            </li>
          ),
        )}
        {current < pageCount ? (
          <li>
            <a href={link(current + 1)} rel="next">
              {t('components.pagination.next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
