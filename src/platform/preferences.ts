/**
 * Display preferences: larger text, high contrast, reduced motion. A visitor's choice lives in the
 * `ecoop_prefs` cookie (a compact `lt.hc.rm`), a signed-in user's in `users.preferences` (JSON).
 * Both are parsed strictly here: unknown tokens and keys are dropped, so nothing a browser sends is
 * ever reflected, and the page cache keys pages by the canonical form, not the raw cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** What the layout applies as classes on `<html>` (app.css defines `.pref-large-text`…). */
export interface DisplayPreferences {
  largeText: boolean;
  highContrast: boolean;
  reducedMotion: boolean;
}

/** The preferences, in the order their cookie tokens are written. */
export const PREFERENCE_NAMES = ['largeText', 'highContrast', 'reducedMotion'] as const;
/** One display preference. */
export type PreferenceName = (typeof PREFERENCE_NAMES)[number];

/** The cookie that keeps a device's preferences, for visitors and after sign-out. */
export const PREFERENCES_COOKIE = 'ecoop_prefs';
const COOKIE_MAX_AGE_S = 365 * 24 * 60 * 60;
/** Longer values are not ours: ignored whole rather than scanned. */
const COOKIE_MAX_LENGTH = 64;

const TOKENS: Record<PreferenceName, string> = { largeText: 'lt', highContrast: 'hc', reducedMotion: 'rm' };
const CLASSES: Record<PreferenceName, string> = {
  largeText: 'pref-large-text',
  highContrast: 'pref-high-contrast',
  reducedMotion: 'pref-reduced-motion',
};

/** Nothing chosen: the site's defaults (the browser's own `prefers-*` settings still apply in CSS). */
export const NO_PREFERENCES: Readonly<DisplayPreferences> = Object.freeze({ largeText: false, highContrast: false, reducedMotion: false });

/** Preferences with exactly the named ones on. */
export function preferencesOf(names: Iterable<PreferenceName>): DisplayPreferences {
  const on = new Set(names);
  return { largeText: on.has('largeText'), highContrast: on.has('highContrast'), reducedMotion: on.has('reducedMotion') };
}

/** Reads the cookie value: known tokens separated by dots, in any order; anything else is ignored. */
export function parsePreferencesCookie(value: string | undefined): DisplayPreferences {
  if (!value || value.length > COOKIE_MAX_LENGTH) return { ...NO_PREFERENCES };
  const tokens = new Set(value.split('.'));
  return preferencesOf(PREFERENCE_NAMES.filter((name) => tokens.has(TOKENS[name])));
}

/** The canonical cookie value (`lt.hc.rm`, in that order; '' when nothing is on). */
export function serializePreferencesCookie(preferences: DisplayPreferences): string {
  return PREFERENCE_NAMES.filter((name) => preferences[name])
    .map((name) => TOKENS[name])
    .join('.');
}

/** The canonical form of a raw cookie value, for cache keys: equal pages, equal keys. */
export function normalizePreferencesCookie(value: string | undefined): string {
  return serializePreferencesCookie(parsePreferencesCookie(value));
}

const stored = z.object({ largeText: z.boolean(), highContrast: z.boolean(), reducedMotion: z.boolean() });

/**
 * Reads `users.preferences`: the three booleans, or null when the user never chose (the default
 * '{}') or the value is not what we write, in which case the device's cookie applies.
 */
export function parseStoredPreferences(json: string | null | undefined): DisplayPreferences | null {
  if (!json || json === '{}') return null;
  try {
    const parsed = stored.safeParse(JSON.parse(json));
    return parsed.success ? preferencesOf(PREFERENCE_NAMES.filter((name) => parsed.data[name])) : null;
  } catch {
    return null;
  }
}

/** The JSON written to `users.preferences` (exactly the three keys, so it reads back the same). */
export function serializeStoredPreferences(preferences: DisplayPreferences): string {
  const { largeText, highContrast, reducedMotion } = preferences;
  return JSON.stringify({ largeText, highContrast, reducedMotion });
}

/** The preferences a request's pages apply: a signed-in user's stored choice wins, else the cookie. */
export function requestPreferences(request: FastifyRequest): DisplayPreferences {
  return request.user?.preferences ?? parsePreferencesCookie(request.cookies[PREFERENCES_COOKIE]);
}

/** The classes for `<html>`, in a fixed order, or undefined when nothing is on (no empty attribute). */
export function preferenceClasses(preferences: DisplayPreferences): string | undefined {
  const classes = PREFERENCE_NAMES.filter((name) => preferences[name]).map((name) => CLASSES[name]);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/**
 * Keeps the preferences on this device for a year (SameSite=Lax, Secure over https). Choosing
 * nothing removes the cookie, so a device that had preferences goes back to the defaults.
 */
export function setPreferencesCookie(reply: FastifyReply, preferences: DisplayPreferences): void {
  const secure = reply.server.config.secureCookies;
  const value = serializePreferencesCookie(preferences);
  if (value) {
    reply.setCookie(PREFERENCES_COOKIE, value, { path: '/', sameSite: 'lax', secure, httpOnly: true, maxAge: COOKIE_MAX_AGE_S });
  } else {
    reply.clearCookie(PREFERENCES_COOKIE, { path: '/', sameSite: 'lax', secure, httpOnly: true });
  }
}
