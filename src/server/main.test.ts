import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from './config';
import { startServer, type RunningServer } from './main';
import { DEMO_PASSWORD } from '../demo/seed';
import { POSTGRES_URL, TEST_DIALECT, withSchemaLock } from '../../tests/support/database';

/**
 * Runs a test with a database that outlives one server, so that a restart
 * can be tried: a SQLite file, or a PostgreSQL schema reached through the
 * connection's search path. It is removed afterwards, even on failure.
 */
async function withDatabaseUrl(work: (databaseUrl: string) => Promise<void>): Promise<void> {
  if (TEST_DIALECT === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'smartspaces-main-'));
    try {
      await work(`sqlite:${join(dir, 'smartspaces.db')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const schema = `main_${randomBytes(6).toString('hex')}`;
  // The server migrates at start, so the whole run holds the schema lock.
  await withSchemaLock(async (admin) => {
    try {
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('options', `-c search_path=${schema} -c max_parallel_workers_per_gather=0`);
      await work(url.toString());
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  });
}

/** Starts the real server on port 0, collecting what it prints. */
async function start(databaseUrl: string, env: Record<string, string> = {}): Promise<{ server: RunningServer; output: string }> {
  const lines: string[] = [];
  const config: Config = loadConfig({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const server = await startServer(config, { handleSignals: false, print: (line) => lines.push(line) });
  return { server, output: lines.join('\n') };
}

test('on an empty database the server adds the demo program, prints the sign-ins, and answers', () =>
  withDatabaseUrl(async (databaseUrl) => {
    const { server, output } = await start(databaseUrl);
    try {
      assert.match(output, /adding the demo program/);
      assert.match(output, new RegExp(`running at ${server.url}`));
      assert.notEqual(new URL(server.url).port, '0', 'the printed address names the port the system chose');
      assert.equal(server.app.config.publicUrl, `http://localhost:${new URL(server.url).port}`, 'the default public address names it too');
      assert.ok(output.includes(DEMO_PASSWORD), 'the demo password is printed');
      assert.match(output, /admin@example\.org/);
      assert.match(output, /staff\.ignacio@example\.org/);
      const home = await fetch(`${server.url}/`);
      assert.equal(home.status, 200);
      assert.match(home.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.equal((await fetch(`${server.url}/sign-in`)).status, 200);
    } finally {
      await server.close();
    }
  }));

test('a restart on the same database keeps everything and does not seed again', () =>
  withDatabaseUrl(async (databaseUrl) => {
    const first = await start(databaseUrl);
    await first.server.app.services.accounts.createUser({
      email: 'kept@example.org',
      name: 'Kept Across Restarts',
      role: 'coach',
      password: 'a password that lasts',
    });
    const people = (await first.server.app.services.accounts.listPeople({}, 1)).total;
    await first.server.close();

    const second = await start(databaseUrl);
    try {
      assert.doesNotMatch(second.output, /adding the demo program/);
      assert.ok(second.output.includes(DEMO_PASSWORD), 'still says the instance holds demo data');
      const { accounts, libraries } = second.server.app.services;
      assert.equal((await accounts.listPeople({}, 1)).total, people);
      assert.equal((await accounts.findPersonByEmail('kept@example.org'))?.name, 'Kept Across Restarts');
      assert.equal((await libraries.allLibraries()).length, 15);
    } finally {
      await second.server.close();
    }
  }));

test('with demo data off, an empty instance explains how to create the first admin', () =>
  withDatabaseUrl(async (databaseUrl) => {
    const { server, output } = await start(databaseUrl, { SMARTSPACES_DEMO: '0' });
    try {
      assert.doesNotMatch(output, /demo/i);
      assert.match(output, new RegExp(`${server.url}/setup`));
      assert.match(output, /create-admin/);
      assert.equal((await server.app.services.accounts.listPeople({}, 1)).total, 0);
      assert.equal((await fetch(`${server.url}/setup`)).status, 200);
    } finally {
      await server.close();
    }
  }));

test('closing twice is harmless', () =>
  withDatabaseUrl(async (databaseUrl) => {
    const { server } = await start(databaseUrl, { SMARTSPACES_DEMO: '0' });
    await Promise.all([server.close(), server.close()]);
    await server.close();
  }));
