import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { csrfFrom, TestClient } from '../../../tests/support/client';
import { multipart, type FilePart } from '../../../tests/support/multipart';
import { fieldErrorByName, fieldValueByName } from '../../../tests/support/html';
import { makePerson } from '../../../tests/support/factories';
import { assertInOrder } from '../../../tests/support/order';
import { renderInPage } from '../../../tests/support/render';
import { MAX_UPLOAD_BYTES, type ImageInfo } from './service';
import { ImageFigure } from './views/figure';

/** CRC-32 as PNG chunks use it. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A copy of a PNG whose header claims another size: a small file that would decode to a huge image. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const copy = Buffer.from(png);
  // The IHDR chunk follows the 8-byte signature: length (4), type (4), width (4), height (4), …, CRC.
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  copy.writeUInt32BE(crc32(copy.subarray(12, 29)), 29);
  return copy;
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 90 } } })
    .jpeg()
    .withMetadata({ orientation: 1, exif: { IFD0: { Copyright: 'Camera owner', Make: 'TestCam' } } })
    .toBuffer();

/** A plain 640 × 480 image, to be encoded as WebP or GIF. */
const swatch = () => sharp({ create: { width: 640, height: 480, channels: 3, background: '#aa3355' } });

describe('images', () => {
  let t: TestApp;
  let admin: { id: string };
  let cookies: Record<string, string>;
  let csrf: string;

  /** Posts the upload form as the admin. */
  async function upload(file: FilePart | undefined, fields: Record<string, string>, options: { csrf?: boolean } = {}) {
    const body = await multipart(options.csrf === false ? undefined : csrf, file, fields);
    return t.app.inject({
      method: 'POST',
      url: '/images/new',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
      cookies,
    });
  }

  /** Uploads a file that must be accepted and returns the new image's id. */
  async function uploadOk(file: FilePart, fields: Record<string, string>): Promise<string> {
    const response = await upload(file, fields);
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    const id = /^\/images\/([^/]+)$/.exec(String(response.headers.location))?.[1];
    assert.ok(id);
    return id;
  }

  before(async () => {
    t = await createTestApp();
    admin = await makePerson(t.app, { role: 'admin' });
    const { token } = await t.app.services.accounts.createSession(admin.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
    const page = await t.app.inject({ method: 'GET', url: '/images/new', cookies: { ss_session: token } });
    assert.equal(page.statusCode, 200);
    const csrfCookie = page.cookies.find((c) => c.name === 'ss_csrf');
    assert.ok(csrfCookie);
    cookies = { ss_session: token, ss_csrf: csrfCookie.value };
    csrf = csrfFrom(page.body) ?? '';
    assert.match(page.body, /enctype="multipart\/form-data"/);
  });
  after(() => t.close());

  it('turns a large JPEG into WebP and JPEG variants at each width, without metadata', async () => {
    const bytes = await photo(2000, 1500);
    assert.ok((await sharp(bytes).metadata()).exif, 'the test photo carries EXIF data');
    const id = await uploadOk(
      { name: 'tucker.jpg', type: 'image/jpeg', bytes },
      { alt: 'Children reading in KIDSpace', credit: 'Eswift', licence: 'CC BY 2.0', licenceUrl: 'https://creativecommons.org/licenses/by/2.0/' },
    );
    const image = await t.app.services.images.getImage(id);
    assert.deepEqual(image?.widths, [480, 960, 1600]);
    assert.equal(image?.width, 1600);
    assert.equal(image?.height, 1200);
    for (const width of [480, 960, 1600]) {
      const webp = await t.app.inject({ method: 'GET', url: `/images/${id}/${width}.webp` });
      assert.equal(webp.statusCode, 200);
      assert.equal(webp.headers['content-type'], 'image/webp');
      assert.equal(webp.headers['cache-control'], 'public, max-age=31536000, immutable');
      const meta = await sharp(webp.rawPayload).metadata();
      assert.equal(meta.format, 'webp');
      assert.equal(meta.width, width);
      assert.equal(meta.exif, undefined);
      const jpeg = await t.app.inject({ method: 'GET', url: `/images/${id}/${width}.jpg` });
      assert.equal(jpeg.statusCode, 200);
      assert.equal(jpeg.headers['content-type'], 'image/jpeg');
      const jpegMeta = await sharp(jpeg.rawPayload).metadata();
      assert.equal(jpegMeta.format, 'jpeg');
      assert.equal(jpegMeta.exif, undefined);
    }
    const detail = await t.app.inject({ method: 'GET', url: `/images/${id}`, cookies });
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /Photo: Eswift, <a href="https:\/\/creativecommons.org\/licenses\/by\/2.0\/" rel="license noopener">CC BY 2.0<\/a>/);
  });

  it('turns photos upright by their orientation and keeps small images at their own size', async () => {
    const sideways = await sharp({ create: { width: 1000, height: 600, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const id = await uploadOk({ name: 'sideways.jpg', type: 'image/jpeg', bytes: sideways }, { alt: 'A tall shelf' });
    const image = await t.app.services.images.getImage(id);
    assert.deepEqual(image?.widths, [480]);
    assert.equal(image?.width, 480);
    assert.equal(image?.height, 800);

    const small = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const pngId = await uploadOk({ name: 'logo.png', type: 'image/png', bytes: small }, { alt: 'The program logo' });
    const png = await t.app.services.images.getImage(pngId);
    assert.deepEqual(png?.widths, [300]);
    const jpeg = await t.app.inject({ method: 'GET', url: `/images/${pngId}/300.jpg` });
    assert.equal(jpeg.headers['content-type'], 'image/jpeg');
  });

  it('accepts WebP and GIF images', async () => {
    const webp = await uploadOk({ name: 'a.webp', type: 'image/webp', bytes: await swatch().webp().toBuffer() }, { alt: 'A WebP image' });
    const gif = await uploadOk({ name: 'a.gif', type: 'image/gif', bytes: await swatch().gif().toBuffer() }, { alt: 'A GIF image' });
    for (const id of [webp, gif]) assert.deepEqual((await t.app.services.images.getImage(id))?.widths, [480]);
  });

  it('refuses an image that claims more pixels than the server will decode', async () => {
    const bomb = withPngSize(await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer(), 9_000, 9_000);
    assert.equal((await sharp(bomb).metadata()).width, 9_000);
    const response = await upload({ name: 'bomb.png', type: 'image/png', bytes: bomb }, { alt: 'Bomb' });
    assert.equal(response.statusCode, 400);
    assert.match(fieldErrorByName(response.body, 'file') ?? '', /too large in pixels/);
  });

  it('checks the type from the bytes, not the name', async () => {
    const stored = (await t.app.services.images.listImages(1)).total;
    const text = await upload({ name: 'photo.jpg', type: 'image/jpeg', bytes: Buffer.from('just some text, not a picture\n') }, { alt: 'Fake', credit: 'Someone' });
    assert.equal(text.statusCode, 400);
    assert.equal(fieldErrorByName(text.body, 'file'), 'The file must be a JPEG, PNG, WebP or GIF image');
    assert.equal(fieldValueByName(text.body, 'alt'), 'Fake');
    assert.equal(fieldValueByName(text.body, 'credit'), 'Someone');

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
    const asSvg = await upload({ name: 'drawing.svg', type: 'image/svg+xml', bytes: svg }, { alt: 'Drawing' });
    assert.equal(asSvg.statusCode, 400);
    assert.equal(fieldErrorByName(asSvg.body, 'file'), 'The file must be a JPEG, PNG, WebP or GIF image');
    const renamed = await upload({ name: 'drawing.png', type: 'image/png', bytes: svg }, { alt: 'Drawing' });
    assert.equal(renamed.statusCode, 400);

    const truncated = (await photo(800, 600)).subarray(0, 400);
    const broken = await upload({ name: 'broken.jpg', type: 'image/jpeg', bytes: truncated }, { alt: 'Broken' });
    assert.equal(broken.statusCode, 400);
    assert.equal((await t.app.services.images.listImages(1)).total, stored, 'no refused file was stored');
  });

  it('refuses a file over the size limit with a clear message, keeping the other fields', async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 1);
    const response = await upload({ name: 'huge.jpg', type: 'image/jpeg', bytes: big }, { alt: 'Huge', licence: 'CC BY 2.0' });
    assert.equal(response.statusCode, 400);
    assert.equal(fieldErrorByName(response.body, 'file'), 'The file must be 10 MB or smaller');
    assert.equal(fieldValueByName(response.body, 'alt'), 'Huge');
    assert.equal(fieldValueByName(response.body, 'licence'), 'CC BY 2.0');
    assert.match(response.body, /Choose the file again/);
  });

  it('requires alt text and a file, and checks every field', async () => {
    const bytes = await photo(600, 400);
    const noAlt = await upload({ name: 'a.jpg', type: 'image/jpeg', bytes }, { alt: '  ', credit: 'Eswift', licence: 'CC BY 2.0' });
    assert.equal(noAlt.statusCode, 400);
    assert.equal(fieldErrorByName(noAlt.body, 'alt'), 'Enter alt text');
    assert.equal(fieldValueByName(noAlt.body, 'credit'), 'Eswift');
    assert.match(noAlt.body, /Choose the file again/);

    const noFile = await upload(undefined, { alt: 'Something' });
    assert.equal(noFile.statusCode, 400);
    assert.equal(fieldErrorByName(noFile.body, 'file'), 'Choose an image file');

    const bad = await upload({ name: 'a.jpg', type: 'image/jpeg', bytes }, { alt: 'x'.repeat(100_000), licenceUrl: 'javascript:alert(1)' });
    assert.equal(bad.statusCode, 400);
    assert.match(fieldErrorByName(bad.body, 'alt') ?? '', /250 characters or fewer/);
    assert.equal(fieldErrorByName(bad.body, 'licenceUrl'), 'Enter the licence address starting with https://');
    const http = await upload({ name: 'a.jpg', type: 'image/jpeg', bytes }, { alt: 'Ok', licenceUrl: 'http://example.org/licence' });
    assert.equal(fieldErrorByName(http.body, 'licenceUrl'), 'Enter the licence address starting with https://');
  });

  it('refuses an upload without the CSRF token, and a malformed body', async () => {
    const bytes = await photo(600, 400);
    const response = await upload({ name: 'a.jpg', type: 'image/jpeg', bytes }, { alt: 'No token' }, { csrf: false });
    assert.equal(response.statusCode, 403);
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/images/new',
      payload: '--nothing\r\nbroken',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      cookies,
    });
    assert.ok(malformed.statusCode === 400 || malformed.statusCode === 403, String(malformed.statusCode));
  });

  it('lets only admins upload and list; everyone may fetch the variants', async () => {
    const staff = await makePerson(t.app, { role: 'staff' });
    const client = new TestClient(t.app);
    assert.equal((await client.get('/images')).statusCode, 303);
    await client.signIn(staff.email, staff.password);
    assert.equal((await client.get('/images')).statusCode, 403);
    assert.equal((await client.get('/images/new')).statusCode, 403);
    const body = await multipart(csrf, { name: 'a.jpg', type: 'image/jpeg', bytes: await photo(600, 400) }, { alt: 'Sneaky' });
    const response = await t.app.inject({ method: 'POST', url: '/images/new', payload: body.payload, headers: { 'content-type': body.contentType } });
    assert.equal(response.statusCode, 303);
    assert.match(String(response.headers.location), /^\/sign-in/);
  });

  it('answers 404 for unknown images, widths and formats', async () => {
    const id = await uploadOk({ name: 'a.jpg', type: 'image/jpeg', bytes: await photo(600, 400) }, { alt: 'A 480-pixel image' });
    assert.equal((await t.app.inject({ method: 'GET', url: `/images/${id}/480.webp` })).statusCode, 200, 'the image itself is there');
    for (const url of [`/images/nope/480.webp`, `/images/${id}/481.webp`, `/images/${id}/480.png`, `/images/${id}/480.webp.exe`, `/images/${id}/..%2F480.jpg`]) {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
    }
    assert.equal((await t.app.inject({ method: 'GET', url: '/images/nope', cookies })).statusCode, 404);
  });

  it('lists images newest first and edits their description', async () => {
    const before = (await t.app.services.images.listImages(1)).total;
    await uploadOk({ name: 'a.webp', type: 'image/webp', bytes: await swatch().webp().toBuffer() }, { alt: 'A WebP image' });
    const gif = await uploadOk({ name: 'a.gif', type: 'image/gif', bytes: await swatch().gif().toBuffer() }, { alt: 'A GIF image' });
    const list = await t.app.inject({ method: 'GET', url: '/images', cookies });
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(`<caption>Images, newest first (${before + 2})</caption>`));
    assert.match(list.body, /A GIF image/);
    assertInOrder(list.body, ['A GIF image', 'A WebP image'], 'the newest image comes first');
    const { items } = await t.app.services.images.listImages(1);
    const id = items[0]!.id;
    assert.equal(id, gif, 'the newest image is first');
    const client = new TestClient(t.app);
    client.setCookie('ss_session', cookies.ss_session!);
    const bad = await client.post(`/images/${id}`, { alt: '', credit: 'Me' });
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldErrorByName(bad.body, 'alt'), 'Enter alt text');
    const saved = await client.post(`/images/${id}`, { alt: 'New words', credit: 'Eswift', licence: 'CC BY 2.0', licenceUrl: '' });
    assert.equal(saved.statusCode, 303);
    const image = await t.app.services.images.getImage(id);
    assert.equal(image?.alt, 'New words');
    assert.equal(image?.licenceUrl, '');
    assert.equal((await client.post('/images/unknown', { alt: 'x' })).statusCode, 404);
  });
});

describe('ImageFigure', () => {
  const render = (image: ImageInfo) => renderInPage(<ImageFigure image={image} />);
  const image: ImageInfo = {
    id: 'img1',
    alt: 'Foam-board prototype of a media lab',
    credit: 'Eswift',
    licence: 'CC BY 2.0',
    licenceUrl: 'https://creativecommons.org/licenses/by/2.0/',
    width: 1600,
    height: 1200,
    widths: [480, 960, 1600],
  };

  it('offers WebP with a JPEG fallback at every width, sized and lazy, with a linked licence', () => {
    const html = render(image);
    assert.match(html, /^<figure class="image"><picture><source type="image\/webp" srcset="\/images\/img1\/480.webp 480w, \/images\/img1\/960.webp 960w, \/images\/img1\/1600.webp 1600w"/);
    assert.match(html, /<img src="\/images\/img1\/960.jpg" srcset="\/images\/img1\/480.jpg 480w, \/images\/img1\/960.jpg 960w, \/images\/img1\/1600.jpg 1600w"/);
    assert.match(html, /alt="Foam-board prototype of a media lab" width="1600" height="1200" loading="lazy"/);
    assert.match(html, /<figcaption>Photo: Eswift, <a href="https:\/\/creativecommons.org\/licenses\/by\/2.0\/" rel="license noopener">CC BY 2.0<\/a><\/figcaption><\/figure>$/);
  });

  it('shows the licence as text without an address, and no caption without credit or licence', () => {
    assert.match(render({ ...image, licenceUrl: '' }), /<figcaption>Photo: Eswift, CC BY 2.0<\/figcaption>/);
    assert.match(render({ ...image, credit: '' }), /<figcaption><a href=[^>]+>CC BY 2.0<\/a><\/figcaption>/);
    assert.doesNotMatch(render({ ...image, credit: '', licence: '' }), /figcaption/);
    assert.match(render({ ...image, alt: '"><script>' }), /alt="&quot;>&lt;script>"/);
  });
});
