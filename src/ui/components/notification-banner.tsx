/** A banner at the top of a page: something important to know, or the outcome of what the user just did. */
import type { ComponentChildren } from 'preact';
import { useUi } from '../context.js';

/** Props of NotificationBanner: the message is the children. */
export interface NotificationBannerProps {
  /** Unique on the page: the banner is labelled by its title, `${id}-title`. */
  id: string;
  /** `information` for something the user needs to know; `success` right after an action succeeded. */
  type?: 'information' | 'success';
  /** Defaults to "Important" or "Success". */
  title?: string;
  children: ComponentChildren;
}

/**
 * ARIA follows GOV.UK. A success banner reports the outcome of what the user has just done, which
 * they are waiting to hear, so it is `role="alert"` and announced at once (and `tabindex="-1"` so
 * it can take focus). An information banner is content met while reading: an alert would interrupt
 * for no reason, so it is a labelled `role="region"` that screen-reader users can find by landmark.
 * Use at most one banner per page, and not for validation errors (that is the error summary).
 */
export function NotificationBanner({ id, type = 'information', title, children }: NotificationBannerProps) {
  const { t } = useUi();
  const titleId = `${id}-title`;
  const success = type === 'success';
  return (
    <div
      id={id}
      class={success ? 'notice notice--success' : 'notice'}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
      tabIndex={success ? -1 : undefined}
    >
      <div class="notice__header">
        <h2 class="notice__title" id={titleId}>
          {title ?? t(success ? 'components.banner.success' : 'components.banner.important')}
        </h2>
      </div>
      <div class="notice__body">{children}</div>
    </div>
  );
}
