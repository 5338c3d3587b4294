import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/app';
import { loadConfig } from '../src/server/config';
import { TestClient } from './support/client';
import { makePerson, makeProgram, PASSWORD } from './support/factories';

/* Behaviour every page shares: headers, cookies, error pages, CSRF, limits. */

describe('platform', () => {
  let testApp: TestApp;

  before(async () => {
    testApp = await createTestApp({}, { rateLimitPerMinute: 1000 });
  });
  after(() => testApp.close());

  it('sends a strict content security policy and no inline script', async () => {
    const response = await new TestClient(testApp.app).get('/sign-in');
    const csp = String(response.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(response.body, /<script/);
    assert.doesNotMatch(response.body, /style="/);
  });

  it('sets session cookies HttpOnly and SameSite=Lax', async () => {
    const person = await makePerson(testApp.app, { role: 'admin' });
    const client = new TestClient(testApp.app);
    const response = await client.post('/sign-in', { email: person.email, password: PASSWORD });
    const session = response.cookies.find((c) => c.name === 'ss_session');
    assert.ok(session);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
  });

  it('answers unknown pages with a readable 404', async () => {
    const response = await new TestClient(testApp.app).get('/no/such/page');
    assert.equal(response.statusCode, 404);
    assert.match(response.body, /<h1>Page not found<\/h1>/);
    assert.match(response.headers['content-type'] as string, /text\/html/);
  });

  it('answers malformed and over-long addresses with the same 404 page', async () => {
    for (const url of ['/%E0%A4%A', `/libraries/${'a'.repeat(300)}`]) {
      const response = await testApp.app.inject({ url });
      assert.equal(response.statusCode, 404, url);
      assert.match(response.body, /<h1>Page not found<\/h1>/);
    }
  });

  it('refuses a form without its CSRF token and keeps technical detail out of the page', async () => {
    const response = await new TestClient(testApp.app).post('/sign-in', { email: 'a@example.org', password: 'x' }, { csrf: false });
    assert.equal(response.statusCode, 403);
    assert.doesNotMatch(response.body, /FST_|Error:|at .*\.ts/);
  });

  it('answers an oversized body with 413, not a crash', async () => {
    const client = new TestClient(testApp.app);
    const response = await client.post('/sign-in', { email: 'a@example.org', password: 'x'.repeat(2 * 1024 * 1024) });
    assert.equal(response.statusCode, 413);
  });

  it('shows pages in Spanish from the link, the cookie or the browser', async () => {
    const client = new TestClient(testApp.app);
    const fromLink = await client.get('/sign-in?lang=es');
    assert.match(fromLink.body, /<html lang="es"/);
    const fromCookie = await client.get('/sign-in');
    assert.match(fromCookie.body, /Iniciar sesión/);
    const fromBrowser = await new TestClient(testApp.app).get('/sign-in', { 'accept-language': 'es-MX,es;q=0.9' });
    assert.match(fromBrowser.body, /<html lang="es"/);
  });

  it('serves the stylesheet with a long cache lifetime', async () => {
    const page = await new TestClient(testApp.app).get('/sign-in');
    const href = /href="(\/assets\/styles\.css\?v=[0-9a-f]+)"/.exec(page.body)?.[1];
    assert.ok(href);
    const css = await testApp.app.inject({ url: href });
    assert.equal(css.statusCode, 200);
    assert.match(String(css.headers['cache-control']), /max-age=31536000/);
  });
});

describe('rate limit', () => {
  let testApp: TestApp;
  before(async () => {
    testApp = await createTestApp({}, { rateLimitPerMinute: 3 });
  });
  after(() => testApp.close());

  it('answers 429 with a readable page once an address sends too many requests', async () => {
    const client = new TestClient(testApp.app);
    let last = await client.get('/sign-in');
    for (let i = 0; i < 4; i++) last = await client.get('/sign-in');
    assert.equal(last.statusCode, 429);
    assert.match(last.body, /Too many requests/);
    assert.equal(last.headers['retry-after'], '60');
  });
});

describe('behind one reverse proxy (TRUST_PROXY=1)', () => {
  let testApp: TestApp;
  let forged = 0;
  /** A header as the proxy forwards it: whatever the client wrote first, then the address the proxy saw. */
  const through = (client: string) => ({ 'x-forwarded-for': `10.9.${Math.floor(++forged / 250)}.${forged % 250}, ${client}` });

  before(async () => {
    testApp = await createTestApp({ trustProxy: loadConfig({ TRUST_PROXY: '1' }).trustProxy });
    await makeProgram(testApp.app);
  });
  after(() => testApp.close());

  it('takes the address the proxy saw and ignores the one the client wrote', async () => {
    const person = await makePerson(testApp.app, { role: 'staff' });
    const client = new TestClient(testApp.app);
    const headers = { 'x-forwarded-for': '1.1.1.1, 2.2.2.2' };
    assert.equal((await client.post('/sign-in', { email: person.email, password: PASSWORD }, { headers })).statusCode, 303);
    const sessions = await client.get('/account/sessions', headers);
    assert.match(sessions.body, /2\.2\.2\.2/);
    assert.doesNotMatch(sessions.body, /1\.1\.1\.1/);
  });

  it('keeps the per-address sign-in throttle when the client rotates its own header value', async () => {
    const client = new TestClient(testApp.app);
    for (let i = 0; i < 20; i++) {
      await client.post('/sign-in', { email: `guess-${i}@example.org`, password: 'guess' }, { headers: through('203.0.113.7') });
    }
    const person = await makePerson(testApp.app, { role: 'staff' });
    const blocked = await client.post('/sign-in', { email: person.email, password: PASSWORD }, { headers: through('203.0.113.7') });
    assert.equal(blocked.statusCode, 429);
  });

  it('keeps the per-address contact limit when the client rotates its own header value', async () => {
    const client = new TestClient(testApp.app);
    const message = { name: 'Robin', email: 'robin@example.org', message: 'Hello', website: '' };
    for (let i = 0; i < 5; i++) {
      assert.equal((await client.post('/contact', message, { headers: through('203.0.113.8') })).statusCode, 303);
    }
    assert.equal((await client.post('/contact', message, { headers: through('203.0.113.8') })).statusCode, 429);
  });
});
