import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { manualClock } from '../../../tests/support/clock';
import { multipart } from '../../../tests/support/multipart';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { locationField, SKIP } from './import-schema';
import { STAGED_IMPORT_TTL_MS, sumaSweepId } from './import-service';
import { importMapPath, importPath } from './import-urls';
import type { Space } from './service';
import { spaceUsePath } from './urls';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const UNPROCESSED = fixture('raw-unprocessed.csv');
const REPORT = fixture('raw-report.csv');

/** The per-zone totals the fixtures' README gives. */
const README_TOTALS = { Makerspace: 81, 'Reading Room, North': 133, 'Teen Corner': 58, "Children's Area": 112 };
/** The Suma location ids of the fixtures' zones. */
const SUMA_IDS = { Makerspace: 4, 'Reading Room, North': 5, 'Teen Corner': 6, "Children's Area": 7 } as const;

const toLibrary = (l: { id: string; slug: string; name: string; timeZone: string }): WorkspaceLibrary => ({ id: l.id, slug: l.slug, name: l.name, timeZone: l.timeZone });

describe('Suma import', () => {
  let t: TestApp;
  // Moved by hand to let a kept file expire; the fixtures' 2018 sweeps are long past it.
  const clock = manualClock();

  async function clientOf(person: { id: string }): Promise<TestClient> {
    const { token } = await t.app.services.accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
    const client = new TestClient(t.app);
    client.setCookie('ss_session', token);
    return client;
  }

  /** A library with a staff member and a space whose zones are the fixtures' four and a lobby the file does not name. */
  async function setUp(name: string) {
    const library = toLibrary(await makeLibrary(t.app, { name }));
    const person = await makePerson(t.app, { role: 'staff', libraryId: library.id });
    const staff = await clientOf(person);
    const space = await t.app.services.spaceUse.createSpace(library.id, {
      name: 'Main Floor',
      zones: [...Object.keys(README_TOTALS), 'Lobby'].map((zone) => ({ name: zone, capacity: 40 })),
    });
    return { library, person, staff, space };
  }

  before(async () => {
    t = await createTestApp({}, { clock: clock.now });
  });
  after(() => t.close());

  /** Uploads a file through the form as a browser does. */
  async function upload(client: TestClient, library: WorkspaceLibrary, space: Space, name: string, bytes: Buffer, type = 'text/csv') {
    const body = await multipart(await client.csrf(), { name, type, bytes }, {});
    return client.postRaw(importPath(library, space.id), body.payload, body.contentType);
  }

  /** The key of the kept file, from the address the upload redirected to. */
  function uploadKey(response: LightMyRequestResponse): string {
    assert.equal(response.statusCode, 303, response.body);
    const key = new URL(String(response.headers.location), 'http://x').searchParams.get('upload');
    assert.ok(key);
    return key;
  }

  /** Every Suma location of the fixtures mapped to its zone of the same name. */
  function fullMapping(space: Space): Record<string, string> {
    return Object.fromEntries(
      Object.entries(SUMA_IDS).map(([zone, id]) => [locationField(id), space.zones.find((z) => z.name === zone)!.id]),
    );
  }

  async function importFile(client: TestClient, library: WorkspaceLibrary, space: Space, bytes: Buffer, fields: Record<string, string> = {}) {
    const key = uploadKey(await upload(client, library, space, 'suma.csv', bytes));
    return client.post(importMapPath(library, space.id), { upload: key, timeZone: 'America/New_York', ...fullMapping(space), ...fields });
  }

  /** The library's sweeps with their counts by zone name, oldest first. */
  async function storedSweeps(libraryId: string) {
    const { db } = t.app.database;
    const sweeps = await db.selectFrom('sweeps').selectAll().where('library_id', '=', libraryId).orderBy('started_at').orderBy('id').execute();
    const counts = await db
      .selectFrom('sweep_counts')
      .innerJoin('sweeps', 'sweeps.id', 'sweep_counts.sweep_id')
      .innerJoin('zones', 'zones.id', 'sweep_counts.zone_id')
      .where('sweeps.library_id', '=', libraryId)
      .select(['sweep_id', 'zones.name', 'people'])
      .execute();
    return sweeps.map((s) => ({
      ...s,
      counts: Object.fromEntries(counts.filter((c) => c.sweep_id === s.id).map((c) => [c.name, c.people === null ? null : Number(c.people)])),
    }));
  }

  /** People per zone over all sweeps, not-observed counts left out. */
  function totals(sweeps: Awaited<ReturnType<typeof storedSweeps>>): Record<string, number> {
    const sums: Record<string, number> = {};
    for (const sweep of sweeps) for (const [zone, people] of Object.entries(sweep.counts)) if (people !== null) sums[zone] = (sums[zone] ?? 0) + people;
    return sums;
  }

  /** The message the next page shows after a redirect. */
  async function flashAfter(client: TestClient, response: LightMyRequestResponse): Promise<string> {
    assert.equal(response.statusCode, 303, response.body);
    return (await client.get(String(response.headers.location))).body;
  }

  it('links to the import from the list of spaces, and previews an upload with its locations', async () => {
    const { library, staff, space } = await setUp('Preview Library');
    const list = await staff.get(spaceUsePath(library));
    assert.ok(list.body.includes(`href="${importPath(library, space.id)}"`));
    assert.equal((await staff.get(importPath(library, space.id))).statusCode, 200);

    const key = uploadKey(await upload(staff, library, space, 'suma.csv', REPORT));
    const page = await staff.get(importMapPath(library, space.id, key));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Main Floor Headcount/);
    assert.match(page.body, /<dt>Sessions<\/dt><dd>36<\/dd>/);
    assert.match(page.body, /<dt>Count actions<\/dt><dd>406<\/dd>/);
    assert.match(page.body, /<dt>Dates<\/dt><dd>Mar 5, 2018 to Mar 17, 2018<\/dd>/);
    const locations = [...page.body.matchAll(/<tr><td>([^<]+)<\/td><td class="numeric">(\d+)<\/td><\/tr>/g)].map((m) => `${m[2]} ${m[1]}`);
    assert.deepEqual(locations, ['4 Main Library-Makerspace', '5 Main Library-Reading Room, North', '6 Main Library-Teen Corner', "7 Main Library-Children's Area"]);
    // Each location is offered under the zone of its name, and the library's time zone is chosen.
    const makerspace = space.zones.find((z) => z.name === 'Makerspace')!;
    assert.match(page.body, new RegExp(`name="${locationField(4)}"[\\s\\S]*?<option value="${makerspace.id}" selected`));
    assert.match(page.body, new RegExp(`<option value="${library.timeZone}" selected`));
  });

  it('imports every Suma session as one sweep with the README’s totals, and adds nothing for the same file again or the other layout', async () => {
    const { library, staff, space } = await setUp('Import Library');
    const first = await importFile(staff, library, space, UNPROCESSED);
    assert.match(await flashAfter(staff, first), /Sweeps added: 36\. Already imported, so not added again: 0\./);

    const sweeps = await storedSweeps(library.id);
    assert.equal(sweeps.length, 36);
    assert.deepEqual(totals(sweeps), README_TOTALS);
    // The lobby is mapped from nothing, so no sweep says anything about it.
    assert.ok(sweeps.every((s) => !('Lobby' in s.counts)));
    // Session 236 started at 17:05:53 on 17 March 2018 in New York, daylight time since 11 March.
    const session = sweeps.find((s) => s.id === sumaSweepId(library.id, 236));
    assert.equal(session?.started_at, '2018-03-17T21:05:53.000Z');
    assert.equal(session?.ended_at, '2018-03-17T21:16:09.000Z');
    assert.equal(session?.space_id, space.id);
    assert.equal(await t.app.database.db.selectFrom('space_use_imports').select('id').where('space_id', '=', space.id).executeTakeFirst(), undefined);

    const again = await importFile(staff, library, space, UNPROCESSED);
    assert.match(await flashAfter(staff, again), /Everything in this file was already imported: nothing was added\./);
    const report = await importFile(staff, library, space, REPORT);
    assert.match(await flashAfter(staff, report), /Everything in this file was already imported/);
    assert.deepEqual(await storedSweeps(library.id), sweeps);
  });

  it('stores a mapped location that a session never selected as not observed, and leaves skipped locations out', async () => {
    const { library, staff, space } = await setUp('Mapping Library');
    const csv = [
      'Count Date,Session Start,Session End,Count ID,Session ID,Location,Reading',
      '2018-03-05 10:05:00,2018-03-05 10:00:00,2018-03-05 10:10:00,11,1,Main Library-Makerspace (id:4),2',
      '2018-03-05 10:06:00,2018-03-05 10:00:00,2018-03-05 10:10:00,12,1,Main Library-Teen Corner (id:6),',
      '2018-03-05 10:07:00,2018-03-05 10:00:00,2018-03-05 10:10:00,13,1,Main Library-Children\'s Area (id:7),3',
      // The second sweep never selected the Teen Corner.
      '2018-03-05 11:05:00,2018-03-05 11:00:00,2018-03-05 11:10:00,14,2,Main Library-Makerspace (id:4),1',
      '',
    ].join('\n');
    const key = uploadKey(await upload(staff, library, space, 'small.csv', Buffer.from(csv)));
    const mapping = { ...fullMapping(space), [locationField(7)]: SKIP };
    // The form offers only the locations the file names; a Reading Room field is not one of them.
    delete mapping[locationField(5)];
    const done = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'UTC', ...mapping });
    assert.equal(done.statusCode, 303, done.body);
    const sweeps = await storedSweeps(library.id);
    assert.deepEqual(
      sweeps.map((s) => ({ note: s.note, startedAt: s.started_at, counts: s.counts })),
      [
        { note: 'Suma 1', startedAt: '2018-03-05T10:00:00.000Z', counts: { Makerspace: 2, 'Teen Corner': 0 } },
        { note: 'Suma 2', startedAt: '2018-03-05T11:00:00.000Z', counts: { Makerspace: 1, 'Teen Corner': null } },
      ],
    );
  });

  it('counts each session of the autumn’s repeated hour once, neither merged nor lost', async () => {
    const { library, staff, space } = await setUp('Autumn Library');
    // Clocks in New York went back from 02:00 to 01:00 on 5 November 2017: 01:30 happened twice.
    const csv = [
      'Count Date,Session Start,Session End,Count ID,Session ID,Location,Reading',
      '2017-11-05 01:32:00,2017-11-05 01:30:00,2017-11-05 01:40:00,21,7,Main Library-Makerspace (id:4),4',
      '2017-11-05 01:33:00,2017-11-05 01:30:00,2017-11-05 01:40:00,22,8,Main Library-Makerspace (id:4),5',
    ].join('\n');
    const key = uploadKey(await upload(staff, library, space, 'autumn.csv', Buffer.from(csv)));
    const makerspace = space.zones.find((z) => z.name === 'Makerspace')!.id;
    const done = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'America/New_York', [locationField(4)]: makerspace });
    assert.equal(done.statusCode, 303, done.body);
    const sweeps = await storedSweeps(library.id);
    assert.deepEqual(sweeps.map((s) => s.counts.Makerspace).sort(), [4, 5]);
    assert.deepEqual(new Set(sweeps.map((s) => s.id)), new Set([sumaSweepId(library.id, 7), sumaSweepId(library.id, 8)]));
    // The repeated wall time is read as its first, daylight-time occurrence, as everywhere else.
    assert.deepEqual(sweeps.map((s) => s.started_at), ['2017-11-05T05:30:00.000Z', '2017-11-05T05:30:00.000Z']);
  });

  it('reports a bad row by its line and imports nothing until asked to import the good rows only', async () => {
    const { library, staff, space } = await setUp('Bad Row Library');
    const lines = UNPROCESSED.toString('utf8').split('\n');
    // Line 2 is a Children's Area count of 1 in session 236; its Count ID is made unreadable.
    lines[1] = lines[1]!.replace(',1406,', ',14O6,');
    const bad = Buffer.from(lines.join('\n'));
    const key = uploadKey(await upload(staff, library, space, 'bad.csv', bad));
    const page = await staff.get(importMapPath(library, space.id, key));
    assert.match(page.body, /<td class="numeric">2<\/td><td>Count ID is not an id: “14O6”\.<\/td>/);

    const refused = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'America/New_York', ...fullMapping(space) });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /so nothing was imported/);
    assert.deepEqual(await storedSweeps(library.id), []);

    const done = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'America/New_York', ...fullMapping(space), goodRowsOnly: 'yes' });
    assert.match(await flashAfter(staff, done), /Sweeps added: 36\./);
    assert.deepEqual(totals(await storedSweeps(library.id)), { ...README_TOTALS, "Children's Area": 111 });
  });

  it('refuses a file that is not CSV or not a Suma export, with a message on the form', async () => {
    const { library, staff, space } = await setUp('Refusing Library');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const image = await upload(staff, library, space, 'photo.png', png, 'image/png');
    assert.equal(image.statusCode, 400);
    assert.match(image.body, /id="field-file-error">The file is not a CSV text file\./);

    const people = await upload(staff, library, space, 'people.csv', Buffer.from('name,email\nAda,ada@example.org\n'));
    assert.equal(people.statusCode, 400);
    assert.match(people.body, /id="field-file-error">The file is not a Suma raw-data export/);

    const empty = await multipart(await staff.csrf(), undefined, {});
    const none = await staff.postRaw(importPath(library, space.id), empty.payload, empty.contentType);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Choose a Suma CSV file to upload/);
    const urlencoded = await staff.post(importPath(library, space.id), { upload: UNPROCESSED.toString('utf8') });
    assert.equal(urlencoded.statusCode, 400);
    assert.match(urlencoded.body, /Choose a Suma CSV file to upload/);
    assert.deepEqual(await storedSweeps(library.id), []);
  });

  it('refuses zones of another space, and finds no file kept for another library', async () => {
    const { library, staff, space } = await setUp('Scoped Library');
    const other = await setUp('Other Scoped Library');
    const key = uploadKey(await upload(staff, library, space, 'suma.csv', UNPROCESSED));
    const foreign = { ...fullMapping(space), [locationField(4)]: other.space.zones[0]!.id };
    const refused = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'America/New_York', ...foreign });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Choose a zone for Main Library-Makerspace, or skip it/);
    const badZone = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'Mars/Olympus', ...fullMapping(space) });
    assert.match(badZone.body, /Choose a time zone from the list/);

    const elsewhere = await other.staff.post(importMapPath(other.library, other.space.id), { upload: key, timeZone: 'UTC', ...fullMapping(other.space) });
    assert.equal(elsewhere.statusCode, 303);
    assert.equal(String(elsewhere.headers.location), importPath(other.library, other.space.id));
    assert.deepEqual(await storedSweeps(other.library.id), []);
    assert.deepEqual(await storedSweeps(library.id), []);
  });

  it('keeps an uploaded file for a day, then asks for it again', async () => {
    const { library, staff, space } = await setUp('Expiry Library');
    const key = uploadKey(await upload(staff, library, space, 'suma.csv', UNPROCESSED));
    clock.advance(STAGED_IMPORT_TTL_MS);
    assert.equal((await staff.get(importMapPath(library, space.id, key))).statusCode, 200);
    clock.advance(1);
    const gone = await staff.get(importMapPath(library, space.id, key));
    assert.equal(String(gone.headers.location), importPath(library, space.id));
    assert.match(await flashAfter(staff, gone), /The uploaded file is no longer kept\. Upload it again\./);
    const late = await staff.post(importMapPath(library, space.id), { upload: key, timeZone: 'UTC', ...fullMapping(space) });
    assert.equal(String(late.headers.location), importPath(library, space.id));
    assert.deepEqual(await storedSweeps(library.id), []);
    // The next upload removes the expired file's row.
    uploadKey(await upload(staff, library, space, 'suma.csv', UNPROCESSED));
    const kept = t.app.database.db.selectFrom('space_use_imports').select('id').where('id', '=', key);
    assert.equal(await kept.executeTakeFirst(), undefined);
  });

  it('refuses, and leaves as they were, sessions imported before with another mapping', async () => {
    const { library, staff, space } = await setUp('Remapped Library');
    await flashAfter(staff, await importFile(staff, library, space, UNPROCESSED));
    const before = await storedSweeps(library.id);
    const lobby = space.zones.find((z) => z.name === 'Lobby')!.id;
    const remapped = await importFile(staff, library, space, REPORT, { [locationField(4)]: lobby });
    assert.match(await flashAfter(staff, remapped), /Sweeps added: 0\. Already imported, so not added again: 0\. Refused because they were imported before with other counts: 36\./);
    assert.deepEqual(await storedSweeps(library.id), before);
  });

  it('speaks Spanish to a person who chose it', async () => {
    const { library, person, staff, space } = await setUp('Spanish Library');
    await t.app.database.db.updateTable('users').set({ locale: 'es' }).where('id', '=', person.id).execute();
    const form = await staff.get(importPath(library, space.id));
    assert.match(form.body, /Importar los conteos de Suma en Main Floor/);
    const refused = await upload(staff, library, space, 'people.csv', Buffer.from('name,email\nAda,ada@example.org\n'));
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /id="field-file-error">El archivo no es una exportación de datos sin procesar de Suma/);
  });
});
