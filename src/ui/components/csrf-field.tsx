/** The hidden CSRF token every form that changes state must carry. */
import { useUi } from '../context.js';

/**
 * Put it first inside every `<form method="post">`: the platform checks `_csrf` on every POST. The
 * token is created lazily, so only pages that render a form set the CSRF cookie.
 */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useUi().csrfToken()} />;
}
