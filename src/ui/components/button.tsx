/** The one button style, for actions; links styled as buttons for calls to action that navigate. */
import type { ComponentChildren } from 'preact';

/** Primary for the main action of a page, secondary for the others, warning for destructive ones. */
export type ButtonVariant = 'primary' | 'secondary' | 'warning';

/** Props of Button: the label as children, the variant, and either an href or the button attributes. */
export interface ButtonProps {
  children: ComponentChildren;
  variant?: ButtonVariant;
  /** With an href the button is a link (`<a>`): it navigates, so it keeps link semantics. */
  href?: string | undefined;
  type?: 'submit' | 'button' | 'reset';
  name?: string;
  value?: string;
  disabled?: boolean;
  /** Only to add context to a short visible label; it must start with the visible words. */
  ariaLabel?: string | undefined;
}

/**
 * A `<button>` (submits a form by default) or, given `href`, an `<a>`. The link version gets no
 * role="button": without JavaScript it could not honour the Space key a button promises.
 */
export function Button({ children, variant = 'primary', href, type = 'submit', name, value, disabled, ariaLabel }: ButtonProps) {
  const cls = variant === 'primary' ? 'button' : `button button--${variant}`;
  if (href !== undefined) {
    return (
      <a class={cls} href={href} aria-label={ariaLabel}>
        {children}
      </a>
    );
  }
  return (
    <button class={cls} type={type} name={name} value={value} disabled={disabled} aria-label={ariaLabel}>
      {children}
    </button>
  );
}
