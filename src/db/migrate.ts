import { Migrator, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Database } from './connection';
import * as m0001 from './migrations/0001-foundation';
import * as m0002 from './migrations/0002-content';
import * as m0003 from './migrations/0003-search';
import * as m0004 from './migrations/0004-newsletter';
import * as m0005 from './migrations/0005-contact';
import * as m0006 from './migrations/0006-images';
import * as m0007 from './migrations/0007-workspace';
import * as m0008 from './migrations/0008-discover';
import * as m0009 from './migrations/0009-surveys';
import * as m0010 from './migrations/0010-prototypes';
import * as m0011 from './migrations/0011-plan';
import * as m0012 from './migrations/0012-photos';
import * as m0013 from './migrations/0013-share';
import * as m0014 from './migrations/0014-account-security';
import * as m0015 from './migrations/0015-jobs';
import * as m0016 from './migrations/0016-two-factor';
import * as m0017 from './migrations/0017-space-use';
import * as m0018 from './migrations/0018-events';
import * as m0019 from './migrations/0019-space-use-imports';
import * as m0020 from './migrations/0020-learning';

/** Every migration, in order. A static list keeps the set explicit and bundler-friendly. */
const migrations: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-content': m0002,
  '0003-search': m0003,
  '0004-newsletter': m0004,
  '0005-contact': m0005,
  '0006-images': m0006,
  '0007-workspace': m0007,
  '0008-discover': m0008,
  '0009-surveys': m0009,
  '0010-prototypes': m0010,
  '0011-plan': m0011,
  '0012-photos': m0012,
  '0013-share': m0013,
  '0014-account-security': m0014,
  '0015-jobs': m0015,
  '0016-two-factor': m0016,
  '0017-space-use': m0017,
  '0018-events': m0018,
  '0019-space-use-imports': m0019,
  '0020-learning': m0020,
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
