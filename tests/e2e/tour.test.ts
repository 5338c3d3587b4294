import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { seedDemo, DEMO_PASSWORD } from '../../src/demo/seed';
import { visit } from '../support/browser';
import { signIn, useHarness } from './harness';

// A walk through every page each demo role can reach, on the demo program,
// so that axe-core checks every page and every state the demo shows. Mail is
// kept in the outbox here, so the outbox has something to show.
const harness = useHarness({
  mail: 'outbox',
  async prepare({ app }) {
    await seedDemo(app.services, app.database.db);
    // One kept message for the outbox pages.
    await app.services.accounts.requestPasswordReset('staff.madison@example.org');
    // The demo has no images: a postcard gets one, so the image pages and a
    // captioned figure are checked too.
    const { content, images, contact, newsletter } = app.services;
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 90, g: 140, b: 200 } } }).jpeg().toBuffer();
    const image = await images.createImage(photo, { alt: 'Shelves of VHS tapes in a small storage room', credit: 'Eswift', licence: 'CC BY 2.0', licenceUrl: 'https://creativecommons.org/licenses/by/2.0/' }, null);
    const postcard = await content.getPublished('postcard', GLENNS_FERRY_POSTCARD);
    const item = postcard && (await content.getItem(postcard.id));
    assert.ok(item, 'the demo has the Glenns Ferry postcard');
    await content.updateItem(item.id, { ...item, imageId: image.id }, null);
    // One contact message, and a draft issue beside the demo's sent one.
    await contact.send({ name: 'Pat Reader', email: 'pat.reader@example.org', message: 'How can our library join the next cohort?' });
    await newsletter.createIssue({ subject: 'Draft: the spring issue', intro: 'Coming soon.', itemIds: [item.id] }, null);
  },
});

const GLENNS_FERRY = 'glenns-ferry-public-library';
const MADISON = 'madison-public-library';
const GLENNS_FERRY_POSTCARD = 'greetings-from-glenns-ferry-public-library';

/** Visits each path (checked by axe-core) and asserts the status it answers with. */
async function tour(page: Page, stops: [path: string, status: number][]): Promise<void> {
  for (const [path, status] of stops) {
    const response = await visit(page, `${harness.server.url}${path}`);
    assert.equal(response?.status(), status, `${path} answered ${response?.status()}`);
  }
}

const idOf = async (email: string) => {
  const person = await harness.server.app.services.accounts.findPersonByEmail(email);
  assert.ok(person, email);
  return person.id;
};

test('a visitor sees the public pages, and private ones send them to sign in', async () => {
  const page = await harness.newPage();
  await tour(page, [
    ['/', 200],
    ['/sign-in', 200],
    ['/forgot-password', 200],
    ['/setup', 404],
    ['/invitations/not-a-real-token', 404],
    ['/no-such-page', 404],
  ]);
  await visit(page, `${harness.server.url}/people`);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
});

test('a visitor reads the hub: content, tags, search, the directory, the newsletter and the contact form', async () => {
  const page = await harness.newPage();
  const { items: [issue] } = await harness.server.app.services.newsletter.listSentIssues(1);
  assert.ok(issue, 'the demo has a sent issue');
  await tour(page, [
    ['/news', 200],
    ['/resources', 200],
    ['/curriculum', 200],
    ['/postcards', 200],
    ['/stories', 200],
    ['/pages', 200],
    ['/news?page=99', 200],
    ['/resources/makerspace-and-digital-media-lab-resources', 200],
    ['/curriculum/small-libraries-create-smart-spaces-curriculum-outline', 200],
    [`/postcards/${GLENNS_FERRY_POSTCARD}`, 200],
    ['/stories/from-reference-desk-to-teen-space-in-cornwall', 200],
    ['/pages/about-the-program', 200],
    ['/news/no-such-item', 404],
    ['/tags/makerspaces', 200],
    ['/tags/discover', 200],
    ['/tags/no-such-tag', 404],
    ['/search', 200],
    ['/search?q=makerspace', 200],
    ['/search?q=makerspace&type=collection', 200],
    ['/search?q=makerspace&type=news&tag=teens', 200],
    ['/search?q=zeppelin', 200],
    ['/directory', 200],
    ['/directory?state=ID', 200],
    [`/directory/${GLENNS_FERRY}`, 200],
    ['/directory/cornwall-public-library', 200],
    ['/directory/no-such-library', 404],
    ['/newsletter', 200],
    [`/newsletter/archive/${issue.id}`, 200],
    ['/newsletter/archive/no-such-issue', 404],
    ['/newsletter/confirm/not-a-real-token', 404],
    ['/newsletter/unsubscribe/not-a-real-token', 404],
    ['/contact', 200],
    ['/contact/thanks', 200],
    ['/?lang=es', 200],
    ['/news?lang=es', 200],
    ['/newsletter?lang=es', 200],
  ]);
});

test('the program admin reaches every administration page', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'admin@example.org', DEMO_PASSWORD);
  const lead = await idOf('lead.glennsferry@example.org');
  const member = await idOf('staff.glennsferry@example.org');
  const [cohort] = await harness.server.app.services.programs.listCohorts();
  const { items: [message] } = await harness.server.app.services.mail.listOutbox(1);
  assert.ok(cohort && message);
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries', 200],
    ['/libraries?state=ID', 200],
    ['/libraries/new', 200],
    [`/libraries/${GLENNS_FERRY}`, 200],
    [`/libraries/${GLENNS_FERRY}/edit`, 200],
    [`/libraries/${GLENNS_FERRY}/invite`, 200],
    [`/libraries/${GLENNS_FERRY}/members/${member}/remove`, 200],
    ['/libraries/no-such-library', 404],
    ['/people', 200],
    ['/people?role=coach', 200],
    ['/people?q=nobody-matches-this', 200],
    ['/people/invite', 200],
    [`/people/${lead}`, 200],
    [`/people/${lead}/edit`, 200],
    [`/people/${lead}/deactivate`, 200],
    ['/people/no-such-person', 404],
    ['/program', 200],
    ['/program/edit', 200],
    ['/program/cohorts/new', 200],
    [`/program/cohorts/${cohort.id}/edit`, 200],
    ['/outbox', 200],
    [`/outbox/${message.id}`, 200],
    ['/account', 200],
    ['/account/profile', 200],
    ['/account/password', 200],
    ['/account/sessions', 200],
  ]);
});

test('the program admin reaches every page of the hub\'s administration', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'admin@example.org', DEMO_PASSWORD);
  const { content, images, newsletter, contact } = harness.server.app.services;
  const story = await content.getPublished('story', 'from-reference-desk-to-teen-space-in-cornwall');
  const collection = await content.getPublished('collection', 'makerspace-and-digital-media-lab-resources');
  const postcard = await content.getPublished('postcard', GLENNS_FERRY_POSTCARD);
  const { items: [image] } = await images.listImages(1);
  const { items: issues } = await newsletter.listIssues(1);
  const sent = issues.find((i) => i.status === 'sent');
  const draft = issues.find((i) => i.status === 'draft');
  const { items: [message] } = await contact.listMessages(1);
  assert.ok(story && collection && postcard && image && sent && draft && message);
  const [revision] = await content.listRevisions(postcard.id);
  assert.ok(revision);
  await tour(page, [
    ['/content', 200],
    ['/content?type=postcard&status=published', 200],
    ['/content?status=draft', 200],
    ['/content/new?type=news', 200],
    ['/content/new?type=collection', 200],
    ['/content/new?type=curriculum', 200],
    ['/content/new?type=postcard', 200],
    ['/content/new?type=story', 200],
    ['/content/new?type=page', 200],
    ['/content/new?type=nonsense', 404],
    ['/content/tags', 200],
    [`/content/${postcard.id}/edit`, 200],
    [`/content/${story.id}/edit`, 200],
    [`/content/${collection.id}/edit`, 200],
    [`/content/${postcard.id}/preview`, 200],
    [`/content/${postcard.id}/revisions`, 200],
    [`/content/${postcard.id}/revisions/${revision.id}`, 200],
    ['/content/no-such-item/edit', 404],
    ['/images', 200],
    ['/images/new', 200],
    [`/images/${image.id}`, 200],
    ['/images/no-such-image', 404],
    ['/newsletter/issues', 200],
    ['/newsletter/issues/new', 200],
    [`/newsletter/issues/${sent.id}`, 200],
    [`/newsletter/issues/${draft.id}`, 200],
    [`/newsletter/issues/${draft.id}/edit`, 200],
    [`/newsletter/issues/${draft.id}/send`, 200],
    [`/newsletter/issues/${sent.id}/edit`, 409],
    ['/newsletter/issues/no-such-issue', 404],
    ['/newsletter/subscribers', 200],
    ['/newsletter/subscribers?status=confirmed', 200],
    ['/messages', 200],
    [`/messages/${message.id}`, 200],
    ['/messages/no-such-message', 404],
  ]);
});

test('a library lead sees their library and team, and not another library', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'lead.glennsferry@example.org', DEMO_PASSWORD);
  const member = await idOf('staff.glennsferry@example.org');
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries', 200],
    [`/libraries/${GLENNS_FERRY}`, 200],
    [`/libraries/${GLENNS_FERRY}/invite`, 200],
    [`/libraries/${GLENNS_FERRY}/members/${member}/remove`, 200],
    [`/libraries/${MADISON}`, 403],
    ['/people', 403],
    ['/content', 403],
    ['/images', 403],
    ['/newsletter/issues', 403],
    ['/messages', 403],
  ]);
});

test('a coach sees the libraries they coach', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'coach.dana@example.org', DEMO_PASSWORD);
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries', 200],
    [`/libraries/${GLENNS_FERRY}`, 200],
    [`/libraries/${GLENNS_FERRY}/invite`, 403],
    ['/program', 403],
  ]);
});

test('a Spanish-speaking staff member gets the pages in Spanish', async () => {
  const page = await harness.newPage();
  await signIn(page, harness.server.url, 'staff.ignacio@example.org', DEMO_PASSWORD);
  await tour(page, [
    ['/dashboard', 200],
    ['/libraries/ignacio-community-library', 200],
    ['/news', 200],
    ['/search?q=biblioteca', 200],
    ['/directory/ignacio-community-library', 200],
    ['/newsletter', 200],
    ['/contact', 200],
    ['/account/profile', 200],
    ['/account/sessions', 200],
  ]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
});
