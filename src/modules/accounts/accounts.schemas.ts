/**
 * Input of the account forms. Bodies are read leniently (every field a trimmed string, passwords
 * untrimmed), so a form can always be shown again with what was typed; the rules come after, in
 * the `validate*` functions, which return catalog keys per field in the order of the form.
 */
import { z } from 'zod';
import type { MessageKey } from '../../platform/i18n.js';
import { passwordProblem } from './password-rules.js';

const raw = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().max(10_000).catch(''));
const text = raw.transform((s) => s.trim());

/** Errors by field, as catalog keys. */
export type FormErrors<F extends string> = Partial<Record<F, MessageKey>>;

const DISPLAY_NAME_MAX = 60;
const emailSchema = z.email().max(254);

function displayNameError(name: string): MessageKey | undefined {
  if (!name) return 'auth.errors.displayNameRequired';
  if ([...name].length > DISPLAY_NAME_MAX) return 'auth.errors.displayNameTooLong';
  return undefined;
}

function emailError(email: string): MessageKey | undefined {
  if (!email) return 'auth.errors.emailRequired';
  if (!emailSchema.safeParse(email).success) return 'auth.errors.emailInvalid';
  return undefined;
}

function passwordError(password: string, person: { email: string; displayName: string }): MessageKey | undefined {
  const problem = passwordProblem(password, person);
  return problem ? `auth.errors.${problem}` : undefined;
}

/** The registration form. */
export const registerBody = z.object({
  displayName: text,
  email: text,
  password: raw,
  locale: text,
  terms: text,
});
export type RegisterValues = z.output<typeof registerBody>;
export type RegisterField = keyof RegisterValues;

/** The registration rules; `locales` are the languages this site offers. */
export function validateRegister(v: RegisterValues, locales: readonly string[]): FormErrors<RegisterField> {
  const errors: FormErrors<RegisterField> = {};
  const name = displayNameError(v.displayName);
  if (name) errors.displayName = name;
  const email = emailError(v.email);
  if (email) errors.email = email;
  const password = passwordError(v.password, v);
  if (password) errors.password = password;
  if (!locales.includes(v.locale)) errors.locale = 'auth.errors.localeRequired';
  if (v.terms !== 'accepted') errors.terms = 'auth.errors.termsRequired';
  return errors;
}

/** The sign-in form (`next` is checked by safeNext, not here). */
export const signInBody = z.object({ email: text, password: raw, next: text });
export type SignInValues = z.output<typeof signInBody>;

/** The forgotten-password form. */
export const forgotPasswordBody = z.object({ email: text });
export function validateForgotPassword(v: { email: string }): FormErrors<'email'> {
  const email = emailError(v.email);
  return email ? { email } : {};
}

/** The new-password form reached from a reset link. */
export const resetPasswordBody = z.object({ token: raw, password: raw });
export function validateNewPassword(password: string, person: { email: string; displayName: string }): FormErrors<'password'> {
  const error = passwordError(password, person);
  return error ? { password: error } : {};
}

/** A token posted back from a link's confirmation page. */
export const tokenBody = z.object({ token: raw });
/** A token in a link's query string. */
export const tokenQuery = z.object({ token: raw });

/** The account page's profile form. */
export const profileBody = z.object({ displayName: text, locale: text });
export type ProfileValues = z.output<typeof profileBody>;
export type ProfileField = keyof ProfileValues;
export function validateProfile(v: ProfileValues, locales: readonly string[]): FormErrors<ProfileField> {
  const errors: FormErrors<ProfileField> = {};
  const name = displayNameError(v.displayName);
  if (name) errors.displayName = name;
  if (!locales.includes(v.locale)) errors.locale = 'auth.errors.localeRequired';
  return errors;
}

/** `?next=` and the one-off notices of the account pages (after a redirect). */
export const nextQuery = z.object({ next: text.optional() });
export const noticeQuery = z.object({ notice: text.optional() });
