import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, makeProgram, PASSWORD } from '../../../tests/support/factories';
import { assertInOrder } from '../../../tests/support/order';

describe('the public home page', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  it('offers first-run setup while there is no admin, with empty states', async () => {
    const page = await new TestClient(t.app).get('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Smart Spaces<\/h1>/);
    assert.match(page.body, /No program has been set up here yet/);
    assert.match(page.body, /No libraries have joined yet/);
    assert.match(page.body, /<a href="\/setup">/);
    assert.match(page.body, /<a href="\/sign-in">sign in to your workspace<\/a>/);
  });

  it('shows the program and its libraries, and nothing private', async () => {
    await makeProgram(t.app, {
      name: 'Small Libraries Create Smart Spaces',
      description: 'Fifteen libraries turn a room into a smart space.\n\nThey share what they learn.',
      managerName: 'Private Manager',
      managerEmail: 'manager@example.org',
    });
    await makeLibrary(t.app, { name: 'Glenns Ferry Public Library', state: 'ID' });
    await makeLibrary(t.app, { name: 'Cornwall Public Library', state: 'NY' });
    const staff = await makePerson(t.app, { role: 'admin', email: 'hidden-admin@example.org' });

    const page = await new TestClient(t.app).get('/');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Small Libraries Create Smart Spaces<\/h1>/);
    assert.match(page.body, /<p>Fifteen libraries turn a room into a smart space\.<\/p><p>They share what they learn\.<\/p>/);
    assert.match(
      page.body,
      /<li><a href="\/directory\/cornwall-public-library">Cornwall Public Library<\/a> — Testville, NY<\/li><li><a href="\/directory\/glenns-ferry-public-library">Glenns Ferry Public Library<\/a> — Testville, ID<\/li>/,
    );
    assert.match(page.body, /<a href="\/directory">/);
    assert.ok(!page.body.includes('/setup'), 'setup is closed once an admin exists');
    for (const secret of [staff.email, 'manager@example.org', 'Private Manager']) assert.ok(!page.body.includes(secret), secret);
    assert.ok(!page.body.includes('name="_csrf"'), 'the public page sets no form token');
  });

  it('offers the newsletter, feeds, past issues and contact without a form token', async () => {
    const page = await new TestClient(t.app).get('/');
    assert.match(page.body, /<form method="post" action="\/newsletter\/subscribe"/);
    assert.match(page.body, /name="email" type="email"/);
    assert.match(page.body, /<div class="honeypot" aria-hidden="true">/);
    assert.match(page.body, /<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/feeds\/all.atom"\/>/);
    for (const href of ['/feeds/all.atom', '/feeds/all.rss', '/newsletter', '/contact']) assert.ok(page.body.includes(`<a href="${href}">`), href);
    assert.ok(!page.body.includes('name="_csrf"'));
    assert.match(page.body, /Nothing has been published yet/);
  });

  it('shows the home page text and the most recently changed items, newest first', async () => {
    const { content } = t.app.services;
    const base = { summary: '', libraryId: null, imageId: null, links: [], sections: null, tagIds: [] };
    await content.importItem(
      { ...base, type: 'page', title: 'Home', body: 'A **smart space** is a room for *active learning*.' },
      { publishedAt: '2016-07-01T12:00:00.000Z', updatedAt: '2016-07-01T12:00:00.000Z' },
      null,
    );
    await content.importItem(
      { ...base, type: 'news', title: 'Older news', body: 'Older.' },
      { publishedAt: '2017-11-30T12:00:00.000Z', updatedAt: '2017-11-30T12:00:00.000Z' },
      null,
    );
    await content.importItem(
      { ...base, type: 'collection', title: 'Makerspace and digital media lab resources', summary: 'Planning a makerspace?', body: 'Links.' },
      { publishedAt: '2018-02-22T12:00:00.000Z', updatedAt: '2018-02-22T12:00:00.000Z' },
      null,
    );
    const draft = await content.createItem({ ...base, type: 'news', title: 'Unpublished draft', body: 'Secret.' }, null);
    assert.ok(draft);

    const page = await new TestClient(t.app).get('/');
    assert.match(page.body, /<p>A <strong>smart space<\/strong> is a room for <em>active learning<\/em>\.<\/p>/);
    assert.ok(!page.body.includes('Fifteen libraries turn a room'), 'the home page text replaces the program description');
    const recent = page.body.slice(page.body.indexOf('Most recently added'));
    assertInOrder(recent, ['Most recently added', 'Makerspace and digital media lab resources', 'Older news'], 'newest first');
    assert.match(recent, /<p class="tag">Resource collection<\/p><h3><a href="\/resources\/makerspace-and-digital-media-lab-resources">/);
    assert.match(recent, /Planning a makerspace\?/);
    assert.match(recent, /Updated Feb 22, 2018/);
    assert.ok(!page.body.includes('Unpublished draft'));
    assert.ok(!recent.includes('>Home<'), 'pages are not listed as recent items');
  });

  it('speaks Spanish when asked', async () => {
    const page = await new TestClient(t.app).get('/?lang=es');
    assert.match(page.body, /<html lang="es">/);
    assert.match(page.body, /Bibliotecas participantes/);
  });

  it('sends a signed-in person to their dashboard', async () => {
    const person = await makePerson(t.app, { role: 'coach' });
    const client = new TestClient(t.app);
    await client.signIn(person.email, PASSWORD);
    const page = await client.get('/');
    assert.match(page.body, /<a href="\/dashboard">Go to your dashboard<\/a>/);
    assert.ok(!page.body.includes('sign in to your workspace'));
  });
});

describe('the dashboard', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  const signedIn = async (options: Parameters<typeof makePerson>[1]) => {
    const person = await makePerson(t.app, options);
    const client = new TestClient(t.app);
    await client.signIn(person.email, PASSWORD);
    return { person, client };
  };

  it('asks visitors to sign in', async () => {
    const response = await new TestClient(t.app).get('/dashboard');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?next=%2Fdashboard');
  });

  it('gives admins counts and the way to each admin page', async () => {
    await makeLibrary(t.app);
    await makeLibrary(t.app);
    await t.app.services.accounts.createUser({ email: 'pending@example.org', name: 'Pending', role: 'coach' });
    const { person, client } = await signedIn({ role: 'admin', name: 'Ada' });
    const page = await client.get('/dashboard');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`Hello, ${person.name}\\.`));
    assert.match(page.body, /<dt>Libraries<\/dt><dd>2<\/dd>/);
    assert.match(page.body, /<dt>People<\/dt><dd>2<\/dd>/);
    assert.match(page.body, /<dt>Invited, not joined yet<\/dt><dd>1<\/dd>/);
    for (const href of ['/people', '/libraries', '/program', '/outbox']) assert.ok(page.body.includes(`<li><a href="${href}">`), href);
  });

  it('shows coaches the libraries they coach', async () => {
    const library = await makeLibrary(t.app, { name: 'Ignacio Community Library' });
    const { client } = await signedIn({ role: 'coach', coachedLibraryIds: [library.id] });
    const page = await client.get('/dashboard');
    assert.match(page.body, /Libraries you coach/);
    assert.match(page.body, /<a href="\/libraries\/ignacio-community-library">Ignacio Community Library<\/a>/);
    assert.ok(!page.body.includes('/outbox"'));

    const { client: unassigned } = await signedIn({ role: 'coach' });
    assert.match((await unassigned.get('/dashboard')).body, /No libraries have been assigned to you yet/);
  });

  it('shows staff their library, their role and the team size', async () => {
    const library = await makeLibrary(t.app, { name: 'Tucker Free Library' });
    await makePerson(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'member' });
    const { client } = await signedIn({ role: 'staff', libraryId: library.id, libraryRole: 'lead' });
    const page = await client.get('/dashboard');
    assert.match(page.body, /<a href="\/libraries\/tucker-free-library">Tucker Free Library<\/a>/);
    assert.match(page.body, /Your role: Lead/);
    assert.match(page.body, /People on the team: 2/);

    const { client: alone } = await signedIn({ role: 'staff' });
    assert.match((await alone.get('/dashboard')).body, /You are not on a library team yet/);
  });
});
