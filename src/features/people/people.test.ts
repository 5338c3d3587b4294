import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, PASSWORD, signedInClient } from '../../../tests/support/factories';

/** The newest kept message sent to an address, read through the outbox pages as an admin would. */
async function lastMailTo(admin: TestClient, email: string) {
  const list = await admin.get('/outbox');
  assert.equal(list.statusCode, 200);
  const id = new RegExp(`<td>${email.replace(/[.+]/g, '\\$&')}</td><td><a href="/outbox/([^"]+)"`).exec(list.body)?.[1];
  assert.ok(id, `no mail to ${email} in the outbox`);
  const page = await admin.get(`/outbox/${id}`);
  assert.equal(page.statusCode, 200);
  const text = /<pre class="mail">([\s\S]*?)<\/pre>/.exec(page.body)?.[1] ?? '';
  return { text, link: /http:\/\/smartspaces\.test\/invitations\/([A-Za-z0-9_-]+)/.exec(text) };
}

/** The person id from a redirect to their page. */
function personIdFrom(location: unknown): string {
  const id = /^\/people\/([^/]+)$/.exec(String(location))?.[1];
  assert.ok(id, `not a person page: ${String(location)}`);
  return id;
}

const hasRoute = (app: FastifyInstance, url: string) => app.routeTable.some((r) => r.url === url);

describe('inviting people', () => {
  let t: TestApp;
  let admin: TestClient;
  let libraryA: Awaited<ReturnType<typeof makeLibrary>>;
  let libraryB: Awaited<ReturnType<typeof makeLibrary>>;

  before(async () => {
    t = await createTestApp();
    libraryA = await makeLibrary(t.app, { name: 'Hot Springs Library' });
    libraryB = await makeLibrary(t.app, { name: 'Ronan Library District' });
    const person = await makePerson(t.app, { role: 'admin', name: 'Ada Admin' });
    admin = new TestClient(t.app);
    await admin.signIn(person.email, PASSWORD);
  });
  after(() => t.close());

  it('shows the invitation form with every library', async () => {
    const page = await admin.get('/people/invite');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Invite someone<\/h1>/);
    assert.ok(page.body.includes(`<option value="${libraryA.id}">Hot Springs Library</option>`));
    assert.ok(page.body.includes(`value="${libraryB.id}"`));
    assert.match(page.body, /<legend>Libraries they coach<\/legend>/);
  });

  it('invites library staff as lead, keeps the email in the outbox and links the library', async () => {
    const response = await admin.post('/people/invite', {
      email: 'Lena.Lead@Example.org',
      name: 'Lena Lead',
      role: 'staff',
      libraryId: libraryA.id,
      libraryRole: 'lead',
      locale: 'en',
    });
    assert.equal(response.statusCode, 303);
    const id = personIdFrom(response.headers.location);
    const page = await admin.get(`/people/${id}`);
    assert.match(page.body, /The invitation to lena\.lead@example\.org is in the outbox/);
    assert.match(page.body, /<dd>Invited<\/dd>/);
    assert.match(page.body, /Hot Springs Library<\/a> \(Lead\)/);
    assert.match(page.body, /Send the invitation again/);

    const mail = await lastMailTo(admin, 'lena.lead@example.org');
    assert.match(mail.text, /Hello Lena Lead,/);
    assert.match(mail.text, /Ada Admin has invited you to Smart Spaces as the lead of the team at Hot Springs Library\./);
    assert.match(mail.text, /7 days/);
    assert.ok(mail.link, 'the email holds an invitation link');
    if (hasRoute(t.app, '/invitations/:token')) {
      const visitor = new TestClient(t.app);
      assert.equal((await visitor.get(`/invitations/${mail.link[1]}`)).statusCode, 200);
    }
  });

  it('invites a coach with their libraries, in Spanish', async () => {
    const response = await admin.post('/people/invite', {
      email: 'carmen@example.org',
      name: 'Carmen Coach',
      role: 'coach',
      coachedLibraryIds: [libraryA.id, libraryB.id],
      // Ignored: a coach has no library team.
      libraryId: libraryA.id,
      libraryRole: 'member',
      locale: 'es',
    });
    assert.equal(response.statusCode, 303);
    const person = await t.app.services.people.find(personIdFrom(response.headers.location));
    assert.equal(person?.role, 'coach');
    assert.equal(person?.locale, 'es');
    assert.deepEqual(person?.links.memberships, []);
    assert.deepEqual(person?.links.coached.map((c) => c.libraryName), ['Hot Springs Library', 'Ronan Library District']);
    const mail = await lastMailTo(admin, 'carmen@example.org');
    assert.match(mail.text, /Hola, Carmen Coach:/);
    assert.match(mail.text, /como mentor de Hot Springs Library y Ronan Library District\./);
    assert.match(mail.text, /7 días/);
    assert.ok(mail.link);
  });

  it('invites a coach with no libraries yet, and a program admin', async () => {
    const coach = await admin.post('/people/invite', { email: 'new-coach@example.org', name: 'New Coach', role: 'coach', locale: 'en' });
    assert.equal(coach.statusCode, 303);
    assert.match((await lastMailTo(admin, 'new-coach@example.org')).text, /as a coach\./);

    const other = await admin.post('/people/invite', { email: 'pat@example.org', name: 'Pat Program', role: 'admin', locale: 'en' });
    assert.equal(other.statusCode, 303);
    const mail = await lastMailTo(admin, 'pat@example.org');
    assert.match(mail.text, /as a program admin\./);
    assert.ok(mail.link);
  });

  it('requires a library for staff and keeps what was typed', async () => {
    const response = await admin.post('/people/invite', { email: 'sam@example.org', name: 'Sam Staff', role: 'staff', locale: 'en' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Choose the library this person works in/);
    assert.match(response.body, /value="sam@example.org"/);
    assert.match(response.body, /value="Sam Staff"/);
    assert.equal(await t.app.services.accounts.findPersonByEmail('sam@example.org'), undefined);
  });

  it('refuses forged library ids with a field error, never a 500', async () => {
    const staff = await admin.post('/people/invite', {
      email: 'forged@example.org',
      name: 'Forged',
      role: 'staff',
      libraryId: 'not-a-library',
      locale: 'en',
    });
    assert.equal(staff.statusCode, 400);
    assert.match(staff.body, /Choose a library from the list/);
    const coach = await admin.post('/people/invite', {
      email: 'forged@example.org',
      name: 'Forged',
      role: 'coach',
      coachedLibraryIds: [libraryA.id, 'x'.repeat(100_000)],
      locale: 'en',
    });
    assert.equal(coach.statusCode, 400);
    assert.match(coach.body, /Choose a library from the list/);
    assert.equal(await t.app.services.accounts.findPersonByEmail('forged@example.org'), undefined);
  });

  it('names each problem of an empty, malformed or oversized form', async () => {
    const empty = await admin.post('/people/invite', {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /There is a problem/);
    assert.match(empty.body, /Enter an email address in the correct format/);
    assert.match(empty.body, /Enter the person’s name/);
    assert.match(empty.body, /Choose a role/);
    assert.match(empty.body, /Choose English or Spanish/);
    const blankName = await admin.post('/people/invite', { email: 'blank@example.org', name: '   ', role: 'admin', locale: 'en' });
    assert.equal(blankName.statusCode, 400);
    assert.match(blankName.body, /Enter the person’s name/);

    const malformed = await admin.post('/people/invite', { email: 'not-an-email', name: 'X', role: 'admin', locale: 'en' });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /Enter an email address in the correct format/);
    assert.match(malformed.body, /value="not-an-email"/);

    const huge = 'x'.repeat(100_000);
    const long = await admin.post('/people/invite', { email: `${huge}@example.org`, name: huge, role: 'admin', locale: 'en' });
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /Email address must be 254 characters or fewer/);
    assert.match(long.body, /Full name must be 120 characters or fewer/);

    const wrongValues = await admin.post('/people/invite', {
      email: 'odd@example.org',
      name: 'Odd',
      role: 'superuser',
      libraryRole: 'boss',
      locale: 'fr',
    });
    assert.equal(wrongValues.statusCode, 400);
    assert.match(wrongValues.body, /Choose a role/);
    assert.match(wrongValues.body, /Choose lead or member/);
    assert.match(wrongValues.body, /Choose English or Spanish/);

    // A field sent twice counts once; a list where one value is expected is not an error page.
    const repeated = await admin.post('/people/invite', {
      email: ['twice@example.org', 'other@example.org'],
      name: 'Twice',
      role: ['admin', 'coach'],
      locale: 'en',
    });
    assert.equal(repeated.statusCode, 303);
    assert.equal((await t.app.services.accounts.findPersonByEmail('twice@example.org'))?.role, 'admin');
  });

  it('says when the email address is already in use, whatever its case', async () => {
    const existing = await makePerson(t.app, { role: 'staff', email: 'taken@example.org' });
    const response = await admin.post('/people/invite', {
      email: 'TAKEN@example.org',
      name: 'Someone Else',
      role: 'staff',
      libraryId: libraryB.id,
      libraryRole: 'member',
      locale: 'en',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Someone already has an account or an invitation with this email address/);
    assert.match(response.body, /value="Someone Else"/);
    assert.ok(response.body.includes(`<option value="${libraryB.id}" selected`));
    const person = await t.app.services.people.find(existing.id);
    assert.deepEqual(person?.links.memberships, []);
  });

  it('refuses a form without its CSRF token', async () => {
    const response = await admin.post(
      '/people/invite',
      { email: 'nocsrf@example.org', name: 'No Token', role: 'admin', locale: 'en' },
      { csrf: false },
    );
    assert.equal(response.statusCode, 403);
    assert.equal(await t.app.services.accounts.findPersonByEmail('nocsrf@example.org'), undefined);
  });

  it('lets only program admins invite here', async () => {
    const visitor = new TestClient(t.app);
    const away = await visitor.get('/people/invite');
    assert.equal(away.statusCode, 303);
    assert.equal(away.headers.location, '/sign-in?next=%2Fpeople%2Finvite');
    for (const options of [
      { role: 'staff' as const, libraryId: libraryA.id, libraryRole: 'lead' as const },
      { role: 'coach' as const, coachedLibraryIds: [libraryA.id] },
    ]) {
      const person = await makePerson(t.app, options);
      const client = new TestClient(t.app);
      await client.signIn(person.email, PASSWORD);
      assert.equal((await client.get('/people/invite')).statusCode, 403);
      assert.equal((await client.get('/people')).statusCode, 403);
      const post = await client.post('/people/invite', { email: 'sneaky@example.org', name: 'S', role: 'admin', locale: 'en' });
      assert.equal(post.statusCode, 403);
    }
    assert.equal(await t.app.services.accounts.findPersonByEmail('sneaky@example.org'), undefined);
  });
});

describe('inviting people with SMTP set up', () => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: string[] = [];

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      onData(stream, _session, done) {
        let data = '';
        stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
        stream.on('end', () => {
          received.push(data);
          done();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const { port } = smtp.server.address() as AddressInfo;
    t = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
  });
  after(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends the invitation and says so', async () => {
    const library = await makeLibrary(t.app);
    const admin = (await signedInClient(t.app, { role: 'admin' })).client;
    const response = await admin.post('/people/invite', {
      email: 'mo@example.org',
      name: 'Mo Member',
      role: 'staff',
      libraryId: library.id,
      libraryRole: 'member',
      locale: 'en',
    });
    assert.equal(response.statusCode, 303);
    const page = await admin.get(String(response.headers.location));
    assert.match(page.body, /Invitation sent to mo@example\.org\./);
    assert.equal(received.length, 1);
    // Undo the quoted-printable soft line breaks of the mail body.
    const body = (received[0] ?? '').replace(/=\r\n/g, '');
    assert.match(body, /To: mo@example\.org/);
    assert.match(body, /as a member of the team at/);
    assert.match(body, /http:\/\/smartspaces\.test\/invitations\/[\w-]{43}/);
    assert.equal((await t.app.services.mail.listOutbox(1)).total, 0);
  });
});

describe('managing people', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: string;
  let libraryA: Awaited<ReturnType<typeof makeLibrary>>;
  let libraryB: Awaited<ReturnType<typeof makeLibrary>>;

  before(async () => {
    t = await createTestApp();
    libraryA = await makeLibrary(t.app, { name: 'Cornwall Public Library' });
    libraryB = await makeLibrary(t.app, { name: 'Madison Public Library' });
    const person = await makePerson(t.app, { role: 'admin', name: 'Aaron Admin' });
    adminId = person.id;
    admin = new TestClient(t.app);
    await admin.signIn(person.email, PASSWORD);
  });
  after(() => t.close());

  it('lists, filters and pages through people', async () => {
    for (let i = 0; i < 30; i++) {
      await makePerson(t.app, {
        role: i % 3 === 0 ? 'coach' : 'staff',
        name: `Listed Person ${String(i).padStart(2, '0')}`,
        email: `listed-${i}@example.org`,
        ...(i % 3 === 0 ? { coachedLibraryIds: [libraryB.id] } : { libraryId: libraryA.id }),
      });
    }
    const first = await admin.get('/people');
    assert.equal(first.statusCode, 200);
    assert.equal(first.body.match(/<tr>/g)?.length, 26, 'a header row and 25 people');
    assert.match(first.body, /People \(31\)/);
    assert.match(first.body, /Page 1 of 2/);
    assert.match(first.body, /Cornwall Public Library<\/a> \(Member\)/);
    assert.match(first.body, /Coach of: <span><a href="\/libraries\/madison-public-library">Madison Public Library<\/a>/);

    const second = await admin.get('/people?page=2');
    assert.equal(second.body.match(/<tr>/g)?.length, 7);
    assert.match(second.body, /Page 2 of 2/);

    const coaches = await admin.get('/people?role=coach&q=listed');
    assert.match(coaches.body, /People \(10\)/);
    assert.ok(!coaches.body.includes('listed-1@example.org'));
    assert.match(coaches.body, /<option value="coach" selected>/);

    const search = await admin.get('/people?q=LISTED-2%40');
    assert.match(search.body, /People \(1\)/);
    assert.match(search.body, /listed-2@example\.org/);
    assert.match(search.body, /value="LISTED-2@"/);

    // Wildcards in the search are taken literally.
    assert.match((await admin.get('/people?q=%25')).body, /Nobody matches these filters/);
    assert.match((await admin.get('/people?status=deactivated')).body, /Nobody matches these filters/);
    assert.match((await admin.get('/people?status=active&page=9999')).body, /Page 2 of 2/);
    assert.match((await admin.get('/people?page=abc')).body, /Page 1 of 2/);

    const filtered = await admin.get('/people?role=coach&q=listed&page=1');
    assert.match(filtered.body, /<h1>People<\/h1>/);
    const bad = await admin.get(`/people?role=superuser&q=${'x'.repeat(300)}`);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Check role/);
    assert.match(bad.body, /Name or email must be 200 characters or fewer/);
  });

  it('shows a person, and 404 for an unknown one', async () => {
    const person = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead', name: 'Shown Staff' });
    const page = await admin.get(`/people/${person.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Shown Staff<\/h1>/);
    assert.match(page.body, /<dd>Library staff<\/dd>/);
    assert.match(page.body, /<dd>Active<\/dd>/);
    assert.match(page.body, /Cornwall Public Library<\/a> \(Lead\)/);
    assert.ok(!page.body.includes('Send the invitation again'));
    for (const path of ['/people/nobody', '/people/nobody/edit', '/people/nobody/deactivate', `/people/${'x'.repeat(300)}`]) {
      assert.equal((await admin.get(path)).statusCode, 404, path);
    }
    for (const path of ['/people/nobody/edit', '/people/nobody/deactivate', '/people/nobody/reactivate', '/people/nobody/resend-invitation']) {
      assert.equal((await admin.post(path, { role: 'admin' })).statusCode, 404, path);
    }
  });

  it('changes a role and its library links', async () => {
    const person = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member' });
    const form = await admin.get(`/people/${person.id}/edit`);
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes(`<option value="${libraryA.id}" selected`));

    const toLead = await admin.post(`/people/${person.id}/edit`, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' });
    assert.equal(toLead.statusCode, 303);
    assert.match((await admin.get(`/people/${person.id}`)).body, /Changes saved for/);
    let found = await t.app.services.people.find(person.id);
    assert.deepEqual(
      found?.links.memberships.map((m) => [m.libraryName, m.role]),
      [['Madison Public Library', 'lead']],
    );

    const toCoach = await admin.post(`/people/${person.id}/edit`, {
      role: 'coach',
      libraryId: libraryB.id,
      coachedLibraryIds: [libraryA.id, libraryB.id],
    });
    assert.equal(toCoach.statusCode, 303);
    found = await t.app.services.people.find(person.id);
    assert.equal(found?.role, 'coach');
    assert.deepEqual(found?.links.memberships, []);
    assert.equal(found?.links.coached.length, 2);

    const toAdmin = await admin.post(`/people/${person.id}/edit`, { role: 'admin', coachedLibraryIds: [libraryA.id] });
    assert.equal(toAdmin.statusCode, 303);
    found = await t.app.services.people.find(person.id);
    assert.equal(found?.role, 'admin');
    assert.deepEqual(found?.links, { memberships: [], coached: [] });
  });

  it('re-renders the edit form on bad input', async () => {
    const person = await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] });
    const noLibrary = await admin.post(`/people/${person.id}/edit`, { role: 'staff', libraryRole: 'lead' });
    assert.equal(noLibrary.statusCode, 400);
    assert.match(noLibrary.body, /Choose the library this person works in/);
    assert.match(noLibrary.body, /value="lead" checked/);
    const forged = await admin.post(`/people/${person.id}/edit`, { role: 'coach', coachedLibraryIds: ['forged'] });
    assert.equal(forged.statusCode, 400);
    assert.match(forged.body, /Choose a library from the list/);
    const badRole = await admin.post(`/people/${person.id}/edit`, { role: 'x'.repeat(100_000) });
    assert.equal(badRole.statusCode, 400);
    assert.match(badRole.body, /Choose a role/);
    const unchanged = await t.app.services.people.find(person.id);
    assert.equal(unchanged?.role, 'coach');
    assert.equal(unchanged?.links.coached.length, 1);
    const noToken = await admin.post(`/people/${person.id}/edit`, { role: 'admin' }, { csrf: false });
    assert.equal(noToken.statusCode, 403);
    assert.equal((await t.app.services.accounts.getPerson(person.id))?.role, 'coach');
  });

  it('does not let an admin remove their own admin role or deactivate themselves', async () => {
    const demote = await admin.post(`/people/${adminId}/edit`, { role: 'coach' });
    assert.equal(demote.statusCode, 400);
    assert.match(demote.body, /You cannot remove your own program admin role/);

    const page = await admin.get(`/people/${adminId}`);
    assert.match(page.body, /This is your own account/);
    assert.ok(!page.body.includes(`/people/${adminId}/deactivate"`));
    const confirm = await admin.get(`/people/${adminId}/deactivate`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /You cannot deactivate your own account/);
    assert.ok(!confirm.body.includes('Yes, deactivate'));
    const post = await admin.post(`/people/${adminId}/deactivate`);
    assert.equal(post.statusCode, 400);
    assert.match(post.body, /You cannot deactivate your own account/);
    const self = await t.app.services.accounts.getPerson(adminId);
    assert.equal(self?.role, 'admin');
    assert.equal(self?.status, 'active');
    assert.equal((await admin.get('/dashboard')).statusCode, 200);
  });

  it('deactivates a signed-in person, ending their sessions at once, and reactivates them', async () => {
    const person = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, name: 'Dee Active' });
    const theirs = new TestClient(t.app);
    await theirs.signIn(person.email, PASSWORD);
    const elsewhere = new TestClient(t.app);
    await elsewhere.signIn(person.email, PASSWORD);
    assert.equal((await theirs.get('/dashboard')).statusCode, 200);

    const confirm = await admin.get(`/people/${person.id}/deactivate`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Deactivate Dee Active\?<\/h1>/);
    assert.match(confirm.body, /Yes, deactivate this person/);
    assert.equal((await admin.post(`/people/${person.id}/deactivate`, {}, { csrf: false })).statusCode, 403);
    assert.equal((await theirs.get('/dashboard')).statusCode, 200);

    const done = await admin.post(`/people/${person.id}/deactivate`);
    assert.equal(done.statusCode, 303);
    const page = await admin.get(`/people/${person.id}`);
    assert.match(page.body, /Dee Active has been deactivated and signed out everywhere/);
    assert.match(page.body, /<dd>Deactivated<\/dd>/);
    for (const client of [theirs, elsewhere]) {
      const next = await client.get('/dashboard');
      assert.equal(next.statusCode, 303);
      assert.match(String(next.headers.location), /^\/sign-in/);
    }
    await assert.rejects(new TestClient(t.app).signIn(person.email, PASSWORD));
    const again = await admin.get(`/people/${person.id}/deactivate`);
    assert.equal(again.statusCode, 303);

    const reactivated = await admin.post(`/people/${person.id}/reactivate`);
    assert.equal(reactivated.statusCode, 303);
    assert.match((await admin.get(`/people/${person.id}`)).body, /Dee Active has been reactivated/);
    await new TestClient(t.app).signIn(person.email, PASSWORD);
  });

  it('sends an invitation again only to someone who has not accepted', async () => {
    const invited = await admin.post('/people/invite', {
      email: 'again@example.org',
      name: 'Again',
      role: 'staff',
      libraryId: libraryB.id,
      libraryRole: 'member',
      locale: 'en',
    });
    const id = personIdFrom(invited.headers.location);
    const resent = await admin.post(`/people/${id}/resend-invitation`);
    assert.equal(resent.statusCode, 303);
    assert.match((await admin.get(`/people/${id}`)).body, /A new invitation to again@example\.org is in the outbox/);
    const outbox = await t.app.services.mail.listOutbox(1);
    const toThem = outbox.items.filter((m) => m.to_address === 'again@example.org');
    assert.equal(toThem.length, 2);
    const bodies = await Promise.all(toThem.map((m) => t.app.services.mail.getOutboxMessage(m.id)));
    const links = bodies.map((b) => /\/invitations\/(\S+)/.exec(b?.text_body ?? '')?.[1]);
    assert.ok(links[0] && links[1] && links[0] !== links[1], 'each email has its own link');
    assert.match(bodies[0]?.text_body ?? '', /a member of the team at Madison Public Library/);

    const active = await makePerson(t.app, { role: 'coach' });
    const refused = await admin.post(`/people/${active.id}/resend-invitation`);
    assert.equal(refused.statusCode, 303);
    assert.match((await admin.get(`/people/${active.id}`)).body, /has already accepted their invitation/);
  });
});
