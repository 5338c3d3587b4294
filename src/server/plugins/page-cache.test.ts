import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeProgram, signedInClient } from '../../../tests/support/factories';

describe('public page cache', () => {
  let testApp: TestApp;
  before(async () => {
    testApp = await createTestApp();
  });
  after(() => testApp.close());

  it('serves visitors a cached page until the data changes', async () => {
    const { app } = testApp;
    await makeProgram(app, { name: 'First name' });
    const visitor = new TestClient(app);
    assert.match((await visitor.get('/')).body, /First name/);
    let reads = 0;
    const getProgram = app.services.programs.getProgram;
    app.services.programs.getProgram = async () => {
      reads++;
      return getProgram();
    };
    try {
      assert.match((await visitor.get('/')).body, /First name/);
      assert.equal(reads, 0, 'the second visit was served from the cache');
      await makeProgram(app, { name: 'Second name' });
      assert.match((await visitor.get('/')).body, /Second name/, 'a write makes the cached page stale at once');
      assert.equal(reads, 1);
    } finally {
      app.services.programs.getProgram = getProgram;
    }
  });

  it('answers a repeated visit with 304 when the page has not changed', async () => {
    const { app } = testApp;
    const first = await app.inject({ url: '/' });
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await app.inject({ url: '/', headers: { 'if-none-match': etag } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  it('serves cached pages compressed the way the browser asks, and the same page', async () => {
    const { app } = testApp;
    const plain = await app.inject({ url: '/' });
    const brotli = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.equal(brotli.headers.vary, 'accept-encoding');
    assert.equal(brotliDecompressSync(brotli.rawPayload).toString(), plain.body);
    const gzip = await app.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gzip.rawPayload).toString(), plain.body);
  });

  it('keeps caches apart by language and never serves them to signed-in people', async () => {
    const { app } = testApp;
    const english = await new TestClient(app).get('/');
    const spanish = await new TestClient(app).get('/', { 'accept-language': 'es' });
    assert.match(english.body, /<html lang="en"/);
    assert.match(spanish.body, /<html lang="es"/);
    const member = (await signedInClient(app, { role: 'admin' })).client;
    const page = await member.get('/');
    assert.match(page.body, /Sign out/);
    assert.equal(page.headers['cache-control'], 'private, no-store');
  });
});
