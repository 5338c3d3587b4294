import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makePerson, PASSWORD } from '../../../tests/support/factories';

/** The reset link in the newest outbox message to `email`, as a path. */
async function resetPathFor(app: FastifyInstance, email: string): Promise<string> {
  const { items } = await app.services.mail.listOutbox(1);
  const summary = items.find((m) => m.to_address === email);
  assert.ok(summary, `a message to ${email}`);
  const message = await app.services.mail.getOutboxMessage(summary.id);
  const link = /http:\/\/smartspaces\.test(\/reset-password\/[\w-]+)/.exec(message?.text_body ?? '')?.[1];
  assert.ok(link, 'the message holds a reset link');
  return link;
}

const messagesTo = async (app: FastifyInstance, email: string) =>
  (await app.services.mail.listOutbox(1)).items.filter((m) => m.to_address === email).length;

/** The page's main content without the per-request CSRF token, to compare two answers. */
const mainOf = (html: string) => /<main[^]*<\/main>/.exec(html)?.[0].replace(/value="[^"]*"/g, '') ?? '';

describe('forgotten password', () => {
  let t: TestApp;
  // The request form is rate limited per address; each test asks from its own.
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });

  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
  });
  after(() => t.close());

  it('gives the same answer whether or not the account exists, and mails only a real one', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    const form = await client.get('/forgot-password');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Reset your password<\/h1>/);

    const headers = from();
    const known = await client.post('/forgot-password', { email: person.email }, { headers });
    const unknown = await client.post('/forgot-password', { email: 'nobody-here@example.org' }, { headers });
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.match(known.body, /Check your email/);
    assert.equal(mainOf(known.body).replace(person.email, 'X'), mainOf(unknown.body).replace('nobody-here@example.org', 'X'));
    assert.equal(await messagesTo(t.app, person.email), 1);
    assert.equal(await messagesTo(t.app, 'nobody-here@example.org'), 0);
  });

  it('does not mail invited or deactivated people', async () => {
    const invited = await t.app.services.accounts.createUser({ email: 'invited-reset@example.org', name: 'I', role: 'staff' });
    const gone = await makePerson(t.app, { role: 'staff' });
    await t.app.services.accounts.deactivate(gone.id);
    const client = new TestClient(t.app);
    const headers = from();
    for (const email of [invited.email, gone.email]) {
      assert.equal((await client.post('/forgot-password', { email }, { headers })).statusCode, 200);
      assert.equal(await messagesTo(t.app, email), 0);
    }
  });

  it('refuses a malformed or oversized email with the form, and a post without CSRF', async () => {
    const client = new TestClient(t.app);
    const malformed = await client.post('/forgot-password', { email: 'someone at example' }, { headers: from() });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /Enter an email address in the correct format/);
    assert.match(malformed.body, /value="someone at example"/);
    const huge = await client.post('/forgot-password', { email: 'x'.repeat(100_000) }, { headers: from() });
    assert.equal(huge.statusCode, 400);
    const empty = await client.post('/forgot-password', {}, { headers: from() });
    assert.equal(empty.statusCode, 400);
    const noToken = await client.post('/forgot-password', { email: 'a@example.org' }, { csrf: false, headers: from() });
    assert.equal(noToken.statusCode, 403);
  });

  it('limits requests from one address to five per quarter hour', async () => {
    const client = new TestClient(t.app);
    const headers = from();
    for (let i = 0; i < 5; i++) {
      assert.equal((await client.post('/forgot-password', { email: `r${i}@example.org` }, { headers })).statusCode, 200);
    }
    const limited = await client.post('/forgot-password', { email: 'r6@example.org' }, { headers });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /<h1>Too many requests<\/h1>/);
    assert.equal((await client.post('/forgot-password', { email: 'r7@example.org' }, { headers: from() })).statusCode, 200);
  });

  it('resets the password through the emailed link, ends old sessions and signs the person in', async () => {
    const person = await makePerson(t.app, { role: 'coach' });
    const elsewhere = new TestClient(t.app);
    await elsewhere.signIn(person.email, PASSWORD);
    const client = new TestClient(t.app);
    await client.post('/forgot-password', { email: person.email }, { headers: from() });
    const path = await resetPathFor(t.app, person.email);

    const form = await client.get(path);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Choose a new password<\/h1>/);
    assert.ok(form.body.includes(person.email));

    const mismatch = await client.post(path, { newPassword: 'a brand new password', confirmPassword: 'a brand new passw0rd' });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /The two passwords do not match/);
    const short = await client.post(path, { newPassword: 'tiny', confirmPassword: 'tiny' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /at least 10 characters/);
    const missing = await client.post(path, { newPassword: 'a brand new password' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Enter the password again/);

    const done = await client.post(path, { newPassword: 'a brand new password', confirmPassword: 'a brand new password' });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/dashboard');
    assert.ok(client.signedIn);
    const dashboard = await client.get('/dashboard');
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Your password has been changed and you are signed in/);
    assert.equal((await elsewhere.get('/dashboard')).statusCode, 303, 'sessions from before the reset have ended');

    const old = await new TestClient(t.app).post('/sign-in', { email: person.email, password: PASSWORD }, { headers: from() });
    assert.equal(old.statusCode, 400);
    await new TestClient(t.app).signIn(person.email, 'a brand new password');

    // The link works once.
    const reused = await new TestClient(t.app).get(path);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /already been used/);
    assert.match(reused.body, /href="\/forgot-password"/);
    const repost = await new TestClient(t.app).post(path, { newPassword: 'yet another password', confirmPassword: 'yet another password' });
    assert.equal(repost.statusCode, 410);
  });

  it('revokes every other reset link once one is used, and once the password changes any other way', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const headers = from();
    await new TestClient(t.app).post('/forgot-password', { email: person.email }, { headers });
    const first = await resetPathFor(t.app, person.email);
    await new TestClient(t.app).post('/forgot-password', { email: person.email }, { headers });
    const second = await resetPathFor(t.app, person.email);
    assert.notEqual(first, second);
    const owner = new TestClient(t.app);
    assert.equal((await owner.post(second, { newPassword: 'the owner chose this', confirmPassword: 'the owner chose this' })).statusCode, 303);

    const attacker = new TestClient(t.app);
    const stale = await attacker.get(first);
    assert.equal(stale.statusCode, 410);
    assert.match(stale.body, /password was changed after it was sent/);
    const taken = await attacker.post(first, { newPassword: 'attacker wants this', confirmPassword: 'attacker wants this' });
    assert.equal(taken.statusCode, 410);
    assert.ok(!attacker.signedIn);
    assert.equal((await owner.get('/dashboard')).statusCode, 200);
    await new TestClient(t.app).signIn(person.email, 'the owner chose this');

    // Changing the password on the account page revokes outstanding links too.
    await new TestClient(t.app).post('/forgot-password', { email: person.email }, { headers });
    const third = await resetPathFor(t.app, person.email);
    const other = new TestClient(t.app);
    await other.signIn(person.email, 'the owner chose this');
    const changed = await owner.post('/account/password', {
      currentPassword: 'the owner chose this',
      newPassword: 'changed on the page',
      confirmPassword: 'changed on the page',
    });
    assert.equal(changed.statusCode, 303);
    assert.equal((await new TestClient(t.app).get(third)).statusCode, 410);
    assert.equal((await other.get('/dashboard')).statusCode, 303, 'other sessions end');
    assert.equal((await owner.get('/dashboard')).statusCode, 200);
  });

  it('refuses an expired link and an unknown one', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    await client.post('/forgot-password', { email: person.email }, { headers: from() });
    const path = await resetPathFor(t.app, person.email);
    await t.app.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('user_id', '=', person.id)
      .execute();
    const expired = await client.get(path);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /has expired/);
    const post = await client.post(path, { newPassword: 'a brand new password', confirmPassword: 'a brand new password' });
    assert.equal(post.statusCode, 410);
    assert.ok(!client.signedIn);

    const unknown = await client.get('/reset-password/not-a-real-token');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /not valid/);
    const overlong = await client.get(`/reset-password/${'x'.repeat(5000)}`);
    assert.ok(overlong.statusCode >= 400 && overlong.statusCode < 500, `an overlong link is refused (${overlong.statusCode})`);
  });

  it('writes the email in the person’s language', async () => {
    const person = await t.app.services.accounts.createUser({ email: 'lectora@example.org', name: 'Lectora', role: 'staff', locale: 'es', password: PASSWORD });
    await new TestClient(t.app).post('/forgot-password', { email: person.email }, { headers: from() });
    const { items } = await t.app.services.mail.listOutbox(1);
    assert.equal(items.find((m) => m.to_address === person.email)?.subject, 'Restablezca su contraseña de Smart Spaces');
  });
});
