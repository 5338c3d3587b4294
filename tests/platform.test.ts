import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/app';
import { TestClient } from './support/client';
import { makePerson, PASSWORD } from './support/factories';

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
