/**
 * Mail goes through the job queue: `sendMail` only enqueues (inside the caller's transaction when
 * given one), so a request never waits on an SMTP server and a failed delivery is retried. The
 * `mail.send` handler delivers over SMTP_URL, or, without it, writes to the `mail_outbox` table
 * that admins read in development. Addresses and bodies are never logged: only the job id.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { keysetFetchSize, keysetPage } from '../db/keyset.js';
import { nowIso } from '../db/dialect.js';
import { AppError } from './errors.js';
import { enqueue, PermanentJobError, type EnqueueOptions, type JobHandler } from './jobs.js';

/** The job type that delivers one message. */
export const MAIL_JOB = 'mail.send';

/** A message as accepted by sendMail (and stored in the job's payload). */
export const mailMessageSchema = z.object({
  to: z.email().max(254),
  // No line breaks: a subject is one header line.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^\r\n]*$/, 'must be one line'),
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(200_000).optional(),
});

export type MailMessage = z.input<typeof mailMessageSchema>;

/**
 * Validates a message and enqueues its delivery; returns the job id. Pass a transaction as `db` to
 * send the mail only if that transaction commits, and a dedupeKey (e.g. `verify:<userId>:<token>`)
 * to make a retried request send it once.
 */
export async function sendMail(db: Db, message: MailMessage, options: Pick<EnqueueOptions, 'dedupeKey' | 'runAt'> = {}): Promise<number> {
  const parsed = mailMessageSchema.safeParse(message);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      'Invalid mail message',
      parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message })),
    );
  }
  return enqueue(db, MAIL_JOB, parsed.data, options);
}

/**
 * The mail job handlers for a configuration (app.ts adds them to the worker). With an SMTP URL,
 * one transport is created on first use and reused; without, messages go to the outbox.
 */
export function mailJobHandlers(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Record<string, JobHandler> {
  let transport: Transporter | undefined;
  return {
    [MAIL_JOB]: async (payload, ctx) => {
      const parsed = mailMessageSchema.safeParse(payload);
      // Retrying cannot fix a payload that was stored malformed.
      if (!parsed.success) throw new PermanentJobError('Invalid mail payload');
      const message = parsed.data;
      if (config.smtpUrl) {
        transport ??= nodemailer.createTransport(config.smtpUrl);
        await transport.sendMail({
          from: config.mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        ctx.log.info('mail delivered over SMTP');
      } else {
        await ctx.db
          .insertInto('mail_outbox')
          .values({
            to_address: message.to,
            subject: message.subject,
            text_body: message.text,
            html_body: message.html ?? null,
            created_at: nowIso(),
          })
          .execute();
        ctx.log.info('mail written to the outbox (no SMTP_URL)');
      }
    },
  };
}

/** A message in the development outbox. */
export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** One page of the outbox, newest first, by keyset on the id (`nextBefore` null on the last page). */
export async function listOutbox(
  db: Db,
  { limit = 20, before }: { limit?: number; before?: number | undefined } = {},
): Promise<{ messages: OutboxMessage[]; nextBefore: number | null }> {
  let query = db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'text_body', 'created_at'])
    .orderBy('id', 'desc')
    .limit(keysetFetchSize(limit));
  if (before !== undefined) query = query.where('id', '<', before);
  const { page, nextBefore } = keysetPage(await query.execute(), limit);
  return {
    messages: page.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, text: r.text_body, createdAt: r.created_at })),
    nextBefore,
  };
}
