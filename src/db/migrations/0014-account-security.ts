import type { Kysely } from 'kysely';

// Account links that a later one replaced, and the counters that limit
// sign-in attempts. A counter row is reserved with one atomic upsert before
// a password is checked, so parallel requests cannot slip past the limit.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('account_tokens').addColumn('revoked_at', 'text').execute();

  await db.schema
    .createTable('sign_in_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_limits_window_idx').on('sign_in_limits').column('window_started_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_limits').execute();
  await db.schema.alterTable('account_tokens').dropColumn('revoked_at').execute();
}
