import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, formSession, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles } from '../accounts/index.js';
import { showUserPreferences } from './index.js';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const ALL = 'pref-large-text pref-high-contrast pref-reduced-motion';

/** The class attribute of the document's <html>, or null when it has none. */
function htmlClass(body: string): string | null {
  const tag = /<html[^>]*>/.exec(body)?.[0];
  if (!tag) throw new Error('no <html> in page');
  return /\sclass="([^"]*)"/.exec(tag)?.[1] ?? null;
}

/** `display=a&display=b&_csrf=…&return=…` */
function formBody(display: string[], extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const d of display) params.append('display', d);
  for (const [k, v] of Object.entries(extra)) params.append(k, v);
  return params.toString();
}

describeEachDatabase('display preferences', (dialect) => {
  let t: TestApp;
  let users = 0;

  /** A new user, and a cookie for a session of theirs (each call is another device). */
  const newUser = async () => {
    users += 1;
    const userId = await createUserWithRoles(t.app.db, {
      email: `prefs${users}@example.org`,
      displayName: `Prefs ${users}`,
      password: 'a long enough password',
      locale: 'en',
      roles: [],
    });
    return { userId, device: async () => `ecoop_session=${await createSession(t.app.db, userId)}` };
  };

  /** Opens the form with `cookie`, then posts `display` with its CSRF token. */
  const save = async (display: string[], cookie = '', extra: Record<string, string> = {}) => {
    const page = await t.app.inject({ url: '/en/preferences', headers: cookie ? { cookie } : {} });
    expect(page.statusCode).toBe(200);
    const form = formSession(page);
    return t.app.inject({
      method: 'POST',
      url: '/en/preferences',
      headers: { ...FORM, cookie: [cookie, form.cookie].filter(Boolean).join('; ') },
      payload: formBody(display, { _csrf: form.token, ...extra }),
    });
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('shows three explained checkboxes in a CSRF-protected form that is never cached', async () => {
    const res = await t.app.inject({ url: '/en/preferences' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1>Display preferences</h1>');
    expect(html).toContain('<form method="post" action="/en/preferences">');
    expect(html).toContain('name="_csrf"');
    for (const name of ['largeText', 'highContrast', 'reducedMotion'])
      expect(html).toMatch(new RegExp(`<input type="checkbox" id="display(-\\d)?" name="display" value="${name}"`));
    expect(html).toContain('Makes all the words on every page bigger');
    expect(html).not.toMatch(/value="\w+" checked/);
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(htmlClass(html)).toBeNull();
    expect(res.headers['x-page-cache']).toBeUndefined();
    const again = await t.app.inject({ url: '/en/preferences' });
    expect(again.headers['x-page-cache']).toBeUndefined();
    const fr = await t.app.inject({ url: '/fr/preferences' });
    expect(fr.body).toContain('<h1>Préférences d’affichage</h1>');
  });

  it('links the page from the footer of every page', async () => {
    const home = await t.app.inject({ url: '/fr/' });
    expect(home.body).toMatch(/<footer[\s\S]*<a href="\/fr\/preferences">Préférences d’affichage<\/a>[\s\S]*<\/footer>/);
  });

  it('keeps a visitor’s choice in a cookie and applies it (round trip)', async () => {
    const res = await save(['largeText', 'reducedMotion']);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/en/preferences?saved=1');
    const cookie = res.cookies.find((c) => c.name === 'ecoop_prefs');
    expect(cookie).toMatchObject({ value: 'lt.rm', path: '/', sameSite: 'Lax', maxAge: 31_536_000 });
    expect(cookie?.secure).toBeFalsy();

    const back = await t.app.inject({ url: res.headers.location, headers: { cookie: `ecoop_prefs=${cookie!.value}` } });
    expect(back.statusCode).toBe(200);
    expect(back.body).toContain('Your display preferences have been saved.');
    expect(back.body).toContain('role="alert"');
    expect(back.body).toContain('value="largeText" checked');
    expect(back.body).toContain('value="reducedMotion" checked');
    expect(back.body).not.toContain('value="highContrast" checked');
    expect(htmlClass(back.body)).toBe('pref-large-text pref-reduced-motion');

    // Unticking everything removes the cookie.
    const none = await save([], 'ecoop_prefs=lt.rm');
    expect(none.statusCode).toBe(303);
    const cleared = none.cookies.find((c) => c.name === 'ecoop_prefs');
    expect(cleared?.value).toBe('');
    expect(new Date(cleared!.expires!).getTime()).toBeLessThan(Date.now());
  });

  it('goes back to a validated same-site page, and nowhere else', async () => {
    const ok = await save(['highContrast'], '', { return: '/fr/about?x=1' });
    expect(ok.headers.location).toBe('/fr/about?x=1');
    for (const bad of ['https://evil.example/en/', '//evil.example/en/', '/\\evil.example', '/api/v1/x', 'about']) {
      const res = await save(['highContrast'], '', { return: bad });
      expect(res.statusCode, bad).toBe(303);
      expect(res.headers.location, bad).toBe('/en/preferences?saved=1');
    }
    // The form carries a valid return path along, and drops an invalid one.
    const page = await t.app.inject({ url: '/en/preferences?return=%2Fen%2Fabout' });
    expect(page.body).toContain('<input type="hidden" name="return" value="/en/about"/>');
    const evil = await t.app.inject({ url: '/en/preferences?return=%2F%2Fevil.example%2F%22%3E%3Cscript%3E' });
    expect(evil.body).not.toContain('name="return"');
    // (The language links keep the query string, percent-encoded; nothing raw comes back.)
    expect(evil.body).not.toContain('"><script>');
  });

  it('keeps a signed-in user’s choice on the account and applies it on another device', async () => {
    const { userId, device } = await newUser();
    const first = await device();
    expect(await showUserPreferences(t.app.db, userId)).toBeNull();
    const res = await save(['highContrast'], first);
    expect(res.statusCode).toBe(303);
    // The device keeps them too, for after sign-out.
    expect(res.cookies.find((c) => c.name === 'ecoop_prefs')?.value).toBe('hc');
    expect(await showUserPreferences(t.app.db, userId)).toEqual({ largeText: false, highContrast: true, reducedMotion: false });
    const stored = await t.app.db.selectFrom('users').select('preferences').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(JSON.parse(stored.preferences)).toEqual({ largeText: false, highContrast: true, reducedMotion: false });

    const saved = await t.app.inject({ url: '/en/preferences?saved=1', headers: { cookie: first } });
    expect(saved.body).toContain('saved on this device and with your account');

    // Another device: a new session and no preferences cookie.
    const other = await device();
    for (const url of ['/en/', '/en/about', '/en/no-such-page']) {
      const page = await t.app.inject({ url, headers: { cookie: other } });
      expect(htmlClass(page.body), url).toBe('pref-high-contrast');
      expect(page.headers['cache-control'], url).toBe('no-store');
      expect(page.headers['x-page-cache'], url).toBeUndefined();
    }
    // The account's choice wins over what the device's cookie says.
    const mixed = await t.app.inject({ url: '/en/about', headers: { cookie: `${other}; ecoop_prefs=lt.rm` } });
    expect(htmlClass(mixed.body)).toBe('pref-high-contrast');
    // Choosing nothing on the account is a choice too: it still wins over the cookie.
    await save([], other);
    const plain = await t.app.inject({ url: '/en/about', headers: { cookie: `${other}; ecoop_prefs=lt.rm` } });
    expect(htmlClass(plain.body)).toBeNull();
  });

  it('applies the device’s cookie to a signed-in user who never chose', async () => {
    const { device } = await newUser();
    const res = await t.app.inject({ url: '/en/about', headers: { cookie: `${await device()}; ecoop_prefs=lt` } });
    expect(htmlClass(res.body)).toBe('pref-large-text');
  });

  it('ignores a malformed cookie and never reflects it', async () => {
    const cases: [string, string | null][] = [
      ['%3Cscript%3Ealert(1)%3C%2Fscript%3E.lt', 'pref-large-text'],
      ['"><svg onload=alert(1)>', null],
      ['zz.hc.HC.hc', 'pref-high-contrast'],
      [`lt.${'x'.repeat(200)}`, null],
      ['', null],
    ];
    for (const [value, expected] of cases) {
      const res = await t.app.inject({ url: '/en/about', headers: { cookie: `ecoop_prefs=${value}` } });
      expect(res.statusCode, value).toBe(200);
      expect(htmlClass(res.body), value).toBe(expected);
      expect(res.body).not.toContain('alert(1)');
      expect(res.body).not.toContain('zz');
    }
  });

  it('refuses a save without the CSRF token (403) and changes nothing', async () => {
    const { userId, device } = await newUser();
    const cookie = await device();
    const page = await t.app.inject({ url: '/en/preferences', headers: { cookie } });
    const form = formSession(page);
    const res = await t.app.inject({
      method: 'POST',
      url: '/en/preferences',
      headers: { ...FORM, cookie: `${cookie}; ${form.cookie}` },
      payload: formBody(['largeText']),
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'ecoop_prefs')).toBeUndefined();
    expect(await showUserPreferences(t.app.db, userId)).toBeNull();
    const noCookie = await t.app.inject({ method: 'POST', url: '/en/preferences', headers: FORM, payload: formBody(['largeText']) });
    expect(noCookie.statusCode).toBe(403);
  });

  it('refuses values the form cannot send (400)', async () => {
    const res = await save(['largeText', 'everything']);
    expect(res.statusCode).toBe(400);
    expect(res.cookies.find((c) => c.name === 'ecoop_prefs')).toBeUndefined();
  });

  it('puts the classes on <html> on every page type', async () => {
    for (const [url, status] of [
      ['/en/', 200],
      ['/fr/about', 200],
      ['/en/accessibility', 200],
      ['/en/preferences', 200],
      ['/en/no-such-page', 404],
      ['/no-such-page', 404],
    ] as const) {
      const res = await t.app.inject({ url, headers: { cookie: 'ecoop_prefs=rm.hc.lt' } });
      expect(res.statusCode, url).toBe(status);
      expect(htmlClass(res.body), url).toBe(ALL);
    }
  });

  describe('page cache', () => {
    const get = (url: string, prefs?: string) =>
      t.app.inject({ url, headers: prefs === undefined ? {} : { cookie: `ecoop_prefs=${prefs}` } });

    it('never serves one visitor’s preferences to another', async () => {
      const url = '/en/privacy?cache-test=1';
      const a1 = await get(url, 'lt');
      expect(a1.headers['x-page-cache']).toBe('miss');
      expect(htmlClass(a1.body)).toBe('pref-large-text');
      const a2 = await get(url, 'lt');
      expect(a2.headers['x-page-cache']).toBe('hit');
      expect(htmlClass(a2.body)).toBe('pref-large-text');

      const b1 = await get(url, 'hc');
      expect(b1.headers['x-page-cache']).toBe('miss');
      expect(htmlClass(b1.body)).toBe('pref-high-contrast');
      const b2 = await get(url, 'hc');
      expect(b2.headers['x-page-cache']).toBe('hit');
      expect(htmlClass(b2.body)).toBe('pref-high-contrast');

      const c1 = await get(url);
      expect(c1.headers['x-page-cache']).toBe('miss');
      expect(htmlClass(c1.body)).toBeNull();
      const c2 = await get(url);
      expect(c2.headers['x-page-cache']).toBe('hit');
      expect(htmlClass(c2.body)).toBeNull();

      // And the first visitor still gets theirs.
      const a3 = await get(url, 'lt');
      expect(a3.headers['x-page-cache']).toBe('hit');
      expect(htmlClass(a3.body)).toBe('pref-large-text');
    });

    it('keys by the canonical preferences, so equal pages share an entry and junk cannot fill the cache', async () => {
      const url = '/en/terms?cache-test=2';
      expect((await get(url, 'rm.lt')).headers['x-page-cache']).toBe('miss');
      const same = await get(url, 'lt.rm.zz');
      expect(same.headers['x-page-cache']).toBe('hit');
      expect(htmlClass(same.body)).toBe('pref-large-text pref-reduced-motion');

      expect((await get(url)).headers['x-page-cache']).toBe('miss');
      for (const junk of ['zz', 'junk.more', '']) {
        const res = await get(url, junk);
        expect(res.headers['x-page-cache'], junk).toBe('hit');
        expect(htmlClass(res.body), junk).toBeNull();
      }
    });

    it('keeps "not found" pages apart by preferences too', async () => {
      const url = '/en/no-such-page-cache';
      await get(url, 'hc');
      const hc = await get(url, 'hc');
      expect(hc.statusCode).toBe(404);
      expect(hc.headers['x-page-cache']).toBe('hit');
      expect(htmlClass(hc.body)).toBe('pref-high-contrast');
      const plain = await get(url);
      expect(plain.statusCode).toBe(404);
      expect(plain.headers['x-page-cache']).toBe('miss');
      expect(htmlClass(plain.body)).toBeNull();
    });
  });
});

describe('display preferences over https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { config: { secureCookies: true } });
  });
  afterAll(() => t.close());

  it('marks the cookie Secure', async () => {
    const page = await t.app.inject({ url: '/en/preferences' });
    const form = formSession(page);
    const res = await t.app.inject({
      method: 'POST',
      url: '/en/preferences',
      headers: { ...FORM, cookie: form.cookie },
      payload: formBody(['largeText'], { _csrf: form.token }),
    });
    expect(res.statusCode).toBe(303);
    expect(res.cookies.find((c) => c.name === 'ecoop_prefs')).toMatchObject({ value: 'lt', secure: true, sameSite: 'Lax' });
  });
});
