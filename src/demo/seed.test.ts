import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { TestClient } from '../../tests/support/client';
import { DEMO_LIBRARIES } from './libraries';
import { DEMO_PASSWORD, DEMO_SIGN_INS, isEmptyInstance, seedDemo } from './seed';
import { demoSeededAt } from './marker';

let testApp: TestApp;

before(async () => {
  testApp = await createTestApp();
});
after(() => testApp.close());

test('the demo program fills an empty instance through the services', async () => {
  const { app } = testApp;
  assert.equal(await isEmptyInstance(app.services), true);
  assert.equal(await demoSeededAt(app.database.db), undefined);

  await seedDemo(app.services, app.database.db);

  assert.equal(await isEmptyInstance(app.services), false);
  assert.ok(await demoSeededAt(app.database.db), 'the instance is marked as holding demo data');

  const program = await app.services.programs.getProgram();
  assert.equal(program?.name, 'Small Libraries Create Smart Spaces');
  const [cohort, ...otherCohorts] = await app.services.programs.listCohorts();
  assert.equal(otherCohorts.length, 0);
  assert.equal(cohort?.startsOn, '2016-07-01');
  assert.equal(cohort?.endsOn, '2018-06-30');
  assert.equal(cohort?.subgrantCents, 500_000);
  assert.ok(cohort?.spendingCategories.includes('Prototyping'));

  const libraries = await app.services.libraries.allLibraries();
  assert.equal(libraries.length, 15);
  assert.deepEqual(libraries.map((l) => l.name).sort(), DEMO_LIBRARIES.map((l) => l.name).sort());
  assert.ok(libraries.every((l) => l.cohortId === cohort?.id));
  const byName = new Map(libraries.map((l) => [l.name, l]));
  assert.equal(byName.get('Glenns Ferry Public Library')?.slug, 'glenns-ferry-public-library');
  assert.equal(byName.get('Glenns Ferry Public Library')?.timeZone, 'America/Boise');
  assert.equal(byName.get('Glenns Ferry Public Library')?.peopleServed, 1241);
  assert.equal(byName.get('Ignacio Community Library')?.timeZone, 'America/Denver');
  assert.equal(byName.get('Hot Springs Library')?.timeZone, 'America/New_York');
  assert.equal(byName.get('Town Creek Public Library')?.timeZone, 'America/Chicago');
  assert.equal(byName.get('Caledonia Public Library')?.peopleServed, null);

  // The newer parts: the cohort's curriculum, and events and a swept space for each whole journey.
  assert.equal((await app.services.learning.listModules(cohort!.id)).length, 5);
  for (const name of ['Glenns Ferry Public Library', 'Madison Public Library', 'Ignacio Community Library']) {
    const id = byName.get(name)!.id;
    const events = (await app.services.events.listEvents(id, 1)).total;
    assert.ok(events >= 2 && events <= 3, `${name} has ${events} events`);
    assert.equal((await app.services.spaceUse.listSpaces(id)).length, 1);
    assert.equal(await app.services.spaceUse.countSweeps(id), 312);
  }
  assert.equal(await app.services.spaceUse.countSweeps(byName.get('Cornwall Public Library')!.id), 0);
});

test('every demo account signs in with the shared demo password and sees what its role allows', async () => {
  const { app } = testApp;
  assert.equal(DEMO_SIGN_INS.length, 13);
  const people = await app.services.accounts.listPeople({}, 1);
  assert.equal(people.total, 13);

  const coaches = (await app.services.accounts.listPeople({ role: 'coach' }, 1)).items;
  assert.equal(coaches.length, 2);
  const links = await app.services.libraries.linksForPeople(coaches.map((c) => c.id));
  for (const coach of coaches) {
    const coached = links.get(coach.id)?.coached.length ?? 0;
    assert.ok(coached >= 5 && coached <= 7, `${coach.email} coaches ${coached} libraries`);
  }

  const spanish = await app.services.accounts.findPersonByEmail('staff.ignacio@example.org');
  assert.equal(spanish?.locale, 'es');
  assert.equal(spanish?.time_zone, 'America/Denver');

  for (const { email } of DEMO_SIGN_INS) {
    const client = new TestClient(app);
    await client.signIn(email, DEMO_PASSWORD);
  }

  const lead = new TestClient(app);
  await lead.signIn('lead.glennsferry@example.org', DEMO_PASSWORD);
  assert.equal((await lead.get('/libraries/glenns-ferry-public-library')).statusCode, 200);
  assert.equal((await lead.get('/libraries/glenns-ferry-public-library/invite')).statusCode, 200);
  assert.equal((await lead.get('/libraries/madison-public-library')).statusCode, 403);

  const admin = new TestClient(app);
  await admin.signIn('admin@example.org', DEMO_PASSWORD);
  const list = await admin.get('/libraries');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Wilton Public and Gregg Free Library/);
});
