// `npm run bench`: measures Smart Spaces against the budgets in
// docs/decisions/013-benchmarks.md, on the demo data, in one run:
//   - requests per second of the public hub (home, an item page, search, a
//     feed) and the sign-in page, and their ratio to a bare Node `http` server
//     measured by the same load generator just before each of them (plus the
//     home page asked for compressed, as browsers ask for it);
//   - the compressed size of each public page with its stylesheets and scripts;
//   - the time from starting the server to its first answer;
//   - the server's resident memory after the load test;
//   - the patron survey page (size and throughput), and 200 patrons
//     submitting answers at once on SQLite and on PostgreSQL, checking that
//     the number of stored responses equals the number of thank-you pages.
// The servers run as child processes so that the load generator does not
// share their event loop. Everything started here is stopped at the end.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { patronBurst, type BurstResult } from './patrons';
import { printedAddress } from '../tests/support/serve-output';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist', 'smartspaces.mjs');
const LOAD_SECONDS = 4;
const CONNECTIONS = 50;
/** What Chromium and Firefox send in Accept-Encoding over plain HTTP. */
const BROWSER_ENCODINGS = 'gzip, deflate, br';
/** Found on the demo data at run time: pages whose address depends on a slug. */
const ITEM = 'item page';
const LIBRARY = 'library page';
/** Public pages whose size is checked; the two placeholders are filled in once the server runs. */
const PUBLIC_PAGES = [
  '/',
  ITEM,
  '/news',
  '/resources',
  '/search?q=makerspace',
  '/directory',
  LIBRARY,
  '/newsletter',
  '/contact',
  '/sign-in',
  '/forgot-password',
];
/** The patron survey page, found in the demo data once it is seeded. */
const SURVEY = 'patron survey page';
const BUDGET = { ratio: 0.6, pageKb: 30, surveyKb: 15, startMs: 1000, rssMb: 150 };
/** Patrons answering at once in the burst test. */
const PATRONS = 200;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** The whole run is stopped if it takes longer than this. */
const HARD_LIMIT_MS = 6 * 60_000;
/** A server that has not answered by then will not; say which step failed instead of waiting for the hard limit. */
const START_LIMIT_MS = 30_000;
/** For the single requests that find links and measure sizes. */
const FETCH_LIMIT_MS = 10_000;

const children = new Set<ChildProcess>();
const work = mkdtempSync(join(tmpdir(), 'smartspaces-bench-'));
const SQLITE_FILE = join(work, 'bench.db');
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${SQLITE_FILE}`,
  SMARTSPACES_DEMO: '1',
  // Request logs go to a file or a collector in production; here they would
  // only measure the terminal.
  LOG_LEVEL: 'warn',
  // High enough that the load generator measures pages, not 429 answers.
  RATE_LIMIT_PER_MINUTE: '1000000000',
  HOST: '127.0.0.1',
  SMTP_URL: '',
};

function stopEverything() {
  for (const child of children) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
process.on('exit', stopEverything);
process.on('SIGINT', () => process.exit(130));
setTimeout(() => {
  console.error(`The benchmark took longer than ${HARD_LIMIT_MS / 60_000} minutes and was stopped.`);
  process.exit(1);
}, HARD_LIMIT_MS).unref();

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Stops a child politely, then firmly. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Runs the bare baseline server in a child node process; resolves once it says READY. */
function startBare(): Promise<{ child: ChildProcess; url: string }> {
  const child = track(
    spawn(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^READY (\S+)$/m.exec(output);
      if (ready?.[1]) resolve({ child, url: ready[1] });
    });
    child.once('exit', (code) => reject(new Error(`The bare server exited with ${code} before it was ready:\n${output}`)));
    setTimeout(() => reject(new Error(`The bare server was not ready after ${START_LIMIT_MS / 1000} s:\n${output}`)), START_LIMIT_MS).unref();
  });
}

/** Runs a command of the built bundle to its end, as `npm run smartspaces` does. */
async function runToEnd(command: string, args: string[] = [], extraEnv: Record<string, string> = {}): Promise<void> {
  const child = track(
    spawn(process.execPath, [command, ...args], { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit code ${code}`);
}

/** The command `npm start` runs after building (package.json `serve`), with its memory settings. */
const SERVE = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { serve: string } }).scripts.serve;

/**
 * Starts the built server exactly as `npm start` runs it, on a port of the
 * system's choosing (PORT=0, read back from what it prints), and waits for its
 * first 200 from GET /; returns the child, its address and how long that took.
 */
async function startApp(extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string; ms: number }> {
  const started = performance.now();
  // `exec` makes the shell become node, so the child's pid is the server's.
  const child = track(
    spawn('/bin/sh', ['-c', `exec ${SERVE}`], { cwd: ROOT, env: { ...env, ...extraEnv, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] }),
  );
  const url = await printedAddress(child, START_LIMIT_MS);
  // The address is printed once the server listens, so one request is enough.
  const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(START_LIMIT_MS) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`The server answered GET / with ${response.status}`);
  return { child, url, ms: performance.now() - started };
}

/** Time from starting the server to its first answer; the server is stopped again. */
async function timeToFirstAnswer(): Promise<number> {
  const app = await startApp();
  await stop(app.child);
  return app.ms;
}

interface Measure {
  rps: number;
  p99: number;
  problems: number;
}

interface Load extends Measure {
  name: string;
  /** The bare server, measured just before this target. */
  baseline: Measure;
}

/**
 * The address of the first link under `prefix` on a listing page, so the bench
 * follows whatever the demo data publishes instead of naming a slug itself.
 */
async function firstLink(base: string, listing: string, prefix: string): Promise<string> {
  const response = await fetch(base + listing, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${listing} answered ${response.status}`);
  const hrefs = [...html.matchAll(/href="([^"?#]+)"/g)].map((m) => m[1] ?? '');
  const path = hrefs.find((href) => href.startsWith(prefix) && href.length > prefix.length);
  if (!path) throw new Error(`${listing} links to no ${prefix}… page: is the demo data seeded?`);
  return path;
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Measure> {
  // A short warm-up lets the JIT and caches settle before the measured run.
  await autocannon({ url, headers, connections: 10, duration: 1 });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: LOAD_SECONDS });
  return { rps: result.requests.average, p99: result.latency.p99, problems: result.non2xx + result.errors + result.timeouts };
}

/**
 * Measures the bare server, then the target. On a shared machine the load
 * from other work drifts during a run; a ratio against a baseline taken a
 * minute earlier would mostly measure that drift, so each target gets its own.
 */
async function load(name: string, bareUrl: string, url: string, headers: Record<string, string> = {}): Promise<Load> {
  console.log(`  ${name}`);
  const baseline = await measure(bareUrl, headers);
  return { name, ...(await measure(url, headers)), baseline };
}

function residentMb(pid: number | undefined): number | undefined {
  const status = `/proc/${pid}/status`;
  if (pid === undefined || !existsSync(status)) return undefined;
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(status, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

interface PageSize {
  path: string;
  htmlKb: number;
  assetsKb: number;
  totalKb: number;
}

const gzipKb = (body: Buffer) => gzipSync(body).length / 1024;

/** A page's compressed HTML plus every stylesheet and script it links to. */
async function pageSize(base: string, path: string, assetCache: Map<string, number>): Promise<PageSize> {
  const response = await fetch(base + path, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  const html = Buffer.from(await response.arrayBuffer());
  const text = html.toString('utf8');
  const assets = [
    ...[...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])?.[1]),
    ...[...text.matchAll(/<script\b[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ].filter((href): href is string => !!href);
  let assetsKb = 0;
  for (const href of assets) {
    const url = new URL(href.replaceAll('&amp;', '&'), base).href;
    if (!assetCache.has(url)) {
      const asset = await fetch(url, { signal: AbortSignal.timeout(FETCH_LIMIT_MS) });
      assetCache.set(url, gzipKb(Buffer.from(await asset.arrayBuffer())));
    }
    assetsKb += assetCache.get(url) ?? 0;
  }
  const htmlKb = gzipKb(html);
  return { path, htmlKb, assetsKb, totalKb: htmlKb + assetsKb };
}

const RESPONSES_OF_CODE = 'select count(*) as n from survey_responses where survey_id = (select id from surveys where code = $1)';

/** The public code of an open survey in the seeded SQLite database. */
function openSurveyCode(): string {
  const sqlite = new SQLite(SQLITE_FILE, { readonly: true });
  try {
    const row = sqlite.prepare("select code from surveys where status = 'open' order by created_at limit 1").get() as { code: string } | undefined;
    if (!row) throw new Error('The demo data has no open survey to answer');
    return row.code;
  } finally {
    sqlite.close();
  }
}

/** How many responses the survey with this code has stored, on SQLite. */
function storedOnSqlite(code: string): number {
  const sqlite = new SQLite(SQLITE_FILE, { readonly: true });
  try {
    return Number((sqlite.prepare(RESPONSES_OF_CODE.replace('$1', '?')).get(code) as { n: number }).n);
  } finally {
    sqlite.close();
  }
}

interface BurstRow extends BurstResult {
  database: string;
  stored: number;
}

/** A burst of patrons on a server already running; `stored` counts what the database gained. */
async function burst(database: string, url: string, code: string, count: () => Promise<number>): Promise<BurstRow> {
  console.log(`  ${PATRONS} patrons answering /s/${code} at once on ${database}`);
  const before = await count();
  const result = await patronBurst(url, `/s/${code}`, PATRONS);
  return { database, ...result, stored: (await count()) - before };
}

/**
 * The same burst on PostgreSQL: a fresh database is made, seeded with the
 * demo program by the built server, answered, counted and dropped again.
 * Skipped with a note when no PostgreSQL answers.
 */
async function postgresBurst(): Promise<BurstRow | string> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  try {
    await admin.connect();
  } catch (error) {
    return `PostgreSQL at ${POSTGRES_URL} did not answer (${error instanceof Error ? error.message : String(error)}): burst skipped`;
  }
  const name = `smartspaces_bench_${process.pid}`;
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const databaseEnv = { DATABASE_URL: url.href };
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const client = new pg.Client({ connectionString: url.href });
  try {
    await runToEnd(BUNDLE, ['seed'], databaseEnv);
    await client.connect();
    const code = (await client.query<{ code: string }>("select code from surveys where status = 'open' order by created_at limit 1")).rows[0]?.code;
    if (!code) throw new Error('The demo data on PostgreSQL has no open survey to answer');
    const app = await startApp(databaseEnv);
    try {
      return await burst('PostgreSQL', app.url, code, async () => Number((await client.query<{ n: string }>(RESPONSES_OF_CODE, [code])).rows[0]?.n));
    } finally {
      await stop(app.child);
    }
  } finally {
    await client.end();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  }
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER BUDGET');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

console.log('Building the server and preparing a database with the demo program…');
await runToEnd(join(ROOT, 'scripts', 'build.mjs'));
await runToEnd(BUNDLE, ['seed']);

console.log('Measuring start-up to first answer…');
const firstStart = await timeToFirstAnswer();
const restart = await timeToFirstAnswer();

console.log(`Load testing for ${LOAD_SECONDS} s per target and per baseline with ${CONNECTIONS} connections…`);
const bare = await startBare();
const app = await startApp();
const rssAtRest = residentMb(app.child.pid);
const loads: Load[] = [];
const surveyCode = openSurveyCode();
const found = new Map([
  [ITEM, await firstLink(app.url, '/news', '/news/')],
  [LIBRARY, await firstLink(app.url, '/directory', '/directory/')],
  [SURVEY, `/s/${surveyCode}`],
]);
const pathOf = (page: string) => found.get(page) ?? page;
// The home page comes first: it is the one with a throughput budget.
const targets = [
  ['home page', '/'],
  ['item page', pathOf(ITEM)],
  ['search', '/search?q=makerspace'],
  ['feed', '/feeds/all.atom'],
  ['sign-in page', '/sign-in'],
  ['patron survey page', pathOf(SURVEY)],
] as const;
for (const [name, path] of targets) loads.push(await load(`${name} ${path}`, bare.url, app.url + path));
const rssUncompressed = residentMb(app.child.pid);
// Browsers always ask for a compressed answer, and the server then compresses
// every response; the budget row above is the uncompressed one of decision 013.
loads.push(await load('home page / asked as a browser does (gzip, br)', bare.url, `${app.url}/`, { 'accept-encoding': BROWSER_ENCODINGS }));
await stop(bare.child);
const rss = residentMb(app.child.pid);

const assetCache = new Map<string, number>();
const sizes: PageSize[] = [];
for (const page of PUBLIC_PAGES) sizes.push(await pageSize(app.url, pathOf(page), assetCache));
const surveySize = await pageSize(app.url, pathOf(SURVEY), assetCache);

console.log('Patrons submitting answers at once…');
const bursts: Array<BurstRow | string> = [await burst('SQLite', app.url, surveyCode, async () => storedOnSqlite(surveyCode))];
await stop(app.child);
bursts.push(await postgresBurst());

const ratio = (l: Load) => l.rps / l.baseline.rps;
const homeRatio = loads[0] ? ratio(loads[0]) : 0;
const results: string[] = [];

console.log('\nThroughput (requests per second, same load generator, same run; bare node:http measured just before each)');
console.log(
  table(
    ['target', 'req/s', 'bare req/s', 'ratio', 'budget', 'p99 ms', 'non-2xx/errors'],
    loads.map((l, i) => [
      l.name,
      fixed(l.rps, 0),
      fixed(l.baseline.rps, 0),
      `${fixed(ratio(l), 2)}x`,
      // Only the home page has a budget; the other ratios are for information.
      i === 0 ? `>= ${BUDGET.ratio}x` : '-',
      fixed(l.p99, 0),
      String(l.problems + l.baseline.problems),
    ]),
  ),
);
results.push(`home page ratio ${fixed(homeRatio, 2)}x (budget >= ${BUDGET.ratio}x): ${verdict(homeRatio >= BUDGET.ratio)}`);
if (loads.some((l) => l.problems + l.baseline.problems > 0)) results.push('some requests failed or were not 2xx: the figures above are not trustworthy');

console.log('\nCompressed size of public pages (gzip; HTML plus linked CSS and JS)');
console.log(
  table(
    ['page', 'HTML KB', 'CSS+JS KB', 'total KB', `budget ${BUDGET.pageKb} KB`],
    sizes.map((s) => [s.path, fixed(s.htmlKb), fixed(s.assetsKb), fixed(s.totalKb), verdict(s.totalKb <= BUDGET.pageKb)]),
  ),
);
for (const [url, kb] of assetCache) console.log(`  ${new URL(url).pathname}: ${fixed(kb)} KB`);
const biggest = Math.max(...sizes.map((s) => s.totalKb));
results.push(`largest public page ${fixed(biggest)} KB (budget <= ${BUDGET.pageKb} KB): ${verdict(biggest <= BUDGET.pageKb)}`);
console.log(
  `\nPatron survey page ${surveySize.path}: HTML ${fixed(surveySize.htmlKb)} KB + CSS/JS ${fixed(surveySize.assetsKb)} KB = ` +
    `${fixed(surveySize.totalKb)} KB (budget ${BUDGET.surveyKb} KB)`,
);
results.push(`patron survey page ${fixed(surveySize.totalKb)} KB (budget <= ${BUDGET.surveyKb} KB): ${verdict(surveySize.totalKb <= BUDGET.surveyKb)}`);

console.log(`\n${PATRONS} patrons submitting at once (form, answers, thank-you page)`);
const done = bursts.filter((b): b is BurstRow => typeof b !== 'string');
console.log(
  table(
    ['database', 'patrons', 'thank-you pages', 'responses stored', 'errors', 'seconds'],
    done.map((b) => [b.database, String(b.patrons), String(b.thanked), String(b.stored), String(b.errors.length), fixed(b.ms / 1000)]),
  ),
);
for (const b of bursts) {
  if (typeof b === 'string') {
    console.log(`  ${b}`);
    continue;
  }
  for (const error of b.errors.slice(0, 5)) console.log(`  ${b.database}: ${error}`);
  const ok = b.errors.length === 0 && b.thanked === b.patrons && b.stored === b.thanked;
  results.push(`${b.database}: ${b.thanked} thank-you pages, ${b.stored} responses stored, ${b.errors.length} errors: ${ok ? 'ok' : 'MISMATCH'}`);
}

console.log('\nStart-up and memory');
console.log(
  table(
    ['measure', 'value', 'budget'],
    [
      ['first start to first answer (ms)', fixed(firstStart, 0), '-'],
      ['restart to first answer (ms)', fixed(restart, 0), `<= ${BUDGET.startMs}`],
      ['resident memory at rest (MB)', rssAtRest === undefined ? 'n/a' : fixed(rssAtRest), '-'],
      ['resident memory after uncompressed load (MB)', rssUncompressed === undefined ? 'n/a' : fixed(rssUncompressed), '-'],
      ['resident memory after all load (MB)', rss === undefined ? 'n/a' : fixed(rss), `<= ${BUDGET.rssMb}`],
    ],
  ),
);
results.push(`restart to first answer ${fixed(restart, 0)} ms: ${verdict(restart <= BUDGET.startMs)}`);
if (rss !== undefined) results.push(`resident memory ${fixed(rss)} MB: ${verdict(rss <= BUDGET.rssMb)}`);

console.log(`\nBudgets:\n  ${results.join('\n  ')}`);
process.exitCode = results.some((r) => /OVER BUDGET|not trustworthy|MISMATCH/.test(r)) ? 1 : 0;
