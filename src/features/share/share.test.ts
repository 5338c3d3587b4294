import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, signedInClient } from '../../../tests/support/factories';
import { journeyEvidence } from '../../../tests/support/evidence';
import type { Library } from '../libraries/service';
import type { Photo, PhotoDetails } from '../photos/service';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const png = () => sharp({ create: { width: 600, height: 400, channels: 3, background: '#2b6a8f' } }).png().toBuffer();

const NO_RELEASE = 'This photo has no release on file, so it cannot be published. Choose another photo or update its consent.';

describe('share: postcards and the transformation story', () => {
  let t: TestApp;
  let libraryB: Library;
  let staffB: TestClient;
  let coachNotA: TestClient;
  let admin: TestClient;
  let photoB: Photo;

  const shareOf = (library: Library) => `/libraries/${library.slug}/share`;
  const photo = async (library: Library, details: Partial<PhotoDetails>) =>
    t.app.services.photos.createPhoto(
      library,
      await png(),
      { kind: 'before', caption: 'A photo', alt: 'A room', credit: 'Pat', consent: 'release', ...details },
      null,
    );
  const hubPostcards = async () => (await t.app.services.content.listItems({ type: 'postcard' }, 1)).total;
  const hubStories = async () => (await t.app.services.content.listItems({ type: 'story' }, 1)).total;

  /**
   * A new library with nothing shared yet: its lead, its coach, a before photo
   * and an after photo with release or without people, and an after photo
   * without release. Each test makes its own, so none depends on another's.
   */
  async function libraryA() {
    const library = await makeLibrary(t.app, { state: 'ID' });
    const staff = (await signedInClient(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' })).client;
    const coach = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [library.id] })).client;
    const beforePhoto = await photo(library, { kind: 'before', caption: 'Shelves of old VHS tapes' });
    const afterPhoto = await photo(library, { kind: 'after', caption: 'The new craft table', consent: 'no-people' });
    const noRelease = await photo(library, { kind: 'after', caption: 'Kids at the sewing machine', consent: 'no-release' });
    /** Writes a postcard through the form and returns its workspace path. */
    const writePostcard = async (fields: Record<string, string>) => {
      const response = await staff.post(`${shareOf(library)}/postcards/new`, fields);
      assert.equal(response.statusCode, 303, response.body);
      return String(response.headers.location);
    };
    return { library, base: shareOf(library), staff, coach, beforePhoto, afterPhoto, noRelease, writePostcard };
  }

  /** `libraryA` with its story assembled from the workspace, as a draft. */
  async function libraryWithStory() {
    const a = await libraryA();
    await t.app.services.share.assembleStory(a.library, 'en', null);
    return a;
  }

  before(async () => {
    t = await createTestApp();
    libraryB = await makeLibrary(t.app, { name: 'Other Test Library' });
    staffB = (await signedInClient(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' })).client;
    coachNotA = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] })).client;
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    photoB = await photo(libraryB, { caption: 'Another library’s room' });
  });
  after(() => t.close());

  it('shows an empty overview with actions for the library’s staff', async () => {
    const { library, base, staff } = await libraryA();
    const page = await staff.get(base);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Share<\/h1>/);
    assert.match(page.body, /No postcards yet/);
    assert.match(page.body, /Write a postcard/);
    assert.match(page.body, /Status: Not started/);
    assert.match(page.body, /Assemble the story from the workspace/);
    assert.deepEqual(await t.app.services.share.counts(library.id), { postcards: 0, story: 'none' });
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['postcard', 'story']), [
      { item: 'postcard', done: false, n: 0 },
      { item: 'story', done: false, n: 0 },
    ]);
  });

  it('offers the library’s photos with thumbnails, and marks those without release in words', async () => {
    const { base, staff, beforePhoto } = await libraryA();
    const page = await staff.get(`${base}/postcards/new`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /type="radio"[^>]*name="photo"[^>]*value="[^"]+"/);
    assert.match(page.body, new RegExp(`/photos/${beforePhoto.id}/\\d+\\.jpg`));
    assert.match(page.body, /Kids at the sewing machine<strong> \(no release on file: cannot be published\)/);
    assert.doesNotMatch(page.body, new RegExp(photoB.id));
  });

  it('refuses bad postcard input with 400, a message per field and the input kept', async () => {
    const { library, base, staff, beforePhoto } = await libraryA();
    const empty = await staff.post(`${base}/postcards/new`, { title: '', body: '' });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'title'), 'Enter a title');
    assert.equal(fieldError(empty.body, 'body'), 'Enter the postcard’s text');
    assert.equal(fieldError(empty.body, 'photo'), 'Choose one of this library’s photos');

    const long = await staff.post(`${base}/postcards/new`, { title: 'Kept title', body: 'x'.repeat(1501), photo: beforePhoto.id });
    assert.equal(long.statusCode, 400);
    assert.match(fieldError(long.body, 'body') ?? '', /1500 characters or fewer/);
    assert.match(long.body, /value="Kept title"/);
    assert.match(long.body, new RegExp(`value="${beforePhoto.id}" checked`));

    const forged = await staff.post(`${base}/postcards/new`, { title: 'Forged', body: 'Text', photo: photoB.id });
    assert.equal(forged.statusCode, 400);
    assert.equal(fieldError(forged.body, 'photo'), 'Choose one of this library’s photos');
    assert.match(forged.body, /value="Forged"/);
    assert.equal((await t.app.services.share.listPostcards(library.id, 1)).total, 0);
  });

  it('writes, edits and publishes a postcard on the hub, the directory and the feed', async () => {
    const { library, base, staff, beforePhoto, writePostcard } = await libraryA();
    const hubBefore = await hubPostcards();
    const path = await writePostcard({ title: 'Greetings from the makerspace', body: 'The **VHS room** is cleared.', photo: beforePhoto.id });
    const page = await staff.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Postcard “Greetings from the makerspace” saved\./);
    assert.match(page.body, /<strong>VHS room<\/strong>/);
    assert.match(page.body, /Publish on the hub/);

    const edited = await staff.post(`${path}/edit`, { title: 'Greetings from our makerspace', body: 'The **VHS room** is a makerspace.', photo: beforePhoto.id });
    assert.equal(edited.statusCode, 303);
    const published = await staff.post(`${path}/publish`);
    assert.equal(published.statusCode, 303);
    const [postcard] = (await t.app.services.share.listPostcards(library.id, 1)).items;
    assert.ok(postcard?.hubPath && postcard.publishedAt);
    const visitor = new TestClient(t.app);
    const hub = await visitor.get(postcard.hubPath);
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /Greetings from our makerspace/);
    assert.match(hub.body, new RegExp(`/images/${beforePhoto.imageId}/`), 'the hub shows the photo');
    assert.match((await visitor.get(`/directory/${library.slug}`)).body, /Greetings from our makerspace/);
    assert.match((await visitor.get('/feeds/all.atom')).body, /Greetings from our makerspace/);
    assert.equal((await t.app.services.share.counts(library.id)).postcards, 1);
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['postcard']), [{ item: 'postcard', done: true, n: 1 }]);

    // Later edits wait in the workspace until published again, to the same hub page.
    await staff.post(`${path}/edit`, { title: 'Greetings from our makerspace', body: 'Now with a sewing machine.', photo: beforePhoto.id });
    assert.match((await staff.get(path)).body, /Published; changes not yet on the hub/);
    assert.doesNotMatch((await visitor.get(postcard.hubPath)).body, /sewing machine/);
    assert.equal((await staff.post(`${path}/publish`)).statusCode, 303);
    assert.match((await visitor.get(postcard.hubPath)).body, /sewing machine/);
    assert.equal(await hubPostcards(), hubBefore + 1, 'publishing again updates the same hub item');

    assert.equal((await staff.post(`${path}/unpublish`)).statusCode, 303);
    assert.equal((await visitor.get(postcard.hubPath)).statusCode, 404);
    assert.equal((await t.app.services.share.counts(library.id)).postcards, 0);
    assert.match((await staff.get(base)).body, /Greetings from our makerspace/);
  });

  it('refuses to publish a postcard whose photo has no release, publishing nothing', async () => {
    const { library, staff, noRelease, writePostcard } = await libraryA();
    const path = await writePostcard({ title: 'Sewing day', body: 'Kids learned to sew.', photo: noRelease.id });
    const hubBefore = await hubPostcards();
    const refused = await staff.post(`${path}/publish`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, new RegExp(NO_RELEASE.replace(/[.?]/g, '\\$&')));
    assert.equal(await hubPostcards(), hubBefore);
    const postcard = (await t.app.services.share.listPostcards(library.id, 1)).items.find((p) => p.title === 'Sewing day');
    assert.equal(postcard?.publishedAt, null);
  });

  it('keeps coaches and admins read-only and everyone else out', async () => {
    const { base, coach, beforePhoto, writePostcard } = await libraryA();
    const path = await writePostcard({ title: 'Read only', body: 'Text.', photo: beforePhoto.id });
    for (const reader of [coach, admin]) {
      const overview = await reader.get(base);
      assert.equal(overview.statusCode, 200);
      assert.doesNotMatch(overview.body, /Write a postcard/);
      const page = await reader.get(path);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Publish on the hub|Edit postcard/);
      assert.equal((await reader.get(`${path}/edit`)).statusCode, 403);
      assert.equal((await reader.post(`${path}/publish`)).statusCode, 403);
      assert.equal((await reader.post(`${base}/postcards/new`, { title: 'x', body: 'y', photo: beforePhoto.id })).statusCode, 403);
    }
    for (const outsider of [staffB, coachNotA]) {
      assert.equal((await outsider.get(base)).statusCode, 403);
      assert.equal((await outsider.get(path)).statusCode, 403);
    }
    assert.equal((await new TestClient(t.app).get(path)).statusCode, 303, 'visitors are sent to sign in');
  });

  it('answers 404 for another library’s postcard under this library’s address', async () => {
    const { library, base, staff, beforePhoto } = await libraryA();
    const other = await t.app.services.share.createPostcard(libraryB.id, { title: 'B postcard', body: 'B', photoId: photoB.id }, null);
    const forged = `${base}/postcards/${other.id}`;
    assert.equal((await staff.get(forged)).statusCode, 404);
    assert.equal((await staff.get(`${forged}/edit`)).statusCode, 404);
    assert.equal((await staff.post(`${forged}/edit`, { title: 'Taken', body: 'Over', photo: beforePhoto.id })).statusCode, 404);
    assert.equal((await staff.post(`${forged}/publish`)).statusCode, 404);
    assert.equal((await admin.get(forged)).statusCode, 404);
    assert.equal((await t.app.services.share.getPostcard(libraryB.id, other.id))?.title, 'B postcard');
    assert.equal(await t.app.services.workspace.resolveSubject(library, 'postcard', other.id), undefined);
    assert.equal((await t.app.services.workspace.resolveSubject(libraryB, 'postcard', other.id))?.title, 'B postcard');
  });

  it('assembles the story, asks before assembling again, and edits it', async () => {
    const { library, base, staff, beforePhoto, afterPhoto } = await libraryA();
    assert.equal((await staff.get(`${base}/story`)).statusCode, 404);
    const assembled = await staff.post(`${base}/story/assemble`);
    assert.equal(assembled.statusCode, 303);
    const story = await staff.get(`${base}/story`);
    assert.equal(story.statusCode, 200);
    assert.match(story.body, new RegExp(`<h1>Transforming ${library.name}</h1>`));
    assert.match(story.body, /serves about 1,200 people in Testville, ID/);
    assert.match(story.body, /<h2 id="story-before">Before<\/h2>/);
    assert.match(story.body, /Shelves of old VHS tapes/);
    assert.match(story.body, /The new craft table/);
    assert.doesNotMatch(story.body, /Kids at the sewing machine/, 'photos without release are left out of the draft');
    assert.match(story.body, /id="comments"/);
    assert.equal((await t.app.services.share.counts(library.id)).story, 'draft');

    await staff.post(`${base}/story/edit`, {
      title: 'Our makerspace story',
      summary: 'From VHS storage to makerspace.',
      before: 'It was a storage room.',
      during: 'We asked and tested.',
      after: 'Now people make things.',
      beforePhotos: beforePhoto.id,
      afterPhotos: afterPhoto.id,
    });
    const again = await staff.post(`${base}/story/assemble`);
    assert.equal(again.statusCode, 200, 'a confirmation page, not a replacement');
    assert.match(again.body, /Assemble the story again\?/);
    assert.match(again.body, /name="confirm" value="yes"/);
    assert.equal((await t.app.services.share.getStory(library.id))?.title, 'Our makerspace story');
    assert.equal((await staff.post(`${base}/story/assemble`, { confirm: 'yes' })).statusCode, 303);
    assert.equal((await t.app.services.share.getStory(library.id))?.title, `Transforming ${library.name}`);
  });

  it('refuses bad story edits with 400 and the input kept', async () => {
    const { base, staff, coach } = await libraryWithStory();
    const edit = `${base}/story/edit`;
    assert.equal((await staff.get(edit)).statusCode, 200);
    const empty = await staff.post(edit, { title: '', summary: '', before: 'Kept before text' });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'title'), 'Enter a title');
    assert.equal(fieldError(empty.body, 'summary'), 'Enter a short summary');
    assert.match(empty.body, />Kept before text<\/textarea>/);
    const long = await staff.post(edit, { title: 'T', summary: 'S', during: 'x'.repeat(20_001) });
    assert.equal(long.statusCode, 400);
    assert.match(fieldError(long.body, 'during') ?? '', /20000 characters or fewer/);
    const forged = await staff.post(edit, { title: 'T', summary: 'S', afterPhotos: photoB.id });
    assert.equal(forged.statusCode, 400);
    assert.equal(fieldError(forged.body, 'afterPhotos'), 'Choose only this library’s photos');
    assert.equal((await coach.post(edit, { title: 'T', summary: 'S' })).statusCode, 403);
  });

  it('is submitted by staff, refused with a photo without release, and published by an admin', async () => {
    const { library, base, staff, coach, beforePhoto, afterPhoto, noRelease } = await libraryWithStory();
    const storiesBefore = await hubStories();
    const edit = (afterPhotos: string[]) =>
      staff.post(`${base}/story/edit`, {
        title: 'Our makerspace story',
        summary: 'From VHS storage to makerspace.',
        before: 'It was a storage room.',
        during: 'We asked and tested.',
        after: 'Now people make things.',
        beforePhotos: beforePhoto.id,
        afterPhotos,
      });
    assert.equal((await edit([noRelease.id, afterPhoto.id])).statusCode, 303);
    assert.equal((await staff.post(`${base}/story/submit`)).statusCode, 303);
    assert.equal((await t.app.services.share.counts(library.id)).story, 'submitted');
    assert.match((await coach.get(`${base}/story`)).body, /waiting for a program admin/);
    assert.equal((await staff.post(`${base}/story/approve`)).statusCode, 403, 'staff cannot approve');
    assert.equal((await coach.post(`${base}/story/approve`)).statusCode, 403);
    assert.equal((await coach.post(`${base}/story/submit`)).statusCode, 403);

    const refused = await admin.post(`${base}/story/approve`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /The photo “Kids at the sewing machine” has no release on file/);
    assert.equal(await hubStories(), storiesBefore, 'nothing published');

    assert.equal((await edit([afterPhoto.id])).statusCode, 303);
    assert.equal((await t.app.services.share.counts(library.id)).story, 'draft', 'an edit needs a new approval');
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['story']), [{ item: 'story', done: false, n: 0 }], 'only a published story counts');
    const early = await admin.post(`${base}/story/approve`);
    assert.equal(early.statusCode, 303, 'a draft cannot be approved');
    assert.match((await admin.get(String(early.headers.location))).body, /Only a story submitted for approval can be approved/);
    await staff.post(`${base}/story/submit`);
    const approved = await admin.post(`${base}/story/approve`);
    assert.equal(approved.statusCode, 303);
    assert.equal((await t.app.services.share.counts(library.id)).story, 'published');
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['story']), [{ item: 'story', done: true, n: 1 }]);

    const story = await t.app.services.share.getStory(library.id);
    assert.ok(story?.hubPath);
    assert.match(story.hubPath, /^\/stories\//);
    const visitor = new TestClient(t.app);
    const hub = await visitor.get(story.hubPath);
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /Our makerspace story/);
    assert.match(hub.body, /Now people make things\./);
    assert.match(hub.body, new RegExp(`/images/${afterPhoto.imageId}/`), 'the first after photo is the story’s picture');
    assert.match((await visitor.get(`/directory/${library.slug}`)).body, /Our makerspace story/);
    const page = await staff.get(`${base}/story`);
    assert.match(page.body, /Read the published story on the hub/);
  });

  it('prints the story without the workspace navigation', async () => {
    const { base, coach } = await libraryWithStory();
    const print = await coach.get(`${base}/story/print`);
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /class="share-print"/);
    assert.match(print.body, /use your browser’s Print command/);
    assert.match(print.body, /<h2 id="story-after">After<\/h2>/);
    assert.equal((await staffB.get(`${shareOf(libraryB)}/story/print`)).statusCode, 404, 'no story yet');
    assert.equal((await staffB.get(`${base}/story/print`)).statusCode, 403);
  });

  it('makes a photo private again once no published postcard or story shows it', async () => {
    const { share, photos } = t.app.services;
    const library = await makeLibrary(t.app, { name: 'Photo Lock Test Library' });
    const shared = await photo(library, { kind: 'after', caption: 'The sewing corner' });
    const publishedAt = async () => (await photos.getPhoto(library.id, shared.id))?.publishedAt;
    const postcard = async (title: string) => {
      const written = await share.createPostcard(library.id, { title, body: 'A card.', photoId: shared.id }, null);
      await share.publishPostcard(library.id, written.id, null);
      return written;
    };
    const [first, second] = [await postcard('First card'), await postcard('Second card')];

    assert.equal(await share.unpublishPostcard(library.id, first.id, null), true);
    assert.ok(await publishedAt(), 'the second postcard still shows the photo');
    await share.unpublishPostcard(library.id, second.id, null);
    assert.equal(await publishedAt(), null);

    // A published story keeps its photos on the hub whatever happens to the postcards.
    await share.assembleStory(library, 'en', null);
    await share.submitStory(library.id, null);
    await share.approveStory(library.id, null);
    await share.publishPostcard(library.id, first.id, null);
    await share.unpublishPostcard(library.id, first.id, null);
    assert.ok(await publishedAt(), 'the story still shows the photo');
    assert.equal(await share.unpublishPostcard(library.id, 'no-such-postcard', null), false);
  });
});
