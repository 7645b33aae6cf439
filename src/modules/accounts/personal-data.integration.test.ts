/**
 * "Download my data" and "Delete my account", through the personal-data registry: a test-only
 * module with its own table proves that a module's content is exported and anonymised, beside the
 * accounts and preferences modules' parts. And who may not: no one gets another's archive.
 */
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import { DELETED_PARTICIPANT, participantName, PERSONAL_DATA_FORMAT } from '../../platform/gdpr.js';
import { translator } from '../../platform/i18n.js';
import type { EcoopModule } from '../../platform/module.js';
import { createSession } from '../../platform/session.js';
import { modules } from '../index.js';
import { saveUserPreferences } from '../preferences/index.js';
import { createApiTokenForEmail, createUserWithRoles, DEMO_TOTP_SECRET } from './index.js';
import { TestClient } from './testing.js';

const PASSWORD = 'a long enough password';
/** Makes the test module's next anonymise fail, to prove the deletion is all or nothing. */
let failNextAnonymise = false;

/**
 * A module as later ones (ideas, wiki…) will be: its contributions keep the author's id, and hold
 * one personal field (a phone number to call back) that deletion must erase.
 */
const notesModule: EcoopModule = {
  name: 'test-notes',
  personalData: {
    export: async (db, userId) => ({
      notes: await (db as unknown as Kysely<any>)
        .selectFrom('test_notes')
        .select(['body', 'phone'])
        .where('user_id', '=', userId)
        .orderBy('id')
        .execute(),
    }),
    anonymise: async (trx, userId) => {
      if (failNextAnonymise) {
        failNextAnonymise = false;
        throw new Error('test-notes could not anonymise');
      }
      await (trx as unknown as Kysely<any>).updateTable('test_notes').set({ phone: null }).where('user_id', '=', userId).execute();
    },
  },
};

interface Archive {
  format: string;
  generatedAt: string;
  user: { id: number; displayName: string; email: string };
  modules: Record<string, Record<string, any>>;
}

describeEachDatabase('personal data', (dialect) => {
  let t: TestApp;
  let n = 0;
  const anyDb = () => t.app.db as unknown as Kysely<any>;

  /** A user with roles, a note in the test module, and a signed-in client. */
  const newUser = async () => {
    n += 1;
    const email = `person${n}@example.org`;
    const id = await createUserWithRoles(t.app.db, {
      email,
      displayName: `Person ${n}`,
      password: PASSWORD,
      locale: 'en',
      roles: [{ role: 'helper' }, { role: 'mediator', scopeType: 'place', scopeId: 7 }],
    });
    await anyDb()
      .insertInto('test_notes')
      .values({ user_id: id, body: `Note by person ${n}`, phone: `+32 470 00 00 ${String(n).padStart(2, '0')}` })
      .execute();
    const client = new TestClient(t.app, `198.51.100.${n}`);
    client.cookies.set('ecoop_session', await createSession(t.app.db, id));
    return { id, email, client, number: n };
  };

  const download = (client: TestClient, fields: Record<string, string> = {}, query = '') =>
    client.submit('/en/account', `/en/account/personal-data${query}`, fields);

  const userRow = (id: number) => t.app.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(dialect, { build: { modules: [...modules, notesModule] } });
    await anyDb()
      .schema.createTable('test_notes')
      .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .execute();
  });
  afterAll(() => t?.close());

  describe('download my data', () => {
    it('is offered on the account page as a form that posts', async () => {
      const { client } = await newUser();
      const page = await client.get('/en/account');
      expect(page.body).toContain('action="/en/account/personal-data"');
      expect(page.body).toContain('href="/en/account/delete"');
    });

    it('answers a JSON attachment with every module’s part: profile, roles, sessions, tokens (no hashes), preferences, the module’s notes', async () => {
      const a = await newUser();
      await saveUserPreferences(t.app.db, a.id, { largeText: true, highContrast: false, reducedMotion: true });
      const { token } = await createApiTokenForEmail(t.app.db, { email: a.email, name: 'my script' });
      const r = await download(a.client);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toContain('application/json');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['content-disposition']).toMatch(/^attachment; filename="ecoop-my-data-\d{4}-\d{2}-\d{2}\.json"$/);

      const archive = r.json<Archive>();
      expect(archive.format).toBe(PERSONAL_DATA_FORMAT);
      expect(Date.parse(archive.generatedAt)).not.toBeNaN();
      expect(archive.user).toEqual({ id: a.id, displayName: `Person ${n}`, email: a.email });
      const accounts = archive.modules.accounts!;
      expect(accounts.profile).toMatchObject({ id: a.id, email: a.email, language: 'en', termsVersion: expect.any(String) });
      expect(accounts.profile.emailVerifiedAt).toEqual(expect.any(String));
      expect(accounts.roles).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ role: 'citizen', scope: null }),
          expect.objectContaining({ role: 'helper', scope: null }),
          expect.objectContaining({ role: 'mediator', scope: { type: 'place', id: 7 } }),
        ]),
      );
      expect(accounts.sessions).toHaveLength(1);
      expect(accounts.sessions[0]).toEqual({
        createdAt: expect.any(String),
        lastSeenAt: expect.any(String),
        expiresAt: expect.any(String),
      });
      expect(accounts.apiTokens).toEqual([
        { name: 'my script', prefix: expect.any(String), createdAt: expect.any(String), lastUsedAt: null, revokedAt: null },
      ]);
      expect(accounts.auditLog).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'accounts.api_token_create' })]));
      expect(archive.modules.preferences).toEqual({ displayPreferences: { largeText: true, highContrast: false, reducedMotion: true } });
      expect(archive.modules['test-notes']).toEqual({ notes: [{ body: `Note by person ${n}`, phone: expect.stringContaining('+32') }] });

      // No secret leaves: not the password hash, not a token, session or link hash.
      const hashes = [
        (await userRow(a.id)).password_hash!,
        token,
        ...(await t.app.db.selectFrom('api_tokens').select('token_hash').where('user_id', '=', a.id).execute()).map((x) => x.token_hash),
        ...(await t.app.db.selectFrom('sessions').select('id').where('user_id', '=', a.id).execute()).map((x) => x.id),
      ];
      for (const secret of hashes) expect(r.body).not.toContain(secret);
      expect(r.body).not.toMatch(/hash|argon2/i);
    });

    it('is always the signed-in user’s own: a userId in the body or the query string is ignored', async () => {
      const a = await newUser();
      const b = await newUser();
      const r = await download(a.client, { userId: String(b.id), user_id: String(b.id) }, `?userId=${b.id}&id=${b.id}`);
      expect(r.statusCode).toBe(200);
      const archive = r.json<Archive>();
      expect(archive.user.id).toBe(a.id);
      expect(r.body).not.toContain(b.email);
      expect(r.body).not.toContain(`Person ${n}`); // b's name
      expect(archive.modules['test-notes']!.notes).toHaveLength(1);
    });

    it('is audited (that it happened, not what it held)', async () => {
      const a = await newUser();
      expect((await download(a.client)).statusCode).toBe(200);
      const entries = await t.app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('actor_id', '=', a.id)
        .where('action', '=', 'accounts.export_personal_data')
        .execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]!.data).toBe('{}');
    });

    it('asks a visitor to sign in, and refuses a post without CSRF token (403)', async () => {
      const visitor = new TestClient(t.app, '203.0.113.9');
      const r = await visitor.submit('/en/sign-in', '/en/account/personal-data', {});
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toMatch(/^\/en\/sign-in\?next=/);

      const a = await newUser();
      const forged = await a.client.post('/en/account/personal-data', {});
      expect(forged.statusCode).toBe(403);
      expect(forged.body).not.toContain(a.email);
    });

    it('is limited to 5 an hour per user, whatever the address (429)', async () => {
      const a = await newUser();
      for (let i = 0; i < 5; i++) expect((await download(a.client)).statusCode).toBe(200);
      expect((await download(a.client)).statusCode).toBe(429);
      // Another address does not give a new allowance.
      const elsewhere = new TestClient(t.app, '192.0.2.77');
      for (const [k, v] of a.client.cookies) elsewhere.cookies.set(k, v);
      expect((await download(elsewhere)).statusCode).toBe(429);
      // Another user still can.
      const b = await newUser();
      expect((await download(b.client)).statusCode).toBe(200);
    });
  });

  describe('delete my account', () => {
    it('explains what happens on a page whose GET changes nothing', async () => {
      const a = await newUser();
      const page = await a.client.get('/en/account/delete');
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Deleted participant');
      expect(page.body).toContain('name="password"');
      expect(page.body).toContain('name="confirm"');
      expect((await userRow(a.id)).deleted_at).toBeNull();
      const fr = await a.client.get('/fr/account/delete');
      expect(fr.body).toContain('Participant supprimé');
    });

    it('refuses a wrong or missing password and a missing confirmation, changing nothing', async () => {
      const a = await newUser();
      const before = await userRow(a.id);
      const wrong = await a.client.submit('/en/account/delete', '/en/account/delete', { password: 'not my password', confirm: 'yes' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.body).toContain('href="#delete-account-password"');
      expect(wrong.body).toContain('The password is not right');
      const unconfirmed = await a.client.submit('/en/account/delete', '/en/account/delete', { password: PASSWORD });
      expect(unconfirmed.statusCode).toBe(422);
      expect(unconfirmed.body).toContain('href="#delete-account-confirm"');
      expect(unconfirmed.body).not.toContain('href="#delete-account-password"');
      const empty = await a.client.submit('/en/account/delete', '/en/account/delete', {});
      expect(empty.body).toContain('Enter your password');

      expect(await userRow(a.id)).toEqual(before);
      expect((await a.client.get('/en/account')).statusCode).toBe(200);
      const note = await anyDb().selectFrom('test_notes').selectAll().where('user_id', '=', a.id).executeTakeFirstOrThrow();
      expect(note.phone).not.toBeNull();
    });

    it('refuses a post without CSRF token (403)', async () => {
      const a = await newUser();
      const r = await a.client.post('/en/account/delete', { password: PASSWORD, confirm: 'yes' });
      expect(r.statusCode).toBe(403);
      expect((await userRow(a.id)).deleted_at).toBeNull();
    });

    it('erases the personal data, keeps the contributions, ends every session, and lets the email register again', async () => {
      const a = await newUser();
      const otherDevice = `ecoop_session=${await createSession(t.app.db, a.id)}`;
      const { token } = await createApiTokenForEmail(t.app.db, { email: a.email, name: 'script' });
      await saveUserPreferences(t.app.db, a.id, { largeText: true, highContrast: true, reducedMotion: false });
      const oldSession = a.client.cookies.get('ecoop_session')!;

      const r = await a.client.submit('/en/account/delete', '/en/account/delete', { password: PASSWORD, confirm: 'yes', userId: '1' });
      expect(r.statusCode).toBe(303);
      expect(r.headers.location).toBe('/en/account/deleted');
      expect(a.client.cookies.has('ecoop_session')).toBe(false);

      // The goodbye page, in the page's language.
      const bye = await a.client.get('/en/account/deleted');
      expect(bye.statusCode).toBe(200);
      expect(bye.body).toContain('Your account has been deleted');
      expect((await a.client.get('/fr/account/deleted')).body).toContain('Votre compte a été supprimé');

      // The row stays (contributions point to it) with nothing personal left.
      const row = await userRow(a.id);
      expect(row.email).toBe(`deleted-${a.id}@invalid`);
      expect(row.display_name).toBe(DELETED_PARTICIPANT);
      expect(row.password_hash).toBeNull();
      expect(row.preferences).toBe('{}');
      expect(row.deleted_at).not.toBeNull();
      expect(participantName(row.display_name, translator('en'))).toBe('Deleted participant');
      expect(participantName(row.display_name, translator('fr'))).toBe('Participant supprimé');
      expect(participantName('Ada', translator('en'))).toBe('Ada');
      expect(await t.app.db.selectFrom('user_roles').select('id').where('user_id', '=', a.id).execute()).toEqual([]);
      expect(await t.app.db.selectFrom('account_tokens').select('id').where('user_id', '=', a.id).execute()).toEqual([]);
      expect(await t.app.db.selectFrom('sessions').select('id').where('user_id', '=', a.id).execute()).toEqual([]);
      const tokens = await t.app.db.selectFrom('api_tokens').select('revoked_at').where('user_id', '=', a.id).execute();
      expect(tokens.length).toBeGreaterThan(0);
      for (const k of tokens) expect(k.revoked_at).not.toBeNull();

      // The test module's contribution stays, attributed to the deleted participant, its personal field erased.
      const note = await anyDb()
        .selectFrom('test_notes')
        .innerJoin('users', 'users.id', 'test_notes.user_id')
        .select(['test_notes.body', 'test_notes.phone', 'users.display_name'])
        .where('test_notes.user_id', '=', a.id)
        .executeTakeFirstOrThrow();
      expect(note).toEqual({ body: `Note by person ${a.number}`, phone: null, display_name: DELETED_PARTICIPANT });

      // Every session and the API token are dead.
      for (const cookie of [`ecoop_session=${oldSession}`, otherDevice]) {
        const page = await t.app.inject({ url: '/en/account', headers: { cookie } });
        expect(page.statusCode).toBe(303);
        expect(page.headers.location).toMatch(/^\/en\/sign-in/);
      }
      expect((await t.app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);

      // Audited without personal data; no audit entry anywhere holds the address.
      const entry = await t.app.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'accounts.delete_account')
        .where('subject_id', '=', String(a.id))
        .executeTakeFirstOrThrow();
      expect(entry.actor_id).toBe(a.id);
      expect(entry.data).toBe('{}');
      const all = await t.app.db.selectFrom('audit_log').selectAll().execute();
      expect(JSON.stringify(all)).not.toContain(a.email);

      // A goodbye email to the old address is queued.
      const jobs = await t.app.db.selectFrom('jobs').select(['type', 'payload']).where('type', '=', 'mail.send').execute();
      const goodbye = jobs.map((j) => JSON.parse(j.payload) as { to: string; subject: string }).filter((m) => m.to === a.email);
      expect(goodbye.map((m) => m.subject)).toContain('Your E-COOP account has been deleted');

      // The account can never sign in again.
      const visitor = new TestClient(t.app, '203.0.113.50');
      const signIn = await visitor.submit('/en/sign-in', '/en/sign-in', { email: a.email, password: PASSWORD });
      expect(signIn.statusCode).toBe(422);
      expect(visitor.cookies.has('ecoop_session')).toBe(false);

      // Posting again does nothing more (no session: to the sign-in page).
      const again = await a.client.submit('/en/sign-in', '/en/account/delete', { password: PASSWORD, confirm: 'yes' });
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toMatch(/^\/en\/sign-in/);

      // The address is free: registering with it creates a new account.
      const registered = await visitor.submit('/en/register', '/en/register', {
        displayName: 'Back again',
        email: a.email,
        password: 'another long password',
        locale: 'en',
        terms: 'accepted',
      });
      expect(registered.statusCode).toBe(303);
      const fresh = await t.app.db.selectFrom('users').select(['id', 'deleted_at']).where('email', '=', a.email).executeTakeFirstOrThrow();
      expect(fresh.id).not.toBe(a.id);
      expect(fresh.deleted_at).toBeNull();
    });

    it('exports whether two-factor authentication is on (never its secret) and erases it with the account', async () => {
      const email = 'two-factor-person@example.org';
      const id = await createUserWithRoles(t.app.db, {
        email,
        displayName: 'Two Factor',
        password: PASSWORD,
        locale: 'en',
        roles: [],
        twoFactorSecret: DEMO_TOTP_SECRET,
      });
      const client = new TestClient(t.app, '198.51.100.250');
      client.cookies.set('ecoop_session', await createSession(t.app.db, id));
      const archive = await client.submit('/en/account', '/en/account/personal-data', {});
      expect(archive.statusCode).toBe(200);
      expect(archive.json().modules.accounts.twoFactor).toEqual({ enabledAt: expect.any(String), recoveryCodesLeft: expect.any(Number) });
      expect(archive.body).not.toContain(DEMO_TOTP_SECRET);
      const r = await client.submit('/en/account/delete', '/en/account/delete', { password: PASSWORD, confirm: 'yes' });
      expect(r.statusCode).toBe(303);
      for (const table of ['user_two_factor', 'two_factor_recovery_codes', 'two_factor_challenges'] as const) {
        expect(await t.app.db.selectFrom(table).select('user_id').where('user_id', '=', id).execute()).toEqual([]);
      }
    });

    it('is all or nothing: when a module fails, nothing is erased and no goodbye email is queued', async () => {
      const a = await newUser();
      const before = await userRow(a.id);
      const mails = async () =>
        (await t.app.db.selectFrom('jobs').select('payload').where('type', '=', 'mail.send').execute()).filter((j) =>
          j.payload.includes(a.email),
        ).length;
      failNextAnonymise = true;
      const r = await a.client.submit('/en/account/delete', '/en/account/delete', { password: PASSWORD, confirm: 'yes' });
      expect(r.statusCode).toBe(500);
      expect(await userRow(a.id)).toEqual(before);
      expect(await mails()).toBe(0);
      expect((await a.client.get('/en/account')).statusCode).toBe(200);
      expect(await t.app.db.selectFrom('user_roles').select('role').where('user_id', '=', a.id).execute()).not.toEqual([]);
    });

    it('deletes only the signed-in user, whatever else is posted', async () => {
      const a = await newUser();
      const b = await newUser();
      const r = await a.client.submit('/en/account/delete?userId=' + b.id, '/en/account/delete?userId=' + b.id, {
        password: PASSWORD,
        confirm: 'yes',
        userId: String(b.id),
      });
      expect(r.statusCode).toBe(303);
      expect((await userRow(a.id)).deleted_at).not.toBeNull();
      const other = await userRow(b.id);
      expect(other.deleted_at).toBeNull();
      expect(other.email).toBe(b.email);
      expect((await b.client.get('/en/account')).statusCode).toBe(200);
    });
  });
});
