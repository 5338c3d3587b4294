import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import type { JourneyContext } from './context';
import { seedDemoPhotos } from './photos';
import { seedDemoShare } from './share';

describe('share demo data', () => {
  let t: TestApp;
  let context: JourneyContext;
  let hubPostcardId: string;


  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app);
    // The demo hub already holds a postcard from Glenns Ferry.
    const hubPostcard = await t.app.services.content.importItem(
      {
        type: 'postcard',
        title: 'Greetings from Glenns Ferry Public Library',
        summary: '',
        body: 'The VHS room has been cleared.',
        libraryId: context.glennsFerry.id,
        imageId: null,
        links: [],
        sections: null,
        tagIds: [],
      },
      { publishedAt: '2017-09-18T17:00:00.000Z', updatedAt: '2017-09-18T17:00:00.000Z' },
      null,
    );
    hubPostcardId = hubPostcard.id;
    await seedDemoPhotos(t.app.services, context);
    await seedDemoShare(t.app.services, context);
  });
  after(() => t.close());

  it('links the hub’s existing postcards instead of writing them again, and adds published ones', async () => {
    const { share, content } = t.app.services;
    const glennsFerry = (await share.listPostcards(context.glennsFerry.id, 1)).items;
    assert.equal(glennsFerry.length, 2);
    assert.ok(glennsFerry.every((p) => p.publishedAt?.startsWith('201')));
    assert.ok(glennsFerry.some((p) => p.title === 'Greetings from Glenns Ferry Public Library'));
    const onHub = await content.listPublished({ libraryId: context.glennsFerry.id, type: 'postcard' }, 1);
    assert.equal(onHub.total, 2, 'no duplicate of the existing hub postcard');
    assert.ok(onHub.items.some((item) => item.id === hubPostcardId));
    assert.ok(onHub.items.every((item) => item.updatedAt < '2019'), 'demo postcards keep their dates');
    assert.deepEqual(await share.counts(context.madison.id), { postcards: 1, story: 'submitted' });
    const ignacio = (await share.listPostcards(context.ignacio.id, 1)).items;
    assert.equal(ignacio.length, 1);
    assert.equal(ignacio[0]?.publishedAt, null, 'Ignacio’s postcard is a draft');
  });

  it('publishes Glenns Ferry’s story with a released after photo, dated in the first cohort', async () => {
    const { share, content, photos } = t.app.services;
    const story = await share.getStory(context.glennsFerry.id);
    assert.equal(story?.status, 'published');
    assert.equal(story?.title, 'From VHS storage room to makerspace in Glenns Ferry');
    assert.match(story?.sections.before ?? '', /VHS/);
    assert.match(story?.sections.after ?? '', /### The transformation/);
    const [item] = (await content.listPublished({ libraryId: context.glennsFerry.id, type: 'story' }, 1)).items;
    assert.equal(item?.publishedAt, '2018-06-20T17:00:00.000Z');
    const cover = story?.afterPhotoIds[0] && (await photos.getPhoto(context.glennsFerry.id, story.afterPhotoIds[0]));
    assert.ok(cover && cover.consent !== 'no-release');
    assert.equal(item?.imageId, cover.imageId);
  });
});
