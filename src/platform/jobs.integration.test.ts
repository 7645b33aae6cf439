import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../../test/support.js';
import type { Db } from '../db/database.js';
import { nowIso } from '../db/dialect.js';
import { enqueue, JobWorker, listJobs, PermanentJobError, purgeDoneJobs, retryJob, type JobHandler } from './jobs.js';
import { recordingLogger } from './testing-logger.js';

const SECRET = 'jane.doe@example.org';

describeEachDatabase('job queue', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = database.handle.db;
  });
  afterAll(() => database.destroy());
  beforeEach(async () => {
    await db.deleteFrom('jobs').execute();
  });

  const job = (id: number) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const worker = (handlers: Record<string, JobHandler>, options: ConstructorParameters<typeof JobWorker>[3] = {}) => {
    const log = recordingLogger();
    return { worker: new JobWorker(db, new Map(Object.entries(handlers)), log, options), log };
  };

  it('runs an enqueued job once, with its payload, and marks it done', async () => {
    const seen: unknown[] = [];
    const { worker: w, log } = worker({
      'test.echo': async (payload, ctx) => void seen.push({ payload, attempt: ctx.attempt, jobId: ctx.jobId }),
    });
    const id = await enqueue(db, 'test.echo', { to: SECRET, n: 1 });
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(false);
    expect(seen).toEqual([{ payload: { to: SECRET, n: 1 }, attempt: 1, jobId: id }]);
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 1, locked_at: null, locked_by: null, last_error: null });
    expect(log.entries.some((e) => e.bindings.jobId === id && e.bindings.jobType === 'test.echo')).toBe(true);
    expect(log.text()).not.toContain(SECRET);
  });

  it('does not run a job before its run_at', async () => {
    const { worker: w } = worker({ 'test.noop': async () => undefined });
    const id = await enqueue(db, 'test.noop', {}, { runAt: new Date(Date.now() + 60_000) });
    expect(await w.runOnce()).toBe(false);
    expect((await job(id)).status).toBe('queued');
  });

  it('retries a failing job with growing delays, then declares it dead after max attempts', async () => {
    let clock = new Date();
    const { worker: w, log } = worker(
      {
        'test.fail': async () => {
          throw new Error('SMTP said no');
        },
      },
      { now: () => clock },
    );
    // Due at the worker's clock (the real clock has moved on by a few ms).
    const id = await enqueue(db, 'test.fail', { to: SECRET }, { maxAttempts: 3, runAt: clock });

    expect(await w.runOnce()).toBe(true);
    let row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Error: SMTP said no', locked_by: null });
    const firstDelay = Date.parse(row.run_at) - clock.getTime();
    expect(firstDelay).toBeGreaterThanOrEqual(30_000);
    expect(firstDelay).toBeLessThanOrEqual(36_000);
    // Not due yet: nothing runs.
    expect(await w.runOnce()).toBe(false);

    clock = new Date(Date.parse(row.run_at) + 1);
    expect(await w.runOnce()).toBe(true);
    row = await job(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 2 });
    const secondDelay = Date.parse(row.run_at) - clock.getTime();
    expect(secondDelay).toBeGreaterThanOrEqual(60_000);
    expect(secondDelay).toBeLessThanOrEqual(72_000);

    clock = new Date(Date.parse(row.run_at) + 1);
    expect(await w.runOnce()).toBe(true);
    row = await job(id);
    expect(row).toMatchObject({ status: 'dead', attempts: 3, last_error: 'Error: SMTP said no', locked_at: null });

    clock = new Date(clock.getTime() + 24 * 3600_000);
    expect(await w.runOnce()).toBe(false);
    expect(log.entries.filter((e) => e.level === 'error' && e.bindings.jobId === id)).toHaveLength(1);
    expect(log.text()).not.toContain(SECRET);
    expect(log.text()).not.toContain('SMTP said no');
  });

  it('truncates a long error message', async () => {
    const { worker: w } = worker({ 'test.fail': async () => Promise.reject(new Error('x'.repeat(5000))) });
    const id = await enqueue(db, 'test.fail', {}, { maxAttempts: 1 });
    await w.runOnce();
    const row = await job(id);
    expect(row.status).toBe('dead');
    expect(row.last_error!.length).toBeLessThanOrEqual(1000);
  });

  it('clears the last error when a retry succeeds', async () => {
    let clock = new Date();
    let calls = 0;
    const { worker: w } = worker(
      {
        'test.flaky': async () => {
          if (calls++ === 0) throw new Error('once');
        },
      },
      { now: () => clock },
    );
    const id = await enqueue(db, 'test.flaky', {}, { runAt: clock });
    await w.runOnce();
    expect((await job(id)).last_error).toBe('Error: once');
    clock = new Date(clock.getTime() + 3600_000);
    await w.runOnce();
    expect(await job(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null });
  });

  it('declares a job of an unknown type dead at once, with a clear error', async () => {
    const { worker: w } = worker({});
    const id = await enqueue(db, 'test.nobody', { to: SECRET });
    expect(await w.runOnce()).toBe(true);
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'No handler for job type "test.nobody"' });
  });

  it('declares a job dead at once on PermanentJobError', async () => {
    const { worker: w } = worker({ 'test.bad': async () => Promise.reject(new PermanentJobError('malformed')) });
    const id = await enqueue(db, 'test.bad', {});
    await w.runOnce();
    expect(await job(id)).toMatchObject({ status: 'dead', attempts: 1, last_error: 'PermanentJobError: malformed' });
  });

  it('enqueues once per dedupeKey, also inside a transaction', async () => {
    const a = await enqueue(db, 'test.noop', { n: 1 }, { dedupeKey: 'welcome:42' });
    const b = await enqueue(db, 'test.noop', { n: 2 }, { dedupeKey: 'welcome:42' });
    const c = await db.transaction().execute((trx) => enqueue(trx, 'test.noop', { n: 3 }, { dedupeKey: 'welcome:42' }));
    expect(b).toBe(a);
    expect(c).toBe(a);
    const rows = await db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ n: 1 });
  });

  it('enqueues atomically with the caller’s transaction', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await enqueue(trx, 'test.noop', { n: 1 });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await db.selectFrom('jobs').selectAll().execute()).toHaveLength(0);

    const id = await db.transaction().execute((trx) => enqueue(trx, 'test.noop', { n: 2 }));
    expect((await job(id)).status).toBe('queued');
  });

  it('never runs a job twice with two instances on two connection pools', async () => {
    const other = database.reopen();
    const runs = new Map<number, number>();
    const byWorker = [0, 0];
    const handler =
      (index: number): JobHandler =>
      async (payload: { n: number }) => {
        runs.set(payload.n, (runs.get(payload.n) ?? 0) + 1);
        byWorker[index]!++;
        await new Promise((r) => setTimeout(r, 2));
      };
    const a = new JobWorker(db, new Map([['test.count', handler(0)]]), recordingLogger(), { instanceId: 'a' });
    const b = new JobWorker(other.db, new Map([['test.count', handler(1)]]), recordingLogger(), { instanceId: 'b' });
    for (let n = 0; n < 40; n++) await enqueue(db, 'test.count', { n });
    const drain = async (w: JobWorker) => {
      while (await w.runOnce());
    };
    await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
    expect([...runs.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(byWorker[0]! + byWorker[1]!).toBe(40);
    expect(byWorker[0]).toBeGreaterThan(0);
    expect(byWorker[1]).toBeGreaterThan(0);
    const statuses = await db.selectFrom('jobs').select('status').distinct().execute();
    expect(statuses.map((s) => s.status)).toEqual(['done']);
  });

  it('serialises runOnce calls on one worker', async () => {
    let active = 0;
    let maxActive = 0;
    const { worker: w } = worker({
      'test.slow': async () => {
        maxActive = Math.max(maxActive, ++active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
      },
    });
    for (let n = 0; n < 5; n++) await enqueue(db, 'test.slow', { n });
    const results = await Promise.all(Array.from({ length: 6 }, () => w.runOnce()));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(maxActive).toBe(1);
  });

  it('requeues a job orphaned by a crashed instance, and kills one that was on its last attempt', async () => {
    const old = nowIso(new Date(Date.now() - 10 * 60_000));
    const orphan = (attempts: number, maxAttempts: number) =>
      db
        .insertInto('jobs')
        .values({
          type: 'test.noop',
          payload: '{}',
          status: 'running',
          attempts,
          max_attempts: maxAttempts,
          run_at: old,
          locked_at: old,
          locked_by: 'crashed',
          created_at: old,
          updated_at: old,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const fresh = nowIso();
    const live = await db
      .insertInto('jobs')
      .values({
        type: 'test.noop',
        payload: '{}',
        status: 'running',
        attempts: 1,
        max_attempts: 5,
        run_at: fresh,
        locked_at: fresh,
        locked_by: 'alive',
        created_at: fresh,
        updated_at: fresh,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const retried = await orphan(1, 5);
    const last = await orphan(5, 5);
    const ran: number[] = [];
    const { worker: w } = worker({ 'test.noop': async (_p, ctx) => void ran.push(ctx.jobId) });
    expect(await w.runOnce()).toBe(true);
    expect(ran).toEqual([retried.id]);
    expect(await job(retried.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await job(last.id)).toMatchObject({ status: 'dead', locked_by: null });
    expect((await job(last.id)).last_error).toMatch(/lease expired/i);
    expect(await job(live.id)).toMatchObject({ status: 'running', locked_by: 'alive' });
  });

  it('polls when started, and stop() waits for the job in progress', async () => {
    let release!: () => void;
    let started!: () => void;
    const startedP = new Promise<void>((r) => (started = r));
    const { worker: w } = worker(
      {
        'test.wait': async () => {
          started();
          await new Promise<void>((r) => (release = r));
        },
      },
      { pollIntervalMs: 10 },
    );
    w.start();
    const id = await enqueue(db, 'test.wait', {});
    await startedP;
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 30));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await job(id)).status).toBe('done');
    // Stopped: a new job stays queued.
    const later = await enqueue(db, 'test.wait', {});
    await new Promise((r) => setTimeout(r, 50));
    expect((await job(later)).status).toBe('queued');
  });

  it('lists jobs by status with keyset pagination, retries dead ones, purges old done ones', async () => {
    const ids: number[] = [];
    for (let n = 0; n < 5; n++) ids.push(await enqueue(db, 'test.noop', { n }));
    await db.updateTable('jobs').set({ status: 'dead', attempts: 5, last_error: 'Error: x' }).where('id', 'in', ids.slice(0, 3)).execute();
    const first = await listJobs(db, { status: 'dead', limit: 2 });
    expect(first.jobs.map((j) => j.id)).toEqual([ids[2], ids[1]]);
    expect(first.jobs[0]).not.toHaveProperty('payload');
    expect(first.nextBefore).toBe(ids[1]);
    const second = await listJobs(db, { status: 'dead', limit: 2, before: first.nextBefore! });
    expect(second.jobs.map((j) => j.id)).toEqual([ids[0]]);
    expect(second.nextBefore).toBeNull();

    expect(await retryJob(db, ids[0]!)).toBe(true);
    expect(await retryJob(db, ids[0]!)).toBe(false);
    expect(await retryJob(db, ids[4]!)).toBe(false);
    expect(await job(ids[0]!)).toMatchObject({ status: 'queued', attempts: 0 });

    const old = nowIso(new Date(Date.now() - 8 * 24 * 3600_000));
    await db.updateTable('jobs').set({ status: 'done', updated_at: old }).where('id', '=', ids[3]!).execute();
    await db.updateTable('jobs').set({ status: 'done' }).where('id', '=', ids[4]!).execute();
    expect(await purgeDoneJobs(db, new Date(Date.now() - 7 * 24 * 3600_000))).toBe(1);
    const left = await db.selectFrom('jobs').select('id').orderBy('id').execute();
    expect(left.map((r) => r.id)).toEqual([ids[0], ids[1], ids[2], ids[4]]);
  });
});
