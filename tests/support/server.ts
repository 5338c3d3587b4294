import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import { useListeningPort } from '../../src/server/main';
import { createTestDatabase } from './database';

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
  const testDatabase = await createTestDatabase();
  const config: Config = {
    ...loadConfig({ PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: 'http://127.0.0.1:0', ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}) }),
    demo: false,
    ...options.config,
  };
  const app = await buildApp({ config, database: testDatabase.database, logger: false, rateLimitPerMinute: 100_000 });
  try {
    // Port 0: the system picks a free port, so no other process can take it between choosing and listening.
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    await testDatabase.destroy();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  // The app reads its config when it uses it, and no request has come yet.
  useListeningPort(config, port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    app,
    async close() {
      await app.close();
      await testDatabase.destroy();
    },
  };
}
