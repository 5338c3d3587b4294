import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { renderToString } from 'preact-render-to-string';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { csrfFrom, TestClient } from '../../../tests/support/client';
import { multipart, type FilePart } from '../../../tests/support/multipart';
import { fieldErrorByName, fieldValueByName } from '../../../tests/support/html';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { journeyEvidence } from '../../../tests/support/evidence';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { PhotoNotFoundError, PhotoNotPublishableError, type Photo, type PhotoDetails } from './service';
import { PhotoStrip } from './views/photo-strip';
import { newPhotoPath } from './urls';
import { assertInOrder } from '../../../tests/support/order';

/** A small PNG, 600 pixels wide, so it gets a 480-pixel variant. */
const png = (background = '#2b6a8f', width = 600, height = 400) =>
  sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

const details = (overrides: Partial<PhotoDetails> = {}): PhotoDetails => ({
  kind: 'before',
  caption: 'The old storage room',
  alt: 'Shelves of VHS tapes in a narrow room',
  credit: 'Pat',
  consent: 'no-people',
  ...overrides,
});

/** The part of a library the workspace features take. */
const toLibrary = (l: { id: string; slug: string; name: string; timeZone: string }): WorkspaceLibrary => ({ id: l.id, slug: l.slug, name: l.name, timeZone: l.timeZone });

const goodFields = { kind: 'before', alt: 'Shelves of VHS tapes in a narrow room', caption: 'Before we cleared it', credit: 'Pat', consent: 'no-people' };

describe('workspace photos', () => {
  let t: TestApp;
  let libraryA: WorkspaceLibrary;
  let libraryB: WorkspaceLibrary;
  let staffA: { id: string };
  let staffB: { id: string };
  let coachA: { id: string };
  let coachNotA: { id: string };
  let admin: { id: string };
  let photoB: Photo;
  /** Activities known to the fake discovery resolver: id → library id. */
  const activities = new Map<string, string>();

  /** A client signed in as this person through a new session. */
  async function clientOf(person: { id: string }): Promise<TestClient & { upload: Uploader }> {
    const { token } = await t.app.services.accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
    const client = new TestClient(t.app) as TestClient & { upload: Uploader };
    client.setCookie('ss_session', token);
    let csrf: { cookie: string; token: string } | undefined;
    client.upload = async (library, file, fields) => {
      if (!csrf) {
        const page = await t.app.inject({ method: 'GET', url: `/libraries/${library.slug}/photos/new`, cookies: { ss_session: token } });
        const cookie = page.cookies.find((c) => c.name === 'ss_csrf')?.value;
        assert.ok(cookie, 'the upload form sets a CSRF cookie');
        csrf = { cookie, token: csrfFrom(page.body) ?? '' };
      }
      const body = await multipart(csrf.token, file, fields);
      return t.app.inject({
        method: 'POST',
        url: `/libraries/${library.slug}/photos/new`,
        payload: body.payload,
        headers: { 'content-type': body.contentType },
        cookies: { ss_session: token, ss_csrf: csrf.cookie },
      });
    };
    return client;
  }
  type Uploader = (library: WorkspaceLibrary, file: FilePart | undefined, fields: Record<string, string>) => Promise<LightMyRequestResponse>;

  /** Uploads a photo to the library (library A unless given) that must be accepted and returns it. */
  async function uploadOk(client: { upload: Uploader }, fields: Record<string, string> = goodFields, library = libraryA): Promise<Photo> {
    const response = await client.upload(library, { name: 'room.png', type: 'image/png', bytes: await png() }, fields);
    assert.equal(response.statusCode, 303, response.body.slice(0, 3000));
    const id = new RegExp(`^/libraries/${library.slug}/photos/([^/]+)$`).exec(String(response.headers.location))?.[1];
    assert.ok(id);
    const photo = await t.app.services.photos.getPhoto(library.id, id);
    assert.ok(photo);
    return photo;
  }

  before(async () => {
    t = await createTestApp();
    libraryA = toLibrary(await makeLibrary(t.app, { name: 'Glenns Ferry Test Library' }));
    libraryB = toLibrary(await makeLibrary(t.app, { name: 'Madison Test Library' }));
    staffA = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id });
    staffB = await makePerson(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' });
    coachA = await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] });
    coachNotA = await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] });
    admin = await makePerson(t.app, { role: 'admin' });
    // Discovery activities come from another part of the workspace; a stand-in resolver answers here.
    activities.set('activity-a', libraryA.id);
    activities.set('activity-b', libraryB.id);
    t.app.services.workspace.registerSubject('activity', async (library, id) =>
      activities.get(id) === library.id ? { title: `Wish Tree ${id}`, path: `/libraries/${library.slug}/discover/activities/${id}` } : undefined,
    );
    photoB = await t.app.services.photos.createPhoto(libraryB, await png('#884422'), details({ caption: 'Madison before' }), staffB.id);
  });
  after(() => t.close());

  it('uploads a photo as staff, keeps its image private and serves its variants to the library only', async () => {
    const staff = await clientOf(staffA);
    const photo = await uploadOk(staff);
    assert.equal(photo.kind, 'before');
    assert.equal(photo.caption, 'Before we cleared it');
    assert.deepEqual(photo.widths, [480]);

    const page = await staff.get(`/libraries/${libraryA.slug}/photos/${photo.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Before we cleared it<\/h1>/);
    assert.match(page.body, /No identifiable people/);
    assert.match(page.body, /alt="Shelves of VHS tapes in a narrow room"/);
    assert.match(page.body, new RegExp(`srcset="/libraries/${libraryA.slug}/photos/${photo.id}/480.webp 480w"`));
    assert.match(page.body, /Not published/);
    assert.match(page.body, /<section id="comments"/);

    const webp = await staff.get(`/libraries/${libraryA.slug}/photos/${photo.id}/480.webp`);
    assert.equal(webp.statusCode, 200);
    assert.equal(webp.headers['content-type'], 'image/webp');
    assert.equal(webp.headers['cache-control'], 'private, max-age=3600');
    assert.equal((await sharp(webp.rawPayload).metadata()).width, 480);
    const jpeg = await staff.get(`/libraries/${libraryA.slug}/photos/${photo.id}/480.jpg`);
    assert.equal(jpeg.headers['content-type'], 'image/jpeg');
    for (const file of ['960.webp', '480.png', '480.webp.exe', 'nothing']) {
      assert.equal((await staff.get(`/libraries/${libraryA.slug}/photos/${photo.id}/${file}`)).statusCode, 404, file);
    }

    // The image is private: not on the public route, not in the admin list.
    assert.equal((await t.app.inject({ method: 'GET', url: `/images/${photo.imageId}/480.webp` })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: `/images/${photo.imageId}/480.jpg` })).statusCode, 404);
    assert.equal((await t.app.services.images.listImages(1)).items.some((i) => i.id === photo.imageId), false);
    assert.equal((await (await clientOf(admin)).get('/images')).body.includes(photo.imageId), false);
  });

  it('lists photos grouped by kind, filters by kind and shows an empty state', async () => {
    // Its own library, so that the kinds other tests add cannot fill the empty one.
    const library = toLibrary(await makeLibrary(t.app));
    const staff = await clientOf(await makePerson(t.app, { role: 'staff', libraryId: library.id }));
    await uploadOk(staff, goodFields, library);
    await uploadOk(staff, { ...goodFields, kind: 'after', caption: 'The finished makerspace', consent: 'release' }, library);
    const list = await staff.get(`/libraries/${library.slug}/photos`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>Photos<\/h1>/);
    assert.match(list.body, /<h2 id="photos-before">Before<\/h2>/);
    assert.match(list.body, /<h2 id="photos-after">After<\/h2>/);
    assertInOrder(list.body, ['photos-before', 'photos-after'], 'groups follow the order of the work');
    assert.match(list.body, /class="tag">Release on file</);
    assert.match(list.body, /Add a photo/);
    assert.doesNotMatch(list.body, /Madison before/);

    const after = await staff.get(`/libraries/${library.slug}/photos?kind=after`);
    assert.match(after.body, /The finished makerspace/);
    assert.doesNotMatch(after.body, /Before we cleared it/);
    assert.match(after.body, /<option value="after" selected>/);
    const none = await staff.get(`/libraries/${library.slug}/photos?kind=process`);
    assert.match(none.body, /No photos of this kind yet/);
    const unknownKind = await staff.get(`/libraries/${library.slug}/photos?kind=<script>`);
    assert.equal(unknownKind.statusCode, 200);
    assert.match(unknownKind.body, /The finished makerspace/);

    const empty = await (await clientOf(staffB)).get(`/libraries/${libraryB.slug}/photos?kind=after`);
    assert.match(empty.body, /No photos of this kind yet/);
  });

  it('pages the list 24 at a time and counts photos by kind', async () => {
    const library = await makeLibrary(t.app, { name: 'Paging Test Library' });
    const scoped = toLibrary(library);
    const tiny = await png('#447744', 40, 30);
    for (let i = 0; i < 25; i++) {
      await t.app.services.photos.createPhoto(scoped, tiny, details({ kind: i < 20 ? 'process' : 'after', caption: `Step ${i}` }), null);
    }
    const first = await t.app.services.photos.listPage(library.id, {}, 1);
    assert.equal(first.items.length, 24);
    assert.equal(first.pages, 2);
    assert.equal((await t.app.services.photos.listPage(library.id, {}, 2)).items.length, 1);
    assert.deepEqual(await t.app.services.photos.counts(library.id), { before: 0, process: 20, after: 5, total: 25 });
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['beforePhotos', 'afterPhotos']), [
      { item: 'beforePhotos', done: false, n: 0 },
      { item: 'afterPhotos', done: true, n: 5 },
    ]);
    const lead = await makePerson(t.app, { role: 'staff', libraryId: library.id });
    const client = await clientOf(lead);
    const all = await client.get(`/libraries/${library.slug}/photos`);
    assert.match(all.body, /Photos shown: 25/);
    assert.match(all.body, /Page 1 of 2/);
    assert.match(all.body, /href="\/libraries\/[^"]+\/photos\?page=2" rel="next"/);
    const process = await client.get(`/libraries/${library.slug}/photos?kind=process`);
    assert.match(process.body, /Photos shown: 20/);
    assert.doesNotMatch(process.body, /Page 1 of/);
  });

  it('edits a photo, keeping the image’s alt text in step, and re-shows bad input', async () => {
    const staff = await clientOf(staffA);
    const photo = await uploadOk(staff);
    const url = `/libraries/${libraryA.slug}/photos/${photo.id}/edit`;
    const form = await staff.get(url);
    assert.equal(form.statusCode, 200);
    assert.equal(fieldValueByName(form.body, 'alt'), photo.alt);
    assert.match(form.body, /value="no-people" checked/);

    const saved = await staff.post(url, { kind: 'process', alt: 'Volunteers carrying tapes out', caption: 'Clearing day', credit: 'Sam', consent: 'release' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/libraries/${libraryA.slug}/photos/${photo.id}`);
    const changed = await t.app.services.photos.getPhoto(libraryA.id, photo.id);
    assert.equal(changed?.kind, 'process');
    assert.equal(changed?.consent, 'release');
    assert.equal(changed?.credit, 'Sam');
    const image = await t.app.services.images.getImage(photo.imageId);
    assert.equal(image?.alt, 'Volunteers carrying tapes out');
    assert.equal(image?.credit, 'Sam');

    const bad = await staff.post(url, { kind: 'later', alt: '', caption: 'c'.repeat(301), credit: 'Kept credit', consent: 'maybe' });
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldErrorByName(bad.body, 'alt'), 'Enter alt text');
    assert.equal(fieldErrorByName(bad.body, 'kind'), 'Choose when the photo was taken');
    assert.equal(fieldErrorByName(bad.body, 'consent'), 'Choose the consent status');
    assert.match(fieldErrorByName(bad.body, 'caption') ?? '', /300 characters or fewer/);
    assert.equal(fieldValueByName(bad.body, 'credit'), 'Kept credit');
    assert.equal((await t.app.services.photos.getPhoto(libraryA.id, photo.id))?.alt, 'Volunteers carrying tapes out');
  });

  it('deletes a photo after confirmation, with its image files', async () => {
    const staff = await clientOf(staffA);
    const photo = await uploadOk(staff);
    const url = `/libraries/${libraryA.slug}/photos/${photo.id}/delete`;
    const confirm = await staff.get(url);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Delete this photo\?<\/h1>/);
    assert.match(confirm.body, /<button type="submit" class="button button-danger">Delete photo<\/button>/);
    const deleted = await staff.post(url);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, `/libraries/${libraryA.slug}/photos`);
    assert.equal(await t.app.services.photos.getPhoto(libraryA.id, photo.id), undefined);
    assert.equal(await t.app.services.images.getImage(photo.imageId), undefined);
    assert.equal((await staff.get(`/libraries/${libraryA.slug}/photos/${photo.id}`)).statusCode, 404);
  });

  it('publishes only photos with consent, makes the image public, and guards published photos', async () => {
    const { photos } = t.app.services;
    const noRelease = await photos.createPhoto(libraryA, await png(), details({ consent: 'no-release' }), staffA.id);
    await assert.rejects(photos.publish(libraryA.id, noRelease.id), PhotoNotPublishableError);
    assert.equal((await photos.getPhoto(libraryA.id, noRelease.id))?.publishedAt, null);
    assert.equal((await t.app.inject({ method: 'GET', url: `/images/${noRelease.imageId}/480.webp` })).statusCode, 404);
    await assert.rejects(photos.publish(libraryA.id, photoB.id), PhotoNotFoundError, 'another library’s photo');

    const released = await photos.createPhoto(libraryA, await png(), details({ consent: 'release' }), staffA.id);
    assert.equal(await photos.publish(libraryA.id, released.id), released.imageId);
    const published = await photos.getPhoto(libraryA.id, released.id);
    assert.ok(published?.publishedAt);
    const image = await t.app.inject({ method: 'GET', url: `/images/${released.imageId}/480.webp` });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['cache-control'], 'public, max-age=31536000, immutable');

    const staff = await clientOf(staffA);
    const page = await staff.get(`/libraries/${libraryA.slug}/photos/${released.id}`);
    assert.match(page.body, /Published on the hub on/);
    const withdraw = await staff.post(`/libraries/${libraryA.slug}/photos/${released.id}/edit`, { ...goodFields, consent: 'no-release' });
    assert.equal(withdraw.statusCode, 400);
    assert.match(fieldErrorByName(withdraw.body, 'consent') ?? '', /published on the hub, so its release cannot be withdrawn/);
    assert.equal((await photos.getPhoto(libraryA.id, released.id))?.consent, 'release');

    const confirm = await staff.get(`/libraries/${libraryA.slug}/photos/${released.id}/delete`);
    assert.match(confirm.body, /published on the hub, so it cannot be deleted/);
    assert.doesNotMatch(confirm.body, /button-danger/);
    const refused = await staff.post(`/libraries/${libraryA.slug}/photos/${released.id}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.ok(await photos.getPhoto(libraryA.id, released.id));

    assert.equal(await photos.unpublish(libraryA.id, released.id), true);
    assert.equal((await t.app.inject({ method: 'GET', url: `/images/${released.imageId}/480.webp` })).statusCode, 404);
    assert.equal((await staff.post(`/libraries/${libraryA.slug}/photos/${released.id}/delete`)).statusCode, 303);
  });

  it('refuses bad uploads with a message, keeping the other fields', async () => {
    const staff = await clientOf(staffA);
    const before = (await t.app.services.photos.counts(libraryA.id)).total;

    const noFile = await staff.upload(libraryA, undefined, goodFields);
    assert.equal(noFile.statusCode, 400);
    assert.equal(fieldErrorByName(noFile.body, 'file'), 'Choose an image file');
    assert.equal(fieldValueByName(noFile.body, 'alt'), goodFields.alt);
    assert.match(noFile.body, /Before we cleared it<\/textarea>/);
    assert.match(noFile.body, /value="no-people" checked/);
    assert.match(noFile.body, /Choose the file again/);

    const text = await staff.upload(libraryA, { name: 'photo.png', type: 'image/png', bytes: Buffer.from('not a picture') }, { ...goodFields, credit: 'Kept' });
    assert.equal(text.statusCode, 400);
    assert.equal(fieldErrorByName(text.body, 'file'), 'The file must be a JPEG, PNG, WebP or GIF image');
    assert.equal(fieldValueByName(text.body, 'credit'), 'Kept');

    const noAlt = await staff.upload(libraryA, { name: 'a.png', type: 'image/png', bytes: await png() }, { ...goodFields, alt: '  ' });
    assert.equal(noAlt.statusCode, 400);
    assert.equal(fieldErrorByName(noAlt.body, 'alt'), 'Enter alt text');
    assert.equal(fieldValueByName(noAlt.body, 'credit'), 'Pat');

    const long = await staff.upload(libraryA, { name: 'a.png', type: 'image/png', bytes: await png() }, { ...goodFields, alt: 'a'.repeat(301), credit: 'c'.repeat(121), kind: 'someday' });
    assert.equal(long.statusCode, 400);
    assert.match(fieldErrorByName(long.body, 'alt') ?? '', /300 characters or fewer/);
    assert.match(fieldErrorByName(long.body, 'credit') ?? '', /120 characters or fewer/);
    assert.equal(fieldErrorByName(long.body, 'kind'), 'Choose when the photo was taken');

    const big = await staff.upload(libraryA, { name: 'huge.jpg', type: 'image/jpeg', bytes: Buffer.alloc(10 * 1024 * 1024 + 10, 1) }, goodFields);
    assert.equal(big.statusCode, 400);
    assert.equal(fieldErrorByName(big.body, 'file'), 'The file must be 10 MB or smaller');

    // A plain form cannot pass a text field off as the uploaded file.
    const smuggled = await staff.post(newPhotoPath(libraryA), { ...goodFields, upload: 'not a file' });
    assert.equal(smuggled.statusCode, 400);
    assert.equal(fieldErrorByName(smuggled.body, 'file'), 'Choose an image file');

    assert.equal((await t.app.services.photos.counts(libraryA.id)).total, before, 'nothing was stored');
  });

  it('attaches a photo to an activity of the library only', async () => {
    const staff = await clientOf(staffA);
    const form = await staff.get(newPhotoPath(libraryA, { type: 'activity', id: 'activity-a' }));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<input type="hidden" name="subject" value="activity:activity-a"\/>/);
    assert.match(form.body, /This photo will be attached to: <a href="\/libraries\/[^"]+\/discover\/activities\/activity-a">Wish Tree activity-a<\/a>/);

    const photo = await uploadOk(staff, { ...goodFields, subject: 'activity:activity-a' });
    assert.equal(photo.subjectType, 'activity');
    assert.equal(photo.subjectId, 'activity-a');
    assert.deepEqual((await t.app.services.photos.listForSubject(libraryA.id, 'activity', 'activity-a')).map((p) => p.id), [photo.id]);
    const page = await staff.get(`/libraries/${libraryA.slug}/photos/${photo.id}`);
    assert.match(page.body, /Attached to: <a href="[^"]+activity-a">Wish Tree activity-a<\/a>/);

    for (const subject of ['activity:activity-b', 'activity:unknown', 'survey:activity-a', 'nonsense']) {
      const refused = await staff.upload(libraryA, { name: 'a.png', type: 'image/png', bytes: await png() }, { ...goodFields, subject });
      assert.equal(refused.statusCode, 400, subject);
      assert.match(refused.body, /Choose an activity or prototype of this library/);
    }
    const forgedForm = await staff.get(`/libraries/${libraryA.slug}/photos/new?subject=activity:activity-b`);
    assert.equal(forgedForm.statusCode, 400);
    assert.match(forgedForm.body, /Choose an activity or prototype of this library/);
    assert.doesNotMatch(forgedForm.body, /name="subject"/, 'the refused subject is not sent again');
  });

  it('registers photos as comment subjects of their own library only', async () => {
    const { workspace } = t.app.services;
    assert.deepEqual(await workspace.resolveSubject(libraryB, 'photo', photoB.id), {
      title: 'Madison before',
      path: `/libraries/${libraryB.slug}/photos/${photoB.id}`,
    });
    assert.equal(await workspace.resolveSubject(libraryA, 'photo', photoB.id), undefined);
  });

  it('lets coaches and admins read without editing, and keeps other libraries out', async () => {
    const staffPhoto = await t.app.services.photos.createPhoto(libraryA, await png(), details({ caption: '', kind: 'process' }), staffA.id);
    const base = `/libraries/${libraryA.slug}/photos`;
    for (const reader of [coachA, admin]) {
      const client = await clientOf(reader);
      const list = await client.get(base);
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /Add a photo/);
      const page = await client.get(`${base}/${staffPhoto.id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Photo: During the work<\/h1>/, 'a photo without a caption is named by its kind');
      assert.doesNotMatch(page.body, /\/edit"/);
      assert.doesNotMatch(page.body, /Delete photo/);
      assert.equal((await client.get(`${base}/${staffPhoto.id}/480.webp`)).statusCode, 200);
      for (const url of [`${base}/new`, `${base}/${staffPhoto.id}/edit`, `${base}/${staffPhoto.id}/delete`]) {
        assert.equal((await client.get(url)).statusCode, 403, url);
      }
      assert.equal((await client.post(`${base}/${staffPhoto.id}/delete`)).statusCode, 403);
    }
    for (const outsider of [staffB, coachNotA]) {
      const client = await clientOf(outsider);
      for (const url of [base, `${base}/${staffPhoto.id}`, `${base}/${staffPhoto.id}/480.webp`]) {
        assert.equal((await client.get(url)).statusCode, 403, url);
      }
    }
    const visitor = await new TestClient(t.app).get(`${base}/${staffPhoto.id}/480.webp`);
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/sign-in\?next=/);
  });

  it('answers 404 for another library’s photo through this library’s address', async () => {
    const staff = await clientOf(staffA);
    const base = `/libraries/${libraryA.slug}/photos/${photoB.id}`;
    for (const url of [base, `${base}/edit`, `${base}/delete`, `${base}/480.webp`, `${base}/480.jpg`]) {
      assert.equal((await staff.get(url)).statusCode, 404, url);
    }
    assert.equal((await staff.post(`${base}/edit`, goodFields)).statusCode, 404);
    assert.equal((await staff.post(`${base}/delete`)).statusCode, 404);
    assert.ok(await t.app.services.photos.getPhoto(libraryB.id, photoB.id), 'the other library’s photo is untouched');
    assert.equal((await staff.get(`/libraries/${libraryA.slug}/photos/no-such-photo/480.webp`)).statusCode, 404);
  });
});

describe('PhotoStrip', () => {
  const library: WorkspaceLibrary = { id: 'l1', slug: 'glenns-ferry', name: 'Glenns Ferry', timeZone: 'America/Boise' };
  const photo = (n: number): Photo => ({
    id: `p${n}`,
    libraryId: 'l1',
    imageId: `i${n}`,
    kind: 'before',
    caption: '',
    alt: `Photo ${n} of the room`,
    credit: '',
    consent: 'release',
    subjectType: null,
    subjectId: null,
    width: 960,
    height: 640,
    widths: [480, 960],
    publishedAt: null,
    createdAt: '2017-03-01T10:00:00.000Z',
  });

  it('shows up to six linked thumbnails, smallest WebP first with a JPEG fallback', () => {
    const html = renderToString(<PhotoStrip library={library} photos={[1, 2, 3, 4, 5, 6, 7].map(photo)} />);
    assert.equal((html.match(/<li>/g) ?? []).length, 6);
    assert.match(
      html,
      /<a href="\/libraries\/glenns-ferry\/photos\/p1"><picture><source type="image\/webp" srcset="\/libraries\/glenns-ferry\/photos\/p1\/480.webp"\/><img src="\/libraries\/glenns-ferry\/photos\/p1\/480.jpg" alt="Photo 1 of the room" width="240" height="160" loading="lazy"/,
    );
    assert.doesNotMatch(html, /p7/);
  });

  it('renders nothing without photos', () => {
    assert.equal(renderToString(<PhotoStrip library={library} photos={[]} />), '');
  });
});
