import assert from 'node:assert/strict';

/**
 * Asserts that every item occurs in `haystack` (a page, a CSV, a mail) and
 * that their first occurrences come strictly in the order given. Comparing
 * `indexOf` results alone would pass when an item is missing, since -1 sorts
 * before everything.
 */
export function assertInOrder(haystack: string, items: readonly string[], message = 'items in order'): void {
  assert.ok(items.length >= 2, `${message}: give at least two items to order`);
  const positions = items.map((item) => {
    const position = haystack.indexOf(item);
    assert.ok(position >= 0, `${message}: ${JSON.stringify(item)} is missing`);
    return position;
  });
  const inOrder = positions.every((position, i) => i === 0 || position > positions[i - 1]!);
  if (!inOrder) {
    const found = items.map((item, i) => ({ item, position: positions[i]! })).sort((a, b) => a.position - b.position);
    assert.fail(`${message}: found in the order ${found.map(({ item, position }) => `${JSON.stringify(item)} (at ${position})`).join(', ')}`);
  }
}
