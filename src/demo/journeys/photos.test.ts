import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import type { JourneyContext } from './context';
import { seedDemoPhotos } from './photos';

describe('photos demo data', () => {
  let t: TestApp;
  let context: JourneyContext;


  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app);
    await seedDemoPhotos(t.app.services, context);
  });
  after(() => t.close());

  it('gives each journey library before, during and after photos, one of them without a release', async () => {
    const { photos } = t.app.services;
    for (const library of [context.glennsFerry, context.madison, context.ignacio]) {
      const counts = await photos.counts(library.id);
      assert.ok(counts.before >= 1 && counts.process >= 1 && counts.after >= 1, library.name);
      assert.ok(counts.total <= 6);
      const all = await photos.listForLibrary(library.id);
      assert.equal(all.filter((p) => p.consent === 'no-release').length, 1, library.name);
      assert.ok(all.some((p) => p.kind === 'after' && p.consent === 'release'), 'an after photo may be published');
      for (const photo of all) {
        assert.match(photo.createdAt, /^201[678]-/);
        assert.ok(photo.alt.length > 20 && photo.alt.length <= 300);
        assert.ok(photo.caption.length <= 300);
        assert.equal(photo.publishedAt, null);
      }
    }
    const glennsFerry = await photos.listForLibrary(context.glennsFerry.id, { kind: 'before' });
    assert.match(glennsFerry[0]?.caption ?? '', /VHS/);
  });

  it('stores generated pictures as private images', async () => {
    const [photo] = await t.app.services.photos.listForLibrary(context.ignacio.id, { kind: 'after' });
    assert.ok(photo);
    assert.deepEqual(photo.widths, [480]);
    const bytes = await t.app.services.images.variantBytes(photo.imageId, 480, 'webp', { includePrivate: true });
    assert.ok(bytes);
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.width, 480);
    assert.equal(meta.height, 320);
    assert.equal(await t.app.services.images.variantBytes(photo.imageId, 480, 'webp'), undefined, 'not public until published');
  });
});
