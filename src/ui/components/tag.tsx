/** A short label for a status or category. */
import type { ComponentChildren } from 'preact';

/** Colour families of a tag; the word inside carries the meaning, the colour only reinforces it. */
export type TagTone = 'default' | 'neutral' | 'success' | 'error';

/** Props of Tag. */
export interface TagProps {
  children: ComponentChildren;
  tone?: TagTone;
}

/**
 * A tag is not a link or a button: it states something ("Open", "Housing"). `<strong>` keeps the
 * emphasis when styles are off, as in GOV.UK's tag.
 */
export function Tag({ children, tone = 'default' }: TagProps) {
  return <strong class={tone === 'default' ? 'tag' : `tag tag--${tone}`}>{children}</strong>;
}
