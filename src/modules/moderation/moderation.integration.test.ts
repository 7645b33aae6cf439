import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestApp, describeEachDatabase, type TestApp } from '../../../test/support.js';
import type { Db } from '../../db/database.js';
import { moderationStatus, type FlaggableItem } from '../../platform/flags.js';
import type { EcoopModule } from '../../platform/module.js';
import { createSession } from '../../platform/session.js';
import { modules } from '../index.js';
import { createUserWithRoles, DEMO_TOTP_SECRET, type Role } from '../accounts/index.js';
import { deliverMail, TestClient } from '../accounts/testing.js';
import { moderationPersonalData } from './moderation.personal-data.js';

/** Notes that exist only in this test, flaggable like any module's content. */
const notes = new Map<string, FlaggableItem>();
let loads = 0;
const testModule: EcoopModule = {
  name: 'test-notes',
  flaggable: [
    {
      type: 'test.note',
      labelKey: 'moderation.nav',
      load: async (_db: Db, ids: readonly string[]) => {
        loads += 1;
        return ids.flatMap((id) => (notes.has(id) ? [notes.get(id)!] : []));
      },
    },
  ],
};

describeEachDatabase('flags and the moderation queue', (dialect) => {
  let t: TestApp;
  let authorId: number;
  let people = 0;

  /** A signed-in client with these roles (privileged roles with two-factor on, so they are in effect). */
  const person = async (roles: Role[] = [], ip = '127.0.0.1') => {
    people += 1;
    const privileged = roles.length > 0;
    const userId = await createUserWithRoles(t.app.db, {
      email: `person${people}@example.org`,
      displayName: `Person ${people}`,
      password: 'a long enough password',
      locale: 'en',
      roles: roles.map((role) => ({ role })),
      ...(privileged ? { twoFactorSecret: DEMO_TOTP_SECRET } : {}),
    });
    const client = new TestClient(t.app, ip);
    client.cookies.set('ecoop_session', await createSession(t.app.db, userId));
    return Object.assign(client, { userId });
  };
  const flagUrl = (id: string, type = 'test.note') => `/en/flags/new?type=${encodeURIComponent(type)}&id=${encodeURIComponent(id)}`;
  const report = (client: TestClient, id: string, fields: Record<string, string> = {}) =>
    client.submit(flagUrl('1'), '/en/flags', { type: 'test.note', id, reason: 'spam', comment: '', ...fields });
  const state = (id: string) =>
    t.app.db
      .selectFrom('moderation_states')
      .select(['status', 'flag_count', 'reason_shown', 'decided_by'])
      .where('content_type', '=', 'test.note')
      .where('content_id', '=', id)
      .executeTakeFirst();
  const flagCount = async () =>
    Number(
      (
        await t.app.db
          .selectFrom('flags')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const outbox = () => t.app.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body']).orderBy('id').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect, { config: { flagAutoHide: 2 }, build: { modules: [...modules, testModule] } });
    authorId = await createUserWithRoles(t.app.db, {
      email: 'author@example.org',
      displayName: 'The Author',
      password: 'a long enough password',
      locale: 'fr',
      roles: [],
    });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.app.db.deleteFrom('flags').execute();
    await t.app.db.deleteFrom('moderation_states').execute();
    await t.app.db.deleteFrom('mail_outbox').execute();
    await t.app.db.deleteFrom('jobs').execute();
    await t.app.db.deleteFrom('rate_limits').execute();
    notes.clear();
    for (const id of ['1', '2', '3']) notes.set(id, { id, authorId, title: `Note ${id}`, url: `/en/about#note-${id}` });
  });

  it('anonymous visitors cannot report: the form sends them to sign in, the POST is refused', async () => {
    const page = await t.app.inject({ method: 'GET', url: flagUrl('1') });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/en/sign-in?next=${encodeURIComponent(flagUrl('1'))}`);
    const post = await t.app.inject({
      method: 'POST',
      url: '/en/flags',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'type=test.note&id=1&reason=spam',
    });
    expect([401, 403]).toContain(post.statusCode);
    expect(await flagCount()).toBe(0);
  });

  it('a signed-in person reports content once; a second report writes nothing and says so', async () => {
    const citizen = await person();
    const form = await citizen.get(flagUrl('1'));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Note 1');
    expect(form.body).toContain('type="radio"');
    expect(form.body).toContain('value="personal_data"');

    const sent = await report(citizen, '1', { reason: 'offensive', comment: 'Rude.' });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/en/flags/new?type=test.note&id=1&done=reported');
    const confirmed = await citizen.get(sent.headers.location as string);
    expect(confirmed.body).toContain('your report was sent to the moderators');
    expect(await state('1')).toMatchObject({ status: 'visible', flag_count: 1 });

    const again = await report(citizen, '1', { reason: 'spam' });
    expect(again.headers.location).toBe('/en/flags/new?type=test.note&id=1&done=already');
    expect((await citizen.get(again.headers.location as string)).body).toContain('You have already reported this content');
    expect((await citizen.get(flagUrl('1'))).body).toContain('You have already reported this content');
    expect(await state('1')).toMatchObject({ status: 'visible', flag_count: 1 });
    expect(await flagCount()).toBe(1);
  });

  it('unknown types or ids, and invalid forms, write nothing', async () => {
    const citizen = await person();
    expect((await citizen.get(flagUrl('999'))).statusCode).toBe(404);
    expect((await citizen.get(flagUrl('1', 'no.such'))).statusCode).toBe(404);
    expect((await citizen.get('/en/flags/new')).statusCode).toBe(400);
    expect((await report(citizen, '999')).statusCode).toBe(404);
    expect((await report(citizen, '1', { type: 'no.such' })).statusCode).toBe(404);
    const noReason = await report(citizen, '1', { reason: '' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#flag-reason"');
    const badReason = await report(citizen, '1', { reason: 'boring' });
    expect(badReason.statusCode).toBe(422);
    const long = await report(citizen, '1', { comment: 'x'.repeat(1001) });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('1,000 characters or fewer');
    expect(await flagCount()).toBe(0);
    expect(await state('1')).toBeUndefined();
  });

  it('a missing CSRF token is refused (403) and writes nothing', async () => {
    const citizen = await person();
    await citizen.get(flagUrl('1'));
    const res = await citizen.post('/en/flags', { type: 'test.note', id: '1', reason: 'spam' });
    expect(res.statusCode).toBe(403);
    expect(await flagCount()).toBe(0);
  });

  it('hides content pending review at FLAG_AUTO_HIDE reports and tells the author', async () => {
    await report(await person(), '2');
    expect((await moderationStatus(t.app.db, 'test.note', ['2'])).size).toBe(0);
    await report(await person(), '2', { reason: 'off_topic' });
    expect(await state('2')).toMatchObject({ status: 'auto_hidden', flag_count: 2, decided_by: null });
    expect(await moderationStatus(t.app.db, 'test.note', ['1', '2'])).toEqual(new Map([['2', { status: 'auto_hidden', reason: null }]]));
    await deliverMail(t.app);
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'author@example.org', subject: 'Votre contenu est masqué en attendant un examen' });
    // Reporters stay anonymous to the author.
    expect(mails[0]!.text_body).not.toMatch(/Person \d|person\d@/);
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_id'])
      .where('action', '=', 'moderation.auto_hide')
      .execute();
    expect(audit).toContainEqual({ actor_id: null, subject_id: '2' });
  });

  it('citizens get 403 on the queue and on every decision, which change nothing', async () => {
    const citizen = await person();
    await report(citizen, '1');
    expect((await citizen.get('/en/moderation')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/en/moderation' })).statusCode).toBe(401);
    for (const action of ['hide', 'dismiss', 'restore']) {
      const res = await citizen.submit(flagUrl('1', 'test.note'), `/en/moderation/${action}`, { type: 'test.note', id: '1', reason: 'No' });
      expect(res.statusCode, action).toBe(403);
    }
    expect(await state('1')).toMatchObject({ status: 'visible', decided_by: null });
  });

  it('the queue lists reports grouped per item with counts by reason, and comments rendered inert', async () => {
    await report(await person(), '1', { reason: 'spam', comment: '<script>alert(1)</script>' });
    await report(await person(), '3', { reason: 'other', comment: 'fine' });
    const moderator = await person(['moderator']);
    await report(moderator, '3', { reason: 'spam' });
    loads = 0;
    const res = await moderator.get('/en/moderation');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('&lt;script>alert(1)&lt;/script>');
    expect(res.body.indexOf('Note 3')).toBeLessThan(res.body.indexOf('Note 1'));
    expect(res.body).toContain('2 reports,');
    expect(res.body).toContain('Spam or advertising: 1');
    expect(res.body).toContain('Something else: 1');
    expect(res.body).toContain('href="/en/moderation"');
    expect(res.body).not.toMatch(/Person \d/);
    // One load per content type on the page, not one per item.
    expect(loads).toBe(1);
    const fr = await moderator.get('/fr/moderation?status=hidden');
    expect(fr.body).toContain('Aucun contenu signalé avec ce statut.');
  });

  it('a moderator hides with a reason: status, audit, page cache, mail to the author', async () => {
    await report(await person(), '1');
    const moderator = await person(['moderator']);
    const missing = await moderator.submit('/en/moderation', '/en/moderation/hide', { type: 'test.note', id: '1', reason: '  ' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Enter the reason shown in place of the content');
    expect(await state('1')).toMatchObject({ status: 'visible' });

    const before = await t.app.contentGeneration.current();
    const hidden = await moderator.submit('/en/moderation', '/en/moderation/hide', {
      type: 'test.note',
      id: '1',
      reason: 'Advertising <b>spam</b>',
    });
    expect(hidden.statusCode).toBe(303);
    expect(hidden.headers.location).toBe('/en/moderation?done=hidden');
    expect(await state('1')).toMatchObject({ status: 'hidden', reason_shown: 'Advertising <b>spam</b>', decided_by: moderator.userId });
    expect(await moderationStatus(t.app.db, 'test.note', ['1'])).toEqual(
      new Map([['1', { status: 'hidden', reason: 'Advertising <b>spam</b>' }]]),
    );
    const audit = await t.app.db
      .selectFrom('audit_log')
      .select(['actor_id', 'subject_type', 'subject_id', 'request_id'])
      .where('action', '=', 'moderation.hide')
      .execute();
    expect(audit).toEqual([{ actor_id: moderator.userId, subject_type: 'test.note', subject_id: '1', request_id: expect.any(String) }]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await t.app.contentGeneration.current()).not.toBe(before);

    await deliverMail(t.app);
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'author@example.org', subject: 'Un modérateur a masqué votre contenu' });
    expect(mails[0]!.text_body).toContain('Advertising <b>spam</b>');
    expect(mails[0]!.text_body).toContain('Note 1');

    // A second click changes nothing more.
    await moderator.submit('/en/moderation', '/en/moderation/hide', { type: 'test.note', id: '1', reason: 'Again' });
    expect(await state('1')).toMatchObject({ reason_shown: 'Advertising <b>spam</b>' });
    const list = await moderator.get('/en/moderation?status=hidden');
    expect(list.body).toContain('Reason shown: Advertising &lt;b>spam&lt;/b>');
    expect(list.body).toContain('action="/en/moderation/restore"');

    const restored = await moderator.submit('/en/moderation?status=hidden', '/en/moderation/restore', {
      type: 'test.note',
      id: '1',
      status: 'hidden',
    });
    expect(restored.headers.location).toBe('/en/moderation?done=restored&status=hidden');
    expect(await state('1')).toMatchObject({ status: 'dismissed', reason_shown: null });
    expect((await moderationStatus(t.app.db, 'test.note', ['1'])).size).toBe(0);
  });

  it('dismissing keeps the content visible and the flags as history; an admin may decide too', async () => {
    await report(await person(), '2');
    await report(await person(), '2');
    expect(await state('2')).toMatchObject({ status: 'auto_hidden' });
    const admin = await person(['admin']);
    const res = await admin.submit('/en/moderation', '/en/moderation/dismiss', { type: 'test.note', id: '2' });
    expect(res.statusCode).toBe(303);
    expect(await state('2')).toMatchObject({ status: 'dismissed', flag_count: 2, decided_by: admin.userId });
    expect(await flagCount()).toBe(2);
    expect((await moderationStatus(t.app.db, 'test.note', ['2'])).size).toBe(0);
    const audit = await t.app.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'moderation.dismiss').execute();
    expect(audit).toEqual([{ actor_id: admin.userId }]);
    // A decided item is not hidden again automatically; a new report puts it back in the queue.
    await report(await person(), '2');
    expect(await state('2')).toMatchObject({ status: 'visible', flag_count: 3 });
    // Deciding on content never reported is a 404.
    const never = await admin.submit('/en/moderation', '/en/moderation/dismiss', { type: 'test.note', id: '3' });
    expect(never.statusCode).toBe(404);
  });

  it('rate-limits reports, and pages through the queue by keyset', async () => {
    for (let n = 1; n <= 23; n++) notes.set(`p${n}`, { id: `p${n}`, authorId: null, title: `Paged ${n}`, url: '/en/about' });
    // Reporting is rate-limited per address (20 an hour): the 21st report from one address is refused.
    const citizen = await person();
    for (let n = 1; n <= 20; n++) expect((await report(citizen, `p${n}`)).statusCode).toBe(303);
    expect((await report(citizen, 'p21')).statusCode).toBe(429);
    const other = await person([], '10.1.2.3');
    for (let n = 21; n <= 23; n++) await report(other, `p${n}`);
    const moderator = await person(['moderator']);
    const first = await moderator.get('/en/moderation');
    expect(first.body).toContain('Paged 23');
    expect(first.body).not.toContain('Paged 3<');
    const next = /href="(\/en\/moderation\?before=\d+)" rel="next"/.exec(first.body);
    expect(next).not.toBeNull();
    const second = await moderator.get(next![1]!);
    expect(second.body).toContain('Paged 3<');
    expect(second.body).toContain('Paged 1<');
    expect(second.body).not.toContain('Paged 4<');
  });

  it('exports a person’s reports and decisions, and erases their comments when they leave', async () => {
    const citizen = await person();
    await report(citizen, '1', { reason: 'other', comment: 'My words' });
    const moderator = await person(['moderator']);
    await moderator.submit('/en/moderation', '/en/moderation/hide', { type: 'test.note', id: '1', reason: 'Off' });
    expect(await moderationPersonalData.export(t.app.db, citizen.userId)).toEqual({
      reports: [{ contentType: 'test.note', contentId: '1', reason: 'other', comment: 'My words', createdAt: expect.any(String) }],
      decisions: [],
    });
    expect((await moderationPersonalData.export(t.app.db, moderator.userId)).decisions).toEqual([
      { contentType: 'test.note', contentId: '1', status: 'hidden', reasonShown: 'Off', decidedAt: expect.any(String) },
    ]);
    await t.app.db.transaction().execute((trx) => moderationPersonalData.anonymise(trx, citizen.userId));
    expect(await moderationPersonalData.export(t.app.db, citizen.userId)).toMatchObject({ reports: [{ reason: 'other', comment: null }] });
    expect(await state('1')).toMatchObject({ flag_count: 1, status: 'hidden' });
  });
});
