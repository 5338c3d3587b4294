import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { buildApp } from './app';
import { connect } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { DEMO_PASSWORD, DEMO_SIGN_INS, isEmptyInstance, seedDemo } from '../demo/seed';
import { demoSeededAt } from '../demo/marker';

const HOUR = 60 * 60 * 1000;

export interface StartOptions {
  /** Pino options, or false for no request log (benchmarks). Defaults to the configured level. */
  logger?: boolean | object;
  rateLimitPerMinute?: number;
  /** Close cleanly on SIGINT and SIGTERM, then exit. On by default. */
  handleSignals?: boolean;
  /** Where the start-up notes go; standard output by default. */
  print?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  /** The address it answers on, e.g. http://localhost:3000. */
  url: string;
  close(): Promise<void>;
}

const printLine = (line: string) => {
  process.stdout.write(`${line}\n`);
};

/** The address to show people: a wildcard host is reachable as localhost. */
function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/**
 * Records the port the server listens on in its config. With PORT=0 the
 * system chooses the port, so a public address on port 0 (the default when
 * PUBLIC_URL is unset) is given the real one as soon as it is known. The app
 * and its services share this config object and read the address when they
 * use it, so links made from then on name the real port.
 */
export function useListeningPort(config: Config, port: number): void {
  config.port = port;
  const publicUrl = new URL(config.publicUrl);
  if (publicUrl.port !== '0') return;
  publicUrl.port = String(port);
  config.publicUrl = publicUrl.href.replace(/\/+$/, '');
}

/**
 * Starts Smart Spaces: connects to the database, applies migrations, adds the
 * demo program to an empty database when demo data is on, and listens.
 * Expired sessions are pruned every hour.
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const print = options.print ?? printLine;
  const database = connect(config.databaseUrl);
  let app: FastifyInstance | undefined;
  try {
    await migrateToLatest(database);
    app = await buildApp({
      config,
      database,
      ...(options.logger !== undefined ? { logger: options.logger } : {}),
      ...(options.rateLimitPerMinute !== undefined ? { rateLimitPerMinute: options.rateLimitPerMinute } : {}),
    });
    if (config.demo && (await isEmptyInstance(app.services))) {
      print('Empty database: adding the demo program (set SMARTSPACES_DEMO=0 to start empty)…');
      await seedDemo(app.services, database.db);
    }
    await app.services.accounts.prune();
    // Background jobs: each kind recovers what a stopped process left, then due jobs run.
    await app.services.jobs.start();
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }

  const running = app;
  const address = running.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = localUrl(config.host, port);
  useListeningPort(config, port);

  const pruning = setInterval(() => {
    running.services.accounts.prune().catch((error: unknown) => running.log.error({ err: error }, 'pruning sessions failed'));
  }, HOUR);
  pruning.unref();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(pruning);
      await running.close();
      await database.close();
    })();
    return closing;
  };

  if (options.handleSignals ?? true) {
    const stop = (signal: NodeJS.Signals) => {
      print(`${signal} received: stopping…`);
      close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }

  await printWelcome(running, url, print);
  return { app: running, url, close };
}

/** Tells the person who started the server where it is and how to sign in. */
async function printWelcome(app: FastifyInstance, url: string, print: (line: string) => void): Promise<void> {
  print('');
  print(`Smart Spaces is running at ${url}`);
  if (await demoSeededAt(app.database.db)) {
    print('');
    print(`This instance holds demo data. Every demo account's password is: ${DEMO_PASSWORD}`);
    const width = Math.max(...DEMO_SIGN_INS.map((s) => s.label.length));
    for (const { label, email } of DEMO_SIGN_INS) print(`  ${label.padEnd(width)}  ${email}`);
  } else if (!(await app.services.accounts.hasAdmin())) {
    print('');
    print('There is no program admin yet. To create the first one:');
    print(`  open ${url}/setup`);
    print('  or run `npm run smartspaces -- create-admin --email you@example.org --name "Your Name"`');
  }
  if (!app.services.mail.delivers) {
    print('');
    print(`SMTP_URL is not set: emails are kept in the outbox at ${url}/outbox instead of being sent.`);
  }
  print('');
}
