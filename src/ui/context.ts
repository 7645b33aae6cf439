/**
 * What every view may know about the request, passed down through Preact context. The UI layer
 * defines this shape itself so that it depends on no module; the platform's renderer fills it in.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../config.js';
import type { Translate } from '../platform/i18n.js';
import type { DisplayPreferences } from '../platform/preferences.js';

export interface UiUser {
  id: number;
  displayName: string;
  roles: readonly string[];
}

export interface UiContext {
  locale: Locale;
  locales: readonly Locale[];
  t: Translate;
  /** Path after the locale prefix, e.g. `/about` (`/` for the home page). */
  path: string;
  /** Query string including `?`, or ''. */
  search: string;
  user: UiUser | null;
  /** Display preferences the layout applies as classes on <html> (the user's, else the device's cookie). */
  preferences: DisplayPreferences;
  isDev: boolean;
  /** A CSRF token for forms (created lazily: pages without forms set no cookie). */
  csrfToken: () => string;
  assets: { css: string; js: string };
  requestId: string;
  /** Builds a locale-prefixed URL: `href('/about')` → `/en/about`. */
  href: (path: string, locale?: Locale) => string;
}

export const UiCtx = createContext<UiContext | null>(null);

/** The current request's UI context. Throws outside a rendered page. */
export function useUi(): UiContext {
  const ctx = useContext(UiCtx);
  if (!ctx) throw new Error('useUi() outside of a rendered page');
  return ctx;
}
