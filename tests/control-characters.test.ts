import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from './support/app';
import { TestClient } from './support/client';
import { makeLibrary, makeProgram, signedInClient } from './support/factories';
import { withoutControlCharacters } from '../src/server/plugins/input';

/*
 * Control characters in free text: PostgreSQL refuses a NUL in text, so a
 * pasted NUL was a 500 with the input lost there, while SQLite stored it.
 * Every request's input is cleaned in one place; these tests go through
 * forms of several features on whichever database the suite runs on.
 */

const NUL = '\u0000';

describe('control characters in input', () => {
  let t: TestApp;
  let admin: TestClient;
  let lead: TestClient;
  let library: Awaited<ReturnType<typeof makeLibrary>>;
  let address = 0;
  const from = () => ({ 'x-forwarded-for': `203.0.113.${++address}` });

  before(async () => {
    t = await createTestApp({ trustProxy: 1 });
    await makeProgram(t.app);
    library = await makeLibrary(t.app);
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    lead = (await signedInClient(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' })).client;
  });
  after(() => t.close());

  /** Follows a form's redirect and returns the page it leads to. */
  async function saved(client: TestClient, url: string, fields: Record<string, string | string[]>) {
    const response = await client.post(url, fields, { headers: from() });
    assert.equal(response.statusCode, 303, `${url}: ${response.body.slice(0, 300)}`);
    return (await client.get(String(response.headers.location))).body;
  }

  it('removes control characters other than tab, line feed and carriage return', () => {
    assert.equal(withoutControlCharacters(`a${NUL}b\u0001\u0008\u000B\u000C\u001F\u007F\u0085\u009Fc`), 'abc');
    assert.equal(withoutControlCharacters('tab\there\nline\r\nend – ñ ✓ 👋'), 'tab\there\nline\r\nend – ñ ✓ 👋');
  });

  it('keeps an anonymous contact message, sent as a form or as JSON, without the NUL', async () => {
    const visitor = new TestClient(t.app);
    const fields = { name: `Robin${NUL} Reader`, email: 'robin@example.org', message: `Line one${NUL}\nLine two\u0007`, website: '' };
    assert.equal((await visitor.post('/contact', fields, { headers: from() })).statusCode, 303);
    const json = await visitor.postRaw(
      '/contact',
      JSON.stringify({ ...fields, name: `Jo${NUL}`, _csrf: await visitor.csrf() }),
      'application/json',
      from(),
    );
    assert.ok(json.statusCode < 500, `JSON body answered ${json.statusCode}`);
    const { items } = await t.app.services.contact.listMessages(1);
    const robin = items.find((m) => m.name === 'Robin Reader');
    assert.ok(robin, 'the message was stored with its name cleaned');
    assert.equal(robin.message, 'Line one\nLine two');
  });

  it('keeps program and library fields without the NUL', async () => {
    const program = await saved(admin, '/program/edit', {
      name: `Smart${NUL} Spaces`,
      description: `About${NUL} the program`,
      managerName: `Pat${NUL} Manager`,
      managerEmail: 'pat@example.org',
    });
    assert.match(program, /Smart Spaces/);
    assert.ok(!program.includes(NUL));
    const created = await saved(admin, '/libraries/new', {
      name: `Nul${NUL} Library`,
      town: `Nul${NUL}ville`,
      state: 'IA',
      peopleServed: '1000',
      timeZone: 'America/Chicago',
      website: '',
      description: `A library${NUL} with a story`,
      cohort: '',
    });
    assert.match(created, /Nul Library/);
    assert.match(created, /Nulville/);
    assert.ok(!created.includes(NUL));
  });

  it('keeps a goal title and a patron survey answer without the NUL', async () => {
    const goal = await saved(lead, `/libraries/${library.slug}/plan/goals/new`, { title: `Teen${NUL} space`, description: `Room${NUL} for teens` });
    assert.match(goal, /Teen space/);
    const { surveys } = t.app.services;
    const survey = await surveys.createSurvey(library.id, { title: { en: 'Visit', es: 'Visita' }, intro: { en: '', es: '' }, closesOn: null }, null);
    const question = await surveys.addQuestion(survey, 'short', { prompt: { en: 'Idea?', es: '¿Idea?' }, required: true, dots: null, options: [] });
    await surveys.openSurvey(survey, '2026-01-01');
    const patron = new TestClient(t.app);
    const form = await patron.get(`/s/${survey.code}`);
    assert.equal(form.statusCode, 200);
    const response = await patron.post(`/s/${survey.code}`, { [`q_${question.id}`]: `More${NUL} books`, ...hiddenFields(form.body) }, { headers: from() });
    assert.equal(response.statusCode, 303, response.body.slice(0, 300));
    const csv = await lead.get(`/libraries/${library.slug}/surveys/${survey.id}/results.csv`);
    assert.match(csv.body, /More books/);
  });

  it('answers NUL and invalid UTF-8 in addresses and queries with a page, never a 500', async () => {
    const urls = [
      '/news/a%00b',
      '/news/%FF',
      `/libraries/${library.slug}%00`,
      `/libraries/${library.slug}%00/plan`,
      '/directory/%00',
      '/s/%00',
      '/tags/%00',
      '/images/%00/480.webp',
      '/search?q=%00',
      '/search?q=%FF%FE',
      '/people?q=%00',
      '/people/%00',
      '/messages/%00',
      '/outbox/%00',
      '/newsletter/issues/%00',
      '/libraries?state=%00',
    ];
    for (const url of urls) {
      const response = await admin.get(url);
      assert.ok(response.statusCode < 500, `${url} answered ${response.statusCode}`);
    }
  });

  it('keeps a form body with invalid UTF-8, reading broken bytes as replacement characters', async () => {
    const visitor = new TestClient(t.app);
    const token = await visitor.csrf();
    const payload = Buffer.concat([
      Buffer.from(`_csrf=${encodeURIComponent(token)}&email=broken&message=`),
      Buffer.from([0x48, 0x69, 0xff, 0xfe]),
      Buffer.from('&name=Bad%FFescape&website='),
    ]);
    const response = await visitor.postRaw('/contact', payload, 'application/x-www-form-urlencoded', from());
    assert.equal(response.statusCode, 400, 'the bad email address is refused on the form');
    assert.ok(response.body.includes('Hi\uFFFD\uFFFD'), 'the message is kept');
    assert.ok(response.body.includes('Bad%FFescape'), 'the name is kept');
  });
});

/** The hidden fields of a page's form (idempotency keys and the like), except the CSRF token the client adds. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    if (name !== '_csrf') fields[name!] = value!;
  }
  return fields;
}
