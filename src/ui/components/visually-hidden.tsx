/** Text for assistive technology only, such as the "Error:" before an error message. */
import type { ComponentChildren } from 'preact';

/**
 * Hidden on screen but read by screen readers. Use it to complete a visible text that only makes
 * sense with its visual context ("Previous" → "Previous page"), never to hide content sighted users need.
 */
export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}
