import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has defaults that run the product on SQLite on port 3000', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, 'sqlite:./data/smartspaces.db');
    assert.equal(config.demo, true);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.smtpUrl, undefined);
  });

  it('explains each bad value', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), ConfigError);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ SMTP_URL: 'http://mail' }), /SMTP_URL/);
    assert.throws(() => loadConfig({ SMARTSPACES_DEMO: 'maybe' }), /SMARTSPACES_DEMO/);
    assert.throws(() => loadConfig({ PUBLIC_URL: 'not a url' }), /PUBLIC_URL/);
  });

  it('reads switches and strips a trailing slash from the public address', () => {
    const config = loadConfig({ SMARTSPACES_DEMO: '0', TRUST_PROXY: '1', PUBLIC_URL: 'https://spaces.example.org/' });
    assert.equal(config.demo, false);
    assert.equal(config.trustProxy, 1);
    assert.equal(config.publicUrl, 'https://spaces.example.org');
  });

  it('reads TRUST_PROXY as a number of hops or a list of proxy addresses, never as "trust everyone"', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '0' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1,fd00::/8,loopback' }).trustProxy, [
      '10.0.0.0/8',
      '192.168.1.5',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    for (const bad of ['true', 'yes', '-1', '1.5', '11', '10.0.0.0/33', '::1/129', '10.0.0.1/8/2', 'proxy.example.org', '10.0.0.1,', '10.0.0.0/']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: bad }), /TRUST_PROXY must be the number of reverse proxies/, bad);
    }
  });
});
