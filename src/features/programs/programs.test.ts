import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeCohort, makeLibrary, makePerson, PASSWORD } from '../../../tests/support/factories';
import { fieldError, fieldValue } from '../../../tests/support/html';
import { cohortProblems, InvalidCohortError, NoProgramError, normaliseCategories, type CohortInput } from './service';
import { dollarsToCents } from '../../i18n/format';
import { dollarsText } from './schema';

const PROGRAM = {
  name: 'Small Libraries Create Smart Spaces',
  description: 'A program for small and rural libraries.\n\nIt runs for 18 months.',
  managerName: 'Pat Manager',
  managerEmail: 'Pat@Example.org',
};

const COHORT: CohortInput = {
  name: 'First cohort',
  startsOn: '2016-09-01',
  endsOn: '2018-02-28',
  subgrantCents: 500_000,
  spendingCategories: ['Furniture', 'Technology'],
};

/** The cohort form's fields as a browser would post them. */
const cohortFields = (overrides: Record<string, string> = {}) => ({
  name: 'Second cohort',
  startsOn: '2018-09-01',
  endsOn: '2020-02-29',
  subgrant: '5,000.00',
  spendingCategories: 'Furniture\nTechnology\n',
  ...overrides,
});

async function signedIn(t: TestApp, role: 'admin' | 'coach' | 'staff') {
  const person = await makePerson(t.app, { role });
  const client = new TestClient(t.app);
  await client.signIn(person.email, PASSWORD);
  return client;
}

describe('cohort rules', () => {
  it('reads dollar amounts without floating-point error and writes them back', () => {
    assert.equal(dollarsToCents('5000'), 500_000);
    assert.equal(dollarsToCents('5,000.00'), 500_000);
    assert.equal(dollarsToCents('$12.5'), 1250);
    assert.equal(dollarsToCents('0.29'), 29);
    assert.equal(dollarsToCents('1,234,567.89'), 123_456_789);
    assert.equal(dollarsText(500_000), '5000');
    assert.equal(dollarsText(1250), '12.50');
  });

  it('trims categories, drops blank lines and removes duplicates whatever their case', () => {
    assert.deepEqual(normaliseCategories([' Furniture ', '', 'technology', 'FURNITURE', 'Technology', '  ']), ['Furniture', 'technology']);
  });

  it('finds every broken rule at once', () => {
    assert.deepEqual(cohortProblems(COHORT), []);
    assert.deepEqual(cohortProblems({ ...COHORT, endsOn: COHORT.startsOn }), []);
    assert.deepEqual(
      cohortProblems({ ...COHORT, endsOn: '2016-08-31', subgrantCents: -1, spendingCategories: [' ', ''] }).map((p) => p.problem),
      ['endsBeforeStart', 'outOfRange', 'noCategories'],
    );
    assert.deepEqual(cohortProblems({ ...COHORT, spendingCategories: ['x'.repeat(81)] }).map((p) => p.problem), ['categoryTooLong']);
    assert.deepEqual(cohortProblems({ ...COHORT, subgrantCents: 0.5 }).map((p) => p.problem), ['outOfRange']);
  });
});

// Each test gets a fresh database and sets up the program and cohorts it needs.
describe('programs service', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  it('has no program or cohorts at first, and refuses a cohort before the program exists', async () => {
    const { programs } = t.app.services;
    assert.equal(await programs.getProgram(), undefined);
    assert.deepEqual(await programs.listCohorts(), []);
    await assert.rejects(programs.createCohort(COHORT), NoProgramError);
  });

  it('creates the program once and updates it afterwards', async () => {
    const { programs } = t.app.services;
    const created = await programs.saveProgram(PROGRAM);
    assert.equal(created.managerEmail, 'pat@example.org');
    const updated = await programs.saveProgram({ ...PROGRAM, name: 'Smart Spaces' });
    assert.equal(updated.id, created.id);
    const read = await programs.getProgram();
    assert.equal(read?.id, created.id);
    assert.equal(read?.name, 'Smart Spaces');
    assert.equal(read?.description, PROGRAM.description);
    assert.equal(read?.managerName, 'Pat Manager');
  });

  it('stores cohorts with normalised categories, lists them by start date and updates them', async () => {
    const { programs } = t.app.services;
    await programs.saveProgram(PROGRAM);
    const later = await programs.createCohort({ ...COHORT, name: 'Second cohort', startsOn: '2018-09-01', endsOn: '2020-02-29' });
    const first = await programs.createCohort({ ...COHORT, spendingCategories: ['Furniture', ' furniture', 'Technology '] });
    assert.deepEqual(first.spendingCategories, ['Furniture', 'Technology']);
    assert.deepEqual((await programs.listCohorts()).map((c) => c.name), ['First cohort', 'Second cohort']);
    const read = await programs.getCohort(first.id);
    assert.deepEqual(read, { ...first, programId: (await programs.getProgram())?.id });
    assert.equal(typeof read?.subgrantCents, 'number');
    await programs.updateCohort(later.id, { ...COHORT, name: 'Cohort two', subgrantCents: 750_050, spendingCategories: ['Signage'] });
    const changed = await programs.getCohort(later.id);
    assert.equal(changed?.name, 'Cohort two');
    assert.equal(changed?.subgrantCents, 750_050);
    assert.deepEqual(changed?.spendingCategories, ['Signage']);
  });

  it('refuses cohorts that break a rule and unknown cohorts', async () => {
    const { programs } = t.app.services;
    await programs.saveProgram(PROGRAM);
    const cohort = await programs.createCohort(COHORT);
    await assert.rejects(programs.createCohort({ ...COHORT, endsOn: '2015-01-01' }), InvalidCohortError);
    assert.deepEqual((await programs.listCohorts()).map((c) => c.id), [cohort.id], 'the refused cohort is not stored');
    await assert.rejects(programs.updateCohort(cohort.id, { ...COHORT, spendingCategories: [] }), InvalidCohortError);
    await assert.rejects(programs.updateCohort('no-such-cohort', COHORT));
    assert.equal(await programs.getCohort('no-such-cohort'), undefined);
  });
});

describe('program pages', () => {
  let t: TestApp;
  let admin: TestClient;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin');
  });
  afterEach(() => t.close());

  it('is for program admins only', async () => {
    const visitor = new TestClient(t.app);
    const response = await visitor.get('/program');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?next=%2Fprogram');
    for (const role of ['staff', 'coach'] as const) {
      const client = await signedIn(t, role);
      assert.equal((await client.get('/program')).statusCode, 403, role);
      assert.equal((await client.post('/program/edit', { ...PROGRAM })).statusCode, 403, role);
      assert.equal((await client.post('/program/cohorts/new', cohortFields())).statusCode, 403, role);
    }
    assert.equal(await t.app.services.programs.getProgram(), undefined);
  });

  it('asks an admin to set the program up before anything else', async () => {
    const page = await admin.get('/program');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The program has not been set up yet/);
    assert.match(page.body, /href="\/program\/edit"/);
    const cohortForm = await admin.get('/program/cohorts/new');
    assert.equal(cohortForm.statusCode, 303);
    assert.equal(cohortForm.headers.location, '/program/edit');
    const posted = await admin.post('/program/cohorts/new', cohortFields());
    assert.equal(posted.statusCode, 303);
    assert.deepEqual(await t.app.services.programs.listCohorts(), []);
    const form = await admin.get('/program/edit');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Set up the program<\/h1>/);
  });

  it('keeps the input and names each problem when the program form is wrong', async () => {
    const empty = await admin.post('/program/edit', {});
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'Program name'), 'Enter program name');
    const noEmail = await admin.post('/program/edit', { ...PROGRAM, managerEmail: '' });
    assert.equal(noEmail.statusCode, 400);
    assert.equal(fieldError(noEmail.body, 'Program manager’s email address'), 'Enter the program manager’s email address in the correct format, like name@example.org');
    const long = await admin.post('/program/edit', { ...PROGRAM, name: 'x'.repeat(100_000), managerEmail: 'not an email' });
    assert.equal(long.statusCode, 400);
    assert.equal(fieldError(long.body, 'Program name'), 'Program name must be 200 characters or fewer');
    assert.ok(fieldError(long.body, 'Program manager’s email address'));
    assert.equal(fieldValue(long.body, 'Program manager'), 'Pat Manager');
    assert.equal(await t.app.services.programs.getProgram(), undefined);
  });

  it('refuses a program form without its CSRF token', async () => {
    const response = await admin.post('/program/edit', { ...PROGRAM, name: 'Forged' }, { csrf: false });
    assert.equal(response.statusCode, 403);
    assert.notEqual((await t.app.services.programs.getProgram())?.name, 'Forged');
  });

  it('sets the program up, then saves changes to it', async () => {
    // A field sent twice keeps its first value rather than failing.
    const created = await admin.post('/program/edit', { ...PROGRAM, name: ['One', 'Two'] });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/program');
    assert.match((await admin.get('/program')).body, /The program has been set up/);
    assert.equal((await t.app.services.programs.getProgram())?.name, 'One');
    const saved = await admin.post('/program/edit', PROGRAM);
    assert.equal(saved.statusCode, 303);
    const page = await admin.get('/program');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The program details have been saved/);
    assert.match(page.body, /<h1>Small Libraries Create Smart Spaces<\/h1>/);
    assert.match(page.body, /<p>A program for small and rural libraries.<\/p><p>It runs for 18 months.<\/p>/);
    assert.match(page.body, /mailto:pat@example.org/);
    assert.match(page.body, /There are no cohorts yet/);
    const form = await admin.get('/program/edit');
    assert.match(form.body, /<h1>Edit the program details<\/h1>/);
    assert.match(form.body, /value="Small Libraries Create Smart Spaces"/);
  });

  it('adds a cohort from dollars and one category per line', async () => {
    await t.app.services.programs.saveProgram(PROGRAM);
    const created = await admin.post('/program/cohorts/new', cohortFields({ spendingCategories: 'Furniture\r\n furniture \r\n\r\nTechnology\r\nSignage' }));
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/program');
    const [cohort] = await t.app.services.programs.listCohorts();
    assert.equal(cohort?.subgrantCents, 500_000);
    assert.deepEqual(cohort?.spendingCategories, ['Furniture', 'Technology', 'Signage']);
    assert.ok(cohort);
    await makeLibrary(t.app, { cohortId: cohort.id });
    await makeLibrary(t.app, { cohortId: cohort.id });
    await makeLibrary(t.app);
    const page = await admin.get('/program');
    assert.match(page.body, /Second cohort has been added/);
    assert.match(page.body, /<caption>Cohorts of Small Libraries Create Smart Spaces<\/caption>/);
    assert.match(page.body, /Sep 1, 2018 to Feb 29, 2020/);
    assert.match(page.body, /\$5,000/);
    assert.match(page.body, /<li>Signage<\/li>/);
    assert.match(page.body, /<td class="numeric">2<\/td>/);
    assert.match(page.body, new RegExp(`href="/program/cohorts/${cohort.id}/edit" aria-label="Edit Second cohort"`));
  });

  it('names each problem in the cohort form next to its field', async () => {
    await t.app.services.programs.saveProgram(PROGRAM);
    const cases: Array<[Record<string, string>, string, RegExp]> = [
      [{ startsOn: '2023-02-29' }, 'Start date', /Enter the start date as a real date/],
      [{ endsOn: 'tomorrow' }, 'End date', /Enter the end date as a real date/],
      [{ endsOn: '2018-08-31' }, 'End date', /The end date must be the same as or after the start date/],
      [{ subgrant: '-5000' }, 'Subgrant per library', /Enter the subgrant as an amount in dollars of zero or more/],
      [{ subgrant: 'five thousand' }, 'Subgrant per library', /Enter the subgrant as an amount/],
      [{ subgrant: '5,00' }, 'Subgrant per library', /Enter the subgrant as an amount/],
      [{ subgrant: '99999999999' }, 'Subgrant per library', /The subgrant must be \$10,000,000 or less/],
      [{ spendingCategories: '' }, 'Allowed spending categories', /Enter at least one spending category/],
      [{ spendingCategories: ' \n \n' }, 'Allowed spending categories', /Enter at least one spending category/],
      [{ spendingCategories: `Furniture\n${'x'.repeat(81)}` }, 'Allowed spending categories', /must be 80 characters or fewer/],
      [{ spendingCategories: 'x'.repeat(100_000) }, 'Allowed spending categories', /characters or fewer/],
      [{ name: '' }, 'Cohort name', /Enter cohort name/],
      [{ name: 'x'.repeat(100_000) }, 'Cohort name', /Cohort name must be 200 characters or fewer/],
    ];
    const before = (await t.app.services.programs.listCohorts()).length;
    for (const [overrides, field, message] of cases) {
      const response = await admin.post('/program/cohorts/new', cohortFields(overrides));
      assert.equal(response.statusCode, 400, JSON.stringify(overrides).slice(0, 80));
      assert.match(fieldError(response.body, field) ?? '', message, field);
      assert.match(response.body, /There is a problem/);
    }
    // Several problems at once, with the input kept.
    const many = await admin.post('/program/cohorts/new', cohortFields({ endsOn: '2017-01-01', subgrant: '99999999999', spendingCategories: '\n', name: 'Kept name' }));
    assert.equal(many.statusCode, 400);
    assert.match(fieldError(many.body, 'End date') ?? '', /after the start date/);
    assert.match(fieldError(many.body, 'Subgrant per library') ?? '', /10,000,000/);
    assert.match(fieldError(many.body, 'Allowed spending categories') ?? '', /at least one/);
    assert.equal(fieldValue(many.body, 'Cohort name'), 'Kept name');
    const mixed = await admin.post('/program/cohorts/new', cohortFields({ endsOn: '2017-01-01', subgrant: '-4', name: '' }));
    assert.equal(mixed.statusCode, 400);
    assert.match(fieldError(mixed.body, 'Cohort name') ?? '', /Enter cohort name/);
    assert.match(fieldError(mixed.body, 'End date') ?? '', /after the start date/);
    assert.match(fieldError(mixed.body, 'Subgrant per library') ?? '', /zero or more/);
    const badStart = await admin.post('/program/cohorts/new', cohortFields({ startsOn: '2018-13-01', endsOn: '2017-01-01' }));
    assert.match(fieldError(badStart.body, 'Start date') ?? '', /real date/);
    assert.equal(fieldError(badStart.body, 'End date'), undefined);
    assert.equal((await t.app.services.programs.listCohorts()).length, before);
  });

  it('edits a cohort with its current values filled in, and 404s an unknown one', async () => {
    const { programs } = t.app.services;
    await programs.saveProgram(PROGRAM);
    const cohort = await makeCohort(t.app, {
      name: 'Second cohort',
      startsOn: '2018-09-01',
      endsOn: '2020-02-29',
      subgrantCents: 500_000,
      spendingCategories: ['Furniture', 'Technology', 'Signage'],
    });
    const form = await admin.get(`/program/cohorts/${cohort.id}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Edit Second cohort<\/h1>/);
    assert.match(form.body, /name="subgrant" type="text" value="5000"/);
    assert.equal(fieldValue(form.body, 'Allowed spending categories'), 'Furniture\nTechnology\nSignage');
    const bad = await admin.post(`/program/cohorts/${cohort.id}/edit`, cohortFields({ endsOn: '2018-01-01' }));
    assert.equal(bad.statusCode, 400);
    assert.match(fieldError(bad.body, 'End date') ?? '', /after the start date/);
    const saved = await admin.post(`/program/cohorts/${cohort.id}/edit`, cohortFields({ name: 'Cohort 2', subgrant: '$4,250.50' }));
    assert.equal(saved.statusCode, 303);
    const changed = await t.app.services.programs.getCohort(cohort.id);
    assert.equal(changed?.name, 'Cohort 2');
    assert.equal(changed?.subgrantCents, 425_050);
    assert.equal((await admin.get('/program/cohorts/no-such-cohort/edit')).statusCode, 404);
    assert.equal((await admin.post('/program/cohorts/no-such-cohort/edit', cohortFields())).statusCode, 404);
    assert.equal((await admin.post(`/program/cohorts/${cohort.id}/edit`, cohortFields(), { csrf: false })).statusCode, 403);
  });

  it('speaks Spanish to a Spanish-speaking admin', async () => {
    await t.app.services.programs.saveProgram(PROGRAM);
    const person = await makePerson(t.app, { role: 'admin' });
    await t.app.services.accounts.updateProfile(person.id, { name: person.name, locale: 'es', timeZone: 'America/Chicago' });
    const client = new TestClient(t.app);
    await client.signIn(person.email, PASSWORD);
    const page = await client.get('/program');
    assert.match(page.body, /Añadir una cohorte/);
    const bad = await client.post('/program/cohorts/new', cohortFields({ endsOn: '2010-01-01' }));
    assert.match(fieldError(bad.body, 'Fecha de fin') ?? '', /La fecha de fin debe ser igual o posterior/);
  });
});
