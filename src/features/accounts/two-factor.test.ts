import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makePerson, PASSWORD } from '../../../tests/support/factories';
import { allByRole, byRole, fieldError, textOf } from '../../../tests/support/html';

const THIRTY_SECONDS = 30_000;

describe('two-step sign-in', () => {
  let t: TestApp;
  // The app's clock: tests move it to reach the next code or the end of a window.
  let now = Date.parse('2026-12-04T15:00:10Z');
  const clock = () => now;
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });

  before(async () => {
    t = await createTestApp({ trustProxy: 1 }, { clock });
  });
  after(() => t.close());

  /** The code an authenticator app with this key shows at the app's current time. */
  const codeFor = (secret: string, at = now) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });

  /** Signs a person in with their password alone and returns the client, waiting at the second step if it is on. */
  async function passwordStep(email: string, next = '/account') {
    const client = new TestClient(t.app);
    const response = await client.post('/sign-in', { email, password: PASSWORD, next }, { headers: from() });
    assert.equal(response.statusCode, 303);
    return { client, location: String(response.headers.location) };
  }

  /** A person with two-step sign-in turned on through the pages, with their key and recovery codes. */
  async function personWithTwoFactor(role: 'admin' | 'coach' | 'staff' = 'staff') {
    const person = await makePerson(t.app, { role });
    const { client } = await passwordStep(person.email);
    const setup = await client.get('/account/two-factor/setup');
    const secret = /class="secret-key">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replace(/ /g, '');
    const confirmed = await client.post('/account/two-factor/setup', { code: codeFor(secret) }, { headers: from() });
    assert.equal(confirmed.statusCode, 200);
    const codes = allByRole(byRole(confirmed.body, 'list', { name: 'Recovery codes' }), 'listitem').map((item) => textOf(item).trim());
    now += THIRTY_SECONDS;
    return { person, client, secret, codes };
  }

  it('sets up an authenticator app with a QR code, a code and ten recovery codes', async () => {
    const person = await makePerson(t.app, { role: 'staff' });
    const { client } = await passwordStep(person.email);
    const other = (await passwordStep(person.email)).client;
    const status = await client.get('/account/two-factor');
    assert.match(status.body, /Two-step sign-in is off\./);

    const setup = await client.get('/account/two-factor/setup');
    assert.equal(setup.statusCode, 200);
    assert.match(String(setup.headers['cache-control']), /no-store/);
    const qr = byRole(setup.body, 'img', { name: 'QR code for your authenticator app' });
    assert.ok(qr.children.some((child) => 'name' in child && child.name === 'svg'), 'the QR code is drawn inline');
    const key = /class="secret-key">([A-Z2-7 ]+)</.exec(setup.body)![1]!;
    const secret = key.replace(/ /g, '');
    assert.equal(secret.length, 32, 'a 160-bit key');
    // Reloading shows the same key, so a half-finished setup can be resumed.
    assert.match((await client.get('/account/two-factor/setup')).body, new RegExp(`class="secret-key">${key}<`));

    const wrong = await client.post('/account/two-factor/setup', { code: '000000' === codeFor(secret) ? '111111' : '000000' }, { headers: from() });
    assert.equal(wrong.statusCode, 400);
    assert.match(fieldError(wrong.body, 'Code') ?? '', /not right/);
    assert.match(wrong.body, new RegExp(`class="secret-key">${key}<`), 'the same key is shown again');
    assert.equal(await t.app.services.twoFactor.isEnabled(person.id), false);

    const confirmed = await client.post('/account/two-factor/setup', { code: codeFor(secret) }, { headers: from() });
    assert.equal(confirmed.statusCode, 200);
    assert.match(String(confirmed.headers['cache-control']), /no-store/);
    const codes = allByRole(byRole(confirmed.body, 'list', { name: 'Recovery codes' }), 'listitem').map((item) => textOf(item).trim());
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    for (const code of codes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/);
    assert.equal(await t.app.services.twoFactor.isEnabled(person.id), true);
    // Only hashes are kept.
    const stored = await t.app.database.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', person.id).execute();
    assert.equal(stored.length, 10);
    for (const row of stored) assert.ok(!codes.includes(row.code_hash));
    // The other browser got in with the password alone, so it is signed out.
    assert.equal((await other.get('/dashboard')).statusCode, 303);
    assert.equal((await client.get('/dashboard')).statusCode, 200);
    const on = await client.get('/account/two-factor');
    assert.match(on.body, /Two-step sign-in is on since/);
    assert.match(on.body, /Recovery codes left<\/dt>\s*<dd>10<\/dd>/);
    now += THIRTY_SECONDS;
  });

  it('asks for a code after the password, accepts each code once, and keeps the next address', async () => {
    const { person, secret } = await personWithTwoFactor();
    const { client, location } = await passwordStep(person.email, '/account/sessions');
    assert.equal(location, '/sign-in/two-factor?next=%2Faccount%2Fsessions');
    // The password alone opens nothing.
    const blocked = await client.get('/dashboard');
    assert.equal(blocked.statusCode, 303);
    assert.match(String(blocked.headers.location), /^\/sign-in\?next=/);
    const step = await client.get(location);
    assert.equal(step.statusCode, 200);
    assert.match(step.body, /name="next" value="\/account\/sessions"/);

    const wrong = await client.post('/sign-in/two-factor', { code: '12345', next: '/account/sessions' }, { headers: from() });
    assert.equal(wrong.statusCode, 400);
    assert.match(fieldError(wrong.body, 'Code') ?? '', /not right/);

    const code = codeFor(secret);
    const passed = await client.post('/sign-in/two-factor', { code: ` ${code} `, next: '/account/sessions' });
    assert.equal(passed.statusCode, 303);
    assert.equal(passed.headers.location, '/account/sessions');
    assert.equal((await client.get('/dashboard')).statusCode, 200);

    // The same code, in another sign-in within its 30 seconds, is refused.
    const replay = await passwordStep(person.email);
    assert.equal((await replay.client.post('/sign-in/two-factor', { code }, { headers: from() })).statusCode, 400);
    now += THIRTY_SECONDS;
    assert.equal((await replay.client.post('/sign-in/two-factor', { code: codeFor(secret) }, { headers: from() })).statusCode, 303);
    // A code from a phone whose clock is one step behind still works; two steps behind does not.
    now += 2 * THIRTY_SECONDS;
    const late = await passwordStep(person.email);
    assert.equal((await late.client.post('/sign-in/two-factor', { code: codeFor(secret, now - 2 * THIRTY_SECONDS) }, { headers: from() })).statusCode, 400);
    assert.equal((await late.client.post('/sign-in/two-factor', { code: codeFor(secret, now - THIRTY_SECONDS) }, { headers: from() })).statusCode, 303);
    now += THIRTY_SECONDS;
  });

  it('lets the same code through once when two sign-ins send it at the same moment', async () => {
    const { person, secret } = await personWithTwoFactor();
    const sign = await Promise.all([passwordStep(person.email), passwordStep(person.email), passwordStep(person.email)]);
    const code = codeFor(secret);
    const results = await Promise.all(sign.map(({ client }) => client.post('/sign-in/two-factor', { code }, { headers: from() })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 400, 400]);
    now += THIRTY_SECONDS;
  });

  it('signs in with a recovery code once, and says how many are left', async () => {
    const { person, codes } = await personWithTwoFactor();
    const { client } = await passwordStep(person.email);
    const used = codes[3]!;
    const passed = await client.post('/sign-in/two-factor', { code: ` ${used.toUpperCase().replace('-', ' ')} ` });
    assert.equal(passed.statusCode, 303);
    const page = await client.get(String(passed.headers.location));
    assert.match(page.body, /You signed in with a recovery code\. Codes left: 9\./);
    const again = await passwordStep(person.email);
    assert.equal((await again.client.post('/sign-in/two-factor', { code: used }, { headers: from() })).statusCode, 400);
  });

  it('ends a sign-in after five wrong codes, so guessing needs the password again, even in parallel', async () => {
    const { person, secret } = await personWithTwoFactor();
    const { client } = await passwordStep(person.email);
    const guesses = await Promise.all(Array.from({ length: 8 }, (_, i) => client.post('/sign-in/two-factor', { code: String(100000 + i) }, { headers: from() })));
    const statuses = guesses.map((g) => g.statusCode);
    // Four wrong answers are shown as such; the fifth ends the sign-in and
    // every later guess finds no sign-in to answer.
    assert.equal(statuses.filter((s) => s === 400).length, 4, statuses.join(' '));
    assert.equal(statuses.filter((s) => s === 303).length, 4);
    for (const guess of guesses.filter((g) => g.statusCode === 303)) assert.equal(guess.headers.location, '/sign-in');
    const right = await client.post('/sign-in/two-factor', { code: codeFor(secret) }, { headers: from() });
    assert.equal(right.statusCode, 303);
    assert.equal(right.headers.location, '/sign-in', 'the right code no longer helps this sign-in');
    assert.equal((await client.get('/dashboard')).statusCode, 303);
    now += 15 * 60_000;
  });

  it('allows ten codes per account in fifteen minutes across sign-ins, then refuses until the window ends', async () => {
    const { person, secret } = await personWithTwoFactor();
    for (let round = 0; round < 2; round++) {
      const { client } = await passwordStep(person.email);
      for (let i = 0; i < 4; i++) assert.equal((await client.post('/sign-in/two-factor', { code: '000001' }, { headers: from() })).statusCode, 400);
    }
    const { client } = await passwordStep(person.email);
    assert.equal((await client.post('/sign-in/two-factor', { code: '000001' }, { headers: from() })).statusCode, 400);
    assert.equal((await client.post('/sign-in/two-factor', { code: '000001' }, { headers: from() })).statusCode, 400);
    const refused = await client.post('/sign-in/two-factor', { code: codeFor(secret) }, { headers: from() });
    assert.equal(refused.statusCode, 429);
    assert.match(fieldError(refused.body, 'Code') ?? '', /Wait 15 minutes/);
    now += 15 * 60_000 + 1000;
    const fresh = await passwordStep(person.email);
    assert.equal((await fresh.client.post('/sign-in/two-factor', { code: codeFor(secret) }, { headers: from() })).statusCode, 303);
    now += THIRTY_SECONDS;
  });

  it('lets a waiting sign-in lapse after ten minutes', async () => {
    const { person, secret } = await personWithTwoFactor();
    const { client } = await passwordStep(person.email);
    now += 10 * 60_000 + 1000;
    const late = await client.post('/sign-in/two-factor', { code: codeFor(secret) }, { headers: from() });
    assert.equal(late.statusCode, 303);
    assert.equal(late.headers.location, '/sign-in');
    assert.equal((await client.get('/dashboard')).statusCode, 303);
    now += THIRTY_SECONDS;
  });

  it('makes new recovery codes and turns two-step sign-in off with the password', async () => {
    const { person, client, secret, codes } = await personWithTwoFactor();
    const wrong = await client.post('/account/two-factor/recovery-codes', { password: 'not the password' });
    assert.equal(wrong.statusCode, 400);
    assert.match(fieldError(wrong.body, 'Your password') ?? '', /not right/);
    const renewed = await client.post('/account/two-factor/recovery-codes', { password: PASSWORD });
    assert.equal(renewed.statusCode, 200);
    const fresh = allByRole(byRole(renewed.body, 'list', { name: 'Recovery codes' }), 'listitem').map((item) => textOf(item).trim());
    assert.equal(fresh.length, 10);
    const old = await passwordStep(person.email);
    assert.equal((await old.client.post('/sign-in/two-factor', { code: codes[0]! }, { headers: from() })).statusCode, 400, 'old codes stop working');
    assert.equal((await old.client.post('/sign-in/two-factor', { code: fresh[0]! }, { headers: from() })).statusCode, 303);

    assert.equal((await client.post('/account/two-factor/disable', { password: '' })).statusCode, 400);
    const off = await client.post('/account/two-factor/disable', { password: PASSWORD });
    assert.equal(off.statusCode, 303);
    assert.equal(await t.app.services.twoFactor.isEnabled(person.id), false);
    assert.equal((await t.app.database.db.selectFrom('recovery_codes').select('id').where('user_id', '=', person.id).execute()).length, 0);
    const plain = await passwordStep(person.email, '/account');
    assert.equal(plain.location, '/account', 'the password alone signs in again');
    assert.ok(secret);
  });

  it('asks for the code after a password reset too', async () => {
    const { person, secret } = await personWithTwoFactor();
    const token = await t.app.services.accounts.issueToken(person.id, 'reset');
    const client = new TestClient(t.app);
    const reset = await client.post(`/reset-password/${token}`, { newPassword: 'another long passphrase', confirmPassword: 'another long passphrase' });
    assert.equal(reset.statusCode, 303);
    assert.equal(reset.headers.location, '/sign-in/two-factor?next=%2Fdashboard');
    assert.equal((await client.get('/account')).statusCode, 303);
    assert.equal((await client.post('/sign-in/two-factor', { code: codeFor(secret), next: '/dashboard' }, { headers: from() })).statusCode, 303);
    assert.equal((await client.get('/account')).statusCode, 200);
    now += THIRTY_SECONDS;
  });

  it('lets an admin require it for a role: people in it set it up before anything else', async () => {
    const admin = await makePerson(t.app, { role: 'admin' });
    const adminClient = new TestClient(t.app);
    await adminClient.signIn(admin.email, PASSWORD);
    const bad = await adminClient.post('/people/sign-in-security', { roles: ['coach', 'owner'] });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Choose only roles from the list/);
    assert.match(bad.body, /value="coach" checked/, 'the choice is kept');
    const saved = await adminClient.post('/people/sign-in-security', { roles: 'coach' });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await t.app.services.twoFactor.requiredRoles(), ['coach']);
    const settings = await adminClient.get('/people/sign-in-security');
    assert.match(settings.body, /value="coach" checked/);
    assert.doesNotMatch(settings.body, /value="admin" checked/);

    const coach = await makePerson(t.app, { role: 'coach' });
    const { client } = await passwordStep(coach.email, '/libraries');
    const sent = await client.get('/libraries');
    assert.equal(sent.statusCode, 303);
    assert.equal(sent.headers.location, '/account/two-factor');
    assert.match((await client.get('/account/two-factor')).body, /asks people in your role to use two-step sign-in/);
    const post = await client.post('/account/profile', { name: 'X', locale: 'en', timeZone: 'UTC' });
    assert.equal(post.headers.location, '/account/two-factor', 'forms are held back too');
    assert.equal((await client.get('/')).statusCode, 200, 'public pages stay open');
    const setup = await client.get('/account/two-factor/setup');
    assert.equal(setup.statusCode, 200);
    const secret = /class="secret-key">([A-Z2-7 ]+)</.exec(setup.body)![1]!.replace(/ /g, '');
    assert.equal((await client.post('/account/two-factor/setup', { code: codeFor(secret) }, { headers: from() })).statusCode, 200);
    assert.equal((await client.get('/libraries')).statusCode, 200);
    // A required second step cannot be turned off.
    assert.doesNotMatch((await client.get('/account/two-factor')).body, /href="\/account\/two-factor\/disable"/);
    const refused = await client.post('/account/two-factor/disable', { password: PASSWORD });
    assert.equal(refused.statusCode, 400);
    assert.equal(await t.app.services.twoFactor.isEnabled(coach.id), true);
    // Staff were not required: a staff member goes about their work.
    const staff = await makePerson(t.app, { role: 'staff' });
    const staffClient = (await passwordStep(staff.email)).client;
    assert.equal((await staffClient.get('/libraries')).statusCode, 200);
    const adoption = await t.app.services.twoFactor.adoption();
    assert.ok(adoption.find((row) => row.role === 'coach')!.enabled >= 1);
    await adminClient.post('/people/sign-in-security', {});
    assert.deepEqual(await t.app.services.twoFactor.requiredRoles(), []);
    now += THIRTY_SECONDS;
  });

  it('lets an admin turn it off for someone locked out, ending their sessions', async () => {
    const { person, client } = await personWithTwoFactor();
    const admin = await makePerson(t.app, { role: 'admin' });
    const adminClient = new TestClient(t.app);
    await adminClient.signIn(admin.email, PASSWORD);
    const page = await adminClient.get(`/people/${person.id}`);
    assert.match(page.body, /Two-step sign-in<\/dt>\s*<dd>On<\/dd>/);
    assert.match(page.body, new RegExp(`href="/people/${person.id}/two-factor/disable"`));
    assert.equal((await adminClient.get(`/people/${person.id}/two-factor/disable`)).statusCode, 200);
    // An admin turns off their own only from their own account page, with their password.
    assert.equal((await adminClient.get(`/people/${admin.id}/two-factor/disable`)).statusCode, 404);
    const off = await adminClient.post(`/people/${person.id}/two-factor/disable`);
    assert.equal(off.statusCode, 303);
    assert.equal(off.headers.location, `/people/${person.id}`);
    assert.equal(await t.app.services.twoFactor.isEnabled(person.id), false);
    assert.equal((await client.get('/dashboard')).statusCode, 303, 'the person is signed out everywhere');
    assert.equal((await passwordStep(person.email, '/account')).location, '/account');
    // Nothing left to turn off.
    assert.equal((await adminClient.post(`/people/${person.id}/two-factor/disable`)).statusCode, 404);
  });
});
