import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, TEST_DIALECT, type TestDatabase } from '../../../tests/support/database';
import { createSearchIndex, type SearchDocument, type SearchIndex } from './index';

/*
 * The search contract: the same cases, with the same expected results, on
 * whichever database the suite runs on (TEST_DATABASE=postgres or SQLite).
 * Run it on both to prove FTS5 and tsvector agree.
 */

const HOUR = 3_600_000;
const past = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();
const future = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

const doc = (fields: Partial<SearchDocument> & Pick<SearchDocument, 'id' | 'title'>): SearchDocument => ({
  type: 'news',
  text: '',
  tags: [],
  publishedAt: past(24),
  ...fields,
});

describe(`search index contract (${TEST_DIALECT})`, () => {
  let testDatabase: TestDatabase;
  let search: SearchIndex;

  const ids = async (text: string, filter: { type?: string; tag?: string } = {}, limit = 50, offset = 0) =>
    (await search.query({ text, ...filter, limit, offset })).hits.map((hit) => hit.id);

  before(async () => {
    testDatabase = await createTestDatabase();
    search = createSearchIndex(testDatabase.database);
    await search.upsert(
      doc({
        id: 'title-match',
        type: 'collection',
        title: 'Makerspace and digital media lab resources',
        text: 'Tools, guides and links that small libraries found useful.',
        tags: ['makerspaces', 'prototype'],
        publishedAt: past(48),
      }),
    );
    await search.upsert(
      doc({
        id: 'body-twice',
        title: 'Weeding made room',
        text: 'Clearing old shelves made room for a makerspace. The makerspace opened in spring.',
        tags: ['flex-the-space'],
      }),
    );
    await search.upsert(
      doc({
        id: 'body-once',
        type: 'story',
        title: 'A teen space in Cornwall',
        text:
          'The teens asked for <script>alert("x")</script> a quiet corner & a place to make things. ' +
          'After a survey, a long series of community conversations, walk-throughs with partners and a ' +
          'cardboard prototype, the library opened a small makerspace next to the new teen area.',
        tags: ['flex-the-space', 'teens'],
      }),
    );
    await search.upsert(
      doc({ id: 'scheduled', title: 'Makerspace ribbon cutting', text: 'Coming soon.', publishedAt: future(2) }),
    );
  });

  after(() => testDatabase.destroy());

  it('ranks a title match above body matches, and more body matches above fewer', async () => {
    assert.deepEqual(await ids('makerspace'), ['title-match', 'body-twice', 'body-once']);
    const { hits } = await search.query({ text: 'makerspace', limit: 10, offset: 0 });
    assert.ok(hits[0]!.score > hits[1]!.score && hits[1]!.score > hits[2]!.score, 'scores decrease');
  });

  it('matches stemmed forms both ways and ignores stop words and case', async () => {
    assert.deepEqual(await ids('makerspaces'), ['title-match', 'body-twice', 'body-once']);
    assert.deepEqual(await ids('the MAKERSPACES of'), ['title-match', 'body-twice', 'body-once']);
    assert.deepEqual(await ids('teen'), ['body-once']);
    assert.deepEqual(await ids('prototyping'), ['body-once']);
  });

  it('requires every word of the query', async () => {
    assert.deepEqual(await ids('makerspace spring'), ['body-twice']);
    assert.deepEqual(await ids('makerspace volcano'), []);
  });

  it('returns snippets with escaped text and the matches marked', async () => {
    const { hits } = await search.query({ text: 'quiet corner', limit: 10, offset: 0 });
    assert.equal(hits.length, 1);
    const { snippet } = hits[0]!;
    assert.match(snippet, /<mark>quiet<\/mark> <mark>corner<\/mark>/);
    assert.match(snippet, /&lt;script&gt;/);
    assert.match(snippet, /&amp;/);
    assert.match(snippet, /&quot;x&quot;/);
    assert.doesNotMatch(snippet.replace(/<\/?mark>/g, ''), /[<>]/, 'no markup other than <mark>');
  });

  it('finds words written inside markup-like text', async () => {
    assert.deepEqual(await ids('script alert'), ['body-once']);
  });

  it('marks stemmed forms of the query in snippets', async () => {
    const { hits } = await search.query({ text: 'teen', limit: 10, offset: 0 });
    assert.match(hits[0]!.snippet, /<mark>teens<\/mark>/);
  });

  it('filters by type and by tag', async () => {
    assert.deepEqual(await ids('makerspace', { type: 'news' }), ['body-twice']);
    assert.deepEqual(await ids('makerspace', { type: 'story' }), ['body-once']);
    assert.deepEqual(await ids('makerspace', { tag: 'flex-the-space' }), ['body-twice', 'body-once']);
    assert.deepEqual(await ids('makerspace', { tag: 'flex-the-space', type: 'story' }), ['body-once']);
    assert.deepEqual(await ids('makerspace', { tag: 'makerspaces', type: 'story' }), []);
    assert.deepEqual(await ids('makerspace', { tag: 'no-such-tag' }), []);
  });

  it('hides scheduled items until their time, and updates in place', async () => {
    assert.deepEqual(await ids('ribbon'), []);
    await search.upsert(doc({ id: 'scheduled', title: 'Makerspace ribbon cutting', text: 'Now open.', publishedAt: past(1) }));
    assert.deepEqual(await ids('ribbon'), ['scheduled']);
    await search.upsert(doc({ id: 'scheduled', title: 'Makerspace ribbon cutting', text: 'Now open.', publishedAt: past(1) }));
    assert.equal((await search.query({ text: 'ribbon', limit: 10, offset: 0 })).total, 1, 'no duplicate after a second save');
    await search.upsert(doc({ id: 'scheduled', title: 'Grand celebration', text: 'Now open.', publishedAt: past(1) }));
    assert.deepEqual(await ids('ribbon'), [], 'the old title is gone');
    assert.deepEqual(await ids('celebration'), ['scheduled']);
    await search.remove('scheduled');
  });

  it('removes documents and their tags', async () => {
    await search.upsert(doc({ id: 'gone', title: 'Wish tree', text: 'Leaves with wishes.', tags: ['discover'] }));
    assert.deepEqual(await ids('wish'), ['gone']);
    await search.remove('gone');
    assert.deepEqual(await ids('wish'), []);
    assert.deepEqual(await ids('wish', { tag: 'discover' }), []);
    await search.remove('never-indexed');
  });

  it('pages through results with a stable order and a total', async () => {
    for (let i = 0; i < 25; i++) {
      const n = String(i).padStart(2, '0');
      await search.upsert(doc({ id: `dot-${n}`, title: `Dot board ${n}`, text: 'Sticky dots on a board.', publishedAt: past(100 + i) }));
    }
    const pages = [];
    for (const offset of [0, 10, 20]) pages.push(await search.query({ text: 'dots', limit: 10, offset }));
    assert.deepEqual(pages.map((p) => p.total), [25, 25, 25]);
    assert.deepEqual(pages.map((p) => p.hits.length), [10, 10, 5]);
    const all = pages.flatMap((p) => p.hits.map((h) => h.id));
    // Equal scores fall back to newest first.
    assert.deepEqual(all, Array.from({ length: 25 }, (_, i) => `dot-${String(i).padStart(2, '0')}`));
    const beyond = await search.query({ text: 'dots', limit: 10, offset: 30 });
    assert.deepEqual(beyond, { total: 25, hits: [] });
  });

  it('answers hostile or empty queries without an error', async () => {
    const hostile = [
      '',
      '   ',
      '"',
      '""',
      '*',
      'makerspace*',
      'AND OR',
      'NOT',
      '-',
      '-makerspace',
      "'",
      "'; drop table search_documents; --",
      'title:makerspace',
      'NEAR(makerspace room)',
      '(makerspace',
      '^makerspace',
      'makerspace & | ! :*',
      '\u0000\uE000\uE001',
      '🙂 ☃',
      'x'.repeat(2000),
      'makerspace '.repeat(200),
      'a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(40),
    ];
    for (const text of hostile) {
      const result = await search.query({ text, limit: 10, offset: 0 });
      assert.equal(typeof result.total, 'number', `query ${JSON.stringify(text.slice(0, 40))}`);
    }
    assert.deepEqual(await ids('AND OR'), []);
    assert.deepEqual(await ids('x'.repeat(2000)), []);
    // Operators are read as plain words, never as syntax.
    assert.deepEqual(await ids('-makerspace'), ['title-match', 'body-twice', 'body-once']);
    assert.deepEqual(await ids('makerspace*'), ['title-match', 'body-twice', 'body-once']);
    assert.deepEqual(await ids('makerspace '.repeat(200)), ['title-match', 'body-twice', 'body-once']);
  });

  it('stores text holding the highlight markers without faking a highlight', async () => {
    await search.upsert(doc({ id: 'markers', title: 'Floor tape', text: 'Tape \uE000fake\uE001 on the floor.' }));
    const { hits } = await search.query({ text: 'tape', limit: 10, offset: 0 });
    assert.doesNotMatch(hits[0]!.snippet, /<mark>fake<\/mark>/);
    await search.remove('markers');
  });
});
