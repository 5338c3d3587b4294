import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { makePerson, PASSWORD } from '../support/factories';
import { navigate, visit } from '../support/browser';
import { signIn, t, useHarness } from './harness';

// An admin publishes a news item with a photo and a tag, and finds it where
// visitors look: the home page, search, the feed and the item's own page.

const harness = useHarness();

const ITEM = {
  title: 'Glenns Ferry opens its makerspace',
  summary: 'A storage room for old videotapes is now a place to build, record and tinker.',
  body: 'The room that held the VHS collection now has a 3D printer, a sewing machine and a podcasting corner.\n\nTeens helped choose every piece of furniture.',
};
const IMAGE = {
  alt: 'Teens at a workbench with a 3D printer in a small library room',
  credit: 'Eswift',
  licence: 'CC BY 2.0',
  licenceUrl: 'https://creativecommons.org/licenses/by/2.0/',
};

/** The accessible name of an optional field's label. */
const optional = (label: string) => `${label} ${t('form.optional')}`;

test('an admin uploads an image, publishes a news item with it and a tag, and finds it on the home page, in search, in the feed and on its page', async (context) => {
  const { server } = harness;
  const folder = await mkdtemp(join(tmpdir(), 'smartspaces-e2e-'));
  context.after(() => rm(folder, { recursive: true, force: true }));
  const photo = join(folder, 'makerspace.jpg');
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 200, g: 120, b: 40 } } }).jpeg().toFile(photo);
  // Text with an image's name: the type is read from the bytes.
  const fake = join(folder, 'not-a-photo.jpg');
  await writeFile(fake, 'This is plain text, whatever the name says.\n');

  const admin = await makePerson(server.app, { role: 'admin' });
  const page = await harness.newPage();
  await signIn(page, server.url, admin.email, PASSWORD);

  // A file that is not an image is refused, with the details kept.
  await visit(page, `${server.url}/images/new`);
  await page.getByLabel(t('images.field.file')).setInputFiles(fake);
  await page.getByLabel(t('images.field.alt')).fill(IMAGE.alt);
  await navigate(page, () => page.getByRole('button', { name: t('images.upload.submit') }).click());
  await page.getByText(t('images.error.fileType')).first().waitFor();
  assert.equal(await page.getByLabel(t('images.field.alt')).inputValue(), IMAGE.alt);

  // The real photo, with its credit and licence.
  await page.getByLabel(t('images.field.file')).setInputFiles(photo);
  await page.getByLabel(optional(t('images.field.credit')), { exact: true }).fill(IMAGE.credit);
  await page.getByLabel(optional(t('images.field.licence')), { exact: true }).fill(IMAGE.licence);
  await page.getByLabel(optional(t('images.field.licenceUrl')), { exact: true }).fill(IMAGE.licenceUrl);
  await navigate(page, () => page.getByRole('button', { name: t('images.upload.submit') }).click());
  assert.match(new URL(page.url()).pathname, /^\/images\/[^/]+$/);
  await page.getByText(t('images.upload.done')).waitFor();

  // A tag for it.
  await visit(page, `${server.url}/content/tags`);
  await page.getByRole('radio', { name: t('content.tagKind.topic') }).check();
  await page.getByLabel(t('content.tags.name'), { exact: true }).fill('Makerspaces');
  await navigate(page, () => page.getByRole('button', { name: t('content.tags.submit') }).click());
  await page.getByText(t('content.flash.tagCreated', { name: 'Makerspaces' })).waitFor();

  // The news item, from the content page.
  await navigate(page, () => page.getByRole('navigation').getByRole('link', { name: t('layout.nav.content') }).click());
  await navigate(page, () => page.getByRole('link', { name: t('content.admin.add', { type: t('content.typeName.news') }) }).click());
  assert.equal(new URL(page.url()).search, '?type=news');
  await page.getByLabel(t('content.field.title')).fill(ITEM.title);
  await page.getByLabel(optional(t('content.field.summary')), { exact: true }).fill(ITEM.summary);
  await page.getByLabel(t('content.field.body'), { exact: true }).fill(ITEM.body);
  await page.getByLabel(optional(t('content.field.image')), { exact: true }).selectOption({ label: IMAGE.alt });
  await page.getByRole('checkbox', { name: `Makerspaces (${t('content.tagKind.topic')})` }).check();

  // Preview shows the text without saving anything.
  await navigate(page, () => page.getByRole('button', { name: t('content.action.preview'), exact: true }).click());
  await page.getByRole('heading', { name: t('content.form.previewHeading'), exact: true }).waitFor();
  assert.equal((await server.app.services.content.listItems({}, 1)).total, 0);
  assert.equal(await page.getByLabel(t('content.field.title')).inputValue(), ITEM.title);

  await navigate(page, () => page.getByRole('button', { name: t('content.action.publish') }).click());
  assert.match(new URL(page.url()).pathname, /^\/content\/[^/]+\/edit$/);
  await page.getByText(t('content.flash.published', { title: ITEM.title })).waitFor();
  await navigate(page, () => page.getByRole('link', { name: t('content.form.viewPublic') }).click());
  const itemPath = new URL(page.url()).pathname;
  assert.match(itemPath, /^\/news\/glenns-ferry-opens-its-makerspace$/);

  // A visitor, with no session, finds it everywhere.
  const visitor = await harness.newPage();
  await visit(visitor, `${server.url}/`);
  const recent = visitor.getByRole('region', { name: t('home.recent.title') });
  await recent.getByRole('link', { name: ITEM.title }).waitFor();
  await recent.getByText(ITEM.summary).waitFor();

  await visit(visitor, `${server.url}/search?q=${encodeURIComponent('podcasting')}`);
  const results = visitor.getByRole('region', { name: t('search.results.one', { q: 'podcasting' }) });
  await results.getByRole('link', { name: ITEM.title }).waitFor();
  assert.deepEqual(await results.locator('mark').allInnerTexts(), ['podcasting']);

  const feed = await fetch(`${server.url}/feeds/all.atom`);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type') ?? '', /atom\+xml/);
  const atom = new XMLParser({ ignoreAttributes: false }).parse(await feed.text()) as {
    feed: { entry: { title: string | { '#text': string }; link: { '@_href': string } | { '@_href': string }[] } | unknown[] };
  };
  const entries = ([] as unknown[]).concat(atom.feed.entry) as { title: string | { '#text': string }; link: { '@_href': string } | { '@_href': string }[] }[];
  const entry = entries.find((e) => (typeof e.title === 'string' ? e.title : e.title['#text']) === ITEM.title);
  assert.ok(entry, 'the feed lists the item');
  const links = ([] as { '@_href': string }[]).concat(entry.link);
  assert.ok(links.some((l) => l['@_href'] === `${server.url}${itemPath}`), JSON.stringify(links));

  // Its page: the tag, and the photo with its credit and linked licence.
  await navigate(visitor, () => results.getByRole('link', { name: ITEM.title }).click());
  await visitor.getByRole('heading', { level: 1, name: ITEM.title }).waitFor();
  await visitor.getByRole('link', { name: 'Makerspaces' }).waitFor();
  const figure = visitor.locator('figure');
  assert.equal(await figure.getByRole('img').getAttribute('alt'), IMAGE.alt);
  assert.equal((await figure.locator('figcaption').innerText()).trim(), `${t('images.caption.credit', { credit: IMAGE.credit })}, ${IMAGE.licence}`);
  assert.equal(await figure.getByRole('link', { name: IMAGE.licence }).getAttribute('href'), IMAGE.licenceUrl);
  // The browser picked and loaded one of the WebP variants.
  const shown = await figure.getByRole('img').evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, width: img.naturalWidth }));
  assert.match(shown.src, /\/images\/[^/]+\/\d+\.webp$/);
  assert.ok(shown.width > 0, 'the image loaded');

  // And the tag's page lists it.
  await navigate(visitor, () => visitor.getByRole('link', { name: 'Makerspaces' }).click());
  assert.equal(new URL(visitor.url()).pathname, '/tags/makerspaces');
  await visitor.getByRole('link', { name: ITEM.title }).waitFor();
});

test('the editor shows a live preview of the body as the admin types, rendered by the server', async () => {
  const { server } = harness;
  const admin = await makePerson(server.app, { role: 'admin' });
  const page = await harness.newPage();
  await signIn(page, server.url, admin.email, PASSWORD);
  await visit(page, `${server.url}/content/new?type=news`);
  const preview = page.getByRole('region', { name: t('content.form.livePreview') });
  await preview.waitFor();
  await page.getByLabel(t('content.field.body')).fill('A **bold** start <script>window.hacked = true</script>');
  await preview.locator('strong', { hasText: 'bold' }).waitFor();
  assert.equal(await preview.locator('script').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked), undefined);
  await page.close();
});
