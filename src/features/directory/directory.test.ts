import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeCohort, makeLibrary, makePerson, makeProgram } from '../../../tests/support/factories';
import type { Library } from '../libraries/service';
import type { Cohort } from '../programs/service';
import type { NewItemInput } from '../content/service';

describe('library directory', () => {
  let t: TestApp;
  let cohort: Cohort;
  let later: Cohort;
  let glenns: Library;
  let cornwall: Library;
  let greenwich: Library;
  let staffEmail: string;
  let staffName: string;
  const visitor = () => new TestClient(t.app);

  /** Writes an item for a library and publishes it unless asked not to. */
  async function item(input: Partial<NewItemInput> & Pick<NewItemInput, 'type' | 'title'>, publish = true) {
    const { content } = t.app.services;
    const made = await content.createItem(
      { summary: '', body: 'Body text.', libraryId: null, imageId: null, links: [], sections: null, tagIds: [], ...input },
      null,
    );
    if (publish) await content.publish(made.id, undefined, null);
    return made;
  }

  before(async () => {
    t = await createTestApp();
    const { libraries, images } = t.app.services;
    // The program's manager address is checked below never to show.
    await makeProgram(t.app, { managerEmail: 'pat@example.org' });
    cohort = await makeCohort(t.app, { name: 'First cohort', startsOn: '2016-09-01', endsOn: '2018-02-28' });
    later = await makeCohort(t.app, { name: 'Second cohort', startsOn: '2019-09-01', endsOn: '2021-02-28' });
    glenns = await makeLibrary(t.app, { name: 'Glenns Ferry Public Library', state: 'ID', cohortId: cohort.id });
    await libraries.updateLibrary(glenns.id, {
      ...glenns,
      town: 'Glenns Ferry',
      peopleServed: 1241,
      website: 'https://glennsferry.example.org/',
      description: 'Turned a VHS storage room into a makerspace.',
    });
    cornwall = await makeLibrary(t.app, { name: 'Cornwall Public Library', state: 'NY', cohortId: cohort.id });
    greenwich = await makeLibrary(t.app, { name: 'Greenwich Free Library', state: 'NY', cohortId: later.id });
    const staff = await makePerson(t.app, { role: 'staff', libraryId: glenns.id, libraryRole: 'lead', name: 'Private Person' });
    staffEmail = staff.email;
    staffName = staff.name;

    const photo = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#884422' } }).jpeg().toBuffer();
    const image = await images.createImage(photo, { alt: 'Shelves moved aside for a maker table', credit: 'Eswift', licence: 'CC BY 2.0', licenceUrl: '' }, null);
    await item({ type: 'postcard', title: 'Greetings from Glenns Ferry', summary: 'The VHS room is empty.', libraryId: glenns.id, imageId: image.id });
    await item({ type: 'postcard', title: 'Draft postcard not yet sent', libraryId: glenns.id }, false);
    await item({
      type: 'story',
      title: 'From VHS storage to makerspace',
      summary: 'How Glenns Ferry made room to make.',
      libraryId: glenns.id,
      sections: { before: 'Before.', during: 'During.', after: 'After.' },
    });
    await item({ type: 'postcard', title: 'Greetings from Cornwall', libraryId: cornwall.id });
  });
  after(() => t.close());

  it('lists every participating library with its town, state, people served and cohort', async () => {
    const page = await visitor().get('/directory');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Participating libraries<\/h1>/);
    assert.match(page.body, /<caption>Participating libraries \(3\)<\/caption>/);
    assert.match(page.body, /<a href="\/directory\/glenns-ferry-public-library">Glenns Ferry Public Library<\/a>/);
    assert.match(page.body, /1,241/);
    assert.match(page.body, /<option value="ID">ID<\/option><option value="NY">NY<\/option><\/select>/);
    assert.match(page.body, /<link rel="canonical" href="http:\/\/smartspaces.test\/directory"\/>/);
    assert.doesNotMatch(page.body, /name="_csrf"/, 'the page is the same for everyone, so it can be cached');
  });

  it('filters by state and cohort, ignoring values that are not real', async () => {
    const ny = await visitor().get('/directory?state=ny');
    assert.match(ny.body, /\(2\)<\/caption>/);
    assert.doesNotMatch(ny.body, /Glenns Ferry Public Library<\/a>/);
    assert.match(ny.body, /<option value="NY" selected>NY<\/option>/);

    const nyFirst = await visitor().get(`/directory?state=NY&cohort=${cohort.id}`);
    assert.match(nyFirst.body, /\(1\)<\/caption>/);
    assert.match(nyFirst.body, /Cornwall Public Library/);
    assert.match(nyFirst.body, /href="\/directory">Show all libraries<\/a>/);

    const none = await visitor().get('/directory?state=TX');
    assert.match(none.body, /No libraries match these filters\./);

    for (const url of ['/directory?state=ZZ', '/directory?cohort=forged', '/directory?state[]=NY&page=abc', `/directory?state=${'x'.repeat(5000)}`]) {
      const response = await visitor().get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /\(3\)<\/caption>/, url);
    }
  });

  it('shows a library profile with its story and published postcards', async () => {
    const page = await visitor().get('/directory/glenns-ferry-public-library');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Glenns Ferry Public Library<\/h1><p class="lead">Glenns Ferry, ID<\/p>/);
    assert.match(page.body, /Turned a VHS storage room into a makerspace\./);
    assert.match(page.body, /<dd>1,241<\/dd>/);
    assert.match(page.body, /<dd>First cohort<\/dd>/);
    assert.match(page.body, /<a href="https:\/\/glennsferry.example.org\/" rel="noopener">/);
    assert.match(page.body, /<a href="\/stories\/[^"]+">From VHS storage to makerspace<\/a>/);
    assert.match(page.body, /<a href="\/postcards\/[^"]+">Greetings from Glenns Ferry<\/a>/);
    assert.match(page.body, /alt="Shelves moved aside for a maker table"/);
    assert.match(page.body, /"@type":"Library"/);
    assert.doesNotMatch(page.body, /Draft postcard not yet sent/);
    assert.doesNotMatch(page.body, /Greetings from Cornwall/);
  });

  it('shows nothing private: no team, no email addresses, no work areas', async () => {
    const page = await visitor().get('/directory/glenns-ferry-public-library');
    assert.ok(!page.body.includes(staffEmail));
    assert.ok(!page.body.includes(staffName));
    assert.doesNotMatch(page.body, /pat@example\.org/);
    assert.doesNotMatch(page.body, /href="\/libraries\//);
    assert.doesNotMatch(page.body, /America\/Chicago/);
  });

  it('says so when a library has no story or postcards yet', async () => {
    const page = await visitor().get(`/directory/${greenwich.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The library has not published its story yet\./);
    assert.match(page.body, /The library has not sent any postcards yet\./);
    assert.match(page.body, /<dd>Second cohort<\/dd>/);
  });

  it('answers 404 for an unknown library, and reads in Spanish', async () => {
    assert.equal((await visitor().get('/directory/no-such-library')).statusCode, 404);
    assert.equal((await visitor().get(`/directory/${'x'.repeat(300)}`)).statusCode, 404);
    const es = await visitor().get('/directory?lang=es');
    assert.match(es.body, /<h1>Bibliotecas participantes<\/h1>/);
  });
});
