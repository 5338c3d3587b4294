import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/connection';
import type { DB } from '../../db/types';
import type { JobStatus } from '../../db/tables/jobs';
import { newId } from '../../db/ids';
import { createJobsRepository, type JobRow, type Lease, type NewJobRow } from './repository';
import type { Clock } from '../../server/clock';

/** What a handler is told about the run it is in. */
export interface JobContext {
  id: string;
  /** 1 for the first run, 2 for the first retry, and so on. */
  attempt: number;
  /**
   * Names this run and no other (worker and attempt). A handler that marks
   * its own rows as taken writes it, so a later run can tell that an earlier
   * one stopped half-way.
   */
  claim: string;
  /** Aborted when the worker stops abruptly or loses the job's lease; check it before starting what cannot be undone. */
  signal: AbortSignal;
}

/** A kind of job and how to run it, registered by the feature that owns the work. */
export interface JobKind<Payload = unknown, Result = unknown> {
  /** Unique, prefixed with the feature: `newsletter.copy`. */
  kind: string;
  /** Does the work. Throwing counts as a failed attempt; the job is retried with backoff. */
  handler: (payload: Payload, context: JobContext) => Promise<Result>;
  /** How many jobs of this kind one worker runs at once. 1 unless set. */
  concurrency?: number;
  /** Attempts before a job is failed for good. 5 unless set. */
  maxAttempts?: number;
  /** How long a worker holds a job before another may take it over; renewed while it runs. 60 s unless set. */
  leaseMs?: number;
  /** Runs when the worker starts, before it takes jobs of this kind (recovery after a stop). */
  onStart?: () => Promise<void>;
}

/** A job to queue. */
export interface JobSpec {
  kind: string;
  /** Turned into JSON. */
  payload: unknown;
  /** Queuing the same key twice queues it once. A new key per job unless set. */
  key?: string;
  /** When it is due, in milliseconds; now unless set. */
  runAt?: number;
  /** Overrides the kind's number of attempts. */
  maxAttempts?: number;
}

/** What became of a job a worker took. */
export interface JobOutcome {
  id: string;
  kind: string;
  /** `lost`: another worker took the job over, or this worker was stopped abruptly, before it finished. */
  status: 'done' | 'retrying' | 'failed' | 'lost';
  /** What the handler returned. */
  result?: unknown;
  error?: string;
}

export interface JobsOptions {
  database: Database;
  logger: FastifyBaseLogger;
  clock?: Clock;
  /** Names this worker in leases; host, process and a random part unless set. */
  owner?: string;
  /** The first retry waits this long, each further one twice as long as the one before. */
  backoffBaseMs?: number;
  /** No retry waits longer than this. */
  backoffCapMs?: number;
  /**
   * Calls `tick` every so often while the worker runs and returns a function
   * that stops it. A timer of one second unless set; tests pass none and call
   * `runDue` or `drain` themselves.
   */
  schedule?: (tick: () => void) => () => void;
}

const PAGE_SIZE = 25;
const DEFAULTS = { concurrency: 1, maxAttempts: 5, leaseMs: 60_000, backoffBaseMs: 10_000, backoffCapMs: 60 * 60_000, pollMs: 1_000 };

const iso = (ms: number) => new Date(ms).toISOString();
/** The error text kept for a failed attempt: enough to diagnose, never a whole transcript. */
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

const everySecond = (tick: () => void) => {
  const timer = setInterval(tick, DEFAULTS.pollMs);
  // The queue never keeps the process alive on its own; `stop` ends it.
  timer.unref();
  return () => clearInterval(timer);
};

interface InFlight {
  kind: string;
  lease: Lease;
  controller: AbortController;
  outcome: Promise<JobOutcome>;
}

/**
 * The one durable queue for background work, and this process's worker.
 *
 * Features register the kinds of job they own at start-up and queue jobs
 * with an idempotency key; the worker takes due jobs under a lease, runs
 * their handler, and records the outcome. A job runs at least once: a worker
 * that dies leaves its lease to expire, and another worker takes the job over
 * and runs it again. Handlers therefore make a second run harmless (see
 * decision record 029).
 */
export function createJobsService(options: JobsOptions) {
  const { database, logger } = options;
  const repo = createJobsRepository(database.db, database.dialect);
  const clock = options.clock ?? Date.now;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const backoffBaseMs = options.backoffBaseMs ?? DEFAULTS.backoffBaseMs;
  const backoffCapMs = options.backoffCapMs ?? DEFAULTS.backoffCapMs;
  const kinds = new Map<string, Required<Omit<JobKind, 'onStart'>> & Pick<JobKind, 'onStart'>>();
  const inFlight = new Map<string, InFlight>();
  let killed = false;
  let stopping = false;
  let unschedule: (() => void) | undefined;
  let filling: Promise<void> | undefined;
  let fillAgain = false;
  let onKill: () => void = () => {};
  const whenKilled = new Promise<JobOutcome[]>((resolve) => {
    onKill = () => resolve([]);
  });

  /** How long to wait after the `attempt`-th failed attempt: base × 2^(attempt − 1), capped. */
  const backoff = (attempt: number) => Math.min(backoffCapMs, backoffBaseMs * 2 ** Math.max(0, attempt - 1));

  const rowOf = (spec: JobSpec, now: number): NewJobRow => {
    const kind = kinds.get(spec.kind);
    const id = newId();
    return {
      id,
      kind: spec.kind,
      payload: JSON.stringify(spec.payload ?? null),
      run_at: iso(spec.runAt ?? now),
      max_attempts: spec.maxAttempts ?? kind?.maxAttempts ?? DEFAULTS.maxAttempts,
      idempotency_key: spec.key ?? `${spec.kind}:${id}`,
      created_at: iso(now),
    };
  };

  /** Runs one taken job and records its outcome, unless the lease was lost meanwhile. */
  async function execute(kind: NonNullable<ReturnType<typeof kinds.get>>, row: JobRow, entry: Omit<InFlight, 'outcome'>): Promise<JobOutcome> {
    const base = { id: row.id, kind: row.kind };
    const context: JobContext = { id: row.id, attempt: row.attempts, claim: `${owner}#${row.attempts}`, signal: entry.controller.signal };
    let result: unknown;
    try {
      result = await kind.handler(JSON.parse(row.payload), context);
    } catch (error) {
      if (killed) return { ...base, status: 'lost' };
      const message = errorText(error);
      const retryAt = row.attempts < row.max_attempts ? iso(clock() + backoff(row.attempts)) : null;
      try {
        const held = await repo.fail(row.id, entry.lease, message, retryAt, iso(clock()));
        if (!held) return { ...base, status: 'lost', error: message };
        logger.warn({ job: row.id, kind: row.kind, attempt: row.attempts, err: error }, retryAt ? 'job failed; it will be retried' : 'job failed for good');
        return { ...base, status: retryAt ? 'retrying' : 'failed', error: message };
      } catch (recordError) {
        logger.error({ job: row.id, err: recordError }, 'could not record a failed job; its lease will expire');
        return { ...base, status: 'lost', error: message };
      }
    }
    if (killed) return { ...base, status: 'lost', result };
    try {
      const held = await repo.complete(row.id, entry.lease, iso(clock()));
      if (!held) logger.warn({ job: row.id, kind: row.kind }, 'job finished after another worker took it over');
      return { ...base, status: held ? 'done' : 'lost', result };
    } catch (recordError) {
      logger.error({ job: row.id, err: recordError }, 'could not record a finished job; its lease will expire');
      return { ...base, status: 'lost', result };
    }
  }

  /** Takes due jobs of one kind, up to its free slots and `limit`, and starts them. */
  async function launch(name: string, limit: number): Promise<Array<Promise<JobOutcome>>> {
    const kind = kinds.get(name);
    if (!kind || killed) return [];
    const busy = [...inFlight].filter(([, job]) => job.kind === name).map(([id]) => id);
    const free = Math.min(limit, kind.concurrency - busy.length);
    if (free <= 0) return [];
    const now = clock();
    // A job of ours whose lease expired while it still runs (renewals failed) may go to another worker, never to a second run here.
    const rows = await repo.claim(name, free, owner, iso(now), iso(now + kind.leaseMs), busy);
    // Jobs taken as the worker was being killed stay leased; another worker takes them over.
    if (killed) return [];
    return rows.map((row) => {
      const entry = { kind: name, lease: { owner, attempt: row.attempts }, controller: new AbortController() };
      const outcome = execute(kind, row, entry).finally(() => {
        inFlight.delete(row.id);
        if (unschedule && !stopping) fill();
      });
      inFlight.set(row.id, { ...entry, outcome });
      return outcome;
    });
  }

  /** Starts whatever is due, in the background; a call during another fills again after it. */
  function fill(): void {
    if (stopping || killed) return;
    if (filling) {
      fillAgain = true;
      return;
    }
    filling = (async () => {
      do {
        fillAgain = false;
        for (const name of kinds.keys()) await launch(name, Infinity);
      } while (fillAgain && !stopping && !killed);
    })()
      .catch((error: unknown) => logger.error({ err: error }, 'taking due jobs failed'))
      .finally(() => {
        filling = undefined;
      });
  }

  /** Extends the lease of every job this worker runs; a job whose lease was lost is told through its signal. */
  async function renewLeases(): Promise<void> {
    const byLease = new Map<number, string[]>();
    for (const [id, job] of inFlight) {
      const leaseMs = kinds.get(job.kind)?.leaseMs ?? DEFAULTS.leaseMs;
      byLease.set(leaseMs, [...(byLease.get(leaseMs) ?? []), id]);
    }
    for (const [leaseMs, ids] of byLease) {
      const held = await repo.renew(ids, owner, iso(clock() + leaseMs));
      const still = new Set(held.filter((row) => row.attempts === inFlight.get(row.id)?.lease.attempt).map((row) => row.id));
      for (const id of ids) if (!still.has(id)) inFlight.get(id)?.controller.abort(new Error('the lease was lost'));
    }
  }

  const jobs = {
    /** Registers a kind of job with its handler. Each kind is registered once, at start-up. */
    register<Payload, Result>(kind: JobKind<Payload, Result>): void {
      if (kinds.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is registered twice`);
      kinds.set(kind.kind, {
        kind: kind.kind,
        handler: kind.handler as JobKind['handler'],
        concurrency: kind.concurrency ?? DEFAULTS.concurrency,
        maxAttempts: kind.maxAttempts ?? DEFAULTS.maxAttempts,
        leaseMs: kind.leaseMs ?? DEFAULTS.leaseMs,
        onStart: kind.onStart,
      });
    },

    /**
     * Queues jobs; a key already queued (in any state) is left as it is.
     * Pass the caller's transaction as `on` to queue in the same commit as
     * the rows the jobs concern. Returns how many were queued.
     */
    enqueue: (specs: JobSpec[], on?: Kysely<DB>) => {
      const now = clock();
      return repo.insertMany(specs.map((spec) => rowOf(spec, now)), on);
    },

    /**
     * Queues jobs again: new keys are queued, finished jobs (done or failed)
     * with these keys become due now with fresh attempts, and jobs still
     * waiting or running are left alone. Returns how many will run.
     */
    async requeue(specs: JobSpec[], on?: Kysely<DB>): Promise<number> {
      const now = clock();
      const rows = specs.map((spec) => rowOf(spec, now));
      const inserted = await repo.insertMany(rows, on);
      return inserted + (await repo.requeueFinished(rows.map((row) => row.idempotency_key), iso(now), on));
    },

    /** The keys among these whose job a worker is running now under a lease that has not expired. */
    leasedKeys: (keys: string[]) => repo.leasedKeys(keys, iso(clock())),

    /** One job by its id, or undefined. */
    find: (id: string) => repo.find(id),

    /** One job by its key, or undefined. */
    findByKey: (key: string) => repo.findByKey(key),

    /** How many jobs are in each state. */
    counts: () => repo.countByStatus(),

    /** A page of jobs in one state: waiting and running ones as they are due, finished ones most recent first. */
    async list(status: JobStatus, page: number) {
      const counts = await repo.countByStatus();
      const total = counts[status];
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const current = Math.min(page, pages);
      const items = await repo.list(status, PAGE_SIZE, (current - 1) * PAGE_SIZE);
      return { items, page: current, pages, total, counts };
    },

    /** Makes a failed job due now with fresh attempts (an admin's decision); false unless it was failed. */
    retry: (id: string) => repo.retry(id, iso(clock())),

    /**
     * Takes the jobs that are due now, up to each kind's concurrency (and
     * `limit` in all), runs them and returns their outcomes. What tests and
     * the command line call instead of waiting for the timer.
     */
    async runDue(filter: { kinds?: string[]; limit?: number } = {}): Promise<JobOutcome[]> {
      const started: Array<Promise<JobOutcome>> = [];
      let budget = filter.limit ?? Infinity;
      for (const name of filter.kinds ?? [...kinds.keys()]) {
        if (budget <= 0) break;
        const launched = await launch(name, budget);
        budget -= launched.length;
        started.push(...launched);
      }
      return Promise.race([Promise.all(started), whenKilled]);
    },

    /** Runs due jobs until none is left (retries that are not due yet stay queued). */
    async drain(filter: { kinds?: string[] } = {}): Promise<JobOutcome[]> {
      const outcomes: JobOutcome[] = [];
      for (;;) {
        const batch = await jobs.runDue(filter);
        if (batch.length === 0 || killed) return outcomes;
        outcomes.push(...batch);
      }
    },

    renewLeases,

    /** Starts the worker: each kind's recovery first, then due jobs at every tick (each second), with leases renewed while jobs run. */
    async start(): Promise<void> {
      if (unschedule || killed) return;
      stopping = false;
      for (const kind of kinds.values()) await kind.onStart?.();
      const schedule = options.schedule ?? everySecond;
      const stopPolling = schedule(() => fill());
      const shortestLease = Math.min(...[...kinds.values()].map((kind) => kind.leaseMs), DEFAULTS.leaseMs);
      const renewal = setInterval(() => {
        renewLeases().catch((error: unknown) => logger.error({ err: error }, 'renewing job leases failed'));
      }, shortestLease / 3);
      renewal.unref();
      unschedule = () => {
        stopPolling();
        clearInterval(renewal);
      };
    },

    /**
     * Stops taking jobs and waits for the running ones to finish and be
     * recorded (their leases are renewed meanwhile). Then the database may
     * close. After `kill` there is nothing to wait for: the jobs were
     * abandoned, and a handler that never returns must not hold up the close.
     */
    async stop(): Promise<void> {
      stopping = true;
      await filling;
      if (!killed) await Promise.allSettled([...inFlight.values()].map((job) => job.outcome));
      unschedule?.();
      unschedule = undefined;
    },

    /**
     * Stops at once, as if the process died: running jobs are abandoned
     * without being recorded and keep their leases until they expire.
     */
    kill(): void {
      killed = true;
      unschedule?.();
      unschedule = undefined;
      for (const job of inFlight.values()) job.controller.abort(new Error('the worker was stopped'));
      onKill();
    },

    /** The name this worker writes in its leases. */
    owner,
  };
  return jobs;
}

export type JobsService = ReturnType<typeof createJobsService>;
