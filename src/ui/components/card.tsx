/** A summary of one thing (a sector, a place, a service) in a grid of its peers. */
import type { ComponentChildren } from 'preact';

/** Props of Card. */
export interface CardProps {
  title: string;
  /** The heading level that fits the page outline (a card under an h2 is an h3). */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /** Links the title only: one clear link per card, announced by its name, no nested-link traps. */
  href?: string | undefined;
  /** A secondary line (address, count), shown muted after the title. */
  meta?: ComponentChildren;
  children?: ComponentChildren;
  /** `li` inside a `<ul class="card-grid">`, so screen readers announce how many cards there are. */
  as?: 'li' | 'div' | 'article';
}

/** A bordered block with a heading; keep its content short and put the details on the linked page. */
export function Card({ title, headingLevel = 3, href, meta, children, as = 'li' }: CardProps) {
  const Heading = `h${headingLevel}` as 'h3';
  const Root = as;
  return (
    <Root class="card">
      <Heading class="card__title">{href ? <a href={href}>{title}</a> : title}</Heading>
      {meta ? <p class="card__meta">{meta}</p> : null}
      {children}
    </Root>
  );
}
