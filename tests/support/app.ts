import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Database } from '../../src/db/connection';
import { createTestDatabase, type TestDatabase } from './database';
import type { Clock } from '../../src/server/clock';

export interface TestApp {
  app: FastifyInstance;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  rateLimitPerMinute?: number;
  /** The app's clock, moved by hand to make leases, retries, codes and limit windows due. */
  clock?: Clock;
}

/**
 * The real app, quiet, with generous rate limits, on a database the caller
 * opened and closes: a second instance of the same site on one PostgreSQL
 * database, or the same site started again on a SQLite file.
 */
export async function buildTestApp(database: Database, overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig({ PUBLIC_URL: 'http://smartspaces.test' }), demo: false, ...overrides };
  const app = await buildApp({
    config,
    database,
    logger: false,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return app;
}

/** Builds the real app on a fresh test database, quiet, with generous rate limits. */
export async function createTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  const app = await buildTestApp(testDatabase.database, overrides, options);
  return {
    app,
    testDatabase,
    async close() {
      await app.close();
      await testDatabase.destroy();
    },
  };
}
