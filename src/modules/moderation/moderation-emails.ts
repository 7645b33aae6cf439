/** The mails that tell authors what happened to their content, in their language. Plain text. */
import { isLocale, type Locale } from '../../config.js';
import { translator } from '../../platform/i18n.js';
import type { MailMessage } from '../../platform/mail.js';

/** What the author is told about: hidden after reports, hidden, left visible, put back. */
export type AuthorNotice = 'autoHidden' | 'hidden' | 'dismissed' | 'restored';

/** The mail to an author about one decision. Reporters are never named. */
export function authorNoticeEmail(
  to: { email: string; displayName: string; locale: string },
  fallbackLocale: Locale,
  kind: AuthorNotice,
  content: { title: string; url: string; reason: string | null },
  baseUrl: string,
): MailMessage {
  const locale = isLocale(to.locale) ? to.locale : fallbackLocale;
  const t = translator(locale);
  const values = {
    name: to.displayName,
    title: content.title,
    link: `${baseUrl}${content.url}`,
    reason: content.reason ?? '',
    siteName: t('meta.siteName'),
  };
  return {
    to: to.email,
    subject: t(`moderation.email.${kind}.subject`, values),
    text: t(`moderation.email.${kind}.body`, values) + '\n',
  };
}
