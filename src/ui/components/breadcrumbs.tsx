/** Where the page sits in the site, as a trail of links from the home page. */
import { useUi } from '../context.js';

/** One step of the trail; the last one is the current page and needs no href. */
export interface Crumb {
  label: string;
  href?: string | undefined;
}

/**
 * An ordered list in a labelled nav. The last item is marked `aria-current="page"` and, without an
 * href, is plain text: a link to the page you are on is a trap for keyboard users.
 */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  const { t } = useUi();
  if (items.length === 0) return null;
  return (
    <nav class="breadcrumbs" aria-label={t('layout.breadcrumbs')}>
      <ol>
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={i}>
              {item.href ? (
                <a href={item.href} aria-current={last ? 'page' : undefined}>
                  {item.label}
                </a>
              ) : (
                <span aria-current={last ? 'page' : undefined}>{item.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
