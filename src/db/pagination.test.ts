import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pageOfArray, pageWindow, paginate } from './pagination';

describe('pagination', () => {
  it('clamps a page past either end to the pages that exist', () => {
    assert.deepEqual(pageWindow(51, 9, 25), { page: 3, pages: 3, offset: 50 });
    assert.deepEqual(pageWindow(51, 0, 25), { page: 1, pages: 3, offset: 0 });
    assert.deepEqual(pageWindow(0, 4, 25), { page: 1, pages: 1, offset: 0 });
  });

  it('loads only the rows of the page, and nothing for an empty list', async () => {
    const calls: Array<[number, number]> = [];
    const load = async (limit: number, offset: number) => {
      calls.push([limit, offset]);
      return [`row ${offset}`];
    };
    assert.deepEqual(await paginate(30, 2, 25, load), { items: ['row 25'], page: 2, pages: 2, total: 30 });
    assert.deepEqual(await paginate(0, 1, 25, load), { items: [], page: 1, pages: 1, total: 0 });
    assert.deepEqual(calls, [[25, 25]]);
  });

  it('slices a list in memory the same way', () => {
    const all = Array.from({ length: 7 }, (_, i) => i);
    assert.deepEqual(pageOfArray(all, 3, 3), { items: [6], page: 3, pages: 3, total: 7 });
    assert.deepEqual(pageOfArray(all, 5, 3), { items: [6], page: 3, pages: 3, total: 7 });
  });
});
