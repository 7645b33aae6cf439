/**
 * Changing the email address through the pages, on every database: the password again, a link to
 * the new address (single-use, 24 h, bound to its user), a notice to the old one, no enumeration
 * or takeover of an address that has an account, other sessions ended, and CSRF.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { createSession } from '../../platform/session.js';
import { createUserWithRoles } from './accounts.service.js';
import { issueLink } from './one-time-links.js';
import { deliverMail, linkIn, mailText, startSmtpServer, TestClient, type ReceivedMail } from './testing.js';

const PASSWORD = 'correct horse battery';
const CONFIRM = '/en/account/email/confirm';
const LINK = '/en/account/email';

describeEachDatabase('accounts: changing the email address', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let ipCount = 0;
  const client = () => new TestClient(t.app, `10.9.0.${++ipCount}`);
  let userCount = 0;
  const newUser = async () => {
    const email = `ec${++userCount}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Person ${userCount}`,
      password: PASSWORD,
      locale: 'en',
      roles: [],
    });
    return { id, email };
  };
  const signedIn = async (userId: number) => {
    const c = client();
    c.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return c;
  };
  const mailsTo = (address: string): ReceivedMail[] => smtp.received.filter((m) => m.to.includes(address));
  const emailOf = async (userId: number) =>
    (await t.app.db.selectFrom('users').select(['email', 'email_verified_at']).where('id', '=', userId).executeTakeFirstOrThrow()).email;
  const requestChange = (c: TestClient, email: string, password = PASSWORD) =>
    c.submit('/en/account/email', '/en/account/email', { email, password });
  const changeTokens = (userId: number) =>
    t.app.db.selectFrom('account_tokens').selectAll().where('user_id', '=', userId).where('purpose', '=', 'change_email').execute();
  const confirmPath = (token: string) => `/en/account/email?token=${token}`;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp(dialect, { config: { smtpUrl: smtp.url, baseUrl: 'http://ecoop.test' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(() => {
    smtp.received.length = 0;
  });

  it('is linked from the account page and asks for the new address and the password', async () => {
    const { id } = await newUser();
    const c = await signedIn(id);
    expect((await c.get('/en/account')).body).toContain('href="/en/account/email"');
    const page = await c.get('/en/account/email');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="email"');
    expect(page.body).toContain('name="password"');
    expect((await c.get('/fr/account/email')).body).toContain('Changer votre adresse e-mail');
    const anonymous = await client().get('/en/account/email');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/en/sign-in');
  });

  it('sends a link to the new address, tells the old one, and the link changes the address and ends other sessions', async () => {
    const { id, email } = await newUser();
    const here = await signedIn(id);
    const elsewhere = await signedIn(id);
    const response = await requestChange(here, '  New.Address1@Example.org ');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check your new mailbox');
    expect(await emailOf(id)).toBe(email); // nothing changes before the link

    await deliverMail(t.app);
    const [confirmation] = mailsTo('new.address1@example.org');
    expect(mailsTo('new.address1@example.org')).toHaveLength(1);
    const link = linkIn(confirmation!, LINK);
    expect(link.url.startsWith('http://ecoop.test/en/account/email?token=')).toBe(true);
    const notice = mailsTo(email);
    expect(notice).toHaveLength(1);
    expect(mailText(notice[0]!)).toContain("If it wasn't you, change your password");
    expect(mailText(notice[0]!)).not.toContain(link.token);

    const page = await here.get(confirmPath(link.token));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('new.address1@example.org');
    expect(await emailOf(id)).toBe(email); // opening the link changes nothing

    smtp.received.length = 0;
    const done = await here.submit(confirmPath(link.token), CONFIRM, { token: link.token });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Your email address was changed');
    const user = await t.app.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user.email).toBe('new.address1@example.org');
    expect(user.email_verified_at).not.toBeNull();

    expect((await here.get('/en/account')).statusCode).toBe(200);
    const ended = await elsewhere.get('/en/account');
    expect(ended.statusCode).toBe(303);
    expect(ended.headers.location).toContain('/en/sign-in');
    const audits = await t.app.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'accounts.change_email')
      .where('subject_id', '=', String(id))
      .execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_id).toBe(id);

    await deliverMail(t.app);
    const changed = mailsTo(email);
    expect(changed).toHaveLength(1);
    expect(mailText(changed[0]!)).toContain('was changed to new.address1@example.org');
  });

  it('refuses a wrong password or the same address with a field error, and changes nothing', async () => {
    const { id, email } = await newUser();
    const c = await signedIn(id);
    const wrong = await requestChange(c, 'other-wrong@example.org', 'not my password');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('id="change-email-password-error"');
    expect(wrong.body).toContain('value="other-wrong@example.org"');
    const same = await requestChange(c, email.toUpperCase());
    expect(same.statusCode).toBe(422);
    expect(same.body).toContain('This is already your email address');
    const invalid = await requestChange(c, 'not-an-address');
    expect(invalid.statusCode).toBe(422);
    expect(await changeTokens(id)).toHaveLength(0);
    await deliverMail(t.app);
    expect(smtp.received).toHaveLength(0);
    expect(await emailOf(id)).toBe(email);
  });

  it('answers the same for an address that has an account, sends it no link, and warns it instead', async () => {
    const a = await newUser();
    const b = await newUser();
    const c = await signedIn(a.id);
    const response = await requestChange(c, b.email);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Check your new mailbox');
    expect(await changeTokens(a.id)).toHaveLength(0);
    await deliverMail(t.app);
    const toB = mailsTo(b.email);
    expect(toB).toHaveLength(1);
    expect(mailText(toB[0]!)).toContain('Someone asked to move another');
    expect(() => linkIn(toB[0]!, LINK)).toThrow();
    expect(mailsTo(a.email)).toHaveLength(1);
    expect(await emailOf(a.id)).toBe(a.email);
    expect(await emailOf(b.id)).toBe(b.email);
  });

  it('says so when the address was taken before the link was used', async () => {
    const { id, email } = await newUser();
    const c = await signedIn(id);
    await requestChange(c, 'soon-taken@example.org');
    await deliverMail(t.app);
    const { token } = linkIn(mailsTo('soon-taken@example.org')[0]!, LINK);
    await createUserWithRoles(t.app.db, {
      email: 'soon-taken@example.org',
      displayName: 'Quick',
      password: PASSWORD,
      locale: 'en',
      roles: [],
    });
    const r = await c.submit(confirmPath(token), CONFIRM, { token });
    expect(r.statusCode).toBe(409);
    expect(r.body).toContain('This address is no longer available');
    expect(await emailOf(id)).toBe(email);
  });

  it('makes links that work once, expire after 24 hours, and replace the earlier ones', async () => {
    const { id } = await newUser();
    const c = await signedIn(id);
    await requestChange(c, 'first-try@example.org');
    await requestChange(c, 'second-try@example.org');
    await deliverMail(t.app);
    const first = linkIn(mailsTo('first-try@example.org')[0]!, LINK).token;
    const second = linkIn(mailsTo('second-try@example.org')[0]!, LINK).token;
    expect((await c.get(confirmPath(first))).statusCode).toBe(400);
    expect((await c.submit(confirmPath(second), CONFIRM, { token: second })).statusCode).toBe(200);
    const again = await c.submit('/en/account', CONFIRM, { token: second });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('This link cannot be used');
    expect(await emailOf(id)).toBe('second-try@example.org');

    const old = await issueLink(t.app.db, id, 'change_email', new Date(Date.now() - 25 * 60 * 60 * 1000), 'too-late@example.org');
    expect((await c.get(confirmPath(old))).statusCode).toBe(400);
    expect((await c.submit('/en/account', CONFIRM, { token: old })).statusCode).toBe(400);
    expect(await emailOf(id)).toBe('second-try@example.org');
  });

  it("does not let another user use someone's link, on either account", async () => {
    const a = await newUser();
    const b = await newUser();
    const ca = await signedIn(a.id);
    const cb = await signedIn(b.id);
    await requestChange(ca, 'a-wants-this@example.org');
    await deliverMail(t.app);
    const { token } = linkIn(mailsTo('a-wants-this@example.org')[0]!, LINK);
    expect((await cb.get(confirmPath(token))).statusCode).toBe(400);
    expect((await cb.submit('/en/account', CONFIRM, { token })).statusCode).toBe(400);
    expect(await emailOf(a.id)).toBe(a.email);
    expect(await emailOf(b.id)).toBe(b.email);
    // Signed out, the link leads to the sign-in first.
    const out = await client().get(confirmPath(token));
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toContain('/en/sign-in?next=');
    // The link still works for its own user.
    expect((await ca.submit(confirmPath(token), CONFIRM, { token })).statusCode).toBe(200);
    expect(await emailOf(a.id)).toBe('a-wants-this@example.org');
  });

  it('refuses every POST without a CSRF token (403) and changes nothing', async () => {
    const { id, email } = await newUser();
    const c = await signedIn(id);
    const token = await issueLink(t.app.db, id, 'change_email', new Date(), 'csrf-target@example.org');
    expect((await c.post('/en/account/email', { email: 'csrf@example.org', password: PASSWORD })).statusCode).toBe(403);
    expect((await c.post(CONFIRM, { token })).statusCode).toBe(403);
    expect(await emailOf(id)).toBe(email);
    expect(await changeTokens(id)).toHaveLength(1);
    expect((await changeTokens(id))[0]!.used_at).toBeNull();
  });
});
