/**
 * The job queue: work that must not hold up a request (mail, notifications, exports) is written to
 * the `jobs` table, in the same transaction as the change that causes it, and run by a worker in
 * every app instance. Claiming is one atomic UPDATE (with `FOR UPDATE SKIP LOCKED` on PostgreSQL),
 * so instances share the queue without running a job twice. Delivery is at least once: a job whose
 * instance died is run again after its lease, so handlers must be idempotent.
 *
 * Logs name the job's id and type, never its payload (it may hold addresses or personal data).
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { forUpdateSkipLocked, nowIso } from '../db/dialect.js';
import type { Row } from '../db/schema.js';

export { listJobs, countJobsByStatus, retryJob, purgeDoneJobs, JOB_STATUSES, type JobStatus, type JobSummary } from './jobs-admin.js';

/** What a handler gets besides its payload. */
export interface JobContext {
  db: Db;
  /** Already bound to the job's id and type. */
  log: FastifyBaseLogger;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  jobId: number;
}

/**
 * Runs one job. Throwing schedules a retry (or marks the job dead after its last attempt); throw
 * PermanentJobError when retrying cannot help. Runs at least once, so it must be idempotent.
 */
export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

/** Thrown by a handler when retrying cannot succeed (malformed payload): the job goes dead at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Runs before the job is declared dead (default 5). */
  maxAttempts?: number;
  /** Enqueueing twice with the same key yields one job, for as long as that job's row exists. */
  dedupeKey?: string;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const RETRY_BASE_MS = 30_000;
const RETRY_CAP_MS = 60 * 60 * 1000;
/** last_error keeps this much of an error message: enough to diagnose, bounded in the table. */
const ERROR_MAX_CHARS = 1000;

/**
 * Adds a job and returns its id. Pass the caller's transaction as `db` so the job exists if and
 * only if the write that causes it commits. With a dedupeKey already present, returns the id of
 * the existing job instead of adding one (ON CONFLICT DO NOTHING, so a PostgreSQL transaction is
 * not aborted by the duplicate).
 */
export async function enqueue(db: Db, type: string, payload: unknown, options: EnqueueOptions = {}): Promise<number> {
  const now = nowIso();
  const inserted = await db
    .insertInto('jobs')
    .values({
      type,
      payload: JSON.stringify(payload ?? null),
      status: 'queued',
      max_attempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: nowIso(options.runAt ?? new Date()),
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('dedupe_key', '=', options.dedupeKey ?? null)
    .executeTakeFirstOrThrow();
  return existing.id;
}

/**
 * The wait before retry number `attempt` (1 = after the first failure): 30 s × 2^(attempt-1),
 * capped at an hour, plus up to 20 % random jitter so jobs that failed together (an SMTP outage)
 * do not all come back in the same second.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (1 + 0.2 * random()));
}

export interface WorkerOptions {
  /** Wait between polls when the queue is empty (default 1000 ms). */
  pollIntervalMs?: number;
  /** Written to locked_by (default: host, pid and a random suffix). */
  instanceId?: string;
  /** A running job whose lock is older than this is presumed orphaned by a crash (default 5 min). */
  leaseMs?: number;
  /** The clock (tests move it forward to reach retries). */
  now?: () => Date;
}

/**
 * The in-process worker: polls the queue, runs one job at a time, retries failures with backoff,
 * and requeues jobs orphaned by a crashed instance. Start one per instance; they share the table.
 */
export class JobWorker {
  private readonly pollIntervalMs: number;
  private readonly instanceId: string;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  /** The runOnce in progress (calls are chained so they never overlap). */
  private current: Promise<boolean> = Promise.resolve(false);
  private lastRecovery = 0;

  constructor(
    readonly db: Db,
    readonly handlers: ReadonlyMap<string, JobHandler>,
    readonly log: FastifyBaseLogger,
    readonly options: WorkerOptions = {},
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseMs = options.leaseMs ?? 5 * 60 * 1000;
    this.now = options.now ?? (() => new Date());
  }

  /** Starts polling. Idempotent. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops polling and resolves once the job in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.current.catch(() => undefined);
  }

  /** Claims and runs one due job. Resolves true if a job was run (whatever its outcome). */
  runOnce(): Promise<boolean> {
    const next = this.current.catch(() => false).then(() => this.claimAndRun());
    this.current = next;
    return next;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.loop(), delayMs);
    // Polling alone must not keep a process alive (the CLI, tests).
    this.timer.unref();
  }

  /** Drains due jobs, then sleeps one poll interval. */
  private async loop(): Promise<void> {
    try {
      while (this.running && (await this.runOnce()));
    } catch (err) {
      // The database is unreachable or similar: keep polling, it may come back.
      this.log.error({ err }, 'job worker: poll failed');
    }
    this.schedule(this.pollIntervalMs);
  }

  private async claimAndRun(): Promise<boolean> {
    const now = this.now();
    if (now.getTime() - this.lastRecovery >= Math.min(this.leaseMs / 2, 60_000)) {
      this.lastRecovery = now.getTime();
      await this.recoverStale(now);
    }
    const job = await this.claim(now);
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  /** One atomic statement: the oldest due job becomes ours (see the file comment). */
  private async claim(now: Date): Promise<Row<'jobs'> | undefined> {
    const at = nowIso(now);
    const due = this.db
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_at', '<=', at)
      .orderBy('run_at')
      .orderBy('id')
      .limit(1);
    return this.db
      .updateTable('jobs')
      .set((eb) => ({ status: 'running', locked_at: at, locked_by: this.instanceId, attempts: eb('attempts', '+', 1), updated_at: at }))
      .where('id', '=', forUpdateSkipLocked(this.db, due))
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Jobs still 'running' after the lease belong to an instance that died. They go back to the
   * queue, or are declared dead if that was their last attempt (a job that kills its process must
   * not loop forever).
   */
  private async recoverStale(now: Date): Promise<void> {
    const at = nowIso(now);
    const expired = nowIso(new Date(now.getTime() - this.leaseMs));
    const dead = await this.db
      .updateTable('jobs')
      .set({
        status: 'dead',
        locked_at: null,
        locked_by: null,
        last_error: 'Lease expired on the last attempt: the instance running it stopped',
        updated_at: at,
      })
      .where('status', '=', 'running')
      .where('locked_at', '<', expired)
      .whereRef('attempts', '>=', 'max_attempts')
      .returning(['id', 'type'])
      .execute();
    const requeued = await this.db
      .updateTable('jobs')
      .set({
        status: 'queued',
        locked_at: null,
        locked_by: null,
        run_at: at,
        last_error: 'Lease expired: the instance running it stopped',
        updated_at: at,
      })
      .where('status', '=', 'running')
      .where('locked_at', '<', expired)
      .returning(['id', 'type'])
      .execute();
    for (const j of dead) this.log.error({ jobId: j.id, jobType: j.type }, 'job dead: lease expired on its last attempt');
    for (const j of requeued) this.log.warn({ jobId: j.id, jobType: j.type }, 'job requeued: lease expired');
  }

  private async execute(job: Row<'jobs'>): Promise<void> {
    const log = this.log.child({ jobId: job.id, jobType: job.type, attempt: job.attempts });
    const handler = this.handlers.get(job.type);
    if (!handler) {
      await this.finish(job, { status: 'dead', last_error: `No handler for job type "${job.type}"` });
      log.error('job dead: no handler for its type');
      return;
    }
    const heartbeat = setInterval(() => void this.extendLease(job).catch(() => undefined), Math.max(1000, this.leaseMs / 3));
    heartbeat.unref();
    const started = Date.now();
    try {
      await handler(parsePayload(job.payload), { db: this.db, log, attempt: job.attempts, jobId: job.id });
    } catch (err) {
      clearInterval(heartbeat);
      const lastError = errorMessage(err);
      // The message stays in the table (admins only); logs get its class and code, since driver
      // messages can quote the payload (an SMTP server rejecting an address names it).
      const errInfo = { errorName: (err as Error)?.name, errorCode: (err as { code?: unknown })?.code };
      if (err instanceof PermanentJobError || job.attempts >= job.max_attempts) {
        await this.finish(job, { status: 'dead', last_error: lastError });
        log.error(errInfo, 'job dead: failed on its last attempt');
      } else {
        const runAt = new Date(this.now().getTime() + retryDelayMs(job.attempts));
        await this.finish(job, { status: 'queued', last_error: lastError, run_at: nowIso(runAt) });
        log.warn({ ...errInfo, retryAt: runAt.toISOString() }, 'job failed: will retry');
      }
      return;
    }
    clearInterval(heartbeat);
    await this.finish(job, { status: 'done', last_error: null });
    log.info({ ms: Date.now() - started }, 'job done');
  }

  /** Records the outcome, unless our lease was lost meanwhile (another instance owns the job now). */
  private async finish(
    job: Row<'jobs'>,
    outcome: { status: 'done' | 'queued' | 'dead'; last_error: string | null; run_at?: string },
  ): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ ...outcome, locked_at: null, locked_by: null, updated_at: nowIso(this.now()) })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.instanceId)
      .where('attempts', '=', job.attempts)
      .execute();
  }

  /** Keeps a long job's lock fresh so recovery does not hand it to another instance. */
  private async extendLease(job: Row<'jobs'>): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ locked_at: nowIso(this.now()) })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.instanceId)
      .where('attempts', '=', job.attempts)
      .execute();
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    throw new PermanentJobError('The payload is not valid JSON');
  }
}

function errorMessage(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.length > ERROR_MAX_CHARS ? `${message.slice(0, ERROR_MAX_CHARS - 1)}…` : message;
}
