import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemoNewsletter } from '../../demo/newsletter';
import { XMLParser } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeLibrary } from '../../../tests/support/factories';
import type { ContentInput, NewItemInput } from '../content/service';

const BASE = 'http://smartspaces.test';
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['entry', 'item', 'url', 'link', 'category'].includes(name),
});

type Xml = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const blank: ContentInput = { title: '', summary: '', body: '', libraryId: null, imageId: null, links: [], sections: null, tagIds: [] };

describe('feeds, sitemap and robots.txt', () => {
  let testApp: TestApp;
  let app: FastifyInstance;
  const paths: Record<string, string> = {};

  /** A published item with its original dates. */
  async function published(input: Partial<NewItemInput> & Pick<NewItemInput, 'type' | 'title'>, days: number) {
    const item = await app.services.content.importItem({ ...blank, ...input }, { publishedAt: ago(days), updatedAt: ago(days - 0.5) }, null);
    paths[input.title] = item.path;
    return item;
  }

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  before(async () => {
    testApp = await createTestApp();
    app = testApp.app;
    const { content } = app.services;
    const makers = await content.createTag({ kind: 'topic', name: 'Makerspaces' });
    const teens = await content.createTag({ kind: 'audience', name: 'Teens' });
    const library = await makeLibrary(app, { name: 'Glenns Ferry Public Library', state: 'ID' });
    paths.library = `/directory/${library.slug}`;
    await published(
      {
        type: 'news',
        title: 'Glenns Ferry opens a makerspace',
        summary: 'A VHS storage room became a makerspace.',
        body: 'Read the [resource list](/resources/makerspace-resources).\n\n<script>alert(1)</script>\n\n![Room](/images/x/640.jpg)',
        tagIds: [makers.id],
        libraryId: library.id,
      },
      3,
    );
    await published(
      {
        type: 'collection',
        title: 'Makerspace resources',
        summary: 'Tools and guides.',
        body: 'Curated links.',
        links: [
          { title: 'Maker guide', url: 'https://example.org/guide', description: 'A <b>how-to</b> guide' },
          { title: 'Bad link', url: 'javascript:alert(1)', description: '' },
        ],
        tagIds: [makers.id, teens.id],
      },
      2,
    );
    await published(
      {
        type: 'story',
        title: 'A teen space in Cornwall',
        summary: 'From reference desk to teen space.',
        sections: { before: 'A quiet reference area.', during: 'Teens planned it.', after: 'A busy **teen** space.' },
        tagIds: [teens.id],
      },
      1,
    );
    await published({ type: 'news', title: '<b>Bold</b> & "q"', summary: 'Odd characters.' }, 4);
    const draft = await content.createItem({ ...blank, type: 'news', title: 'Secret draft', body: 'Not yet.', tagIds: [makers.id] }, null);
    paths.draft = draft.path;
    const scheduled = await content.createItem({ ...blank, type: 'news', title: 'Scheduled news', body: 'Later.' }, null);
    await content.publish(scheduled.id, new Date(Date.now() + DAY).toISOString(), null);
    paths.scheduled = scheduled.path;
  });

  after(() => testApp.close());

  async function atom(url: string): Promise<Xml> {
    const response = await get(url);
    assert.equal(response.statusCode, 200, url);
    assert.equal(response.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const { feed } = parser.parse(response.body) as Xml;
    assert.ok(feed, 'an Atom feed element');
    assert.equal(feed['@xmlns'], 'http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) assert.ok(feed[name], `feed has ${name}`);
    assert.ok(feed.author?.name, 'feed has an author');
    assert.ok(!Number.isNaN(Date.parse(feed.updated)));
    assert.ok(feed.link.some((l: Xml) => l['@rel'] === 'self' && l['@href'] === `${BASE}${url}`), 'self link');
    for (const entry of feed.entry ?? []) {
      for (const name of ['id', 'title', 'updated']) assert.ok(entry[name], `entry has ${name}`);
      assert.match(entry.id, /^urn:uuid:[0-9a-f-]{36}$/);
      assert.ok(!Number.isNaN(Date.parse(entry.updated)));
      assert.ok(entry.link[0]['@href'].startsWith(`${BASE}/`), 'absolute entry link');
    }
    return feed;
  }

  async function rss(url: string): Promise<Xml> {
    const response = await get(url);
    assert.equal(response.statusCode, 200, url);
    assert.equal(response.headers['content-type'], 'application/rss+xml; charset=utf-8');
    const { rss: root } = parser.parse(response.body) as Xml;
    assert.equal(root['@version'], '2.0');
    const { channel } = root;
    for (const name of ['title', 'link', 'description']) assert.ok(channel[name], `channel has ${name}`);
    assert.ok(channel.link[0].startsWith(`${BASE}/`));
    for (const item of channel.item ?? []) {
      for (const name of ['title', 'link', 'guid', 'pubDate']) assert.ok(item[name], `item has ${name}`);
      assert.ok(item.link[0].startsWith(`${BASE}/`), 'absolute item link');
      assert.ok(!Number.isNaN(Date.parse(item.pubDate)));
    }
    return channel;
  }

  const links = (feed: Xml) => (feed.entry ?? []).map((e: Xml) => e.link[0]['@href'].slice(BASE.length));
  const itemLinks = (channel: Xml) => (channel.item ?? []).map((i: Xml) => i.link[0].slice(BASE.length));

  it('serves every published item in the Atom feed, newest first, and nothing else', async () => {
    const feed = await atom('/feeds/all.atom');
    assert.deepEqual(links(feed), [
      paths['A teen space in Cornwall'],
      paths['Makerspace resources'],
      paths['Glenns Ferry opens a makerspace'],
      paths['<b>Bold</b> & "q"'],
    ]);
    assert.equal(feed.id, `${BASE}/feeds/all.atom`);
    const [latest] = await app.services.content.recent(1);
    assert.equal(feed.updated, latest!.updatedAt, 'the feed changed when its newest change was made');
    assert.ok(!links(feed).includes(paths.draft) && !links(feed).includes(paths.scheduled));
  });

  it('gives full, safe content with absolute links', async () => {
    const feed = await atom('/feeds/all.atom');
    const news = feed.entry.find((e: Xml) => e.title['#text'] === 'Glenns Ferry opens a makerspace');
    const html: string = news.content['#text'];
    assert.match(html, /href="http:\/\/smartspaces\.test\/resources\/makerspace-resources"/);
    assert.doesNotMatch(html, /<script/i);
    assert.equal(news.content['@type'], 'html');
    assert.ok(news.published && news.updated > news.published, 'updated after published');
    const collection = feed.entry.find((e: Xml) => e.title['#text'] === 'Makerspace resources');
    assert.match(collection.content['#text'], /<a href="https:\/\/example\.org\/guide">Maker guide<\/a> – A &lt;b&gt;how-to&lt;\/b&gt; guide/);
    assert.doesNotMatch(collection.content['#text'], /javascript:/);
    assert.deepEqual(collection.category.map((c: Xml) => c['@term']).sort(), ['makerspaces', 'teens']);
    const story = feed.entry.find((e: Xml) => e.title['#text'] === 'A teen space in Cornwall');
    assert.match(story.content['#text'], /<h2>Before<\/h2><p>A quiet reference area\.<\/p>/);
    assert.match(story.content['#text'], /<strong>teen<\/strong>/);
    // An Atom title is HTML: characters that look like markup arrive escaped, as text.
    const odd = feed.entry.find((e: Xml) => e.link[0]['@href'].endsWith(paths['<b>Bold</b> & "q"']!));
    assert.equal(odd.title['#text'], '&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;q&quot;');
  });

  it('serves the same items as RSS 2.0', async () => {
    const channel = await rss('/feeds/all.rss');
    assert.equal(channel.item.length, 4);
    assert.ok(!itemLinks(channel).includes(paths.draft) && !itemLinks(channel).includes(paths.scheduled));
    // Readers often render RSS titles as HTML: markup in a title arrives escaped, as text.
    const odd = channel.item.find((i: Xml) => i.link[0].endsWith(paths['<b>Bold</b> & "q"']!));
    assert.equal(odd.title, '&lt;b&gt;Bold&lt;/b&gt; &amp; &quot;q&quot;');
    assert.doesNotMatch((await get('/feeds/all.rss')).body, /<b>Bold<\/b>/);
    assert.match(channel.item[0]['content:encoded'], /<h2>Before<\/h2>/);
  });

  it('filters feeds by type', async () => {
    assert.deepEqual(links(await atom('/feeds/news.atom')), [paths['Glenns Ferry opens a makerspace'], paths['<b>Bold</b> & "q"']]);
    assert.deepEqual(itemLinks(await rss('/feeds/collection.rss')), [paths['Makerspace resources']]);
    const empty = await atom('/feeds/curriculum.atom');
    assert.equal(empty.entry, undefined, 'a type with nothing published gives an empty, valid feed');
    assert.deepEqual(itemLinks(await rss('/feeds/page.rss')), []);
  });

  it('filters feeds by tag', async () => {
    assert.deepEqual(links(await atom('/feeds/tags/makerspaces.atom')), [paths['Makerspace resources'], paths['Glenns Ferry opens a makerspace']]);
    const channel = await rss('/feeds/tags/teens.rss');
    assert.deepEqual(itemLinks(channel), [paths['A teen space in Cornwall'], paths['Makerspace resources']]);
    assert.equal(channel.link[0], `${BASE}/tags/teens`);
  });

  it('answers unknown feeds with 404', async () => {
    for (const url of [
      '/feeds/tags/no-such-tag.atom',
      '/feeds/tags/makerspaces.json',
      '/feeds/tags/makerspaces',
      '/feeds/nonsense.atom',
      '/feeds/all.json',
      '/feeds/all',
      '/feeds/ALL.ATOM',
      '/feeds/tags',
      `/feeds/${'x'.repeat(150)}.rss`,
      '/feeds/%3Cscript%3E.atom',
    ]) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  it('lets feed readers skip unchanged feeds with a 304, until something is published', async () => {
    const first = await get('/feeds/all.atom');
    const etag = String(first.headers.etag);
    assert.ok(etag);
    const again = await get('/feeds/all.atom', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    const item = await app.services.content.createItem({ ...blank, type: 'news', title: 'Fresh news', body: 'New.' }, null);
    await app.services.content.publish(item.id, undefined, null);
    const changed = await get('/feeds/all.atom', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.match(changed.body, /Fresh news/);
    await app.services.content.unpublish(item.id, null);
    assert.doesNotMatch((await get('/feeds/all.atom')).body, /Fresh news/);
  });

  it('lists public pages with absolute addresses in the sitemap', async () => {
    const response = await get('/sitemap.xml');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/xml; charset=utf-8');
    const { urlset } = parser.parse(response.body) as Xml;
    assert.equal(urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs: string[] = urlset.url.map((u: Xml) => u.loc);
    assert.ok(locs.every((loc) => loc.startsWith(`${BASE}/`)));
    for (const path of ['/', '/news', '/resources', '/directory', '/newsletter', paths.library, paths['Makerspace resources'], '/tags/teens']) {
      assert.ok(locs.includes(`${BASE}${path}`), `sitemap has ${path}`);
    }
    assert.ok(!locs.includes(`${BASE}${paths.draft}`) && !locs.includes(`${BASE}${paths.scheduled}`));
    const story = urlset.url.find((u: Xml) => u.loc === `${BASE}${paths['A teen space in Cornwall']}`);
    assert.ok(!Number.isNaN(Date.parse(story.lastmod)));
    assert.equal(new Set(locs).size, locs.length, 'no duplicates');
  });

  it('lists sent newsletter issues in the sitemap', async () => {
    await seedDemoNewsletter(app.services);
    const [issue] = await app.services.newsletter.allSentIssues();
    assert.ok(issue);
    const { urlset } = parser.parse((await get('/sitemap.xml')).body) as Xml;
    assert.ok(urlset.url.some((u: Xml) => u.loc === `${BASE}/newsletter/archive/${issue.id}`));
  });

  it('serves robots.txt with private areas closed and the sitemap named', async () => {
    const response = await get('/robots.txt');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
    const lines = response.body.split('\n');
    for (const path of ['/account', '/people', '/content', '/libraries', '/outbox', '/messages', '/newsletter/issues']) {
      assert.ok(lines.includes(`Disallow: ${path}`), `disallows ${path}`);
    }
    assert.ok(!lines.includes('Disallow: /'), 'public pages stay open');
    assert.ok(lines.includes(`Sitemap: ${BASE}/sitemap.xml`));
  });
});
