import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, PASSWORD, signedInClient } from '../../../tests/support/factories';
import { assertInOrder } from '../../../tests/support/order';

describe('the outbox', () => {
  let t: TestApp;
  let admin: TestClient;

  before(async () => {
    t = await createTestApp();
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
  });
  after(() => t.close());

  it('explains why mail is kept, with an empty state', async () => {
    const page = await admin.get('/outbox');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Outbox<\/h1>/);
    assert.match(page.body, /because SMTP_URL is not set/);
    assert.match(page.body, /The outbox is empty/);
  });

  it('lists kept messages newest first, 25 a page', async () => {
    for (let i = 0; i < 30; i++) {
      await t.app.services.mail.send({ to: `reader-${i}@example.org`, subject: `Message ${i}`, text: `Body ${i}` });
    }
    const first = await admin.get('/outbox');
    assert.match(first.body, /Kept messages, newest first \(30\)/);
    assert.equal(first.body.match(/<tr>/g)?.length, 26);
    assertInOrder(first.body, ['Message 29<', 'Message 28<'], 'newest first');
    assert.match(first.body, /Page 1 of 2/);
    const second = await admin.get('/outbox?page=2');
    assert.equal(second.body.match(/<tr>/g)?.length, 6);
    assert.match(second.body, /Message 0</);
    assert.match((await admin.get('/outbox?page=nonsense')).body, /Page 1 of 2/);
  });

  it('shows a message as plain text and never its HTML', async () => {
    await t.app.services.mail.send({
      to: 'html@example.org',
      subject: 'Subject <b>bold</b>',
      text: 'Open http://smartspaces.test/invitations/abc?x=1&y=2\n<script>alert(1)</script>',
      html: '<p id="rendered-html">Hi</p><script>alert(2)</script>',
    });
    const list = await admin.get('/outbox');
    const id = /<td>html@example\.org<\/td><td><a href="\/outbox\/([^"]+)"/.exec(list.body)?.[1];
    assert.ok(id);
    const page = await admin.get(`/outbox/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Subject &lt;b>bold&lt;\/b><\/h1>/);
    assert.match(page.body, /<pre class="mail">Open http:\/\/smartspaces\.test\/invitations\/abc\?x=1&amp;y=2\n&lt;script>alert\(1\)&lt;\/script><\/pre>/);
    assert.ok(!page.body.includes('rendered-html'));
    assert.ok(!page.body.includes('<script>'));
    assert.ok(!page.body.includes('<a href="http://smartspaces.test/invitations'));
  });

  it('answers 404 for an unknown message', async () => {
    assert.equal((await admin.get('/outbox/no-such-message')).statusCode, 404);
    assert.equal((await admin.get(`/outbox/${'x'.repeat(500)}`)).statusCode, 404);
  });

  it('is for program admins only', async () => {
    const visitor = new TestClient(t.app);
    const away = await visitor.get('/outbox');
    assert.equal(away.statusCode, 303);
    assert.equal(away.headers.location, '/sign-in?next=%2Foutbox');
    const library = await makeLibrary(t.app);
    for (const options of [
      { role: 'staff' as const, libraryId: library.id, libraryRole: 'lead' as const },
      { role: 'coach' as const, coachedLibraryIds: [library.id] },
    ]) {
      const person = await makePerson(t.app, options);
      const client = new TestClient(t.app);
      await client.signIn(person.email, PASSWORD);
      assert.equal((await client.get('/outbox')).statusCode, 403);
      const { items } = await t.app.services.mail.listOutbox(1);
      assert.equal((await client.get(`/outbox/${items[0]?.id}`)).statusCode, 403);
    }
  });
});

describe('the outbox when SMTP is set', () => {
  let t: TestApp;

  before(async () => {
    // Nothing is sent in this test, so no server needs to listen there.
    t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  after(() => t.close());

  it('says mail is delivered and the outbox only holds older messages', async () => {
    const admin = (await signedInClient(t.app, { role: 'admin' })).client;
    const page = await admin.get('/outbox');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Email is sent through the SMTP server set in SMTP_URL/);
  });
});
