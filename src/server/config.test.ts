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
    const config = loadConfig({ SMARTSPACES_DEMO: '0', TRUST_PROXY: 'true', PUBLIC_URL: 'https://spaces.example.org/' });
    assert.equal(config.demo, false);
    assert.equal(config.trustProxy, true);
    assert.equal(config.publicUrl, 'https://spaces.example.org');
  });
});
