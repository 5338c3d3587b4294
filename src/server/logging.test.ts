import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loggableUrl } from './logging';

describe('loggableUrl', () => {
  it('masks tokens of emailed links and leaves other paths alone', () => {
    assert.equal(loggableUrl('/reset-password/abc123?x=1'), '/reset-password/[token]?x=1');
    assert.equal(loggableUrl('/invitations/abc123'), '/invitations/[token]');
    assert.equal(loggableUrl('/libraries/glenns-ferry'), '/libraries/glenns-ferry');
  });
});
