import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import type { ContentInput, NewItemInput } from '../content/service';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const blank: ContentInput = { title: '', summary: '', body: '', libraryId: null, imageId: null, links: [], sections: null, tagIds: [] };

describe('search page', () => {
  let testApp: TestApp;
  let app: FastifyInstance;
  const paths: Record<string, string> = {};

  async function published(input: Partial<NewItemInput> & Pick<NewItemInput, 'type' | 'title'>, days: number) {
    const item = await app.services.content.importItem({ ...blank, ...input }, { publishedAt: ago(days), updatedAt: ago(days) }, null);
    paths[input.title] = item.path;
    return item;
  }

  const get = (url: string) => app.inject({ method: 'GET', url });
  const search = (params: Record<string, string>) => get(`/search?${new URLSearchParams(params).toString()}`);
  /** The addresses of the result links, in order. */
  const resultPaths = (html: string) => [...html.matchAll(/<h3><a href="([^"]+)">/g)].map((m) => m[1]);

  before(async () => {
    testApp = await createTestApp();
    app = testApp.app;
    const { content } = app.services;
    const makers = await content.createTag({ kind: 'topic', name: 'Makerspaces' });
    await content.createTag({ kind: 'phase', name: 'Prototype' });
    await published({ type: 'collection', title: 'Makerspace resources', body: 'Tools and guides for small libraries.', tagIds: [makers.id] }, 5);
    await published({ type: 'news', title: 'Weeding made room', body: 'Clearing shelves made room for a **makerspace**. The makerspace opened in spring.' }, 4);
    await published({ type: 'story', title: 'Teen space', body: 'Teens wrote `<script>alert(1)</script>` on the wish tree, and asked for a makerspace.' }, 3);
    const draft = await content.createItem({ ...blank, type: 'news', title: 'Secret makerspace draft', body: 'Not yet.' }, null);
    paths.draft = draft.path;
    for (let i = 1; i <= 12; i++) {
      await published({ type: 'news', title: `Cardboard prototype ${i}`, body: 'Testing a cardboard prototype with patrons.' }, 10 + i);
    }
  });

  after(() => testApp.close());

  it('shows just the form when nothing was asked', async () => {
    const response = await get('/search');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<form method="get" action="\/search" role="search"/);
    assert.match(response.body, /<label for="field-q">/);
    assert.doesNotMatch(response.body, /results-heading/);
    assert.doesNotMatch(response.body, /name="_csrf"/, 'a GET form needs no token, so the page can be cached');
    assert.equal((response.body.match(/<h1/g) ?? []).length, 1);
  });

  it('ranks results and highlights the matches', async () => {
    const response = await search({ q: 'makerspaces' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(resultPaths(response.body), [paths['Makerspace resources'], paths['Weeding made room'], paths['Teen space']]);
    assert.match(response.body, /3 results for “makerspaces”/);
    assert.match(response.body, /<mark>makerspace<\/mark>/);
    assert.match(response.body, /Resource collection/);
    assert.match(response.body, /<time datetime="/);
    assert.ok(!resultPaths(response.body).includes(paths.draft), 'drafts are never found');
  });

  it('escapes document text in snippets', async () => {
    const response = await search({ q: 'wish tree' });
    assert.deepEqual(resultPaths(response.body), [paths['Teen space']]);
    assert.match(response.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(response.body, /<script>alert/);
  });

  it('escapes the query everywhere it is shown', async () => {
    for (const q of ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", 'makerspace <b>bold</b>']) {
      const response = await search({ q });
      assert.equal(response.statusCode, 200, q);
      assert.doesNotMatch(response.body, /<script>alert|<img src=x|<svg|<b>bold/i, q);
      assert.match(response.body, /&lt;/, q);
    }
  });

  it('filters by type and tag, and ignores unknown ones', async () => {
    assert.deepEqual(resultPaths((await search({ q: 'makerspace', type: 'news' })).body), [paths['Weeding made room']]);
    assert.deepEqual(resultPaths((await search({ q: 'makerspace', tag: 'makerspaces' })).body), [paths['Makerspace resources']]);
    const unknown = await search({ q: 'makerspace', type: 'nonsense', tag: 'no-such-tag' });
    assert.equal(unknown.statusCode, 200);
    assert.equal(resultPaths(unknown.body).length, 3);
    const selected = await search({ q: 'makerspace', type: 'story' });
    assert.match(selected.body, /<option value="story" selected>/);
  });

  it('pages through results, ten at a time', async () => {
    const first = await search({ q: 'prototype' });
    assert.equal(resultPaths(first.body).length, 10);
    assert.match(first.body, /12 results/);
    assert.match(first.body, /href="\/search\?q=prototype&amp;page=2" rel="next"/);
    const second = await search({ q: 'prototype', page: '2' });
    assert.equal(resultPaths(second.body).length, 2);
    assert.match(second.body, /<ol start="11">/);
    assert.equal(new Set([...resultPaths(first.body), ...resultPaths(second.body)]).size, 12);
    const beyond = await search({ q: 'prototype', page: '99' });
    assert.deepEqual(resultPaths(beyond.body), resultPaths(second.body), 'a page past the end shows the last page');
    for (const page of ['0', '-1', 'abc', '1e9']) assert.equal((await search({ q: 'prototype', page })).statusCode, 200, page);
  });

  it('helps when nothing matches', async () => {
    const response = await search({ q: 'volcano', type: 'news' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /No results for “volcano”/);
    assert.match(response.body, /Check the spelling/);
    assert.match(response.body, /href="\/search\?q=volcano"/, 'a way to drop the filters');
    assert.match(response.body, /href="\/news"/);
    assert.match(response.body, /href="\/resources"/);
    assert.match(response.body, /href="\/tags\/makerspaces"/);
  });

  it('answers hostile and malformed queries without an error', async () => {
    const hostile = ['"', '*', 'AND OR', '-', "'", 'NEAR(a b)', 'title:x', '\u0000', 'x'.repeat(2000), 'a '.repeat(50_000)];
    for (const q of hostile) {
      const response = await search({ q });
      assert.equal(response.statusCode, 200, JSON.stringify(q.slice(0, 20)));
    }
    assert.equal((await get('/search?q=a&q=b&type[x]=1&tag=%FF')).statusCode, 200);
    assert.equal((await get('/search?q=%E0%A4%A')).statusCode, 200);
  });

  it('skips items the index still holds but that are no longer published', async () => {
    await app.services.search.upsert({ id: 'ghost', type: 'news', title: 'Ghost makerspace', text: '', tags: [], publishedAt: ago(1) });
    const response = await search({ q: 'ghost' });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(resultPaths(response.body), []);
    await app.services.search.remove('ghost');
  });

  it('stops finding an item once it is unpublished', async () => {
    const item = await published({ type: 'news', title: 'Dot board results', body: 'Sticky dots.' }, 1);
    assert.deepEqual(resultPaths((await search({ q: 'sticky' })).body), [item.path]);
    await app.services.content.unpublish(item.id, null);
    assert.deepEqual(resultPaths((await search({ q: 'sticky' })).body), []);
  });

  it('speaks Spanish', async () => {
    const response = await get('/search?q=makerspace&lang=es');
    assert.match(response.body, /3 resultados para «makerspace»/);
    assert.match(response.body, /<html lang="es">/);
  });
});
