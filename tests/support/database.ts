import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, type Database } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';

/** The database the suite runs against: `TEST_DATABASE=postgres` or SQLite (default). */
export const TEST_DIALECT = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  url: string;
  /** Closes the connection and removes everything the test created. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database,
 * or a new PostgreSQL schema that is dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DIALECT === 'sqlite') {
    const database = connect('sqlite::memory:');
    await migrateToLatest(database);
    return { database, url: 'sqlite::memory:', destroy: () => database.close() };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const database = connect(POSTGRES_URL, { schema });
  await migrateToLatest(database);
  return {
    database,
    url: POSTGRES_URL,
    async destroy() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: POSTGRES_URL });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
