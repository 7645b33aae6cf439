/** The account emails, in the recipient's language. Plain text; links are absolute. */
import type { Locale } from '../../config.js';
import { translator } from '../../platform/i18n.js';
import type { MailMessage } from '../../platform/mail.js';

interface Recipient {
  email: string;
  displayName: string;
  locale: Locale;
}

function message(to: Recipient, kind: 'verify' | 'alreadyRegistered' | 'reset' | 'passwordChanged', link: string): MailMessage {
  const t = translator(to.locale);
  const values = { name: to.displayName, link, siteName: t('meta.siteName') };
  return { to: to.email, subject: t(`auth.email.${kind}.subject`, values), text: t(`auth.email.${kind}.body`, values) + '\n' };
}

/** "Confirm your email address", with the verification link. */
export const verificationEmail = (to: Recipient, baseUrl: string, token: string) =>
  message(to, 'verify', `${baseUrl}/${to.locale}/verify-email?token=${token}`);

/** "Someone tried to register with your address": sent instead of a second account. */
export const alreadyRegisteredEmail = (to: Recipient, baseUrl: string) =>
  message(to, 'alreadyRegistered', `${baseUrl}/${to.locale}/forgot-password`);

/** The password reset link. */
export const resetEmail = (to: Recipient, baseUrl: string, token: string) =>
  message(to, 'reset', `${baseUrl}/${to.locale}/reset-password?token=${token}`);

/** "Your password was changed", after a reset. */
export const passwordChangedEmail = (to: Recipient, baseUrl: string) =>
  message(to, 'passwordChanged', `${baseUrl}/${to.locale}/forgot-password`);

/** "Two-factor authentication was turned on / off", or "new recovery codes were made". */
export function twoFactorEmail(to: Recipient, kind: 'enabled' | 'disabled' | 'recoveryCodes', baseUrl: string): MailMessage {
  const t = translator(to.locale);
  const values = { name: to.displayName, link: `${baseUrl}/${to.locale}/account/two-factor`, siteName: t('meta.siteName') };
  return { to: to.email, subject: t(`twoFactor.email.${kind}.subject`, values), text: t(`twoFactor.email.${kind}.body`, values) + '\n' };
}

/** "Your password was changed" from the account page (the person was signed in). */
export function passwordChangedByUserEmail(to: Recipient, baseUrl: string): MailMessage {
  const t = translator(to.locale);
  const values = { name: to.displayName, link: `${baseUrl}/${to.locale}/forgot-password`, siteName: t('meta.siteName') };
  return {
    to: to.email,
    subject: t('twoFactor.email.passwordChanged.subject', values),
    text: t('twoFactor.email.passwordChanged.body', values) + '\n',
  };
}

/**
 * Changing the email address: `confirm` (to the new address, with the link), `requested` (to the
 * current address: a change was asked for), `taken` (to an address that already has an account:
 * someone tried to move another account to it) and `changed` (to the old address, once done).
 */
export function emailChangeEmail(
  to: Recipient,
  kind: 'confirm' | 'requested' | 'taken' | 'changed',
  baseUrl: string,
  details: { newEmail: string; token?: string },
): MailMessage {
  const t = translator(to.locale);
  const link =
    kind === 'confirm'
      ? `${baseUrl}/${to.locale}/account/email?token=${details.token ?? ''}`
      : `${baseUrl}/${to.locale}/${kind === 'taken' ? 'forgot-password' : 'account/password'}`;
  const values = { name: to.displayName, link, newEmail: details.newEmail, siteName: t('meta.siteName') };
  return {
    to: to.email,
    subject: t(`emailChange.email.${kind}.subject`, values),
    text: t(`emailChange.email.${kind}.body`, values) + '\n',
  };
}
