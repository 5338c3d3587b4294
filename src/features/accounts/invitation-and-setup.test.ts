import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makePerson, PASSWORD } from '../../../tests/support/factories';

const CHOSEN = 'a password of my own';

describe('accepting an invitation', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** An invited person and the path of their invitation link. */
  async function invite(email: string, name = 'Invited Person') {
    const person = await t.app.services.accounts.createUser({ email, name, role: 'staff', locale: 'es' });
    const token = await t.app.services.accounts.issueToken(person.id, 'invite');
    return { person, path: `/invitations/${token}` };
  }

  it('shows the email and a prefilled name, then activates the account and signs the person in', async () => {
    const { person, path } = await invite('new-member@example.org', 'Nueva Persona');
    const client = new TestClient(t.app);
    const form = await client.get(path);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /new-member@example\.org/);
    assert.match(form.body, /name="name" type="text" value="Nueva Persona"/);
    assert.match(form.body, /autocomplete="new-password"/);

    const done = await client.post(path, { name: 'Nueva Persona García', newPassword: CHOSEN, confirmPassword: CHOSEN });
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/dashboard');
    assert.ok(client.signedIn);
    const dashboard = await client.get('/dashboard');
    assert.equal(dashboard.statusCode, 200);
    // The person's own language, chosen by whoever invited them.
    assert.match(dashboard.body, /Le damos la bienvenida a Smart Spaces/);

    const stored = await t.app.services.accounts.getPerson(person.id);
    assert.equal(stored?.status, 'active');
    assert.equal(stored?.name, 'Nueva Persona García');
    await new TestClient(t.app).signIn(person.email, CHOSEN);

    const reused = await new TestClient(t.app).get(path);
    assert.equal(reused.statusCode, 410);
    assert.match(reused.body, /ya se aceptó|already been accepted/);
    const repost = await new TestClient(t.app).post(path, { name: 'Someone Else', newPassword: 'taking it over now', confirmPassword: 'taking it over now' });
    assert.equal(repost.statusCode, 410);
    assert.equal((await t.app.services.accounts.getPerson(person.id))?.name, 'Nueva Persona García');
  });

  it("speaks the invitee's language unless the reader chose another", async () => {
    const { path } = await invite('spanish-speaker@example.org');
    const guessed = await new TestClient(t.app).get(path, { 'accept-language': 'en-US' });
    assert.match(guessed.body, /<html lang="es"/);
    const chosen = await new TestClient(t.app).get(`${path}?lang=en`);
    assert.match(chosen.body, /<html lang="en"/);
  });

  it('keeps the input and names each problem on bad input', async () => {
    const { person, path } = await invite('careful@example.org');
    const client = new TestClient(t.app);
    const mismatch = await client.post(path, { name: 'Careful', newPassword: CHOSEN, confirmPassword: 'something else entirely' });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /Las dos contraseñas no coinciden/);
    assert.match(mismatch.body, /value="Careful"/);

    const long = 'L'.repeat(100_000);
    const tooLong = await client.post(path, { name: long, newPassword: 'short', confirmPassword: 'short' });
    assert.equal(tooLong.statusCode, 400);
    // The invitee chose Spanish, so the form answers in Spanish.
    assert.match(tooLong.body, /Nombre completo debe tener 120 caracteres o menos/);
    assert.match(tooLong.body, /al menos 10 caracteres/);
    assert.ok(tooLong.body.includes(`value="${long}"`));

    const empty = await client.post(path, {});
    assert.equal(empty.statusCode, 400);

    const noCsrf = await client.post(path, { name: 'Careful', newPassword: CHOSEN, confirmPassword: CHOSEN }, { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
    assert.equal((await t.app.services.accounts.getPerson(person.id))?.status, 'invited');
  });

  it('refuses unknown, expired and withdrawn invitations, and reset links', async () => {
    const client = new TestClient(t.app);
    const unknown = await client.get('/invitations/nothing-like-a-token');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /This invitation link is not valid/);
    assert.equal((await client.post('/invitations/nothing-like-a-token', { name: 'X', newPassword: CHOSEN, confirmPassword: CHOSEN })).statusCode, 404);

    const { person, path } = await invite('late@example.org');
    await t.app.database.db
      .updateTable('account_tokens')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('user_id', '=', person.id)
      .execute();
    const expired = await client.get(path);
    assert.equal(expired.statusCode, 410);
    assert.match(expired.body, /This invitation has expired/);
    const expiredPost = await client.post(path, { name: 'Late', newPassword: CHOSEN, confirmPassword: CHOSEN });
    assert.equal(expiredPost.statusCode, 410);
    assert.equal((await t.app.services.accounts.getPerson(person.id))?.status, 'invited');

    const withdrawn = await invite('withdrawn@example.org');
    await t.app.services.accounts.deactivate(withdrawn.person.id);
    assert.equal((await client.get(withdrawn.path)).statusCode, 404);

    // A reset link is not an invitation, nor the other way round.
    const active = await makePerson(t.app, { role: 'staff' });
    const resetToken = await t.app.services.accounts.issueToken(active.id, 'reset');
    assert.equal((await client.get(`/invitations/${resetToken}`)).statusCode, 404);
    const fresh = await invite('fresh@example.org');
    assert.equal((await client.get(fresh.path.replace('/invitations/', '/reset-password/'))).statusCode, 404);
  });

  it('lets only the newest invitation activate an account, and never an active one', async () => {
    const { person, path: first } = await invite('resent@example.org');
    const second = `/invitations/${await t.app.services.accounts.issueToken(person.id, 'invite')}`;
    const replaced = await new TestClient(t.app).get(first);
    assert.equal(replaced.statusCode, 410);
    assert.match(replaced.body, /A newer invitation was sent after this one/);

    const owner = new TestClient(t.app);
    assert.equal((await owner.post(second, { name: 'Resent Owner', newPassword: CHOSEN, confirmPassword: CHOSEN })).statusCode, 303);
    // A third link made while the account is active (say, an old email kept
    // from before a reactivation) cannot take it over either.
    const late = `/invitations/${await t.app.services.accounts.issueToken(person.id, 'invite')}`;
    for (const path of [first, second, late]) {
      const attacker = new TestClient(t.app);
      const taken = await attacker.post(path, { name: 'Attacker', newPassword: 'taking it over now', confirmPassword: 'taking it over now' });
      assert.equal(taken.statusCode, 410, path);
      assert.ok(!attacker.signedIn);
    }
    const stored = await t.app.services.accounts.getPerson(person.id);
    assert.equal(stored?.name, 'Resent Owner');
    assert.equal((await owner.get('/dashboard')).statusCode, 200);
    await new TestClient(t.app).signIn(person.email, CHOSEN);
  });

  it('signs out every other session of the account on acceptance', async () => {
    const { person, path } = await invite('had-a-session@example.org');
    // A session made for the invited account (e.g. before a deactivation and
    // reactivation) must not outlive the password being chosen.
    const stale = new TestClient(t.app);
    stale.setCookie('ss_session', (await t.app.services.accounts.createSession(person.id, { userAgent: 'old', ipAddress: '192.0.2.1' })).token);
    const client = new TestClient(t.app);
    assert.equal((await client.post(path, { name: 'Fresh Start', newPassword: CHOSEN, confirmPassword: CHOSEN })).statusCode, 303);
    assert.equal((await stale.get('/dashboard')).statusCode, 303);
    assert.equal((await client.get('/dashboard')).statusCode, 200);
  });

  it('ends whatever session the browser had before', async () => {
    const someoneElse = await makePerson(t.app, { role: 'admin' });
    const client = new TestClient(t.app);
    await client.signIn(someoneElse.email, PASSWORD);
    const { person, path } = await invite('shared-computer@example.org');
    assert.equal((await client.post(path, { name: 'Shared', newPassword: CHOSEN, confirmPassword: CHOSEN })).statusCode, 303);
    const account = await client.get('/account');
    assert.ok(account.body.includes(person.email));
    assert.ok(!account.body.includes(someoneElse.email));
    const left = await t.app.database.db.selectFrom('sessions').select('id').where('user_id', '=', someoneElse.id).execute();
    assert.equal(left.length, 0);
  });
});

describe('first-run setup', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(() => t.close());

  const admin = { name: 'First Admin', email: 'first-admin@example.org', newPassword: CHOSEN, confirmPassword: CHOSEN };

  it('creates the first admin, signs them in, then closes', async () => {
    const client = new TestClient(t.app);
    const form = await client.get('/setup');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Set up Smart Spaces<\/h1>/);

    const done = await client.post('/setup', admin);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, '/dashboard');
    const dashboard = await client.get('/dashboard');
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /Your admin account is ready/);
    const person = await t.app.services.accounts.findPersonByEmail(admin.email);
    assert.equal(person?.role, 'admin');
    assert.equal(person?.status, 'active');

    const visitor = new TestClient(t.app);
    assert.equal((await visitor.get('/setup')).statusCode, 404);
    assert.equal((await visitor.post('/setup', { ...admin, email: 'second-admin@example.org' })).statusCode, 404);
    assert.equal((await client.get('/setup')).statusCode, 404);
    assert.equal(await t.app.services.accounts.findPersonByEmail('second-admin@example.org'), undefined);
  });

  it('is closed whenever an active admin exists, and open while the only admin is deactivated', async () => {
    const existing = await makePerson(t.app, { role: 'admin' });
    assert.equal((await new TestClient(t.app).get('/setup')).statusCode, 404);
    await t.app.services.accounts.deactivate(existing.id);
    assert.equal((await new TestClient(t.app).get('/setup')).statusCode, 200);
  });

  it('keeps the input and names each problem on bad input', async () => {
    const client = new TestClient(t.app);
    const bad = await client.post('/setup', { name: 'N'.repeat(100_000), email: 'not an email', newPassword: CHOSEN, confirmPassword: 'different again' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Full name must be 120 characters or fewer/);
    assert.match(bad.body, /Enter an email address in the correct format/);
    assert.match(bad.body, /The two passwords do not match/);
    assert.match(bad.body, /value="not an email"/);

    assert.equal((await client.post('/setup', {})).statusCode, 400);
    assert.equal((await client.post('/setup', admin, { csrf: false })).statusCode, 403);

    await t.app.services.accounts.createUser({ email: 'taken@example.org', name: 'Taken', role: 'staff' });
    const taken = await client.post('/setup', { ...admin, email: 'Taken@Example.org' });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /An account with this email address already exists/);
    assert.equal(await t.app.services.accounts.hasAdmin(), false);
  });
});
