import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makePerson, PASSWORD } from '../../../tests/support/factories';
import { safeNext } from './safe-next';

describe('signing in and out', () => {
  let t: TestApp;
  // Each test signs in from its own address so the per-address throttle of one does not touch another.
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });

  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
  });
  after(() => t.close());

  it('shows the form and signs a person in, following a same-site next address', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    const page = await client.get('/sign-in?next=/account');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Sign in<\/h1>/);
    assert.match(page.body, /name="next" value="\/account"/);
    const response = await client.post('/sign-in', { email: person.email.toUpperCase(), password: PASSWORD, next: '/account' }, { headers: from() });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/account');
    assert.ok(client.signedIn);
    const cookie = response.cookies.find((c) => c.name === 'ss_session');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.equal((await client.get('/dashboard')).statusCode, 200);
    // Already signed in: the form sends the person on.
    const again = await client.get('/sign-in?next=/account/sessions');
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/account/sessions');
  });

  it('never follows a next address to another site', async () => {
    const offSite = [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%2Fevil.example',
      '/%2fevil.example',
      '/%5Cevil.example',
      '/%5cevil.example',
      '/%E0%A4%A',
      '/\tevil.example',
      '/。evil',
      '/é',
    ];
    for (const next of [...offSite, ' /account']) assert.equal(safeNext(next), '/dashboard', next);
    assert.equal(safeNext('/libraries/x?page=2'), '/libraries/x?page=2');
    assert.equal(safeNext('/search?q=caf%C3%A9'), '/search?q=caf%C3%A9');
    assert.equal(safeNext(undefined), '/dashboard');
    const person = await makePerson(t.app, { role: 'coach' });
    for (const next of offSite) {
      const client = new TestClient(t.app);
      const response = await client.post('/sign-in', { email: person.email, password: PASSWORD, next }, { headers: from() });
      assert.equal(response.statusCode, 303, next);
      assert.equal(response.headers.location, '/dashboard');
      // Already signed in, the sign-in page sends the person on the same way.
      const again = await client.get(`/sign-in?next=${encodeURIComponent(next)}`);
      assert.equal(again.statusCode, 303, next);
      assert.equal(again.headers.location, '/dashboard');
    }
  });

  it('replaces the session when a signed-in person signs in again', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const other = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    const first = await client.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: from() });
    const oldToken = first.cookies.find((c) => c.name === 'ss_session')?.value;
    assert.ok(oldToken);
    const second = await client.post('/sign-in', { email: other.email, password: PASSWORD }, { headers: from() });
    assert.equal(second.statusCode, 303);
    assert.notEqual(second.cookies.find((c) => c.name === 'ss_session')?.value, oldToken);
    const replay = await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: `ss_session=${oldToken}` } });
    assert.equal(replay.statusCode, 303, 'the old session no longer signs anyone in');
    const left = await t.app.database.db.selectFrom('sessions').select('id').where('user_id', '=', person.id).execute();
    assert.equal(left.length, 0);
    assert.match((await client.get('/account')).body, new RegExp(other.email));
  });

  it('refuses a wrong password with the email kept and no session', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    const response = await client.post('/sign-in', { email: person.email, password: 'not the password' }, { headers: from() });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /The email address or password is not right/);
    assert.ok(response.body.includes(`value="${person.email}"`));
    assert.ok(!client.signedIn);
  });

  it('answers bad input with the form and a message per field', async () => {
    const client = new TestClient(t.app);
    const empty = await client.post('/sign-in', {}, { headers: from() });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Enter an email address in the correct format/);

    const noPassword = await client.post('/sign-in', { email: 'someone@example.org', password: '' }, { headers: from() });
    assert.equal(noPassword.statusCode, 400);
    assert.match(noPassword.body, /Enter your password/);
    assert.match(noPassword.body, /value="someone@example.org"/);

    const malformed = await client.post('/sign-in', { email: 'not-an-email', password: 'x' }, { headers: from() });
    assert.equal(malformed.statusCode, 400);
    assert.match(malformed.body, /Enter an email address in the correct format/);
    assert.match(malformed.body, /value="not-an-email"/);

    const huge = await client.post('/sign-in', { email: `${'a'.repeat(100_000)}@example.org`, password: 'x'.repeat(100_000) }, { headers: from() });
    assert.equal(huge.statusCode, 400);
    assert.match(huge.body, /must be 254 characters or fewer/);

    const repeated = await client.post('/sign-in', { email: ['a@example.org', 'b@example.org'], password: 'wrong password' }, { headers: from() });
    assert.equal(repeated.statusCode, 400);
    assert.ok(!client.signedIn);
  });

  it('refuses a form without its CSRF token', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    const response = await client.post('/sign-in', { email: person.email, password: PASSWORD }, { csrf: false, headers: from() });
    assert.equal(response.statusCode, 403);
    assert.ok(!client.signedIn);
  });

  it('gives invited and deactivated people the same answer as a wrong password', async () => {
    const invited = await t.app.services.accounts.createUser({ email: 'invited-signin@example.org', name: 'Ina Vited', role: 'staff' });
    const gone = await makePerson(t.app, { role: 'staff' });
    await t.app.services.accounts.deactivate(gone.id);
    for (const [email, password] of [
      [invited.email, PASSWORD],
      [gone.email, PASSWORD],
      ['nobody@example.org', PASSWORD],
    ] as const) {
      const client = new TestClient(t.app);
      const response = await client.post('/sign-in', { email, password }, { headers: from() });
      assert.equal(response.statusCode, 400, email);
      assert.match(response.body, /The email address or password is not right/);
      assert.ok(!client.signedIn);
    }
  });

  /** How many attempts to sign in as `email` had their password checked. */
  const checked = async (email: string) =>
    (await t.app.database.db.selectFrom('login_attempts').select('id').where('email', '=', email).execute()).length;

  it('refuses an account at an address after five failures, even with the right password, but not its owner elsewhere', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const attacker = from();
    const client = new TestClient(t.app);
    for (let i = 0; i < 5; i++) {
      const response = await client.post('/sign-in', { email: person.email, password: `wrong ${i}` }, { headers: attacker });
      assert.equal(response.statusCode, 400);
    }
    const blocked = await client.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: attacker });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Too many unsuccessful attempts. Wait 15 minutes/);
    assert.ok(!client.signedIn);
    assert.equal(await checked(person.email), 5);
    // Knowing someone's address is not enough to lock them out.
    const owner = await new TestClient(t.app).post('/sign-in', { email: person.email, password: PASSWORD }, { headers: from() });
    assert.equal(owner.statusCode, 303);
  });

  it('holds the limits under parallel requests', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const attacker = from();
    const client = new TestClient(t.app);
    await client.csrf();
    const guesses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => client.post('/sign-in', { email: person.email, password: `guess ${i}` }, { headers: attacker })),
    );
    const statuses = guesses.map((r) => r.statusCode);
    assert.equal(statuses.filter((s) => s === 400).length, 5, 'five wrong passwords are checked');
    assert.equal(statuses.filter((s) => s === 429).length, 35, 'the rest are refused unchecked');
    assert.match(guesses.find((r) => r.statusCode === 429)?.body ?? '', /Too many unsuccessful attempts. Wait 15 minutes/);
    assert.equal(await checked(person.email), 5);

    // Forty accounts at once from one address: the per-address limit holds too.
    const spray = from();
    const emails = Array.from({ length: 40 }, (_, i) => `spray-${address}-${i}@example.org`);
    const sprayed = await Promise.all(emails.map((email) => client.post('/sign-in', { email, password: 'guess' }, { headers: spray })));
    assert.equal(sprayed.filter((r) => r.statusCode === 400).length, 20);
    assert.equal(sprayed.filter((r) => r.statusCode === 429).length, 20);
    const sprayChecked = await t.app.database.db.selectFrom('login_attempts').select('id').where('ip_address', '=', spray['x-forwarded-for']).execute();
    assert.equal(sprayChecked.length, 20);

    // The owner, elsewhere, is still let in.
    const owner = new TestClient(t.app);
    assert.equal((await owner.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: from() })).statusCode, 303);
  });

  it('starts the count again after a successful sign-in, which does not count against the address', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const home = from();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        const wrong = await new TestClient(t.app).post('/sign-in', { email: person.email, password: `typo ${i}` }, { headers: home });
        assert.equal(wrong.statusCode, 400, `round ${round}, typo ${i}`);
      }
      const right = await new TestClient(t.app).post('/sign-in', { email: person.email, password: PASSWORD }, { headers: home });
      assert.equal(right.statusCode, 303, `round ${round}`);
    }
    // Twelve failures and three successes from the address: under its limit of twenty failures.
    for (let i = 0; i < 8; i++) {
      await new TestClient(t.app).post('/sign-in', { email: `other-${i}@example.org`, password: 'guess' }, { headers: home });
    }
    const last = await new TestClient(t.app).post('/sign-in', { email: person.email, password: PASSWORD }, { headers: home });
    assert.equal(last.statusCode, 429, 'a twenty-first attempt from the address is refused');
  });

  it('throttles an address after twenty failures, whatever the account', async () => {
    const busy = from();
    const client = new TestClient(t.app);
    for (let i = 0; i < 20; i++) {
      await client.post('/sign-in', { email: `guess-${i}@example.org`, password: 'guess' }, { headers: busy });
    }
    const person = await makePerson(t.app, { role: 'staff' });
    const blocked = await client.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: busy });
    assert.equal(blocked.statusCode, 429);
    assert.match(blocked.body, /Too many unsuccessful attempts/);
    // The same person from another address is not affected.
    const elsewhere = new TestClient(t.app);
    const ok = await elsewhere.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: from() });
    assert.equal(ok.statusCode, 303);
  });

  it('signs out, ending the session on the server', async () => {
    const person = await makePerson(t.app, { role: 'admin' });
    const client = new TestClient(t.app);
    const signedIn = await client.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: from() });
    const session = signedIn.cookies.find((c) => c.name === 'ss_session');
    assert.ok(session);
    const out = await client.post('/sign-out');
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/');
    assert.ok(!client.signedIn);
    assert.match((await client.get('/sign-in')).body, /You have signed out/);
    const back = await client.get('/dashboard');
    assert.equal(back.statusCode, 303);
    assert.match(String(back.headers.location), /^\/sign-in\?next=/);
    // Replaying the old cookie does not bring the session back.
    const replay = await t.app.inject({ method: 'GET', url: '/dashboard', headers: { cookie: `ss_session=${session.value}` } });
    assert.equal(replay.statusCode, 303);
  });
});
