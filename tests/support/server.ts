import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { createTestDatabase } from './database';
import { freePort } from './ports';

export interface TestServer {
  /** The listening address, e.g. http://127.0.0.1:40123 (also the app's PUBLIC_URL). */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The real application listening on 127.0.0.1 on a fresh test database, for
 * browser tests. Mail goes to `smtpUrl` when given (see smtp.ts), otherwise
 * to the outbox.
 */
export async function startTestServer(options: { smtpUrl?: string; config?: Partial<Config> } = {}): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const testDatabase = await createTestDatabase();
  const config: Config = {
    ...loadConfig({ PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}) }),
    demo: false,
    ...options.config,
  };
  const app = await buildApp({ config, database: testDatabase.database, logger: false, rateLimitPerMinute: 100_000 });
  try {
    await app.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    await testDatabase.destroy();
    throw error;
  }
  return {
    url,
    app,
    async close() {
      await app.close();
      await testDatabase.destroy();
    },
  };
}
