/** Pagination: a bounded window of page links, and hrefs that keep the list's query, encoded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Pagination, pageHref, paginationWindow } from './index.js';
import { renderWithUi } from './testing.js';

describe('paginationWindow', () => {
  it('shows the first, last and neighbouring pages, with ellipses for the rest', () => {
    expect(paginationWindow(1, 1)).toEqual([1]);
    expect(paginationWindow(1, 3)).toEqual([1, 2, 3]);
    expect(paginationWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(paginationWindow(5, 12)).toEqual([1, null, 4, 5, 6, null, 12]);
    expect(paginationWindow(12, 12)).toEqual([1, null, 11, 12]);
    expect(paginationWindow(6, 12, 2)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
  });

  it('shows a single hidden page instead of an ellipsis', () => {
    expect(paginationWindow(4, 12)).toEqual([1, 2, 3, 4, 5, null, 12]);
    expect(paginationWindow(9, 12)).toEqual([1, null, 8, 9, 10, 11, 12]);
  });

  it('clamps a page out of range and handles no pages', () => {
    expect(paginationWindow(99, 12)).toEqual([1, null, 11, 12]);
    expect(paginationWindow(-3, 12)).toEqual([1, 2, null, 12]);
    expect(paginationWindow(1, 0)).toEqual([]);
  });

  it('is bounded, ordered and always includes first, current and last', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, around) => {
          const pageCount = Math.max(a, b);
          const page = Math.min(a, b);
          const items = paginationWindow(page, pageCount, around);
          expect(items.length).toBeLessThanOrEqual(2 * around + 5);
          const numbers = items.filter((x): x is number => x !== null);
          expect(numbers).toContain(1);
          expect(numbers).toContain(page);
          expect(numbers).toContain(pageCount);
          for (let i = 1; i < numbers.length; i++) expect(numbers[i]!).toBeGreaterThan(numbers[i - 1]!);
          for (let i = 1; i < items.length; i++) expect(items[i] === null && items[i - 1] === null).toBe(false);
        },
      ),
    );
  });
});

describe('pageHref', () => {
  it('keeps the other parameters and replaces the page', () => {
    expect(pageHref('/en/services', '?q=birth+certificate&sector=housing&page=3', 4)).toBe(
      '/en/services?q=birth+certificate&sector=housing&page=4',
    );
    expect(pageHref('/en/services', { sector: ['housing', 'health'], q: undefined }, 2)).toBe(
      '/en/services?sector=housing&sector=health&page=2',
    );
    expect(pageHref('/en/services', new URLSearchParams('a=1'), 2, 'p')).toBe('/en/services?a=1&p=2');
  });

  it('gives page 1 a single canonical URL, without a page parameter', () => {
    expect(pageHref('/en/services', '?page=7', 1)).toBe('/en/services');
    expect(pageHref('/en/services', '?sector=housing&page=7', 1)).toBe('/en/services?sector=housing');
  });

  it('percent-encodes hostile names and values', () => {
    const href = pageHref('/en/search', { q: '"><script>alert(1)</script>', '"x': '&page=9#' }, 2);
    expect(href).toBe('/en/search?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&%22x=%26page%3D9%23&page=2');
  });
});

describe('Pagination', () => {
  const links = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

  it('renders nothing for a single page', () => {
    expect(renderWithUi(<Pagination page={1} pageCount={1} basePath="/en/services" />)).toBe('');
  });

  it('is a labelled nav; the current page is marked and every number is named', () => {
    const html = renderWithUi(<Pagination page={5} pageCount={12} basePath="/en/services" />);
    expect(html).toMatch(/^<nav class="pagination" aria-label="Pagination"><ul>/);
    expect(html).toContain('<a href="/en/services?page=4" rel="prev">Previous page</a>');
    expect(html).toContain('<a href="/en/services?page=6" rel="next">Next page</a>');
    expect(html).toContain('<a href="/en/services?page=5" aria-label="Page 5" aria-current="page">5</a>');
    expect(html).toContain('<a href="/en/services" aria-label="Page 1">1</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
    expect(html.match(/class="pagination__ellipsis"/g)).toHaveLength(2);
  });

  it('has no previous link on the first page and no next link on the last', () => {
    expect(renderWithUi(<Pagination page={1} pageCount={3} basePath="/en/x" />)).not.toContain('rel="prev"');
    expect(renderWithUi(<Pagination page={3} pageCount={3} basePath="/en/x" />)).not.toContain('rel="next"');
  });

  it('keeps the current query string by default, in the page language', () => {
    const html = renderWithUi(<Pagination page={2} pageCount={3} basePath="/fr/services" />, {
      locale: 'fr',
      search: '?sector=housing&page=2',
    });
    expect(links(html)).toEqual([
      '/fr/services?sector=housing',
      '/fr/services?sector=housing',
      '/fr/services?sector=housing&amp;page=2',
      '/fr/services?sector=housing&amp;page=3',
      '/fr/services?sector=housing&amp;page=3',
    ]);
    expect(html).toContain('Page précédente');
    expect(html).toContain('aria-label="Page 3"');
  });

  it('never lets a hostile query out of its attribute', () => {
    const search = '?q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&%22onmouseover=alert(1)';
    const html = renderWithUi(<Pagination page={1} pageCount={2} basePath="/en/search" />, { search });
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/"\s*onmouseover/);
    expect(html).toContain('href="/en/search?q=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E&amp;%22onmouseover=alert%281%29&amp;page=2"');
  });
});
