/**
 * The page shell: skip link, banner with the site name and language switcher, main navigation,
 * the main landmark, and a footer with the statutory links. Works without JavaScript.
 */
import type { ComponentChildren } from 'preact';
import { preferenceClasses } from '../platform/preferences.js';
import { CsrfField, Textarea, VisuallyHidden } from './components/index.js';
import { useUi } from './context.js';

/** Props of Layout: the page title, an optional meta description and extra <head> elements. */
export interface LayoutProps {
  title: string;
  description?: string | undefined;
  children: ComponentChildren;
  /** Extra elements for <head> (JSON-LD, alternate links…). */
  head?: ComponentChildren;
}

/**
 * Wraps a page body in the document and the site shell. Around a shared body it is rendered once
 * and reused for every reader (platform/shared-page.tsx, `shellKey`): it may depend on the address,
 * on whether someone is signed in and on the display preferences, never on who (name, roles).
 */
export function Layout({ title, description, children, head }: LayoutProps) {
  const ui = useUi();
  const { t, locale } = ui;
  const siteName = t('meta.siteName');
  const fullTitle = ui.path === '/' ? `${siteName} – ${t('meta.tagline')}` : `${title} – ${siteName}`;
  return (
    <html lang={locale} dir="ltr" class={preferenceClasses(ui.preferences)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={ui.assets.css} />
        <script src={ui.assets.js} type="module"></script>
        {ui.locales.map((l) => (
          <link rel="alternate" hrefLang={l} href={ui.href(ui.path, l) + ui.search} key={l} />
        ))}
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="site-header">
          {/* Inside the banner landmark, so no content sits outside a landmark. */}
          {ui.isDev ? <p class="dev-banner">{t('layout.devBanner')}</p> : null}
          <div class="container site-header__inner">
            <a class="site-header__name" href={ui.href('/')}>
              {siteName}
              <span class="site-header__tagline">{t('meta.tagline')}</span>
            </a>
            <LanguageSwitcher />
            <AccountLinks />
          </div>
          <nav class="site-nav" aria-label={t('layout.mainNav')}>
            <ul class="container site-nav__list">
              <NavLink path="/" label={t('nav.home')} />
              <NavLink path="/services" label={t('nav.services')} />
              <NavLink path="/places" label={t('nav.places')} />
              <NavLink path="/wiki" label={t('nav.wiki')} />
              <NavLink path="/search" label={t('nav.search')} />
              <NavLink path="/about" label={t('nav.about')} />
            </ul>
          </nav>
        </header>
        <main id="main" class="container site-main" tabIndex={-1}>
          {children}
          <PageFeedbackPrompt />
        </main>
        <footer class="site-footer">
          <div class="container">
            <nav aria-label={t('layout.footerNav')}>
              <ul class="site-footer__links">
                <li>
                  <a href={ui.href('/about')}>{t('nav.about')}</a>
                </li>
                <li>
                  <a href={ui.href('/results')}>{t('nav.results')}</a>
                </li>
                <li>
                  <a href={ui.href('/accessibility')}>{t('nav.accessibility')}</a>
                </li>
                <li>
                  <a href={ui.href('/privacy')}>{t('nav.privacy')}</a>
                </li>
                <li>
                  <a href={ui.href('/terms')}>{t('nav.terms')}</a>
                </li>
                <li>
                  <a href={ui.href('/preferences')}>{t('preferences.navLink')}</a>
                </li>
                {ui.isDev ? (
                  <li>
                    <a href={ui.href('/design-system')}>{t('nav.designSystem')}</a>
                  </li>
                ) : null}
              </ul>
            </nav>
            <p class="site-footer__text">{t('layout.footerText', { territory: t('meta.territory') })}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** Longest page path the feedback prompt records (the route refuses longer ones). */
const FEEDBACK_PAGE_MAX = 300;

/**
 * "Did you find what you were looking for?" at the end of every page (the assessment module's
 * /page-feedback route). It holds no CSRF token, so cached pages can carry it: the route checks the
 * request's origin instead, and records the page, never the person. The page is the path without
 * the query string, which may hold search words. Not shown on the feedback pages themselves.
 */
function PageFeedbackPrompt() {
  const { t, href, path } = useUi();
  if (path.startsWith('/page-feedback') || path.startsWith('/admin/page-feedback') || path.length > FEEDBACK_PAGE_MAX) return null;
  return (
    <div class="page-feedback">
      <form method="post" action={href('/page-feedback')}>
        <input type="hidden" name="page" value={path} />
        <h2 id="page-feedback-title">{t('feedback.prompt.question')}</h2>
        <details>
          <summary>{t('feedback.prompt.addComment')}</summary>
          <Textarea
            id="page-feedback-comment"
            name="comment"
            label={t('feedback.prompt.commentLabel')}
            hint={t('feedback.prompt.commentHint')}
            rows={3}
          />
        </details>
        <div class="button-group">
          <button class="button button--secondary" type="submit" name="found" value="yes">
            {t('feedback.prompt.yes')}
            <VisuallyHidden>{t('feedback.prompt.yesContext')}</VisuallyHidden>
          </button>
          <button class="button button--secondary" type="submit" name="found" value="no">
            {t('feedback.prompt.no')}
            <VisuallyHidden>{t('feedback.prompt.noContext')}</VisuallyHidden>
          </button>
        </div>
      </form>
    </div>
  );
}

function NavLink({ path, label }: { path: string; label: string }) {
  const ui = useUi();
  const current = path === '/' ? ui.path === '/' : ui.path === path || ui.path.startsWith(`${path}/`);
  return (
    <li>
      <a href={ui.href(path)} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}

/** Sign in and register for visitors; the account page and signing out for signed-in users. */
function AccountLinks() {
  const ui = useUi();
  const { t, href, user } = ui;
  return (
    <nav class="lang-switcher account-links" aria-label={t('auth.nav.label')}>
      {user ? (
        <ul>
          <li>
            <a href={href('/account')} aria-current={ui.path === '/account' ? 'page' : undefined}>
              {t('auth.nav.account')}
            </a>
          </li>
          <li>
            <form method="post" action={href('/sign-out')} class="inline-form">
              <CsrfField />
              <button type="submit" class="button button--secondary">
                {t('auth.signOut')}
              </button>
            </form>
          </li>
        </ul>
      ) : (
        <ul>
          <li>
            <a href={href('/sign-in')} aria-current={ui.path === '/sign-in' ? 'page' : undefined}>
              {t('auth.nav.signIn')}
            </a>
          </li>
          <li>
            <a href={href('/register')} aria-current={ui.path === '/register' ? 'page' : undefined}>
              {t('auth.nav.register')}
            </a>
          </li>
        </ul>
      )}
    </nav>
  );
}

/** Links to the same page in every other language; keeps the query string. */
function LanguageSwitcher() {
  const ui = useUi();
  return (
    <nav class="lang-switcher" aria-label={ui.t('layout.languages')}>
      <ul>
        {ui.locales.map((l) =>
          l === ui.locale ? (
            <li key={l}>
              <span aria-current="true" lang={l}>
                {ui.t(`language.${l}`)}
              </span>
            </li>
          ) : (
            <li key={l}>
              <a
                href={ui.href(ui.path, l) + ui.search}
                hrefLang={l}
                lang={l}
                title={ui.t('layout.languageSwitch', { language: ui.t(`language.${l}`) })}
              >
                {ui.t(`language.${l}`)}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
