/**
 * Where a job stands. `pending` waits for its `run_at`; `running` is held by
 * a worker until its lease expires; `done` and `failed` are final (`failed`
 * once every attempt failed, until an admin retries it).
 */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  /** Which registered handler runs it, e.g. `newsletter.copy`. */
  kind: string;
  /** JSON text handed to the handler. */
  payload: string;
  /** When it is due (a retry after a failure is due later). */
  run_at: string;
  /** How many times a worker took it. */
  attempts: number;
  max_attempts: number;
  /** The last failure, shortened; kept after success for the record. */
  last_error: string | null;
  status: JobStatus;
  /** The worker holding the job while it runs. */
  lease_owner: string | null;
  /** After this instant another worker may take the job over. */
  lease_expires_at: string | null;
  /** Unique: queuing the same key again does nothing. */
  idempotency_key: string;
  created_at: string;
  finished_at: string | null;
}

/** Tables of the job queue (see migration 0015-jobs). */
export interface JobsTables {
  jobs: JobsTable;
}
