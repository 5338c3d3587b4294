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
  let libraryA: Library;
  let libraryB: Library;
  let staffA: TestClient;
  let staffB: TestClient;
  let coachA: TestClient;
  let coachNotA: TestClient;
  let admin: TestClient;
  let beforeA: Photo;
  let afterA: Photo;
  let noReleaseA: Photo;
  let photoB: Photo;

  const shareOf = (library: Library) => `/libraries/${library.slug}/share`;
  const photo = async (library: Library, details: Partial<PhotoDetails>) =>
    t.app.services.photos.createPhoto(
      library,
      await png(),
      { kind: 'before', caption: 'A photo', alt: 'A room', credit: 'Pat', consent: 'release', ...details },
      null,
    );
  /** Writes a postcard through the form and returns its workspace path. */
  const writePostcard = async (fields: Record<string, string>) => {
    const response = await staffA.post(`${shareOf(libraryA)}/postcards/new`, fields);
    assert.equal(response.statusCode, 303, response.body);
    return String(response.headers.location);
  };
  const hubPostcards = async () => (await t.app.services.content.listItems({ type: 'postcard' }, 1)).total;

  before(async () => {
    t = await createTestApp();
    libraryA = await makeLibrary(t.app, { name: 'Glenns Ferry Test Library', state: 'ID' });
    libraryB = await makeLibrary(t.app, { name: 'Other Test Library' });
    staffA = (await signedInClient(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead' })).client;
    staffB = (await signedInClient(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' })).client;
    coachA = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] })).client;
    coachNotA = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] })).client;
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    beforeA = await photo(libraryA, { kind: 'before', caption: 'Shelves of old VHS tapes' });
    afterA = await photo(libraryA, { kind: 'after', caption: 'The new craft table', consent: 'no-people' });
    noReleaseA = await photo(libraryA, { kind: 'after', caption: 'Kids at the sewing machine', consent: 'no-release' });
    photoB = await photo(libraryB, { caption: 'Another library’s room' });
  });
  after(() => t.close());

  it('shows an empty overview with actions for the library’s staff', async () => {
    const page = await staffA.get(shareOf(libraryA));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Share<\/h1>/);
    assert.match(page.body, /No postcards yet/);
    assert.match(page.body, /Write a postcard/);
    assert.match(page.body, /Status: Not started/);
    assert.match(page.body, /Assemble the story from the workspace/);
    assert.deepEqual(await t.app.services.share.counts(libraryA.id), { postcards: 0, story: 'none' });
    assert.deepEqual(await journeyEvidence(t.app, libraryA.id, ['postcard', 'story']), [
      { item: 'postcard', done: false, n: 0 },
      { item: 'story', done: false, n: 0 },
    ]);
  });

  it('offers the library’s photos with thumbnails, and marks those without release in words', async () => {
    const page = await staffA.get(`${shareOf(libraryA)}/postcards/new`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /type="radio"[^>]*name="photo"[^>]*value="[^"]+"/);
    assert.match(page.body, new RegExp(`/photos/${beforeA.id}/\\d+\\.jpg`));
    assert.match(page.body, /Kids at the sewing machine<strong> \(no release on file: cannot be published\)/);
    assert.doesNotMatch(page.body, new RegExp(photoB.id));
  });

  it('refuses bad postcard input with 400, a message per field and the input kept', async () => {
    const empty = await staffA.post(`${shareOf(libraryA)}/postcards/new`, { title: '', body: '' });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'title'), 'Enter a title');
    assert.equal(fieldError(empty.body, 'body'), 'Enter the postcard’s text');
    assert.equal(fieldError(empty.body, 'photo'), 'Choose one of this library’s photos');

    const long = await staffA.post(`${shareOf(libraryA)}/postcards/new`, { title: 'Kept title', body: 'x'.repeat(1501), photo: beforeA.id });
    assert.equal(long.statusCode, 400);
    assert.match(fieldError(long.body, 'body') ?? '', /1500 characters or fewer/);
    assert.match(long.body, /value="Kept title"/);
    assert.match(long.body, new RegExp(`value="${beforeA.id}" checked`));

    const forged = await staffA.post(`${shareOf(libraryA)}/postcards/new`, { title: 'Forged', body: 'Text', photo: photoB.id });
    assert.equal(forged.statusCode, 400);
    assert.equal(fieldError(forged.body, 'photo'), 'Choose one of this library’s photos');
    assert.match(forged.body, /value="Forged"/);
    assert.equal((await t.app.services.share.listPostcards(libraryA.id, 1)).total, 0);
  });

  it('writes, edits and publishes a postcard on the hub, the directory and the feed', async () => {
    const path = await writePostcard({ title: 'Greetings from the makerspace', body: 'The **VHS room** is cleared.', photo: beforeA.id });
    const page = await staffA.get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Postcard “Greetings from the makerspace” saved\./);
    assert.match(page.body, /<strong>VHS room<\/strong>/);
    assert.match(page.body, /Publish on the hub/);

    const edited = await staffA.post(`${path}/edit`, { title: 'Greetings from our makerspace', body: 'The **VHS room** is a makerspace.', photo: beforeA.id });
    assert.equal(edited.statusCode, 303);
    const published = await staffA.post(`${path}/publish`);
    assert.equal(published.statusCode, 303);
    const [postcard] = (await t.app.services.share.listPostcards(libraryA.id, 1)).items;
    assert.ok(postcard?.hubPath && postcard.publishedAt);
    const visitor = new TestClient(t.app);
    const hub = await visitor.get(postcard.hubPath);
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /Greetings from our makerspace/);
    assert.match(hub.body, new RegExp(`/images/${beforeA.imageId}/`), 'the hub shows the photo');
    assert.match((await visitor.get(`/directory/${libraryA.slug}`)).body, /Greetings from our makerspace/);
    assert.match((await visitor.get('/feeds/all.atom')).body, /Greetings from our makerspace/);
    assert.equal((await t.app.services.share.counts(libraryA.id)).postcards, 1);
    assert.deepEqual(await journeyEvidence(t.app, libraryA.id, ['postcard']), [{ item: 'postcard', done: true, n: 1 }]);

    // Later edits wait in the workspace until published again, to the same hub page.
    await staffA.post(`${path}/edit`, { title: 'Greetings from our makerspace', body: 'Now with a sewing machine.', photo: beforeA.id });
    assert.match((await staffA.get(path)).body, /Published; changes not yet on the hub/);
    assert.doesNotMatch((await visitor.get(postcard.hubPath)).body, /sewing machine/);
    assert.equal((await staffA.post(`${path}/publish`)).statusCode, 303);
    assert.match((await visitor.get(postcard.hubPath)).body, /sewing machine/);
    assert.equal(await hubPostcards(), 1, 'publishing again updates the same hub item');

    assert.equal((await staffA.post(`${path}/unpublish`)).statusCode, 303);
    assert.equal((await visitor.get(postcard.hubPath)).statusCode, 404);
    assert.equal((await t.app.services.share.counts(libraryA.id)).postcards, 0);
    assert.match((await staffA.get(shareOf(libraryA))).body, /Greetings from our makerspace/);
  });

  it('refuses to publish a postcard whose photo has no release, publishing nothing', async () => {
    const path = await writePostcard({ title: 'Sewing day', body: 'Kids learned to sew.', photo: noReleaseA.id });
    const hubBefore = await hubPostcards();
    const refused = await staffA.post(`${path}/publish`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, new RegExp(NO_RELEASE.replace(/[.?]/g, '\\$&')));
    assert.equal(await hubPostcards(), hubBefore);
    const postcard = (await t.app.services.share.listPostcards(libraryA.id, 1)).items.find((p) => p.title === 'Sewing day');
    assert.equal(postcard?.publishedAt, null);
  });

  it('keeps coaches and admins read-only and everyone else out', async () => {
    const path = await writePostcard({ title: 'Read only', body: 'Text.', photo: beforeA.id });
    for (const reader of [coachA, admin]) {
      const overview = await reader.get(shareOf(libraryA));
      assert.equal(overview.statusCode, 200);
      assert.doesNotMatch(overview.body, /Write a postcard/);
      const page = await reader.get(path);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /Publish on the hub|Edit postcard/);
      assert.equal((await reader.get(`${path}/edit`)).statusCode, 403);
      assert.equal((await reader.post(`${path}/publish`)).statusCode, 403);
      assert.equal((await reader.post(`${shareOf(libraryA)}/postcards/new`, { title: 'x', body: 'y', photo: beforeA.id })).statusCode, 403);
    }
    for (const outsider of [staffB, coachNotA]) {
      assert.equal((await outsider.get(shareOf(libraryA))).statusCode, 403);
      assert.equal((await outsider.get(path)).statusCode, 403);
    }
    assert.equal((await new TestClient(t.app).get(path)).statusCode, 303, 'visitors are sent to sign in');
  });

  it('answers 404 for another library’s postcard under this library’s address', async () => {
    const other = await t.app.services.share.createPostcard(libraryB.id, { title: 'B postcard', body: 'B', photoId: photoB.id }, null);
    const forged = `${shareOf(libraryA)}/postcards/${other.id}`;
    assert.equal((await staffA.get(forged)).statusCode, 404);
    assert.equal((await staffA.get(`${forged}/edit`)).statusCode, 404);
    assert.equal((await staffA.post(`${forged}/edit`, { title: 'Taken', body: 'Over', photo: beforeA.id })).statusCode, 404);
    assert.equal((await staffA.post(`${forged}/publish`)).statusCode, 404);
    assert.equal((await admin.get(forged)).statusCode, 404);
    assert.equal((await t.app.services.share.getPostcard(libraryB.id, other.id))?.title, 'B postcard');
    assert.equal(await t.app.services.workspace.resolveSubject(libraryA, 'postcard', other.id), undefined);
    assert.equal((await t.app.services.workspace.resolveSubject(libraryB, 'postcard', other.id))?.title, 'B postcard');
  });

  it('assembles the story, asks before assembling again, and edits it', async () => {
    assert.equal((await staffA.get(`${shareOf(libraryA)}/story`)).statusCode, 404);
    const assembled = await staffA.post(`${shareOf(libraryA)}/story/assemble`);
    assert.equal(assembled.statusCode, 303);
    const story = await staffA.get(`${shareOf(libraryA)}/story`);
    assert.equal(story.statusCode, 200);
    assert.match(story.body, /<h1>Transforming Glenns Ferry Test Library<\/h1>/);
    assert.match(story.body, /serves about 1,200 people in Testville, ID/);
    assert.match(story.body, /<h2 id="story-before">Before<\/h2>/);
    assert.match(story.body, /Shelves of old VHS tapes/);
    assert.match(story.body, /The new craft table/);
    assert.doesNotMatch(story.body, /Kids at the sewing machine/, 'photos without release are left out of the draft');
    assert.match(story.body, /id="comments"/);
    assert.equal((await t.app.services.share.counts(libraryA.id)).story, 'draft');

    await staffA.post(`${shareOf(libraryA)}/story/edit`, {
      title: 'Our makerspace story',
      summary: 'From VHS storage to makerspace.',
      before: 'It was a storage room.',
      during: 'We asked and tested.',
      after: 'Now people make things.',
      beforePhotos: beforeA.id,
      afterPhotos: afterA.id,
    });
    const again = await staffA.post(`${shareOf(libraryA)}/story/assemble`);
    assert.equal(again.statusCode, 200, 'a confirmation page, not a replacement');
    assert.match(again.body, /Assemble the story again\?/);
    assert.match(again.body, /name="confirm" value="yes"/);
    assert.equal((await t.app.services.share.getStory(libraryA.id))?.title, 'Our makerspace story');
    assert.equal((await staffA.post(`${shareOf(libraryA)}/story/assemble`, { confirm: 'yes' })).statusCode, 303);
    assert.equal((await t.app.services.share.getStory(libraryA.id))?.title, 'Transforming Glenns Ferry Test Library');
  });

  it('refuses bad story edits with 400 and the input kept', async () => {
    const edit = `${shareOf(libraryA)}/story/edit`;
    assert.equal((await staffA.get(edit)).statusCode, 200);
    const empty = await staffA.post(edit, { title: '', summary: '', before: 'Kept before text' });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'title'), 'Enter a title');
    assert.equal(fieldError(empty.body, 'summary'), 'Enter a short summary');
    assert.match(empty.body, />Kept before text<\/textarea>/);
    const long = await staffA.post(edit, { title: 'T', summary: 'S', during: 'x'.repeat(20_001) });
    assert.equal(long.statusCode, 400);
    assert.match(fieldError(long.body, 'during') ?? '', /20000 characters or fewer/);
    const forged = await staffA.post(edit, { title: 'T', summary: 'S', afterPhotos: photoB.id });
    assert.equal(forged.statusCode, 400);
    assert.equal(fieldError(forged.body, 'afterPhotos'), 'Choose only this library’s photos');
    assert.equal((await coachA.post(edit, { title: 'T', summary: 'S' })).statusCode, 403);
  });

  it('is submitted by staff, refused with a photo without release, and published by an admin', async () => {
    const base = shareOf(libraryA);
    const edit = (afterPhotos: string[]) =>
      staffA.post(`${base}/story/edit`, {
        title: 'Our makerspace story',
        summary: 'From VHS storage to makerspace.',
        before: 'It was a storage room.',
        during: 'We asked and tested.',
        after: 'Now people make things.',
        beforePhotos: beforeA.id,
        afterPhotos,
      });
    assert.equal((await edit([noReleaseA.id, afterA.id])).statusCode, 303);
    assert.equal((await staffA.post(`${base}/story/submit`)).statusCode, 303);
    assert.equal((await t.app.services.share.counts(libraryA.id)).story, 'submitted');
    assert.match((await coachA.get(`${base}/story`)).body, /waiting for a program admin/);
    assert.equal((await staffA.post(`${base}/story/approve`)).statusCode, 403, 'staff cannot approve');
    assert.equal((await coachA.post(`${base}/story/approve`)).statusCode, 403);
    assert.equal((await coachA.post(`${base}/story/submit`)).statusCode, 403);

    const refused = await admin.post(`${base}/story/approve`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /The photo “Kids at the sewing machine” has no release on file/);
    assert.equal((await t.app.services.content.listItems({ type: 'story' }, 1)).total, 0, 'nothing published');

    assert.equal((await edit([afterA.id])).statusCode, 303);
    assert.equal((await t.app.services.share.counts(libraryA.id)).story, 'draft', 'an edit needs a new approval');
    assert.deepEqual(await journeyEvidence(t.app, libraryA.id, ['story']), [{ item: 'story', done: false, n: 0 }], 'only a published story counts');
    const early = await admin.post(`${base}/story/approve`);
    assert.equal(early.statusCode, 303, 'a draft cannot be approved');
    assert.match((await admin.get(String(early.headers.location))).body, /Only a story submitted for approval can be approved/);
    await staffA.post(`${base}/story/submit`);
    const approved = await admin.post(`${base}/story/approve`);
    assert.equal(approved.statusCode, 303);
    assert.equal((await t.app.services.share.counts(libraryA.id)).story, 'published');
    assert.deepEqual(await journeyEvidence(t.app, libraryA.id, ['story']), [{ item: 'story', done: true, n: 1 }]);

    const story = await t.app.services.share.getStory(libraryA.id);
    assert.ok(story?.hubPath);
    assert.match(story.hubPath, /^\/stories\//);
    const visitor = new TestClient(t.app);
    const hub = await visitor.get(story.hubPath);
    assert.equal(hub.statusCode, 200);
    assert.match(hub.body, /Our makerspace story/);
    assert.match(hub.body, /Now people make things\./);
    assert.match(hub.body, new RegExp(`/images/${afterA.imageId}/`), 'the first after photo is the story’s picture');
    assert.match((await visitor.get(`/directory/${libraryA.slug}`)).body, /Our makerspace story/);
    const page = await staffA.get(`${base}/story`);
    assert.match(page.body, /Read the published story on the hub/);
  });

  it('prints the story without the workspace navigation', async () => {
    const print = await coachA.get(`${shareOf(libraryA)}/story/print`);
    assert.equal(print.statusCode, 200);
    assert.match(print.body, /class="share-print"/);
    assert.match(print.body, /use your browser’s Print command/);
    assert.match(print.body, /<h2 id="story-after">After<\/h2>/);
    assert.equal((await staffB.get(`${shareOf(libraryB)}/story/print`)).statusCode, 404, 'no story yet');
    assert.equal((await staffB.get(`${shareOf(libraryA)}/story/print`)).statusCode, 403);
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
