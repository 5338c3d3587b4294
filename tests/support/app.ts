import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { createTestDatabase, type TestDatabase } from './database';
import type { Clock } from '../../src/server/clock';

export interface TestApp {
  app: FastifyInstance;
  testDatabase: TestDatabase;
  close(): Promise<void>;
}

/** Builds the real app on a fresh test database, quiet, with generous rate limits. */
export async function createTestApp(overrides: Partial<Config> = {}, options: { rateLimitPerMinute?: number; clock?: Clock } = {}): Promise<TestApp> {
  const testDatabase = await createTestDatabase();
  const config: Config = { ...loadConfig({ PUBLIC_URL: 'http://smartspaces.test' }), demo: false, ...overrides };
  const app = await buildApp({
    config,
    database: testDatabase.database,
    logger: false,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  return {
    app,
    testDatabase,
    async close() {
      await app.close();
      await testDatabase.destroy();
    },
  };
}
