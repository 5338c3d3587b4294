import type { Kysely, Selectable } from 'kysely';
import type { DialectName } from '../../db/connection';
import type { DB } from '../../db/types';
import type { JobsTable, JobStatus } from '../../db/tables/jobs';

export type JobRow = Selectable<JobsTable>;

/** A new job's row, as `enqueue` writes it. */
export type NewJobRow = Pick<JobRow, 'id' | 'kind' | 'payload' | 'run_at' | 'max_attempts' | 'idempotency_key' | 'created_at'>;

/** Which claim a worker holds: its name and the attempt it took. */
export interface Lease {
  owner: string;
  attempt: number;
}

/** Rows written in one statement; well under SQLite's limit on bound values. */
const CHUNK = 500;
const count = (value: unknown) => Number(value ?? 0);

/** Waiting and running jobs in the order they are due; finished ones most recent first. Ids break ties. */
const LIST_ORDER: Record<JobStatus, { column: 'run_at' | 'finished_at'; direction: 'asc' | 'desc' }> = {
  pending: { column: 'run_at', direction: 'asc' },
  running: { column: 'run_at', direction: 'asc' },
  failed: { column: 'finished_at', direction: 'desc' },
  done: { column: 'finished_at', direction: 'desc' },
};

/**
 * Queries of the job queue. `db` may be a transaction of the caller, so a
 * feature can queue jobs in the same transaction as the rows they concern.
 */
export function createJobsRepository(db: Kysely<DB>, dialect: DialectName) {
  /**
   * An update of a job only while this claim still holds it: running, under
   * this owner, on this attempt. A worker that lost its lease to another
   * therefore cannot record over the run that took the job over.
   */
  const updateHeld = (id: string, lease: Lease) =>
    db
      .updateTable('jobs')
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('lease_owner', '=', lease.owner)
      .where('attempts', '=', lease.attempt);

  return {
    /** Inserts jobs whose key is new; returns how many were inserted. */
    insertMany: async (rows: NewJobRow[], on: Kysely<DB> = db) => {
      let inserted = 0;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const result = await on
          .insertInto('jobs')
          .values(rows.slice(i, i + CHUNK).map((row) => ({ ...row, attempts: 0, status: 'pending' as const })))
          .onConflict((oc) => oc.column('idempotency_key').doNothing())
          .executeTakeFirst();
        inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return inserted;
    },

    /** Makes finished jobs with these keys due again, with a fresh count of attempts; returns how many. */
    requeueFinished: async (keys: string[], now: string, on: Kysely<DB> = db) => {
      let requeued = 0;
      for (let i = 0; i < keys.length; i += CHUNK) {
        const result = await on
          .updateTable('jobs')
          .set({ status: 'pending', run_at: now, attempts: 0, finished_at: null, lease_owner: null, lease_expires_at: null })
          .where('idempotency_key', 'in', keys.slice(i, i + CHUNK))
          .where('status', 'in', ['done', 'failed'])
          .executeTakeFirst();
        requeued += Number(result.numUpdatedRows);
      }
      return requeued;
    },

    /**
     * Takes up to `limit` jobs of one kind that are due: pending ones whose
     * time has come, and running ones whose lease expired (their worker
     * stopped). Each taken job gets this worker's lease and one more attempt.
     * Jobs in `running` are left alone: they are this worker's own, still
     * running though their lease expired, and one run at a time is enough.
     *
     * On PostgreSQL the due rows are locked with `FOR UPDATE SKIP LOCKED`
     * inside a transaction, so workers of several instances each take
     * different jobs without waiting on one another. On SQLite one
     * conditional `UPDATE … RETURNING` is atomic, as there is one writer.
     */
    claim: async (kind: string, limit: number, owner: string, now: string, leaseExpiresAt: string, running: string[]): Promise<JobRow[]> => {
      const due = (q: Kysely<DB>) =>
        q
          .selectFrom('jobs')
          .select('id')
          .where('kind', '=', kind)
          .$if(running.length > 0, (qb) => qb.where('id', 'not in', running))
          .where((eb) =>
            eb.or([
              eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
              eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<=', now)]),
            ]),
          )
          .orderBy('run_at')
          .orderBy('id')
          .limit(limit);
      const take = (q: Kysely<DB>, ids: string[]) =>
        q
          .updateTable('jobs')
          .set((eb) => ({ status: 'running', lease_owner: owner, lease_expires_at: leaseExpiresAt, attempts: eb('attempts', '+', 1) }))
          .where('id', 'in', ids)
          .returningAll()
          .execute();
      const rows =
        dialect === 'postgres'
          ? await db.transaction().execute(async (trx) => {
              const ids = (await due(trx).forUpdate().skipLocked().execute()).map((row) => row.id);
              return ids.length ? take(trx, ids) : [];
            })
          : await db
              .updateTable('jobs')
              .set((eb) => ({ status: 'running', lease_owner: owner, lease_expires_at: leaseExpiresAt, attempts: eb('attempts', '+', 1) }))
              .where('id', 'in', due(db))
              .returningAll()
              .execute();
      // RETURNING gives no order; handlers start in the queue's order.
      return rows.sort((a, b) => (a.run_at === b.run_at ? (a.id < b.id ? -1 : 1) : a.run_at < b.run_at ? -1 : 1));
    },

    /** Extends the leases this worker still holds; returns the ids it still holds. */
    renew: async (ids: string[], owner: string, leaseExpiresAt: string) => {
      if (ids.length === 0) return [];
      const rows = await db
        .updateTable('jobs')
        .set({ lease_expires_at: leaseExpiresAt })
        .where('id', 'in', ids)
        .where('status', '=', 'running')
        .where('lease_owner', '=', owner)
        .returning(['id', 'attempts'])
        .execute();
      return rows;
    },

    /** Marks a job done, if this claim still holds it; false when another worker took it over. */
    complete: async (id: string, lease: Lease, now: string) => {
      const result = await updateHeld(id, lease).set({ status: 'done', finished_at: now, lease_owner: null, lease_expires_at: null }).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /**
     * Records a failed attempt, if this claim still holds the job: due again
     * at `retryAt`, or failed for good when `retryAt` is null.
     */
    fail: async (id: string, lease: Lease, error: string, retryAt: string | null, now: string) => {
      const result = await updateHeld(id, lease)
        .set(
          retryAt
            ? { status: 'pending', run_at: retryAt, last_error: error, lease_owner: null, lease_expires_at: null }
            : { status: 'failed', finished_at: now, last_error: error, lease_owner: null, lease_expires_at: null },
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Makes a failed job due now with a fresh count of attempts; false unless it was failed. */
    retry: async (id: string, now: string) => {
      const result = await db
        .updateTable('jobs')
        .set({ status: 'pending', run_at: now, attempts: 0, finished_at: null })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The keys among these whose job is running under a lease that has not expired. */
    leasedKeys: async (keys: string[], now: string) => {
      const held = new Set<string>();
      for (let i = 0; i < keys.length; i += CHUNK) {
        const rows = await db
          .selectFrom('jobs')
          .select('idempotency_key')
          .where('idempotency_key', 'in', keys.slice(i, i + CHUNK))
          .where('status', '=', 'running')
          .where('lease_expires_at', '>', now)
          .execute();
        for (const row of rows) held.add(row.idempotency_key);
      }
      return held;
    },

    find: (id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst(),
    findByKey: (key: string) => db.selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirst(),

    countByStatus: async (): Promise<Record<JobStatus, number>> => {
      const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll().as('n')]).groupBy('status').execute();
      const counts: Record<JobStatus, number> = { pending: 0, running: 0, failed: 0, done: 0 };
      for (const row of rows) counts[row.status] = count(row.n);
      return counts;
    },

    /** A page of jobs of one status, in that status's order, then by id. */
    list: (status: JobStatus, limit: number, offset: number) => {
      const { column, direction } = LIST_ORDER[status];
      return db
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', status)
        .orderBy(column, direction)
        .orderBy('id', direction)
        .limit(limit)
        .offset(offset)
        .execute();
    },
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
