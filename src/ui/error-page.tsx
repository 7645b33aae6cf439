/** The body of every error page: what happened, in plain words, and a way on. */
import { useUi } from './context.js';
import type { MessageKey } from '../platform/i18n.js';

export function ErrorPage({ code }: { code: string }) {
  const { t, href, requestId } = useUi();
  return (
    <div class="prose">
      <h1>{t(`errors.${code}.title` as MessageKey)}</h1>
      <p>{t(`errors.${code}.body` as MessageKey)}</p>
      <p>
        <a href={href('/')}>{t('errors.backHome')}</a>
      </p>
      <p class="hint">{t('errors.reference', { requestId })}</p>
    </div>
  );
}
