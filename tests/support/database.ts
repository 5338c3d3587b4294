import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, type Database } from '../../src/db/connection';
import { migrateToLatest } from '../../src/db/migrate';

/** The database the suite runs against: `TEST_DATABASE=postgres` or SQLite (default). */
export const TEST_DIALECT = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite';

export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: Database;
  url: string;
  /** A DATABASE_URL another process can open to reach the same data (see `createTestDatabase`). */
  serverUrl: string;
  /** Closes the connection and removes everything the test created. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory SQLite database,
 * or a new PostgreSQL schema that is dropped afterwards.
 */
export async function createTestDatabase(options: { shared?: boolean } = {}): Promise<TestDatabase> {
  if (TEST_DIALECT === 'sqlite') {
    if (options.shared) return createSqliteFile();
    const database = connect('sqlite::memory:');
    await migrateToLatest(database);
    return { database, url: 'sqlite::memory:', serverUrl: 'sqlite::memory:', destroy: () => database.close() };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const database = connect(POSTGRES_URL, { schema });
  await withSchemaLock(async (admin) => {
    await admin.query(`CREATE SCHEMA ${schema}`);
    await migrateToLatest(database);
  });
  const serverUrl = new URL(POSTGRES_URL);
  serverUrl.searchParams.set('options', `-c search_path=${schema} -c max_parallel_workers_per_gather=0`);
  return {
    database,
    url: POSTGRES_URL,
    serverUrl: serverUrl.href,
    async destroy() {
      await database.close();
      await withSchemaLock((admin) => admin.query(`DROP SCHEMA ${schema} CASCADE`));
    },
  };
}

/**
 * A migrated SQLite database in a temporary file, for tests where a separate
 * server process opens the same data (`options.shared`).
 */
async function createSqliteFile(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'smartspaces-test-db-'));
  const url = `sqlite:${join(dir, 'test.db')}`;
  const database = connect(url);
  await migrateToLatest(database);
  return {
    database,
    url,
    serverUrl: url,
    async destroy() {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Any fixed number, shared by every test process, naming the lock below. */
const SCHEMA_LOCK = 740_211;

/**
 * Runs schema set-up or clean-up while holding a server-wide advisory lock.
 * Test files run in parallel, and the migrator's catalog introspection scans
 * every schema: a schema another file drops at that moment makes it fail
 * with "schema … does not exist". Serialising these few statements avoids it.
 */
export async function withSchemaLock<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work(admin);
  } finally {
    await admin.end();
  }
}
