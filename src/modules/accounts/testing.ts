/**
 * Test helpers of the accounts module: a real SMTP server that keeps what it receives, the mail
 * worker run on demand, and a small cookie-keeping client that posts forms with their CSRF token.
 */
import type { FastifyInstance } from 'fastify';
import { JobWorker } from '../../platform/jobs.js';
import { mailJobHandlers } from '../../platform/mail.js';
import { recordingLogger } from '../../platform/testing-logger.js';
import { mailText, type ReceivedMail } from '../../../test/smtp.js';

export { startSmtpServer, mailText, type ReceivedMail } from '../../../test/smtp.js';

/** Delivers every queued mail of an app (its worker is off in tests). */
export async function deliverMail(app: FastifyInstance): Promise<void> {
  const worker = new JobWorker(app.db, new Map(Object.entries(mailJobHandlers(app.config))), recordingLogger());
  while (await worker.runOnce());
}

/** The first link of a mail to `path` (e.g. `/en/verify-email`), with its token. */
export function linkIn(mail: ReceivedMail, path: string): { url: string; token: string } {
  const match = new RegExp(`https?://[^\\s]*${path.replace(/[/.]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(mailText(mail));
  if (!match?.[1]) throw new Error(`no ${path} link in mail`);
  return { url: match[0], token: match[1] };
}

/**
 * A browser of sorts: keeps cookies, and posts a form the way a page would, with the CSRF token
 * of the page it was on. `ip` sets the client address (rate limits count per IP).
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(response: { cookies: { name: string; value: string; maxAge?: number; expires?: Date }[] }) {
    for (const c of response.cookies) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async get(url: string) {
    const response = await this.app.inject({ url, headers: { cookie: this.cookieHeader }, remoteAddress: this.ip });
    this.keep(response);
    return response;
  }

  /** Loads `formPage`, then posts `fields` to `action` with that page's CSRF token. */
  async submit(formPage: string, action: string, fields: Record<string, string>) {
    const page = await this.get(formPage);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${formPage} (${page.statusCode})`);
    return this.post(action, { _csrf: token, ...fields });
  }

  /** Posts fields as a form (no CSRF token added). */
  async post(url: string, fields: Record<string, string>) {
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { cookie: this.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
      remoteAddress: this.ip,
    });
    this.keep(response);
    return response;
  }
}
