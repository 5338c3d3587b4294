import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../tests/support/app';
import { TestClient } from '../../tests/support/client';
import { seedDemo } from './seed';
import { assertInOrder } from '../../tests/support/order';

let testApp: TestApp;

before(async () => {
  testApp = await createTestApp();
});
after(() => testApp.close());

test('the demo content fills the hub: home text, recent items, postcards linked to libraries', async () => {
  const { app } = testApp;
  // seedDemo adds the program, libraries and people, then this content.
  await seedDemo(app.services, app.database.db);
  const { content } = app.services;

  assert.ok((await content.listTags()).some((tag) => tag.kind === 'phase' && tag.name === 'Discover'));
  const all = await content.allPublished();
  assert.ok(all.length >= 12, `${all.length} items`);
  assert.ok(all.every((item) => item.publishedAt >= '2016' && item.publishedAt < '2019'));
  const postcards = (await content.listPublished({ type: 'postcard' }, 1)).items;
  // The demo journeys add more postcards from Glenns Ferry and Madison.
  assert.deepEqual([...new Set(postcards.map((p) => p.library?.name))].sort(), [
    'Glenns Ferry Public Library',
    'Ignacio Community Library',
    'Madison Public Library',
    'Tucker Free Library',
  ]);
  const story = (await content.listPublished({ type: 'story' }, 1)).items[0];
  const full = story && (await content.getPublished('story', story.slug));
  assert.ok(full?.sections?.before && full.sections.during && full.sections.after);
  const collection = await content.getPublished('collection', 'makerspace-and-digital-media-lab-resources');
  assert.ok((collection?.links.length ?? 0) >= 3);

  const home = await new TestClient(app).get('/');
  assert.match(home.body, /What is a smart library space\?/);
  const recent = home.body.slice(home.body.indexOf('Most recently added'));
  assertInOrder(recent, ['Most recently added', 'Makerspace and digital media lab resources', 'Resources for STEM and STEAM'], 'newest first');
});
