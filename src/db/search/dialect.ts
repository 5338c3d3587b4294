import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../connection';

/**
 * The dialect behind a Kysely instance, for the few places that need
 * dialect-specific SQL but only receive `db` (migrations).
 *
 * It compiles a one-parameter query without running it and reads the
 * placeholder: PostgreSQL numbers them (`$1`), SQLite does not (`?`). This
 * uses only Kysely's public API and never sends a failing query, which on
 * PostgreSQL would abort the migration's transaction.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function dialectOf(db: Kysely<any>): DialectName {
  return sql`select ${1}`.compile(db).sql.includes('$1') ? 'postgres' : 'sqlite';
}
