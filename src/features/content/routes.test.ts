import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, PASSWORD, signedInClient } from '../../../tests/support/factories';
import { utcToLocal } from '../../i18n/time';
import { assertInOrder } from '../../../tests/support/order';

/** The fields of a complete item form; tests override what they check. */
const fields = (overrides: Record<string, string | string[]> = {}) => ({ title: 'Makerspace news', summary: '', body: 'Plain text.', intent: 'save', ...overrides });

const idFromLocation = (location: unknown) => /^\/content\/([^/]+)\/edit$/.exec(String(location))?.[1] ?? '';

describe('content pages', () => {
  let t: TestApp;
  let admin: TestClient;
  let visitor: TestClient;

  before(async () => {
    t = await createTestApp();
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    visitor = new TestClient(t.app);
  });
  after(() => t.close());

  /** Creates an item through the form and returns its id. */
  async function create(type: string, overrides: Record<string, string | string[]> = {}): Promise<string> {
    const response = await admin.post(`/content/new?type=${type}`, fields(overrides));
    assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
    return idFromLocation(response.headers.location);
  }

  it('keeps the admin pages to admins', async () => {
    assert.equal((await visitor.get('/content')).statusCode, 303);
    const coach = await makePerson(t.app, { role: 'coach' });
    const client = new TestClient(t.app);
    await client.signIn(coach.email, PASSWORD);
    assert.equal((await client.get('/content')).statusCode, 403);
    assert.equal((await client.get('/content/new?type=news')).statusCode, 403);
  });

  it('saves a draft that only admins can see, then publishes it for everyone', async () => {
    const form = await admin.get('/content/new?type=news');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>New news item<\/h1>/);
    const id = await create('news', { title: 'Glenns Ferry opens its makerspace', body: 'The VHS room is now a **makerspace**.' });
    const edit = await admin.get(`/content/${id}/edit`);
    assert.match(edit.body, /Saved “Glenns Ferry opens its makerspace”\./);
    assert.match(edit.body, /Status: Draft/);

    assert.equal((await visitor.get('/news/glenns-ferry-opens-its-makerspace')).statusCode, 404);
    const preview = await admin.get(`/content/${id}/preview`);
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /Preview of a draft/);
    assert.match(preview.body, /<strong>makerspace<\/strong>/);

    const published = await admin.post(`/content/${id}/edit`, fields({ title: 'Glenns Ferry opens its makerspace', body: 'The VHS room is now a **makerspace**.', intent: 'publish' }));
    assert.equal(published.statusCode, 303);
    const page = await visitor.get('/news/glenns-ferry-opens-its-makerspace');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Glenns Ferry opens its makerspace<\/h1>/);
    assert.match(page.body, /<meta property="og:type" content="article"\/>/);
    assert.match(page.body, /"@type":"NewsArticle"/);
    assert.match(page.body, /<link rel="canonical" href="http:\/\/smartspaces.test\/news\/glenns-ferry-opens-its-makerspace"\/>/);
    assert.ok(!page.body.includes('name="_csrf"'), 'public pages carry no form token');
    assert.match((await visitor.get('/news')).body, /href="\/news\/glenns-ferry-opens-its-makerspace"/);

    const unpublished = await admin.post(`/content/${id}/edit`, fields({ title: 'Glenns Ferry opens its makerspace', intent: 'unpublish' }));
    assert.equal(unpublished.statusCode, 303);
    assert.equal((await visitor.get('/news/glenns-ferry-opens-its-makerspace')).statusCode, 404);
  });

  it('previews Markdown without saving anything', async () => {
    const before = await t.app.services.content.listItems({}, 1);
    const response = await admin.post('/content/new?type=news', fields({ title: 'Not yet', body: '## Planned\n\nA *draft* text.', intent: 'preview' }));
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<h2 id="preview-title">Preview<\/h2>/);
    assert.match(response.body, /<h2>Planned<\/h2>\s*<p>A <em>draft<\/em> text\.<\/p>/);
    assert.match(response.body, /value="Not yet"/);
    assert.equal((await t.app.services.content.listItems({}, 1)).total, before.total);
  });

  it('renders the live preview as sanitised HTML, for admins only', async () => {
    const form = await admin.get('/content/new?type=news');
    assert.match(form.body, /<script type="module" src="\/assets\/markdown-preview\.js\?v=[0-9a-f]+"><\/script>/);
    assert.match(form.body, /data-island="markdown-preview" data-for="field-body"/);
    const preview = await admin.post('/content/preview', { body: '**Bold** <script>alert(1)</script> [x](javascript:alert(1))' });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<strong>Bold<\/strong>/);
    assert.doesNotMatch(preview.body, /<script|javascript:/);
    assert.equal((await admin.post('/content/preview', { body: 'x'.repeat(60_000) })).statusCode, 400);
    assert.equal((await admin.post('/content/preview', { body: 'x' }, { csrf: false })).statusCode, 403);
    assert.equal((await visitor.post('/content/preview', { body: 'x' })).statusCode, 303);
  });

  it('re-renders the form with every field kept when input is bad', async () => {
    const empty = await admin.post('/content/new?type=news', { title: '', body: '', intent: 'save', summary: 'Kept summary' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /There is a problem/);
    assert.match(empty.body, /Enter a title/);
    assert.match(empty.body, /Enter the text/);
    assert.match(empty.body, />Kept summary<\/textarea>/);

    const huge = 'x'.repeat(100_000);
    const tooLong = await admin.post('/content/new?type=news', fields({ body: huge, title: huge }));
    assert.equal(tooLong.statusCode, 400);
    assert.match(tooLong.body, /Text must be 50000 characters or fewer/);
    assert.match(tooLong.body, /Title must be 200 characters or fewer/);

    const badLinks = await admin.post(
      '/content/new?type=collection',
      fields({ links: 'Good | https://example.org | fine\nNo address here\n', title: 'Collection' }),
    );
    assert.equal(badLinks.statusCode, 400);
    assert.match(badLinks.body, /Line 2 of the links: write “Title \| https:\/\/address \| description”/);
    assert.match(badLinks.body, /Good \| https:\/\/example.org \| fine\nNo address here/);
    const scriptLink = await admin.post('/content/new?type=collection', fields({ links: 'Bad | javascript:alert(1) | no' }));
    assert.equal(scriptLink.statusCode, 400);
    assert.match(scriptLink.body, /Line 1 of the links: the address must be a full web address/);

    const scheduleProblems: [string, RegExp][] = [
      ['', /Enter the publication time/],
      ['next tuesday', /Enter the publication time/],
      ['2026-02-30T10:00', /Enter the publication time/],
      ['9999-12-31', /Enter the publication time/],
      ['2020-01-01T10:00', /Choose a time in the future/],
      ['9999-12-31T10:00', /Choose a time within the next 5 years, or save the item as a draft/],
      // Past the end of year 9999 in UTC.
      ['9999-12-31T23:30', /Choose a time within the next 5 years/],
      [`${new Date().getUTCFullYear() + 6}-01-01T10:00`, /Choose a time within the next 5 years/],
    ];
    for (const [publishAt, message] of scheduleProblems) {
      const response = await admin.post('/content/new?type=news', fields({ intent: 'schedule', publishAt }));
      assert.equal(response.statusCode, 400, publishAt);
      assert.match(response.body, message, publishAt);
      if (publishAt) assert.ok(response.body.includes(`value="${publishAt}"`), `keeps ${publishAt}`);
    }

    const wrongTypes = await admin.post('/content/new?type=news', { title: ['a', 'b'], body: 'x', intent: 'explode', tags: 'forged' });
    assert.equal(wrongTypes.statusCode, 400);
    assert.match(wrongTypes.body, /Choose one of the buttons/);

    const forgedTag = await admin.post('/content/new?type=news', fields({ tags: ['forged-tag-id'] }));
    assert.equal(forgedTag.statusCode, 400);
    assert.match(forgedTag.body, /Choose tags from the list/);
    const forgedLibrary = await admin.post('/content/new?type=postcard', fields({ library: 'forged-library-id' }));
    assert.equal(forgedLibrary.statusCode, 400);
    assert.match(forgedLibrary.body, /Choose a library from the list/);

    const noCsrf = await admin.post('/content/new?type=news', fields(), { csrf: false });
    assert.equal(noCsrf.statusCode, 403);
  });

  it('answers 404 for unknown types, items, revisions, slugs and tags', async () => {
    for (const url of ['/content/new?type=poem', '/content/new', '/content/no-such-item/edit', '/content/no-such-item/preview', '/content/no-such-item/revisions']) {
      assert.equal((await admin.get(url)).statusCode, 404, url);
    }
    const id = await create('news', { title: 'Has revisions' });
    assert.equal((await admin.get(`/content/${id}/revisions/no-such-revision`)).statusCode, 404);
    assert.equal((await admin.post(`/content/${id}/revisions/no-such-revision/restore`)).statusCode, 404);
    assert.equal((await admin.post('/content/no-such-item/edit', fields())).statusCode, 404);
    assert.equal((await admin.post('/content/new?type=poem', fields())).statusCode, 404);
    for (const url of ['/news/no-such-item', '/resources/no-such-item', '/stories/%3Cscript%3E', '/tags/no-such-tag']) {
      assert.equal((await visitor.get(url)).statusCode, 404, url);
    }
  });

  it('schedules an item in the editor’s time zone, hidden until then', async () => {
    const when = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 14) + '00:00.000Z';
    const publishAt = utcToLocal(when, 'America/Chicago');
    // Factory people live in UTC; give this admin a zone to check the conversion.
    const person = await makePerson(t.app, { role: 'admin' });
    await t.app.services.accounts.updateProfile(person.id, { name: person.name, locale: 'en', timeZone: 'America/Chicago' });
    const client = new TestClient(t.app);
    await client.signIn(person.email, PASSWORD);
    const response = await client.post('/content/new?type=news', fields({ title: 'Scheduled news', intent: 'schedule', publishAt }));
    assert.equal(response.statusCode, 303);
    const item = await t.app.services.content.getItem(idFromLocation(response.headers.location));
    assert.equal(item?.publishedAt, when);
    assert.equal(item?.status, 'scheduled');
    assert.equal((await visitor.get('/news/scheduled-news')).statusCode, 404);
    assert.match((await client.get(`/content/${item?.id}/edit`)).body, new RegExp(`value="${publishAt}"`));
  });

  it('shows revisions and restores one', async () => {
    const id = await create('page', { title: 'About the program', body: 'First version.' });
    await admin.post(`/content/${id}/edit`, fields({ title: 'About the program', body: 'Second version.' }));
    const list = await admin.get(`/content/${id}/revisions`);
    assert.equal(list.statusCode, 200);
    const revisionIds = [...list.body.matchAll(new RegExp(`/content/${id}/revisions/([\\w-]+)"`, 'g'))].map((m) => m[1]);
    assert.equal(revisionIds.length, 2);
    const oldest = revisionIds[1]!;
    const view = await admin.get(`/content/${id}/revisions/${oldest}`);
    assert.match(view.body, /<h1>Revision 1 of “About the program”<\/h1>/);
    assert.match(view.body, /First version\./);
    const restore = await admin.post(`/content/${id}/revisions/${oldest}/restore`);
    assert.equal(restore.statusCode, 303);
    assert.equal((await t.app.services.content.getItem(id))?.body, 'First version.');
    assert.equal((await t.app.services.content.listRevisions(id)).length, 3);
  });

  it('renders hostile Markdown harmlessly on the public page', async () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[click](javascript:alert(3))',
      '<iframe src="https://evil.example"></iframe>',
      '<a href="https://ok.example" onclick="alert(4)">ok</a>',
      '<style>body{display:none}</style>',
    ].join('\n\n');
    const id = await create('story', { title: 'Hostile story', body: hostile, before: '<script>alert(5)</script>Before text', during: 'During text', after: 'After text', intent: 'publish' });
    assert.ok(id);
    const page = await visitor.get('/stories/hostile-story');
    assert.equal(page.statusCode, 200);
    const main = page.body.slice(page.body.indexOf('<main'));
    for (const bad of ['<script>alert', 'onerror', 'javascript:', '<iframe', 'onclick', '<style>']) assert.ok(!main.includes(bad), bad);
    assert.match(main, /<h2 id="story-before">Before<\/h2>/);
    assert.match(main, /Before text/);
    assert.match(main, /<h2 id="story-after">After<\/h2>/);
  });

  it('shows a collection’s links, a postcard’s library and tags, and lists by tag', async () => {
    const tagResponse = await admin.post('/content/tags', { kind: 'topic', name: 'Makerspaces' });
    assert.equal(tagResponse.statusCode, 303);
    const tags = await t.app.services.content.listTags();
    const tag = tags.find((x) => x.slug === 'makerspaces')!;
    const library = await makeLibrary(t.app, { name: 'Tucker Free Library' });
    await create('collection', {
      title: 'Makerspace resources',
      links: 'Planning guide | https://example.org/guide | How to plan a makerspace\nTools | https://example.org/tools',
      tags: [tag.id],
      intent: 'publish',
    });
    await create('postcard', { title: 'Greetings from Tucker Free Library', library: library.id, tags: [tag.id], intent: 'publish' });

    const collection = await visitor.get('/resources/makerspace-resources');
    assert.match(collection.body, /<a href="https:\/\/example.org\/guide" rel="noopener noreferrer">Planning guide<\/a> — How to plan a makerspace/);
    assert.match(collection.body, /"@type":"CreativeWork"/);
    const postcard = await visitor.get('/postcards/greetings-from-tucker-free-library');
    assert.match(postcard.body, /<a href="\/directory\/tucker-free-library">Tucker Free Library<\/a>/);
    assert.match(postcard.body, /<a class="tag" href="\/tags\/makerspaces">Makerspaces<\/a>/);

    const byTag = await visitor.get('/tags/makerspaces');
    assert.equal(byTag.statusCode, 200);
    assert.match(byTag.body, /<h1>Makerspaces<\/h1>/);
    assertInOrder(byTag.body, ['Greetings from Tucker', 'Makerspace resources'], 'newest first');

    const duplicate = await admin.post('/content/tags', { kind: 'phase', name: 'makerspaces' });
    assert.equal(duplicate.statusCode, 400);
    assert.match(duplicate.body, /A tag with this name already exists/);
    const empty = await admin.post('/content/tags', { kind: 'colour', name: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Choose the kind of tag/);
    assert.match(empty.body, /Enter the tag’s name/);
  });

  it('lists each type with an empty state, pagination and filters for admins', async () => {
    const curriculum = await visitor.get('/curriculum');
    assert.equal(curriculum.statusCode, 200);
    assert.match(curriculum.body, /Nothing has been published here yet/);
    for (let i = 0; i < 21; i += 1) {
      const item = await t.app.services.content.createItem(
        { type: 'curriculum', title: `Module ${i}`, summary: '', body: 'Text.', libraryId: null, imageId: null, links: [], sections: null, tagIds: [] },
        null,
      );
      await t.app.services.content.publish(item.id, undefined, null);
    }
    const first = await visitor.get('/curriculum');
    assert.match(first.body, /Page 1 of 2/);
    const second = await visitor.get('/curriculum?page=2');
    assert.equal((second.body.match(/<li class="card"/g) ?? []).length, 1);
    assert.equal((await visitor.get('/curriculum?page=abc')).statusCode, 200);

    const filtered = await admin.get('/content?type=curriculum&status=published');
    assert.equal(filtered.statusCode, 200);
    assert.match(filtered.body, /Module 20/);
    assert.ok(!filtered.body.includes('Makerspace news'));
    assert.equal((await admin.get('/content?type=bogus&status=bogus&page=-1')).statusCode, 200);
  });

  it('speaks Spanish to visitors who ask', async () => {
    const page = await visitor.get('/news?lang=es');
    assert.match(page.body, /<h1>Noticias<\/h1>/);
  });
});
