import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from './ids';

describe('row ids', () => {
  it('sort in the order they were made, even thousands within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), ids);
  });

  it('are UUIDv7 text that both databases compare as they sort here', () => {
    assert.match(newId(), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
