import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/server/config';
import { buildApp } from '../src/server/app';
import { newId, nowIso } from '../src/db/ids';
import { fillSurveyForm } from '../bench/patrons';
import { createTestDatabase, type TestDatabase } from './support/database';
import { printedAddress } from './support/serve-output';

/*
 * A patron who has seen the thank-you page must find their answer stored,
 * even when the server dies the next instant. This runs the real server as
 * its own process on a database file (or PostgreSQL schema), sends a burst of
 * patrons, kills the server with SIGKILL in the middle of the burst, and
 * checks that every acknowledged answer is in the database and that the
 * server starts again on the same data.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CODE = 'DURA23';
const PATRONS = 60;
/** The server is killed once this many patrons have been thanked. */
const KILL_AFTER = 20;
/** How long the server may take to start (it migrates first). */
const START_LIMIT_MS = 60_000;

/** Starts `smartspaces serve` on the test database on a port of the system's choosing and waits until the survey answers. */
async function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: '',
      SMARTSPACES_DEMO: '0',
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '100000',
      SMTP_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const url = await printedAddress(child, START_LIMIT_MS);
    // The address is printed once the server listens, so one request is enough.
    const response = await fetch(`${url}/s/${CODE}`, { signal: AbortSignal.timeout(START_LIMIT_MS) });
    await response.arrayBuffer();
    assert.equal(response.status, 200, 'the survey answers once the server has started');
    return { child, url };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** A library with one open survey of two questions, made directly in the database. */
async function openSurvey(testDatabase: TestDatabase): Promise<string> {
  const { database } = testDatabase;
  // The app is built only for its services; the server under test is a separate process.
  const app = await buildApp({ config: { ...loadConfig({}), demo: false }, database, logger: false });
  const library = await app.services.libraries.createLibrary({
    name: 'Durability Library',
    town: 'Testville',
    state: 'IA',
    peopleServed: 900,
    timeZone: 'America/Chicago',
    website: '',
    description: '',
    cohortId: null,
  });
  await app.close();
  const surveyId = newId();
  const at = nowIso();
  await database.db
    .insertInto('surveys')
    .values({
      id: surveyId,
      library_id: library.id,
      code: CODE,
      title_en: 'What should the new space offer?',
      title_es: '¿Qué debería ofrecer el nuevo espacio?',
      intro_en: '',
      intro_es: '',
      status: 'open',
      closes_on: null,
      opened_at: at,
      closed_at: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await database.db
    .insertInto('survey_questions')
    .values([
      {
        id: newId(),
        survey_id: surveyId,
        position: 1,
        type: 'single',
        prompt_en: 'How often do you visit?',
        prompt_es: '¿Con qué frecuencia nos visita?',
        required: 1,
        dots: null,
        options: JSON.stringify([
          { id: 'weekly', en: 'Every week', es: 'Cada semana' },
          { id: 'monthly', en: 'Every month', es: 'Cada mes' },
        ]),
      },
      {
        id: newId(),
        survey_id: surveyId,
        position: 2,
        type: 'long',
        prompt_en: 'What would you like to do here?',
        prompt_es: '¿Qué le gustaría hacer aquí?',
        required: 0,
        dots: null,
        options: '[]',
      },
    ])
    .execute();
  return surveyId;
}

/** One patron: loads the form and submits it; resolves with the form's token once thanked. */
async function answer(url: string, index: number): Promise<string | undefined> {
  try {
    const page = await fetch(`${url}/s/${CODE}`, { signal: AbortSignal.timeout(10_000) });
    const html = await page.text();
    const form = fillSurveyForm(html, index);
    const sent = await fetch(`${url}/s/${CODE}`, { method: 'POST', body: form, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await sent.arrayBuffer();
    const thanks = new URL(sent.headers.get('location') ?? '/', url).pathname === `/s/${CODE}/thanks`;
    return sent.status === 303 && thanks ? (form.get('token') ?? undefined) : undefined;
  } catch {
    // The server was killed: this patron was never thanked.
    return undefined;
  }
}

describe('patron answers survive the server being killed', () => {
  let testDatabase: TestDatabase;
  let surveyId: string;
  const running = new Set<ChildProcess>();

  before(async () => {
    testDatabase = await createTestDatabase({ shared: true });
    surveyId = await openSurvey(testDatabase);
  });

  after(async () => {
    for (const child of running) child.kill('SIGKILL');
    await testDatabase.destroy();
  });

  const storedTokens = async () =>
    new Set(
      (await testDatabase.database.db.selectFrom('survey_responses').select('token').where('survey_id', '=', surveyId).execute()).map(
        (r) => r.token,
      ),
    );

  it('keeps every answer whose thank-you page was sent, and starts again on the same data', { timeout: 120_000 }, async () => {
    const server = await startServer(testDatabase.serverUrl);
    running.add(server.child);
    const thanked: string[] = [];
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    await Promise.all(
      Array.from({ length: PATRONS }, async (_, i) => {
        const token = await answer(server.url, i);
        if (!token) return;
        thanked.push(token);
        if (thanked.length === KILL_AFTER) server.child.kill('SIGKILL');
      }),
    );
    // Should too few patrons have been thanked for the kill to happen, stop it here.
    server.child.kill('SIGKILL');
    await exited;
    running.delete(server.child);

    assert.ok(thanked.length >= KILL_AFTER, `only ${thanked.length} patrons were thanked before the kill`);
    const stored = await storedTokens();
    const lost = thanked.filter((token) => !stored.has(token));
    assert.deepEqual(lost, [], `${lost.length} of ${thanked.length} acknowledged answers were lost`);

    const restarted = await startServer(testDatabase.serverUrl);
    running.add(restarted.child);
    const again = await answer(restarted.url, PATRONS);
    assert.ok(again, 'a patron is thanked after the restart');
    assert.ok((await storedTokens()).has(again));
    restarted.child.kill('SIGKILL');
    running.delete(restarted.child);
  });
});
