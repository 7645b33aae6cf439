import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { startSmtpServer } from '../../test/smtp.js';
import { createTestApp, createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';
import { JobWorker } from './jobs.js';
import { listOutbox, mailJobHandlers, MAIL_JOB, sendMail } from './mail.js';
import { recordingLogger } from './testing-logger.js';

const MESSAGE = {
  to: 'jane.doe@example.org',
  subject: 'Your appointment on Tuesday',
  text: 'Hello Jane,\nsee you at the library at 10.\n',
};

describeEachDatabase('mail through the job queue', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.handle.db;
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await db.deleteFrom('jobs').execute();
    await db.deleteFrom('mail_outbox').execute();
  });

  it('delivers over SMTP_URL, from MAIL_FROM, and logs neither address nor body', async () => {
    const smtp = await startSmtpServer();
    try {
      const log = recordingLogger();
      const handlers = mailJobHandlers({ smtpUrl: smtp.url, mailFrom: 'E-COOP <no-reply@ecoop.test>' });
      const worker = new JobWorker(db, new Map(Object.entries(handlers)), log);
      const id = await sendMail(db, MESSAGE);
      expect(smtp.received).toHaveLength(0);
      expect(await worker.runOnce()).toBe(true);

      expect(smtp.received).toHaveLength(1);
      const mail = smtp.received[0]!;
      expect(mail.from).toBe('no-reply@ecoop.test');
      expect(mail.to).toEqual(['jane.doe@example.org']);
      expect(mail.raw).toMatch(/^Subject: Your appointment on Tuesday\r?$/m);
      expect(mail.raw).toMatch(/^To: jane\.doe@example\.org\r?$/m);
      expect(mail.raw).toContain('Hello Jane,\r\nsee you at the library at 10.');
      expect(await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirst()).toEqual({ status: 'done' });
      expect(await db.selectFrom('mail_outbox').selectAll().execute()).toHaveLength(0);

      expect(log.entries.some((e) => e.bindings.jobId === id)).toBe(true);
      expect(log.text()).not.toContain('jane.doe');
      expect(log.text()).not.toContain('library');
    } finally {
      await smtp.close();
    }
  });

  it('retries later when the SMTP server is down, without logging the address', async () => {
    const smtp = await startSmtpServer();
    await smtp.close();
    const log = recordingLogger();
    const worker = new JobWorker(db, new Map(Object.entries(mailJobHandlers({ smtpUrl: smtp.url, mailFrom: 'x@ecoop.test' }))), log);
    const id = await sendMail(db, MESSAGE);
    await worker.runOnce();
    const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.last_error).toBeTruthy();
    expect(log.text()).not.toContain('jane.doe');
  });

  it('without SMTP_URL, puts the message in the outbox', async () => {
    const worker = new JobWorker(
      db,
      new Map(Object.entries(mailJobHandlers({ smtpUrl: undefined, mailFrom: 'x@ecoop.test' }))),
      recordingLogger(),
    );
    await sendMail(db, { ...MESSAGE, html: '<p>Hello</p>' });
    expect(await worker.runOnce()).toBe(true);
    const rows = await db.selectFrom('mail_outbox').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ to_address: MESSAGE.to, subject: MESSAGE.subject, text_body: MESSAGE.text, html_body: '<p>Hello</p>' });
    const { messages, nextBefore } = await listOutbox(db);
    expect(messages.map((m) => m.subject)).toEqual([MESSAGE.subject]);
    expect(nextBefore).toBeNull();
  });

  it('rejects an invalid message before enqueueing anything', async () => {
    for (const bad of [
      { ...MESSAGE, to: 'not an address' },
      { ...MESSAGE, subject: '' },
      { ...MESSAGE, subject: 'two\r\nBcc: victim@example.org' },
      { ...MESSAGE, text: '' },
    ]) {
      await expect(sendMail(db, bad)).rejects.toMatchObject({ code: 'validation_failed' } satisfies Partial<AppError>);
    }
    expect(await db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
  });

  it('sends nothing when the transaction that asked for the mail rolls back', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sendMail(trx, MESSAGE);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);
  });

  it('declares a malformed stored payload dead at once', async () => {
    const worker = new JobWorker(
      db,
      new Map(Object.entries(mailJobHandlers({ smtpUrl: undefined, mailFrom: 'x@ecoop.test' }))),
      recordingLogger(),
    );
    const { id } = await db
      .insertInto('jobs')
      .values({
        type: MAIL_JOB,
        payload: '{"to":42}',
        status: 'queued',
        max_attempts: 5,
        run_at: new Date(0).toISOString(),
        created_at: '',
        updated_at: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await worker.runOnce();
    expect(await db.selectFrom('jobs').select(['status', 'attempts']).where('id', '=', id).executeTakeFirst()).toEqual({
      status: 'dead',
      attempts: 1,
    });
  });
});

describeEachDatabase('mail wiring in the app', (dialect) => {
  it('the app’s worker delivers mail.send jobs (to the outbox without SMTP_URL)', async () => {
    const { app, close } = await createTestApp(dialect, { config: { jobsWorker: true } });
    try {
      await sendMail(app.db, MESSAGE);
      const deadline = Date.now() + 5000;
      let rows: unknown[] = [];
      while (Date.now() < deadline && rows.length === 0) {
        rows = await app.db.selectFrom('mail_outbox').select('id').execute();
        if (!rows.length) await new Promise((r) => setTimeout(r, 50));
      }
      expect(rows).toHaveLength(1);
    } finally {
      await close();
    }
  });
});
