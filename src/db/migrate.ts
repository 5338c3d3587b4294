import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './connection';
import * as m0001 from './migrations/0001-foundation';

/** Every migration, in order. A static list keeps the set explicit and bundler-friendly. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name on error. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // On PostgreSQL, Kysely looks for its bookkeeping tables in every schema
  // unless told which one; name the current schema so that databases holding
  // several schemas (tests, shared servers) each keep their own.
  const migrationTableSchema =
    database.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db: database.db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
