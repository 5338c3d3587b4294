import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makePerson, PASSWORD } from '../../../tests/support/factories';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** The values of the hidden `session` fields on the sessions page, i.e. the other sessions. */
const otherSessionIds = (html: string) => [...html.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1]!);

describe('a person’s own account', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  /** A new person signed in on a fresh client. */
  async function signedIn(options: { userAgent?: string } = {}) {
    const person = await makePerson(t.app, { role: 'staff', name: 'Rosa Parkes' });
    const client = await clientFor(person.email, PASSWORD, options.userAgent);
    return { person, client };
  }

  async function clientFor(email: string, password: string, userAgent?: string) {
    const client = new TestClient(t.app);
    const response = await client.post('/sign-in', { email, password }, userAgent !== undefined ? { headers: { 'user-agent': userAgent } } : {});
    assert.equal(response.statusCode, 303, `sign-in as ${email}`);
    return client;
  }

  it('sends visitors to sign in', async () => {
    const visitor = new TestClient(t.app);
    for (const url of ['/account', '/account/profile', '/account/password', '/account/sessions']) {
      const response = await visitor.get(url);
      assert.equal(response.statusCode, 303, url);
      assert.equal(response.headers.location, `/sign-in?next=${encodeURIComponent(url)}`);
    }
    const post = await visitor.post('/account/sessions/revoke-others');
    assert.equal(post.statusCode, 303);
    assert.match(String(post.headers.location), /^\/sign-in/);
  });

  it('shows the account summary with links to change it', async () => {
    const { person, client } = await signedIn();
    const page = await client.get('/account');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Your account<\/h1>/);
    assert.ok(page.body.includes(person.email));
    assert.match(page.body, /Rosa Parkes/);
    assert.match(page.body, /Library staff/);
    assert.match(page.body, /America\/Chicago/);
    for (const href of ['/account/profile', '/account/password', '/account/sessions']) assert.ok(page.body.includes(`href="${href}"`));
  });

  describe('profile', () => {
    it('is prefilled and saves name, language and time zone; the next page follows the new language', async () => {
      const { person, client } = await signedIn();
      const form = await client.get('/account/profile');
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /name="name" type="text" value="Rosa Parkes"/);
      assert.match(form.body, /<option value="America\/Chicago" selected>/);
      assert.match(form.body, /<legend>Language<\/legend>/);
      const saved = await client.post('/account/profile', { name: '  Rosa María Parkes ', locale: 'es', timeZone: 'America/Denver' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, '/account');
      const page = await client.get('/account');
      assert.match(page.body, /<html lang="es"/);
      assert.match(page.body, /<h1>Su cuenta<\/h1>/);
      assert.match(page.body, /Su perfil se ha guardado/);
      assert.match(page.body, /Rosa María Parkes/);
      assert.match(page.body, /America\/Denver/);
      const stored = await t.app.services.accounts.getPerson(person.id);
      assert.deepEqual([stored?.name, stored?.locale, stored?.time_zone], ['Rosa María Parkes', 'es', 'America/Denver']);
    });

    it('refuses a time zone that does not exist, keeping the input', async () => {
      const { client } = await signedIn();
      const response = await client.post('/account/profile', { name: 'Rosa', locale: 'en', timeZone: 'Mars/Olympus_Mons' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Choose a time zone from the list/);
      assert.match(response.body, /value="Rosa"/);
    });

    it('refuses a 100 KB name, an unknown language and empty fields with a message per field', async () => {
      const { person, client } = await signedIn();
      const long = 'N'.repeat(100_000);
      const tooLong = await client.post('/account/profile', { name: long, locale: 'fr', timeZone: 'America/Chicago' });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /Full name must be 120 characters or fewer/);
      assert.match(tooLong.body, /Choose a language/);
      assert.ok(tooLong.body.includes(`value="${long}"`), 'the long name is kept in the form');

      const empty = await client.post('/account/profile', { name: '   ', locale: 'en', timeZone: '' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Enter your full name/);

      const wrongTypes = await client.post('/account/profile', { name: ['A', 'B'], locale: ['en', 'es'], timeZone: 'UTC' });
      assert.equal(wrongTypes.statusCode, 303, 'a repeated field counts once');
      assert.equal((await t.app.services.accounts.getPerson(person.id))?.name, 'A');
    });

    it('refuses a form without its CSRF token', async () => {
      const { person, client } = await signedIn();
      const response = await client.post('/account/profile', { name: 'Changed', locale: 'en', timeZone: 'UTC' }, { csrf: false });
      assert.equal(response.statusCode, 403);
      assert.equal((await t.app.services.accounts.getPerson(person.id))?.name, 'Rosa Parkes');
    });
  });

  describe('password', () => {
    it('refuses a wrong current password, a mismatch and a short password', async () => {
      const { client } = await signedIn();
      assert.equal((await client.get('/account/password')).statusCode, 200);

      const wrong = await client.post('/account/password', { currentPassword: 'not it', newPassword: 'a new long password', confirmPassword: 'a new long password' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Your current password is not right/);
      assert.match(wrong.body, /aria-invalid="true" aria-describedby="field-currentPassword-error"/);

      const mismatch = await client.post('/account/password', { currentPassword: PASSWORD, newPassword: 'a new long password', confirmPassword: 'a new long passwort' });
      assert.equal(mismatch.statusCode, 400);
      assert.match(mismatch.body, /The two passwords do not match/);
      assert.match(mismatch.body, /id="field-confirmPassword-error"/);

      const short = await client.post('/account/password', { currentPassword: PASSWORD, newPassword: 'short', confirmPassword: 'short' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /Enter a password of at least 10 characters/);

      const huge = await client.post('/account/password', { currentPassword: PASSWORD, newPassword: 'x'.repeat(100_000), confirmPassword: 'x'.repeat(100_000) });
      assert.equal(huge.statusCode, 400);
      assert.doesNotMatch(huge.body, /xxxxxxxxxx/, 'passwords are never echoed back');
    });

    it('changes the password and ends every other session', async () => {
      const { person, client } = await signedIn();
      const other = await clientFor(person.email, PASSWORD);
      const changed = await client.post('/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'another good password',
        confirmPassword: 'another good password',
      });
      assert.equal(changed.statusCode, 303);
      assert.equal(changed.headers.location, '/account');
      const page = await client.get('/account');
      assert.equal(page.statusCode, 200, 'this session goes on');
      assert.match(page.body, /Your password has been changed/);
      assert.equal((await other.get('/dashboard')).statusCode, 303, 'the other session has ended');
      await clientFor(person.email, 'another good password');
      const old = await new TestClient(t.app).post('/sign-in', { email: person.email, password: PASSWORD });
      assert.equal(old.statusCode, 400);
    });
  });

  describe('sessions', () => {
    it('lists the sessions, marking this device and naming the browser', async () => {
      const { person, client } = await signedIn({ userAgent: FIREFOX });
      await clientFor(person.email, PASSWORD, '');
      const page = await client.get('/account/sessions');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<caption>Your signed-in sessions \(times in America\/Chicago\)<\/caption>/);
      assert.match(page.body, /<th scope="col">Last active<\/th>/);
      assert.match(page.body, /<tbody><tr><td>Firefox on Linux <span class="tag">This device<\/span>/);
      assert.match(page.body, /Unknown device/);
      assert.equal(otherSessionIds(page.body).length, 1);
      assert.match(page.body, /Sign out everywhere else/);
    });

    it('revokes another session while it is in use', async () => {
      const { person, client: a } = await signedIn();
      const b = await clientFor(person.email, PASSWORD);
      assert.equal((await b.get('/dashboard')).statusCode, 200);
      const [bSession] = otherSessionIds((await a.get('/account/sessions')).body);
      assert.ok(bSession);
      const revoked = await a.post('/account/sessions/revoke', { session: bSession });
      assert.equal(revoked.statusCode, 303);
      assert.equal(revoked.headers.location, '/account/sessions');
      const after = await a.get('/account/sessions');
      assert.match(after.body, /That session has been signed out/);
      assert.equal(otherSessionIds(after.body).length, 0);
      const kicked = await b.get('/dashboard');
      assert.equal(kicked.statusCode, 303);
      assert.match(String(kicked.headers.location), /^\/sign-in\?next=/);
    });

    it('answers 404 for an unknown session or someone else’s, and 400 for a missing one', async () => {
      const { client } = await signedIn();
      const { person: stranger, client: strangerClient } = await signedIn();
      const unknown = await client.post('/account/sessions/revoke', { session: 'no-such-session' });
      assert.equal(unknown.statusCode, 404);
      const missing = await client.post('/account/sessions/revoke', {});
      assert.equal(missing.statusCode, 400);
      const huge = await client.post('/account/sessions/revoke', { session: 'x'.repeat(100_000) });
      assert.equal(huge.statusCode, 400);
      const [theirs] = await t.app.database.db.selectFrom('sessions').select('id').where('user_id', '=', stranger.id).execute();
      assert.ok(theirs);
      const foreign = await client.post('/account/sessions/revoke', { session: theirs.id });
      assert.equal(foreign.statusCode, 404);
      assert.equal((await strangerClient.get('/dashboard')).statusCode, 200, 'the other person stays signed in');
    });

    it('signs out everywhere else', async () => {
      const { person, client } = await signedIn();
      const others = [await clientFor(person.email, PASSWORD), await clientFor(person.email, PASSWORD)];
      const response = await client.post('/account/sessions/revoke-others');
      assert.equal(response.statusCode, 303);
      const page = await client.get('/account/sessions');
      assert.match(page.body, /You have been signed out everywhere else/);
      assert.doesNotMatch(page.body, /Sign out everywhere else<\/button>/);
      for (const other of others) assert.equal((await other.get('/dashboard')).statusCode, 303);
    });

    it('treats revoking the current session as signing out', async () => {
      const { person, client } = await signedIn();
      const [session] = await t.app.database.db.selectFrom('sessions').select('id').where('user_id', '=', person.id).execute();
      const response = await client.post('/account/sessions/revoke', { session: session!.id });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/');
      assert.equal((await client.get('/dashboard')).statusCode, 303);
    });
  });
});
