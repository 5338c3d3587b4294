import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DB } from './types';
import { WriteCounter } from './write-counter';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  dialect: DialectName;
  /** Counts writes made through `db`, so caches can tell when data may have changed. */
  writes: WriteCounter;
  /** The SQLite handle, for online backups; undefined on PostgreSQL. */
  sqlite: SQLite.Database | undefined;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** PostgreSQL only: the schema to use (tests use a fresh one each). */
  schema?: string;
}

/**
 * Opens the database named by a `sqlite:<path>` or `postgres://…` address.
 *
 * SQLite runs in WAL mode with `synchronous=FULL`: a reply that says "saved"
 * is only sent after the commit has reached the disk, so a crash the next
 * instant loses nothing.
 */
export function connect(url: string, options: ConnectOptions = {}): Database {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length) || ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const writes = new WriteCounter();
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), plugins: [writes] });
    return { db, dialect: 'sqlite', writes, sqlite, close: () => db.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A session-level search_path is not always visible to parallel query
    // workers ("schema does not exist"); the per-schema connections tests
    // use run their small queries without them.
    ...(options.schema ? { options: `-c search_path=${options.schema} -c max_parallel_workers_per_gather=0` } : {}),
  });
  const writes = new WriteCounter();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
  return { db, dialect: 'postgres', writes, sqlite: undefined, close: () => db.destroy() };
}
