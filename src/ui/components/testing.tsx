/**
 * Test support for components: renders a component to HTML inside a UiContext built from the real
 * catalogs, so tests see the same strings and escaping as a page.
 */
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Locale } from '../../config.js';
import { translator } from '../../platform/i18n.js';
import { UiCtx, type UiContext } from '../context.js';

/** A UiContext for tests; override any part (locale, path, search, user…). */
export function testUiContext(overrides: Partial<UiContext> = {}): UiContext {
  const locale: Locale = overrides.locale ?? 'en';
  return {
    locale,
    locales: ['en', 'fr'],
    t: translator(locale),
    path: '/',
    search: '',
    user: null,
    preferences: { largeText: false, highContrast: false, reducedMotion: false },
    isDev: false,
    csrfToken: () => 'test-csrf-token',
    assets: { css: '/assets/app.test.css', js: '/assets/app.test.js' },
    requestId: 'test-request',
    href: (path: string, l: Locale = locale) => (path === '/' ? `/${l}/` : `/${l}${path}`),
    ...overrides,
  };
}

/** Renders a component to an HTML string inside a test UiContext. */
export function renderWithUi(node: VNode, overrides: Partial<UiContext> = {}): string {
  return renderToString(<UiCtx.Provider value={testUiContext(overrides)}>{node}</UiCtx.Provider>);
}

/**
 * The attributes of the element with this id, for ARIA assertions. Attribute values are read as
 * quoted strings, so an escaped hostile value (which may contain `>`) does not end the tag early.
 */
export function attributesOf(html: string, id: string): Record<string, string> {
  for (const tag of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z][a-z0-9-]*(?:="[^"]*")?)*)\s*\/?>/g)) {
    const attrs: Record<string, string> = {};
    for (const m of (tag[1] ?? '').matchAll(/([a-z][a-z0-9-]*)(?:="([^"]*)")?/g)) if (m[1]) attrs[m[1]] = m[2] ?? '';
    if (attrs.id === id) return attrs;
  }
  throw new Error(`no element with id="${id}"`);
}
