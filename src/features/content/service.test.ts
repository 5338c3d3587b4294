import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeLibrary } from '../../../tests/support/factories';
import type { ContentService, NewItemInput } from './service';
import { excerpt } from './service';

/** A complete item input with sensible defaults. */
export function itemInput(overrides: Partial<NewItemInput> = {}): NewItemInput {
  return {
    type: 'news',
    title: 'A news item',
    summary: '',
    body: 'Some text.',
    libraryId: null,
    imageId: null,
    links: [],
    sections: null,
    tagIds: [],
    ...overrides,
  };
}

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

describe('the content service', () => {
  let t: TestApp;
  let content: ContentService;

  before(async () => {
    t = await createTestApp();
    content = t.app.services.content;
  });
  after(() => t.close());

  it('makes slugs from titles, unique per type and stable on rename', async () => {
    const first = await content.createItem(itemInput({ title: 'Greetings from Tucker Free Library!' }), null);
    const second = await content.createItem(itemInput({ title: 'Greetings from Tucker Free Library' }), null);
    const page = await content.createItem(itemInput({ type: 'page', title: 'Greetings from Tucker Free Library' }), null);
    assert.equal(first.slug, 'greetings-from-tucker-free-library');
    assert.equal(second.slug, 'greetings-from-tucker-free-library-2');
    assert.equal(page.slug, 'greetings-from-tucker-free-library', 'another type may use the same slug');
    assert.equal((await content.createItem(itemInput({ type: 'story', title: '🙂 🙂' }), null)).slug, 'story');
    assert.equal((await content.createItem(itemInput({ title: 'Año de Bibliotecas' }), null)).slug, 'ano-de-bibliotecas');
    await content.updateItem(first.id, itemInput({ title: 'A new title' }), null);
    const renamed = await content.getItem(first.id);
    assert.equal(renamed?.title, 'A new title');
    assert.equal(renamed?.slug, 'greetings-from-tucker-free-library');
    assert.equal(renamed?.path, '/news/greetings-from-tucker-free-library');
  });

  it('gives two items saved at the same moment with the same title different slugs', async () => {
    const [a, b] = await Promise.all([
      content.createItem(itemInput({ title: 'Saved at once' }), null),
      content.createItem(itemInput({ title: 'Saved at once' }), null),
    ]);
    assert.deepEqual([a.slug, b.slug].sort(), ['saved-at-once', 'saved-at-once-2']);
  });

  it('derives the summary from the body when none is given', async () => {
    const body = `# Heading\n\n${'Word '.repeat(100)}`;
    const item = await content.createItem(itemInput({ title: 'Derived summary', body }), null);
    await content.publish(item.id, undefined, null);
    const shown = await content.getPublished('news', item.slug);
    assert.ok(shown);
    assert.ok(shown.summary.startsWith('Heading Word Word'));
    assert.ok(shown.summary.length <= 201 && shown.summary.endsWith('…'));
    assert.equal(excerpt('short'), 'short');
  });

  it('keeps a revision of every save and restores one as a new revision', async () => {
    const item = await content.createItem(itemInput({ title: 'Version one', body: 'First text.' }), null);
    await content.updateItem(item.id, itemInput({ title: 'Version two', body: 'Second text.' }), null);
    let revisions = await content.listRevisions(item.id);
    assert.deepEqual(
      revisions.map((r) => [r.number, r.snapshot.title]),
      [
        [2, 'Version two'],
        [1, 'Version one'],
      ],
    );
    const first = revisions[1]!;
    assert.equal((await content.getRevision(item.id, first.id))?.snapshot.body, 'First text.');
    assert.equal(await content.getRevision('other-item', first.id), undefined, 'a revision belongs to its item');

    assert.equal(await content.restoreRevision(item.id, first.id, null), true);
    const restored = await content.getItem(item.id);
    assert.equal(restored?.title, 'Version one');
    assert.equal(restored?.body, 'First text.');
    revisions = await content.listRevisions(item.id);
    assert.deepEqual(
      revisions.map((r) => r.snapshot.title),
      ['Version one', 'Version two', 'Version one'],
    );
    assert.equal(await content.restoreRevision(item.id, 'no-such-revision', null), false);
  });

  it('shows items only from their publication time, and hides drafts and unpublished items', async () => {
    const draft = await content.createItem(itemInput({ title: 'Draft only' }), null);
    const scheduled = await content.createItem(itemInput({ title: 'Scheduled later' }), null);
    await content.publish(scheduled.id, inAnHour(), null);
    const live = await content.createItem(itemInput({ title: 'Live now' }), null);
    await content.publish(live.id, undefined, null);

    assert.equal(await content.getPublished('news', draft.slug), undefined);
    assert.equal(await content.getPublished('news', scheduled.slug), undefined);
    assert.equal((await content.getItem(scheduled.id))?.status, 'scheduled');
    assert.equal((await content.getPublished('news', live.slug))?.title, 'Live now');
    assert.equal(await content.getPublished('page', live.slug), undefined, 'the type is part of the address');

    const titles = (await content.listPublished({ type: 'news' }, 1)).items.map((i) => i.title);
    assert.ok(titles.includes('Live now'));
    assert.ok(!titles.includes('Draft only') && !titles.includes('Scheduled later'));
    assert.deepEqual(
      (await content.getPublishedByIds([scheduled.id, live.id, draft.id, 'unknown'])).map((i) => i.id),
      [live.id],
    );

    await content.unpublish(live.id, null);
    assert.equal(await content.getPublished('news', live.slug), undefined);
    assert.equal((await content.getItem(live.id))?.status, 'draft');
    assert.equal(await content.publish('no-such-item', undefined, null), false);
  });

  it('lists by tag and by library, newest first, and rejects unknown references', async () => {
    const steam = await content.createTag({ kind: 'topic', name: 'STEAM' });
    await assert.rejects(content.createTag({ kind: 'phase', name: 'steam' }), /exists/);
    const library = await makeLibrary(t.app, { name: 'Madison Public Library' });
    const older = await content.importItem(
      itemInput({ type: 'postcard', title: 'Wish Trees around town', libraryId: library.id, tagIds: [steam.id] }),
      { publishedAt: '2017-03-01T12:00:00.000Z', updatedAt: '2017-03-01T12:00:00.000Z' },
      null,
    );
    const newer = await content.importItem(
      itemInput({ type: 'collection', title: 'STEAM resources', tagIds: [steam.id, steam.id] }),
      { publishedAt: '2017-12-28T12:00:00.000Z', updatedAt: '2017-12-28T12:00:00.000Z' },
      null,
    );
    const byTag = await content.listPublished({ tag: 'steam' }, 1);
    assert.deepEqual(
      byTag.items.map((i) => i.id),
      [newer.id, older.id],
    );
    assert.deepEqual(byTag.items[1]?.library, { id: library.id, slug: library.slug, name: 'Madison Public Library' });
    assert.deepEqual(byTag.items[0]?.tags.map((tag) => tag.slug), ['steam']);
    assert.equal((await content.listPublished({ tag: 'no-such-tag' }, 1)).total, 0);
    assert.deepEqual(
      (await content.listPublished({ libraryId: library.id }, 1)).items.map((i) => i.id),
      [older.id],
    );

    await assert.rejects(content.createItem(itemInput({ tagIds: ['forged'] }), null), /Unknown tags/);
    await assert.rejects(content.createItem(itemInput({ libraryId: 'forged' }), null), /Unknown library/);
    await assert.rejects(content.createItem(itemInput({ imageId: 'forged' }), null), /Unknown image/);
  });

  it('keeps the search index in step with what is published', async () => {
    const { search } = t.app.services;
    const find = async (text: string) => (await search.query({ text, limit: 10, offset: 0 })).hits.map((h) => h.id);
    const item = await content.createItem(itemInput({ title: 'Foam-board prototypes', body: 'Ignacio built a scale model of its media lab.' }), null);
    assert.deepEqual(await find('foam'), [], 'drafts are not indexed');
    await content.publish(item.id, undefined, null);
    assert.deepEqual(await find('foam'), [item.id]);
    await content.updateItem(item.id, itemInput({ title: 'Cardboard classroom', body: 'Greenwich tested a flexible classroom.' }), null);
    assert.deepEqual(await find('foam'), []);
    assert.deepEqual(await find('cardboard'), [item.id]);
    await content.unpublish(item.id, null);
    assert.deepEqual(await find('cardboard'), []);
  });

  it('lists recent items by last change, without pages, and everything for admins by status', async () => {
    const page = await content.createItem(itemInput({ type: 'page', title: 'About' }), null);
    await content.publish(page.id, undefined, null);
    const item = await content.createItem(itemInput({ title: 'Freshly changed' }), null);
    await content.publish(item.id, undefined, null);
    const recent = await content.recent(3);
    assert.equal(recent[0]?.id, item.id);
    assert.ok(!recent.some((r) => r.type === 'page'));

    const drafts = await content.listItems({ status: 'draft' }, 1);
    assert.ok(drafts.items.every((i) => i.status === 'draft'));
    const pages = await content.listItems({ type: 'page', status: 'published' }, 1);
    assert.ok(pages.items.some((i) => i.id === page.id));
    assert.ok((await content.allPublished()).some((i) => i.id === page.id));
  });
});

