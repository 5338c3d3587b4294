import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { signedInClient } from '../../../tests/support/factories';
import { manualClock } from '../../../tests/support/clock';
import { createJobsService, type JobContext } from './service';

/** A promise and the function that resolves it, to hold a handler mid-run. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('the job queue', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const queue = (name: string, clock: ReturnType<typeof manualClock>, extra: { backoffBaseMs?: number; backoffCapMs?: number } = {}) =>
    createJobsService({ database: t.app.database, logger: t.app.log, clock: clock.now, owner: name, ...extra });

  it('queues a key once, however often it is queued, and not at all when the transaction rolls back', async () => {
    const clock = manualClock();
    const jobs = queue('idempotent', clock);
    const ran: string[] = [];
    jobs.register<{ n: number }, void>({ kind: 'test.once', handler: async ({ n }) => void ran.push(`n=${n}`) });
    assert.equal(await jobs.enqueue([{ kind: 'test.once', payload: { n: 1 }, key: 'once:1' }]), 1);
    assert.equal(await jobs.enqueue([{ kind: 'test.once', payload: { n: 2 }, key: 'once:1' }]), 0);
    await Promise.all([1, 2, 3].map(() => jobs.enqueue([{ kind: 'test.once', payload: { n: 3 }, key: 'once:1' }])));
    await t.app.database.db
      .transaction()
      .execute(async (trx) => {
        await jobs.enqueue([{ kind: 'test.once', payload: { n: 4 }, key: 'once:rolled-back' }], trx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    assert.equal(await jobs.findByKey('once:rolled-back'), undefined);
    const outcomes = await jobs.drain();
    assert.deepEqual(outcomes.map((o) => o.status), ['done']);
    assert.deepEqual(ran, ['n=1']);
    // Done jobs keep their key: queuing it again still does nothing.
    assert.equal(await jobs.enqueue([{ kind: 'test.once', payload: { n: 5 }, key: 'once:1' }]), 0);
    assert.deepEqual(await jobs.drain(), []);
    // `requeue` is the explicit way to run finished work again.
    assert.equal(await jobs.requeue([{ kind: 'test.once', payload: { n: 6 }, key: 'once:1' }]), 1);
    await jobs.drain();
    assert.deepEqual(ran, ['n=1', 'n=1']);
  });

  it('retries a failing job with exponential backoff, capped, until its last attempt', async () => {
    const clock = manualClock();
    const jobs = queue('backoff', clock, { backoffBaseMs: 1_000, backoffCapMs: 3_000 });
    const attempts: number[] = [];
    jobs.register({
      kind: 'test.flaky',
      maxAttempts: 4,
      handler: async (_payload, { attempt }: JobContext) => {
        attempts.push(attempt);
        throw new Error(`refused on attempt ${attempt}`);
      },
    });
    await jobs.enqueue([{ kind: 'test.flaky', payload: null, key: 'flaky' }]);
    const start = clock.now();
    const schedule: string[] = [];
    // Each retry is due exactly after its wait, not a millisecond before: 1 s, 2 s, then capped at 3 s.
    for (const wait of [0, 1_000, 2_000, 3_000]) {
      if (wait > 0) {
        clock.advance(wait - 1);
        assert.deepEqual(await jobs.runDue(), [], `not due ${wait - 1} ms after the failure`);
        clock.advance(1);
      }
      const [outcome] = await jobs.runDue();
      schedule.push(`${(clock.now() - start) / 1000}s:${outcome?.status}`);
    }
    assert.deepEqual(schedule, ['0s:retrying', '1s:retrying', '3s:retrying', '6s:failed']);
    assert.deepEqual(attempts, [1, 2, 3, 4]);
    const job = await jobs.findByKey('flaky');
    assert.equal(job?.status, 'failed');
    assert.equal(job?.attempts, 4);
    assert.equal(job?.last_error, 'refused on attempt 4');
    assert.equal(job?.finished_at, new Date(clock.now()).toISOString());
    clock.advance(24 * 3600_000);
    assert.deepEqual(await jobs.runDue(), [], 'a failed job waits for an admin');

    // An admin's retry gives it fresh attempts.
    assert.equal(await jobs.retry(job!.id), true);
    assert.equal(await jobs.retry(job!.id), false, 'only a failed job can be retried');
    const [again] = await jobs.runDue();
    assert.equal(again?.status, 'retrying');
    assert.equal((await jobs.findByKey('flaky'))?.attempts, 1);
  });

  it('lets another worker take a job over only once its lease has expired, and renews the lease of a long job', async () => {
    const clock = manualClock();
    const first = queue('first', clock);
    const second = queue('second', clock);
    const held = gate();
    const started = gate();
    const runs: string[] = [];
    let firstSignal: AbortSignal | undefined;
    const kind = (name: string) => ({
      kind: 'test.long',
      leaseMs: 30_000,
      handler: async (_payload: unknown, context: JobContext) => {
        runs.push(`${name}#${context.attempt}`);
        if (name === 'first') {
          firstSignal = context.signal;
          started.open();
          await held.opened;
        }
        return name;
      },
    });
    first.register(kind('first'));
    second.register(kind('second'));
    await first.enqueue([{ kind: 'test.long', payload: null, key: 'long' }]);

    const running = first.runDue();
    await started.opened;
    assert.deepEqual(await second.runDue(), [], 'the lease is held');
    // The long job's worker renews its lease; a worker that checks after the first lease would have expired still finds it held.
    clock.advance(20_000);
    await first.renewLeases();
    clock.advance(20_000);
    assert.deepEqual(await second.runDue(), [], 'the renewed lease is held');
    assert.equal(firstSignal?.aborted, false);

    // The first worker stops renewing (it hangs, or died): once the lease expires, the second takes the job over.
    clock.advance(30_000);
    const [taken] = await second.runDue();
    assert.deepEqual({ status: taken?.status, result: taken?.result }, { status: 'done', result: 'second' });
    assert.deepEqual(runs, ['first#1', 'second#2']);
    // The first worker learns it lost the lease, and its late finish is not recorded over the second's.
    await first.renewLeases();
    assert.equal(firstSignal?.aborted, true);
    held.open();
    const [late] = await running;
    assert.equal(late?.status, 'lost');
    const job = await first.findByKey('long');
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 2);
  });

  it('never starts a second run of a job it is still running, though its lease expired; another worker takes it over', async () => {
    const clock = manualClock();
    const stalled = queue('stalled', clock);
    const other = queue('other', clock);
    const held = gate();
    const started = gate();
    const runs: string[] = [];
    let stalledSignal: AbortSignal | undefined;
    const kind = (name: string) => ({
      kind: 'test.stalled',
      leaseMs: 30_000,
      // A free slot, so only the job's own state keeps the worker from taking it again.
      concurrency: 2,
      handler: async (_payload: unknown, context: JobContext) => {
        runs.push(`${name}#${context.attempt}`);
        if (context.attempt === 1) {
          stalledSignal = context.signal;
          started.open();
          await held.opened;
        }
        return name;
      },
    });
    stalled.register(kind('stalled'));
    other.register(kind('other'));
    await stalled.enqueue([{ kind: 'test.stalled', payload: null, key: 'stalled' }]);
    const running = stalled.runDue();
    await started.opened;
    // Its renewals stopped (the database unreachable, the event loop blocked) while the handler still runs.
    clock.advance(30_000);
    assert.deepEqual(await stalled.runDue(), [], 'the worker does not take its own job over');
    assert.deepEqual(runs, ['stalled#1']);
    const [taken] = await other.runDue();
    assert.deepEqual({ status: taken?.status, result: taken?.result }, { status: 'done', result: 'other' });
    assert.deepEqual(runs, ['stalled#1', 'other#2']);
    await stalled.renewLeases();
    assert.equal(stalledSignal?.aborted, true, 'the stalled run learns that it lost the job');
    held.open();
    assert.deepEqual((await running).map((outcome) => outcome.status), ['lost']);
  });

  it('starts with each kind recovering, runs jobs at each tick, and stops only after running jobs are recorded', async () => {
    const clock = manualClock();
    let tick: () => void = () => {};
    const jobs = createJobsService({
      database: t.app.database,
      logger: t.app.log,
      clock: clock.now,
      schedule: (fn) => {
        tick = fn;
        return () => {
          tick = () => {};
        };
      },
    });
    const held = gate();
    const started = gate();
    const events: string[] = [];
    jobs.register({
      kind: 'test.ticked',
      onStart: async () => void events.push('recovered'),
      handler: async () => {
        events.push('ran');
        started.open();
        await held.opened;
      },
    });
    await jobs.enqueue([{ kind: 'test.ticked', payload: null }]);
    await jobs.start();
    assert.deepEqual(events, ['recovered']);
    tick();
    await started.opened;
    const stopped = jobs.stop().then(() => events.push('stopped'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(events, ['recovered', 'ran'], 'stop waits for the running job');
    held.open();
    await stopped;
    assert.deepEqual(events, ['recovered', 'ran', 'stopped']);
    assert.equal((await t.app.database.db.selectFrom('jobs').select('status').where('kind', '=', 'test.ticked').executeTakeFirst())?.status, 'done');
  });
});

describe('the job queue page', () => {
  let t: TestApp;
  let admin: TestClient;
  before(async () => {
    t = await createTestApp();
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
  });
  after(() => t.close());

  it('lists jobs by state with counts, shows why a job failed, and retries it with a confirmation', async () => {
    // Ahead of the app's own clock, which dates the retry, so the retried job is due for this worker.
    const clock = manualClock(Date.now() + 60_000);
    const jobs = createJobsService({ database: t.app.database, logger: t.app.log, clock: clock.now });
    let refuse = true;
    jobs.register({
      kind: 'test.page',
      maxAttempts: 1,
      handler: async () => {
        if (refuse) throw new Error('The <printer> is out of paper');
      },
    });
    await jobs.enqueue(Array.from({ length: 30 }, (_, i) => ({ kind: 'test.page', payload: i, key: `page:${String(i).padStart(2, '0')}` })));
    await jobs.drain();
    await jobs.enqueue([{ kind: 'test.page', payload: 'later', key: 'page:later', runAt: clock.now() + 3600_000 }]);

    const page = await admin.get('/jobs');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Background jobs<\/h1>/);
    assert.match(page.body, /<caption>Jobs by state<\/caption>/);
    assert.match(page.body, /<a href="\/jobs\?status=failed" aria-current="page">Failed<\/a><\/td><td class="numeric">30<\/td>/);
    assert.match(page.body, /<a href="\/jobs\?status=pending">Waiting<\/a><\/td><td class="numeric">1<\/td>/);
    assert.match(page.body, /Failed jobs, most recent first \(30\)/);
    assert.match(page.body, /The &lt;printer> is out of paper/);
    assert.equal(page.body.match(/>Retry<\/button>/g)?.length, 25);
    assert.match(page.body, /Page 1 of 2/);
    assert.match(page.body, /href="\/jobs\?status=failed&amp;page=2"/);
    // Finished jobs are listed most recent first, then by id, so pages never overlap.
    const second = await admin.get('/jobs?status=failed&page=2');
    assert.equal(second.body.match(/>Retry<\/button>/g)?.length, 5);
    const keys = (html: string) => [...html.matchAll(/<code>(page:\d+)<\/code>/g)].map((m) => m[1]);
    const all = [...keys(page.body), ...keys(second.body)];
    assert.equal(new Set(all).size, 30);
    assert.deepEqual(all, [...all].sort().reverse());
    assert.match((await admin.get('/jobs?status=pending')).body, /page:later/);
    assert.match((await admin.get('/jobs?status=nonsense')).body, /Failed jobs, most recent first/);

    const id = /action="\/jobs\/([^/]+)\/retry"/.exec(page.body)?.[1];
    assert.ok(id);
    assert.equal((await admin.post(`/jobs/${id}/retry`, {}, { csrf: false })).statusCode, 403);
    const retried = await admin.post(`/jobs/${id}/retry`, {});
    assert.equal(retried.statusCode, 303);
    assert.equal(retried.headers.location, '/jobs?status=failed');
    const after = await admin.get('/jobs?status=failed');
    assert.match(after.body, /The job page:\d+ is queued again and will run shortly\./);
    assert.match(after.body, /Failed jobs, most recent first \(29\)/);
    const again = await admin.post(`/jobs/${id}/retry`, {});
    assert.match((await admin.get(String(again.headers.location))).body, /is no longer failed, so it was left as it is/);
    assert.equal((await admin.post('/jobs/no-such-job/retry', {})).statusCode, 404);
    refuse = false;
    await jobs.drain();
    assert.match((await admin.get('/jobs?status=done')).body, /Done jobs, most recent first \(1\)/);
    assert.match((await admin.get('/dashboard')).body, /<a href="\/jobs">Background jobs<\/a>/);
  });
});
