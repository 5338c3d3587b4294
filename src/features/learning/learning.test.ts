import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeCohort, makeLibrary, makePerson } from '../../../tests/support/factories';
import { assertInOrder } from '../../../tests/support/order';
import { href } from '../../server/route-contract';
import { learningRoutes as paths } from './route-table';
import type { ModuleInput } from './service';
import { fieldErrorByName, fieldValueByName } from '../../../tests/support/html';

/**
 * The app's clock: 03:00 UTC on 15 June 2026, which is still 14 June in
 * America/Chicago. A module opening on 15 June is open for a reader in UTC
 * and not yet for one in Chicago.
 */
const NOW = Date.parse('2026-06-15T03:00:00Z');

const ROLES = ['member', 'lead', 'coachA', 'coachB', 'staffB', 'outsider', 'admin', 'visitor'] as const;
type RoleName = (typeof ROLES)[number];
/** Who reads the modules of library A's cohort. */
const READERS: readonly RoleName[] = ['member', 'lead', 'coachA', 'admin'];
const SIGNED_IN: readonly RoleName[] = ROLES.filter((role) => role !== 'visitor');
const ADMIN: readonly RoleName[] = ['admin'];

const moduleInput = (overrides: Partial<ModuleInput> = {}): ModuleInput => ({
  title: 'Active learning and placemaking',
  phase: 'discover',
  introduction: 'Why the room matters.',
  objectives: ['Name three ways patrons use the space'],
  opensOn: '2026-06-01',
  ...overrides,
});

describe('curriculum modules', () => {
  let t: TestApp;
  let cohortA: { id: string; name: string };
  let cohortB: { id: string; name: string };
  const clients = {} as Record<RoleName, TestClient>;
  const ids = {} as Record<Exclude<RoleName, 'visitor'>, string>;

  before(async () => {
    t = await createTestApp({}, { clock: () => NOW });
    cohortA = await makeCohort(t.app, { name: 'Cohort A' });
    cohortB = await makeCohort(t.app, { name: 'Cohort B' });
    const libraryA = await makeLibrary(t.app, { name: 'Madison Public Library', cohortId: cohortA.id });
    const libraryB = await makeLibrary(t.app, { name: 'Ignacio Community Library', cohortId: cohortB.id });
    const loose = await makeLibrary(t.app, { name: 'Library in no cohort' });
    const people: Record<Exclude<RoleName, 'visitor'>, { id: string }> = {
      member: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member' }),
      lead: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead' }),
      coachA: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] }),
      coachB: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] }),
      staffB: await makePerson(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' }),
      outsider: await makePerson(t.app, { role: 'staff', libraryId: loose.id, libraryRole: 'lead' }),
      admin: await makePerson(t.app, { role: 'admin' }),
    };
    for (const role of ROLES) {
      const client = new TestClient(t.app);
      if (role !== 'visitor') {
        ids[role] = people[role].id;
        // Every reader is in UTC unless a test says otherwise.
        await t.app.services.accounts.updateProfile(people[role].id, { name: `Test ${role}`, locale: 'en', timeZone: 'UTC' });
        const { token } = await t.app.services.accounts.createSession(people[role].id, { userAgent: 'test', ipAddress: '127.0.0.1' });
        client.setCookie('ss_session', token);
      }
      clients[role] = client;
    }
  });
  after(() => t.close());

  const newModule = (cohortId: string, overrides: Partial<ModuleInput> = {}) => t.app.services.learning.createModule(cohortId, moduleInput(overrides));

  it('shows empty states: no cohort, no modules, and an empty curriculum for program staff', async () => {
    const empty = await makeCohort(t.app, { name: 'Empty cohort' });
    const list = await clients.admin.get(href(paths.modules, { cohort: empty.id }));
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>Modules of Empty cohort<\/h1>/);
    assert.match(list.body, /No modules yet\. Add the first module/);
    assert.match(list.body, new RegExp(`href="/program/cohorts/${empty.id}/modules/new">Add a module<`));

    const outsider = await clients.outsider.get(href(paths.learning));
    assert.equal(outsider.statusCode, 200);
    assert.match(outsider.body, /You are not in a cohort yet/);
    assert.match(outsider.body, /<a href="\/learning" aria-current="page">Learning<\/a>/, 'the navigation links to Learning');

    const library = await makeLibrary(t.app, { cohortId: empty.id });
    const fresh = new TestClient(t.app);
    const person = await makePerson(t.app, { role: 'staff', libraryId: library.id });
    fresh.setCookie('ss_session', (await t.app.services.accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' })).token);
    const page = await fresh.get(href(paths.learning));
    assert.match(page.body, /<h2 id="cohort-[^"]+">Empty cohort<\/h2>/);
    assert.match(page.body, /No modules have been written for this cohort yet\./);
  });

  it('adds a module with the form, lists it, shows it to a learner, and edits it', async () => {
    const cohort = await makeCohort(t.app, { name: 'Form cohort' });
    const admin = clients.admin;
    const form = await admin.get(href(paths.newModule, { cohort: cohort.id }));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<option value="ideate">Ideate and prototype<\/option>/);
    const saved = await admin.post(href(paths.createModule, { cohort: cohort.id }), {
      title: 'Design thinking',
      phase: 'ideate',
      introduction: 'Ideas come **cheap**.',
      objectives: 'Run an ideation session\n\n  Build a paper prototype  \n',
      opensOn: '2026-05-01',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, href(paths.modules, { cohort: cohort.id }));
    const list = await admin.get(String(saved.headers.location));
    assert.match(list.body, /Module “Design thinking” added\./);
    assert.match(list.body, /<td>Ideate and prototype<\/td>/);
    const [module] = await t.app.services.learning.listModules(cohort.id);
    assert.deepEqual(module?.objectives, ['Run an ideation session', 'Build a paper prototype']);

    const shown = await admin.get(href(paths.module, { module: module!.id }));
    assert.equal(shown.statusCode, 200);
    assert.match(shown.body, /<h1>Design thinking<\/h1>/);
    assert.match(shown.body, /Ideas come <strong>cheap<\/strong>\./);
    assertInOrder(shown.body, ['<li>Run an ideation session</li>', '<li>Build a paper prototype</li>']);

    const edit = await admin.get(href(paths.editModule, { cohort: cohort.id, module: module!.id }));
    assert.equal(fieldValueByName(edit.body, 'title'), 'Design thinking');
    assert.match(edit.body, /<option value="ideate" selected>/);
    assert.match(edit.body, />Run an ideation session\nBuild a paper prototype<\/textarea>/);
    const updated = await admin.post(href(paths.updateModule, { cohort: cohort.id, module: module!.id }), {
      title: 'Design thinking and ideation',
      phase: 'plan',
      introduction: '',
      objectives: '',
      opensOn: '2026-07-01',
    });
    assert.equal(updated.statusCode, 303);
    const after = await t.app.services.learning.getModule(cohort.id, module!.id);
    assert.deepEqual([after?.title, after?.phase, after?.introduction, after?.objectives, after?.opensOn], ['Design thinking and ideation', 'plan', '', [], '2026-07-01']);
    const preview = await admin.get(href(paths.module, { module: module!.id }));
    assert.match(preview.body, /Preview: learners can read this module from/);
    assert.match(preview.body, /This module has no introduction yet\./);
    assert.match(preview.body, /No learning objectives have been written yet\./);
  });

  it('refuses a bad module with a message per field, status 400 and the input kept', async () => {
    const url = href(paths.createModule, { cohort: cohortA.id });
    const before = (await t.app.services.learning.listModules(cohortA.id)).length;
    const missing = await clients.admin.post(url, { title: '   ', phase: '', introduction: 'Kept words', objectives: 'Kept aim', opensOn: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /There is a problem/);
    assert.equal(fieldErrorByName(missing.body, 'title'), 'Enter a title');
    assert.equal(fieldErrorByName(missing.body, 'phase'), 'Choose a phase from the list');
    assert.equal(fieldErrorByName(missing.body, 'opensOn'), 'Enter a real date, like 2026-05-20');
    assert.match(missing.body, /Kept words<\/textarea>/);
    assert.match(missing.body, /Kept aim<\/textarea>/);

    const wrong = await clients.admin.post(url, { title: 'x'.repeat(201), phase: 'astrology', opensOn: '2026-02-30' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(fieldErrorByName(wrong.body, 'title'), 'Title must be 200 characters or fewer');
    assert.equal(fieldErrorByName(wrong.body, 'phase'), 'Choose a phase from the list');
    assert.equal(fieldErrorByName(wrong.body, 'opensOn'), 'Enter a real date, like 2026-05-20');
    assert.equal(fieldValueByName(wrong.body, 'opensOn'), '2026-02-30');

    const fine = await clients.admin.post(url, { title: 'x'.repeat(200), phase: 'share', opensOn: '2026-02-28' });
    assert.equal(fine.statusCode, 303, 'exactly 200 characters is allowed');
    assert.equal((await t.app.services.learning.listModules(cohortA.id)).length, before + 1, 'only the valid form was saved');
  });

  it('keeps the order program staff choose, moved up and down by a form each, with ties broken by id', async () => {
    const { learning } = t.app.services;
    const cohort = await makeCohort(t.app, { name: 'Order cohort' });
    const first = await newModule(cohort.id, { title: 'First module' });
    const second = await newModule(cohort.id, { title: 'Second module' });
    const third = await newModule(cohort.id, { title: 'Third module' });
    const titles = async () => (await learning.listModules(cohort.id)).map((m) => m.title);
    assert.deepEqual(await titles(), ['First module', 'Second module', 'Third module']);

    const list = await clients.admin.get(href(paths.modules, { cohort: cohort.id }));
    assert.doesNotMatch(list.body, /aria-label="Move First module up"/, 'the first cannot move up');
    assert.doesNotMatch(list.body, /aria-label="Move Third module down"/, 'the last cannot move down');
    assert.match(list.body, /aria-label="Move Second module up"/);

    const move = (id: string, direction: string) => clients.admin.post(href(paths.moveModule, { cohort: cohort.id, module: id }), { direction });
    assert.equal((await move(third.id, 'up')).statusCode, 303);
    assert.deepEqual(await titles(), ['First module', 'Third module', 'Second module']);
    assert.equal((await move(first.id, 'down')).statusCode, 303);
    assert.deepEqual(await titles(), ['Third module', 'First module', 'Second module']);
    assert.equal((await move(third.id, 'up')).statusCode, 303, 'moving past the top changes nothing');
    assert.deepEqual(await titles(), ['Third module', 'First module', 'Second module']);
    assert.equal((await move(first.id, 'sideways')).statusCode, 400);
    assertInOrder((await clients.admin.get(href(paths.modules, { cohort: cohort.id }))).body, ['Third module', 'First module', 'Second module']);

    // Positions written outside the product may tie: the order is then by id (time-ordered), and a move still swaps.
    await t.app.database.db.updateTable('learning_modules').set({ position: 7 }).where('cohort_id', '=', cohort.id).execute();
    assert.deepEqual(await titles(), ['First module', 'Second module', 'Third module']);
    await learning.moveModule(cohort.id, second.id, 'down');
    assert.deepEqual(await titles(), ['First module', 'Third module', 'Second module']);
    assert.deepEqual((await learning.listModules(cohort.id)).map((m) => m.position), [0, 1, 2]);
  });

  it('shows each learner their cohort’s open modules and, with their day, those that open later, in their own time zone', async () => {
    const { accounts } = t.app.services;
    const cohort = await makeCohort(t.app, { name: 'Time cohort' });
    const library = await makeLibrary(t.app, { cohortId: cohort.id });
    await newModule(cohort.id, { title: 'Opened in May', opensOn: '2026-05-01' });
    await newModule(cohort.id, { title: 'Opens on the fifteenth', opensOn: '2026-06-15' });
    await newModule(cohort.id, { title: 'Opens in September', opensOn: '2026-09-01' });
    const reader = async (timeZone: string) => {
      const person = await makePerson(t.app, { role: 'staff', libraryId: library.id });
      await accounts.updateProfile(person.id, { name: 'Reader', locale: 'en', timeZone });
      const client = new TestClient(t.app);
      client.setCookie('ss_session', (await accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' })).token);
      return client;
    };
    const sections = (html: string) => {
      const open = html.slice(html.indexOf('<h3>Open now</h3>'), html.indexOf('<h3>Opening later</h3>'));
      const later = html.slice(html.indexOf('<h3>Opening later</h3>'));
      return { open, later };
    };
    // Already 15 June in UTC …
    const utc = sections((await (await reader('UTC')).get(href(paths.learning))).body);
    assertInOrder(utc.open, ['Opened in May', 'Opens on the fifteenth']);
    assert.doesNotMatch(utc.open, /Opens in September/);
    assert.match(utc.later, /Opens in September<\/a> <span>\(Discover\)<\/span><span> · Opens on Sep 1, 2026<\/span>/);
    // … but still 14 June in Chicago.
    const chicago = sections((await (await reader('America/Chicago')).get(href(paths.learning))).body);
    assert.match(chicago.open, /Opened in May/);
    assert.doesNotMatch(chicago.open, /Opens on the fifteenth/);
    assertInOrder(chicago.later, ['Opens on the fifteenth', 'Opens on Jun 15, 2026', 'Opens in September']);
  });

  it('keeps an unopened module’s content from learners until its day', async () => {
    const module = await newModule(cohortA.id, { title: 'Not yet', introduction: 'Secret plans', opensOn: '2026-12-01' });
    const learner = await clients.member.get(href(paths.module, { module: module.id }));
    assert.equal(learner.statusCode, 200);
    assert.match(learner.body, /This module opens on Dec 1, 2026\./);
    assert.doesNotMatch(learner.body, /Secret plans/);
    assert.match((await clients.admin.get(href(paths.module, { module: module.id }))).body, /Secret plans/);
  });

  it('never lets a script or event handler in the introduction reach the page', async () => {
    const module = await newModule(cohortA.id, {
      title: 'Hostile markdown',
      introduction: 'Hello <script>alert("x")</script> <img src="x" onerror="alert(1)"> [link](javascript:alert(2)) *fine*',
    });
    for (const role of ['member', 'admin'] as const) {
      const page = await clients[role].get(href(paths.module, { module: module.id }));
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /<script>alert|alert\("x"\)/);
      assert.doesNotMatch(page.body, /onerror/);
      assert.doesNotMatch(page.body, /javascript:/);
      assert.match(page.body, /<em>fine<\/em>/);
    }
  });

  it('asks before deleting a module, then takes it out of the curriculum', async () => {
    const cohort = await makeCohort(t.app, { name: 'Delete cohort' });
    const module = await newModule(cohort.id, { title: 'Going away' });
    const kept = await newModule(cohort.id, { title: 'Staying' });
    const ask = await clients.admin.get(href(paths.deleteModuleForm, { cohort: cohort.id, module: module.id }));
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /<h1>Delete Going away\?<\/h1>/);
    assert.match(ask.body, new RegExp(`action="/program/cohorts/${cohort.id}/modules/${module.id}/delete"`));
    const done = await clients.admin.post(href(paths.deleteModule, { cohort: cohort.id, module: module.id }));
    assert.equal(done.statusCode, 303);
    assert.match((await clients.admin.get(String(done.headers.location))).body, /Module “Going away” deleted\./);
    assert.deepEqual((await t.app.services.learning.listModules(cohort.id)).map((m) => m.id), [kept.id]);
    assert.equal((await clients.admin.get(href(paths.module, { module: module.id }))).statusCode, 404);
  });

  it('never reaches another cohort’s module through this cohort’s address', async () => {
    const theirs = await newModule(cohortB.id, { title: 'Cohort B only' });
    const at = { cohort: cohortA.id, module: theirs.id };
    assert.equal((await clients.admin.get(href(paths.editModule, at))).statusCode, 404);
    assert.equal((await clients.admin.post(href(paths.updateModule, at), { title: 'Taken', phase: 'plan', opensOn: '2026-01-01' })).statusCode, 404);
    assert.equal((await clients.admin.post(href(paths.moveModule, at), { direction: 'up' })).statusCode, 404);
    assert.equal((await clients.admin.post(href(paths.deleteModule, at))).statusCode, 404);
    assert.equal((await t.app.services.learning.getModule(cohortB.id, theirs.id))?.title, 'Cohort B only');
    assert.equal((await clients.admin.get(href(paths.modules, { cohort: 'no-such-cohort' }))).statusCode, 404);
  });

  it('lets program staff write, the cohort’s staff and coaches read, and nobody else in, on every route', async () => {
    const moduleFor = async () => (await newModule(cohortA.id, { title: 'Role walk' })).id;
    const body = { title: 'Role walk', phase: 'flex', introduction: '', objectives: '', opensOn: '2026-03-01' };
    type Step = { method: 'GET' | 'POST'; url: (module: string) => string; body?: Record<string, string>; ok: number; who: readonly RoleName[]; otherwise?: string };
    const at = (module: string) => ({ cohort: cohortA.id, module });
    const steps: Step[] = [
      { method: 'GET', url: () => href(paths.learning), ok: 200, who: SIGNED_IN },
      // A signed-in person outside the cohort finds no such module.
      { method: 'GET', url: (m) => href(paths.module, { module: m }), ok: 200, who: READERS, otherwise: '404' },
      { method: 'GET', url: () => href(paths.modules, { cohort: cohortA.id }), ok: 200, who: ADMIN },
      { method: 'GET', url: () => href(paths.newModule, { cohort: cohortA.id }), ok: 200, who: ADMIN },
      { method: 'POST', url: () => href(paths.createModule, { cohort: cohortA.id }), body, ok: 303, who: ADMIN },
      { method: 'GET', url: (m) => href(paths.editModule, at(m)), ok: 200, who: ADMIN },
      { method: 'POST', url: (m) => href(paths.updateModule, at(m)), body, ok: 303, who: ADMIN },
      { method: 'POST', url: (m) => href(paths.moveModule, at(m)), body: { direction: 'up' }, ok: 303, who: ADMIN },
      { method: 'GET', url: (m) => href(paths.deleteModuleForm, at(m)), ok: 200, who: ADMIN },
      { method: 'POST', url: (m) => href(paths.deleteModule, at(m)), ok: 303, who: ADMIN },
    ];
    const mismatches: string[] = [];
    for (const step of steps) {
      for (const role of ROLES) {
        // Each try has a module of its own, so a delete by one role leaves the next something to act on.
        const url = step.url(await moduleFor());
        const client = clients[role];
        const response = step.method === 'GET' ? await client.get(url) : await client.post(url, step.body ?? {});
        const denied = role === 'visitor' ? '303 /sign-in' : (step.otherwise ?? '403');
        const expected = step.who.includes(role) ? String(step.ok) : denied;
        const location = String(response.headers.location ?? '');
        const got = response.statusCode === 303 && location.startsWith('/sign-in?next=') ? '303 /sign-in' : String(response.statusCode);
        if (got !== expected) mismatches.push(`${step.method} ${url} as ${role}: ${got}, expected ${expected}`);
      }
    }
    assert.deepEqual(mismatches, []);
    // What each reader's Learning page lists: their own cohort's modules only; every cohort for admins.
    const own = await newModule(cohortA.id, { title: 'Cohort A reading' });
    const other = await newModule(cohortB.id, { title: 'Cohort B reading' });
    for (const role of SIGNED_IN) {
      const page = (await clients[role].get(href(paths.learning))).body;
      assert.equal(page.includes(own.title), READERS.includes(role), `${role} and ${own.title}`);
      assert.equal(page.includes(other.title), ['coachB', 'staffB', 'admin'].includes(role), `${role} and ${other.title}`);
    }
  });

  it('speaks Spanish to a Spanish reader', async () => {
    const { accounts } = t.app.services;
    await accounts.updateProfile(ids.member, { name: 'Lectora', locale: 'es', timeZone: 'UTC' });
    try {
      const page = await clients.member.get(href(paths.learning));
      assert.match(page.body, /<h1>Aprendizaje<\/h1>/);
      assert.match(page.body, /<h3>Abiertos ahora<\/h3>/);
      assert.match(page.body, /\(Descubrir\)/);
    } finally {
      await accounts.updateProfile(ids.member, { name: 'Test member', locale: 'en', timeZone: 'UTC' });
    }
  });
});
