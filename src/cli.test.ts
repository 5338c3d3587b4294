import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { TEST_DIALECT } from '../tests/support/database';

// The command is run as people run it, through bin/smartspaces.js and the
// bundle it runs (built once here), on SQLite files. The PostgreSQL run skips it: the server's start on PostgreSQL is
// covered by src/server/main.test.ts.
const skip = TEST_DIALECT === 'postgres' ? 'the command line is tested on SQLite' : false;

const BIN = join(import.meta.dirname, '..', 'bin', 'smartspaces.js');
const dir = mkdtempSync(join(tmpdir(), 'smartspaces-cli-'));
before(() => {
  if (!skip) execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build.mjs')]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `smartspaces <args>` with a clean environment plus `env`, and no terminal. */
function smartspaces(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const sqliteUrl = (name: string) => `sqlite:${join(dir, name)}`;

test('help is there for the command and for each subcommand', { skip }, async () => {
  const help = await smartspaces(['--help']);
  assert.equal(help.code, 0);
  for (const command of ['serve', 'migrate', 'seed', 'create-admin', 'backup']) assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
  const adminHelp = await smartspaces(['create-admin', '--help']);
  assert.equal(adminHelp.code, 0);
  assert.match(adminHelp.stdout, /--email/);
  assert.match(adminHelp.stdout, /SMARTSPACES_ADMIN_PASSWORD/);

  const none = await smartspaces([]);
  assert.equal(none.code, 2);
  const unknown = await smartspaces(['launch']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command "launch"/);
  const badOption = await smartspaces(['migrate', '--force']);
  assert.equal(badOption.code, 2);
});

test('create-admin checks its input and makes an admin who exists once', { skip }, async () => {
  const env = { DATABASE_URL: sqliteUrl('admin.db') };
  const missing = await smartspaces(['create-admin', '--email', 'ada@example.org'], env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--name/);

  const malformed = await smartspaces(['create-admin', '--email', 'not-an-email', '--name', 'Ada'], env);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /not an email address/);

  const noTerminal = await smartspaces(['create-admin', '--email', 'ada@example.org', '--name', 'Ada'], env);
  assert.equal(noTerminal.code, 1);
  assert.match(noTerminal.stderr, /SMARTSPACES_ADMIN_PASSWORD/);

  const short = await smartspaces(['create-admin', '--email', 'ada@example.org', '--name', 'Ada'], {
    ...env,
    SMARTSPACES_ADMIN_PASSWORD: 'short',
  });
  assert.equal(short.code, 1);
  assert.match(short.stderr, /at least 10 characters/);

  const withPassword = { ...env, SMARTSPACES_ADMIN_PASSWORD: 'a long admin password' };
  const made = await smartspaces(['create-admin', '--email', 'Ada@Example.org', '--name', 'Ada Admin'], withPassword);
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stdout, /ada@example\.org/);

  const again = await smartspaces(['create-admin', '--email', 'ada@example.org', '--name', 'Ada Again'], withPassword);
  assert.equal(again.code, 1);
  assert.match(again.stderr, /already has the email/);

  // Demo data never goes into a database that has people.
  const seed = await smartspaces(['seed'], env);
  assert.equal(seed.code, 1);
  assert.match(seed.stderr, /already has a program or people/);
});

test('seed fills an empty database and backup copies it while it is open', { skip }, async () => {
  const env = { DATABASE_URL: sqliteUrl('demo.db') };
  const seed = await smartspaces(['seed'], env);
  assert.equal(seed.code, 0, seed.stderr);
  assert.match(seed.stdout, /smartspaces-demo/);

  const target = join(dir, 'backup.db');
  const backup = await smartspaces(['backup', target], env);
  assert.equal(backup.code, 0, backup.stderr);
  const copy = new SQLite(target, { readonly: true });
  try {
    const { n } = copy.prepare('SELECT count(*) AS n FROM libraries').get() as { n: number };
    assert.equal(n, 15);
  } finally {
    copy.close();
  }

  const overwrite = await smartspaces(['backup', target], env);
  assert.equal(overwrite.code, 1);
  assert.match(overwrite.stderr, /already exists/);
  const noFile = await smartspaces(['backup'], env);
  assert.equal(noFile.code, 2);
  const noDatabase = await smartspaces(['backup', join(dir, 'other.db')], { DATABASE_URL: sqliteUrl('missing.db') });
  assert.equal(noDatabase.code, 1);
  assert.match(noDatabase.stderr, /no database at/);
  assert.equal(existsSync(join(dir, 'missing.db')), false, 'a mistyped path does not create a database');
});

test('configuration and database problems are explained without a stack trace', { skip }, async () => {
  const postgres = await smartspaces(['backup', join(dir, 'pg.dump')], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(postgres.code, 1);
  assert.match(postgres.stderr, /pg_dump/);
  assert.equal(existsSync(join(dir, 'pg.dump')), false);

  const badUrl = await smartspaces(['migrate'], { DATABASE_URL: 'mysql://localhost/smartspaces' });
  assert.equal(badUrl.code, 1);
  assert.match(badUrl.stderr, /DATABASE_URL must start with/);
  assert.doesNotMatch(badUrl.stderr, /\n\s+at /);

  const badPort = await smartspaces(['serve'], { PORT: 'eighty' });
  assert.equal(badPort.code, 1);
  assert.match(badPort.stderr, /PORT must be a whole number/);

  const unreachable = await smartspaces(['migrate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.stderr, /Could not open the database/);
  assert.doesNotMatch(unreachable.stderr, /\n\s+at /);
});
