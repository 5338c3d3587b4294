import type { Kysely } from 'kysely';

// One durable queue for all background work (see decision record 029). A row
// is a job: what to run (kind and JSON payload), when (run_at), how it went
// (attempts, last_error, status) and who runs it now (a lease that expires).
// The idempotency key is unique, so the same work is never queued twice.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_expires_at', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // What the workers ask: due pending jobs of a kind, and running ones whose lease expired.
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'kind', 'run_at', 'id']).execute();
  await db.schema.createIndex('jobs_lease_idx').on('jobs').columns(['status', 'kind', 'lease_expires_at', 'id']).execute();
  // The admin view of finished jobs, most recent first.
  await db.schema.createIndex('jobs_finished_idx').on('jobs').columns(['status', 'finished_at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('jobs').execute();
}
