// `npm test`: type check, lint, the suite on SQLite, the same suite on
// PostgreSQL, then the browser tests. It stops at the first failing step.
// With CI=true a missing PostgreSQL or Chromium fails the run; on a
// contributor's machine those steps are skipped with a clear message.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');
const CI = process.env.CI === 'true' || process.env.CI === '1';
const CHROMIUM = '/usr/bin/chromium';
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Two files at a time suits a two-core machine; browser tests run one at a time. */
const CONCURRENCY = process.env.TEST_CONCURRENCY ?? '2';
/** A hung test fails after this long instead of stalling the run. */
const TEST_TIMEOUT_MS = '120000';

const totals = { pass: 0, fail: 0 };
const skipped = [];
const reports = mkdtempSync(join(tmpdir(), 'smartspaces-test-'));

/** Every file under `dir` (recursively) whose name matches `pattern`, as paths relative to the root. */
function findFiles(dir, pattern, recursive = true) {
  const found = [];
  const walk = (current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (recursive && entry.name !== 'node_modules') walk(path);
      } else if (pattern.test(entry.name)) {
        found.push(relative(ROOT, path));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return found.sort();
}

function header(step, title) {
  console.log(`\n=== ${step}. ${title} ===\n`);
}

/** Runs a program with inherited output; resolves with its exit code. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });
}

/** Adds up the `# pass N` / `# fail N` lines a TAP report ends with. */
function countResults(tapFile) {
  if (!existsSync(tapFile)) return { pass: 0, fail: 0 };
  const text = readFileSync(tapFile, 'utf8');
  const last = (name) => {
    const matches = [...text.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return matches.length ? Number(matches[matches.length - 1][1]) : 0;
  };
  return { pass: last('pass'), fail: last('fail') };
}

/** Runs test files with node:test through tsx: readable output on screen, TAP on disk for the totals. */
async function runTests(name, files, env, concurrency) {
  // Without file names node:test would search the whole tree on its own.
  if (files.length === 0) {
    console.log('No test files found.');
    return true;
  }
  const tapFile = join(reports, `${name}.tap`);
  const code = await run(
    join(BIN, 'tsx'),
    [
      '--test',
      `--test-concurrency=${concurrency}`,
      `--test-timeout=${TEST_TIMEOUT_MS}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    env,
  );
  const counts = countResults(tapFile);
  totals.pass += counts.pass;
  totals.fail += counts.fail;
  // A crash before any test ran reports no failures, but the exit code still tells.
  return code === 0 && counts.fail === 0;
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    console.log(`PostgreSQL at ${POSTGRES_URL} is not reachable: ${error.message}`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function summary() {
  if (skipped.length) console.log(`\nSKIPPED: ${skipped.join('; ')}`);
  console.log(`\ntests: ${totals.pass} passed, ${totals.fail} failed`);
}

function finish(ok) {
  summary();
  rmSync(reports, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
}

/** A step that cannot run: a failure in CI, a visible skip elsewhere. */
function unavailable(what, reason) {
  if (CI) {
    console.error(`FAILED: ${what} is required when CI=true. ${reason}`);
    finish(false);
  }
  console.log(`SKIPPED: ${what}. ${reason}`);
  skipped.push(what);
}

const unitFiles = [
  ...findFiles(join(ROOT, 'src'), /\.test\.tsx?$/),
  ...findFiles(join(ROOT, 'tests'), /\.test\.tsx?$/, false),
];
const browserFiles = findFiles(join(ROOT, 'tests', 'e2e'), /\.test\.tsx?$/);

header(1, 'Type check (tsc --noEmit)');
if ((await run(join(BIN, 'tsc'), ['--noEmit'])) !== 0) finish(false);
console.log('Types are sound.');

header(2, 'Lint (eslint .)');
if ((await run(join(BIN, 'eslint'), ['.'])) !== 0) finish(false);
console.log('No lint problems.');

header(3, `Unit and HTTP tests on SQLite (${unitFiles.length} files)`);
if (!(await runTests('sqlite', unitFiles, { TEST_DATABASE: 'sqlite' }, CONCURRENCY))) finish(false);

header(4, `Unit and HTTP tests on PostgreSQL (${unitFiles.length} files)`);
if (await postgresReachable()) {
  if (!(await runTests('postgres', unitFiles, { TEST_DATABASE: 'postgres', TEST_POSTGRES_URL: POSTGRES_URL }, CONCURRENCY))) {
    finish(false);
  }
} else {
  unavailable('PostgreSQL tests', `Start PostgreSQL or set TEST_POSTGRES_URL (tried ${POSTGRES_URL}).`);
}

header(5, `Browser tests in Chromium (${browserFiles.length} files)`);
if (existsSync(CHROMIUM)) {
  if (!(await runTests('browser', browserFiles, { TEST_DATABASE: 'sqlite' }, '1'))) finish(false);
} else {
  unavailable('browser tests', `${CHROMIUM} is missing; install the Debian package "chromium".`);
}

finish(true);
