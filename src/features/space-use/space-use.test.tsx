import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { byRole, fieldError, fieldValue, parseHtml, tableRows } from '../../../tests/support/html';
import { newId } from '../../db/ids';
import { localToUtc, utcToLocal } from '../../i18n/time';
import type { WorkspaceLibrary } from '../workspace/contracts';
import { FUTURE_ALLOWANCE_MS, sweepProblems, type Space, type SweepInput } from './service';
import { countField } from './schema';
import { newSpacePath, spacePath, spaceUsePath, sweepsPath, syncPath } from './urls';

const toLibrary = (l: { id: string; slug: string; name: string; timeZone: string }): WorkspaceLibrary => ({ id: l.id, slug: l.slug, name: l.name, timeZone: l.timeZone });

/** The hidden sweep id the form's page made. */
const formId = (html: string) => /name="id" value="([^"]+)"/.exec(html)?.[1];

describe('space use', () => {
  let t: TestApp;
  let library: WorkspaceLibrary;
  let other: WorkspaceLibrary;
  let staff: TestClient;
  let coach: TestClient;
  let space: Space;

  async function clientOf(person: { id: string }): Promise<TestClient> {
    const { token } = await t.app.services.accounts.createSession(person.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
    const client = new TestClient(t.app);
    client.setCookie('ss_session', token);
    return client;
  }

  before(async () => {
    t = await createTestApp();
    library = toLibrary(await makeLibrary(t.app, { name: 'Space Library' }));
    other = toLibrary(await makeLibrary(t.app, { name: 'Other Library' }));
    staff = await clientOf(await makePerson(t.app, { role: 'staff', libraryId: library.id }));
    coach = await clientOf(await makePerson(t.app, { role: 'coach', coachedLibraryIds: [library.id] }));
  });
  after(() => t.close());

  /** The library's sweep rows with their counts, by zone name, oldest first. */
  async function storedSweeps(libraryId: string) {
    const { db } = t.app.database;
    const sweeps = await db.selectFrom('sweeps').selectAll().where('library_id', '=', libraryId).orderBy('started_at').orderBy('id').execute();
    const counts = await db.selectFrom('sweep_counts').innerJoin('zones', 'zones.id', 'sweep_counts.zone_id').select(['sweep_id', 'zones.name', 'people']).execute();
    return sweeps.map((s) => ({
      ...s,
      counts: Object.fromEntries(counts.filter((c) => c.sweep_id === s.id).map((c) => [c.name, c.people === null ? null : Number(c.people)])),
    }));
  }

  it('shows an empty list of spaces, with the section in the workspace navigation', async () => {
    const response = await staff.get(spaceUsePath(library));
    assert.equal(response.statusCode, 200);
    const page = parseHtml(response.body);
    const nav = byRole(page, 'navigation', { name: 'Workspace' });
    assert.equal(byRole(nav, 'link', { name: 'Space use' }).attribs['aria-current'], 'page');
    assert.match(response.body, /No spaces yet/);
    byRole(page, 'link', { name: 'Add a space' });
  });

  it('refuses a space without a name or zones, and a capacity that is not a whole number, keeping the input', async () => {
    const empty = await staff.post(newSpacePath(library), { name: '' });
    assert.equal(empty.statusCode, 400);
    assert.equal(fieldError(empty.body, 'Name of the space'), 'Enter the name of the space');
    assert.equal(fieldError(empty.body, /Zone 1: name/), 'Add at least one zone');

    const bad = await staff.post(newSpacePath(library), { name: 'Makerspace', 'zoneName-0': 'Benches', 'zoneCapacity-0': '2.5', 'zoneName-1': 'benches', 'zoneCapacity-1': '4' });
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldValue(bad.body, 'Name of the space'), 'Makerspace');
    assert.equal(fieldValue(bad.body, /Zone 1: capacity/), '2.5');
    assert.match(fieldError(bad.body, /Zone 1: capacity/) ?? '', /whole number from 1/);
    assert.match(fieldError(bad.body, /Zone 2: name/) ?? '', /already called/);
  });

  it('adds a space with its zones, lists it, and edits it keeping the zones’ ids', async () => {
    const added = await staff.post(newSpacePath(library), {
      name: 'Makerspace',
      'zoneName-0': 'Benches',
      'zoneCapacity-0': '6',
      'zoneName-1': '',
      'zoneCapacity-1': '',
      'zoneName-2': 'Printers',
      'zoneCapacity-2': '2',
    });
    assert.equal(added.statusCode, 303);
    const [created] = await t.app.services.spaceUse.listSpaces(library.id);
    assert.deepEqual(created?.zones.map((z) => [z.name, z.capacity, z.layoutVersion]), [['Benches', 6, 1], ['Printers', 2, 1]]);

    const list = parseHtml((await staff.get(spaceUsePath(library))).body);
    assert.deepEqual(tableRows(byRole(list, 'table'))[1]?.slice(0, 3), ['Makerspace', 'Benches, Printers', '8']);

    const edit = await staff.get(spacePath(library, created!.id, 'edit'));
    assert.equal(fieldValue(edit.body, /Zone 2: name/), 'Printers');
    const saved = await staff.post(spacePath(library, created!.id, 'edit'), {
      name: 'Makerspace',
      'zoneId-0': created!.zones[0]!.id,
      'zoneName-0': 'Workbenches',
      'zoneCapacity-0': '8',
      'zoneId-1': created!.zones[1]!.id,
      'zoneName-1': 'Printers',
      'zoneCapacity-1': '2',
      'zoneName-2': 'Sofa',
      'zoneCapacity-2': '3',
    });
    assert.equal(saved.statusCode, 303);
    space = (await t.app.services.spaceUse.getSpace(library.id, created!.id))!;
    assert.deepEqual(space.zones.map((z) => [z.id === created!.zones[0]!.id, z.name, z.capacity]), [[true, 'Workbenches', 8], [false, 'Printers', 2], [false, 'Sofa', 3]]);

    // The edit form shows the three zones and three blank rows for new ones.
    const rows = (await staff.get(spacePath(library, space.id, 'edit'))).body.match(/name="zoneName-\d+"/g);
    assert.deepEqual(rows, [0, 1, 2, 3, 4, 5].map((n) => `name="zoneName-${n}"`));

    const forged = await staff.post(spacePath(library, space.id, 'edit'), { name: 'Makerspace', 'zoneId-0': newId(), 'zoneName-0': 'Stolen', 'zoneCapacity-0': '3' });
    assert.equal(forged.statusCode, 400);
    assert.equal(fieldValue(forged.body, /Zone 1: name/), 'Stolen');
    assert.match(fieldError(forged.body, /Zone 1: name/) ?? '', /not part of this space/);
  });

  it('records a sweep from the form: blank is not observed, 0 is nobody there, and sending it twice stores it once', async () => {
    const form = await staff.get(spacePath(library, space.id, 'sweeps/new'));
    assert.equal(form.statusCode, 200);
    const id = formId(form.body);
    assert.ok(id);
    // The time defaults to now on the library's wall clock.
    const shown = fieldValue(form.body, 'When the sweep started');
    assert.ok(Math.abs(Date.parse(localToUtc(shown, library.timeZone)!) - Date.now()) < 5 * 60_000, shown);

    const fields = { id, startedAt: '2026-11-01T01:30', [countField(space.zones[0]!.id)]: '5', [countField(space.zones[1]!.id)]: '0', [countField(space.zones[2]!.id)]: '', note: 'Quiet morning' };
    const first = await staff.post(spacePath(library, space.id, 'sweeps/new'), fields);
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, sweepsPath(library));
    const again = await staff.post(spacePath(library, space.id, 'sweeps/new'), fields);
    assert.equal(again.statusCode, 303);
    assert.match((await staff.get(sweepsPath(library))).body, /This sweep was already saved/);

    const stored = await storedSweeps(library.id);
    assert.equal(stored.length, 1);
    // 01:30 on the day clocks go back in Chicago is the first one, still daylight time.
    assert.equal(stored[0]!.started_at, '2026-11-01T06:30:00.000Z');
    assert.deepEqual(stored[0]!.counts, { Workbenches: 5, Printers: 0, Sofa: null });
    assert.equal(stored[0]!.note, 'Quiet morning');

    const rows = tableRows(byRole(parseHtml((await coach.get(sweepsPath(library))).body), 'table'));
    assert.deepEqual(rows[1]?.slice(1), ['Makerspace', '5', '2 of 3', 'Quiet morning']);
  });

  it('refuses negative, unconfirmed high, future and unknown-zone counts with a message by the field, keeping the input', async () => {
    const post = async (fields: Record<string, string>): Promise<LightMyRequestResponse> => {
      const id = formId((await staff.get(spacePath(library, space.id, 'sweeps/new'))).body)!;
      return staff.post(spacePath(library, space.id, 'sweeps/new'), { id, startedAt: '2026-10-01T10:00', ...fields });
    };
    const [benches, printers] = space.zones;
    const before = (await storedSweeps(library.id)).length;

    const negative = await post({ [countField(benches!.id)]: '-1' });
    assert.equal(negative.statusCode, 400);
    assert.equal(fieldError(negative.body, /^Workbenches: people/), 'The count for Workbenches cannot be below 0');
    assert.equal(fieldValue(negative.body, /^Workbenches: people/), '-1');

    const high = await post({ [countField(printers!.id)]: '21', note: 'Printing party' });
    assert.equal(high.statusCode, 400);
    assert.match(fieldError(high.body, /^Printers: people/) ?? '', /more than ten times its capacity of 2/);
    assert.equal(fieldValue(high.body, /^Note/), 'Printing party');
    const page = parseHtml(high.body);
    const confirm = byRole(page, 'checkbox', { name: /these counts are right/ });
    assert.equal(confirm.attribs.checked, undefined);
    // Exactly ten times the capacity needs no confirmation; above it, the ticked box lets it through.
    assert.equal((await post({ [countField(printers!.id)]: '20' })).statusCode, 303);
    assert.equal((await post({ [countField(printers!.id)]: '21', confirm: 'yes' })).statusCode, 303);

    const future = utcToLocal(new Date(Date.now() + 3 * FUTURE_ALLOWANCE_MS).toISOString(), library.timeZone);
    const ahead = await post({ startedAt: future, [countField(benches!.id)]: '1' });
    assert.equal(ahead.statusCode, 400);
    assert.equal(fieldError(ahead.body, 'When the sweep started'), 'The sweep is dated more than a day from now. Check the date and time.');
    assert.equal(fieldValue(ahead.body, 'When the sweep started'), future);

    const unknown = await post({ [countField(benches!.id)]: '1', [countField(newId())]: '4' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.body, /counted a zone that is not part of this space/);
    assert.equal(fieldValue(unknown.body, /^Workbenches: people/), '1');

    const words = await post({ [countField(benches!.id)]: 'lots' });
    assert.equal(words.statusCode, 400);
    assert.match(fieldError(words.body, /^Workbenches: people/) ?? '', /whole number/);

    assert.equal((await storedSweeps(library.id)).length, before + 2);
  });

  it('lets only the library’s staff record, and finds no other library’s space', async () => {
    assert.equal((await coach.get(spacePath(library, space.id, 'sweeps/new'))).statusCode, 403);
    const otherSpace = await t.app.services.spaceUse.createSpace(other.id, { name: 'Elsewhere', zones: [{ name: 'Room', capacity: 5 }] });
    assert.equal((await staff.get(spacePath(library, otherSpace.id, 'sweeps/new'))).statusCode, 404);
    assert.equal((await staff.get(spacePath(library, otherSpace.id, 'edit'))).statusCode, 404);
  });

  it('lists sweeps latest first, 25 a page', async () => {
    const paged = toLibrary(await makeLibrary(t.app, { name: 'Paged Library' }));
    const room = await t.app.services.spaceUse.createSpace(paged.id, { name: 'Room', zones: [{ name: 'All', capacity: 10 }] });
    for (let day = 1; day <= 30; day++) {
      const input: SweepInput = { id: newId(), spaceId: room.id, startedAt: `2026-09-${String(day).padStart(2, '0')}T15:00:00.000Z`, endedAt: null, note: `Day ${day}`, counts: [{ zoneId: room.zones[0]!.id, people: day }], confirmedHigh: false };
      assert.equal((await t.app.services.spaceUse.recordSweep(paged.id, input, null)).status, 'stored');
    }
    const first = await t.app.services.spaceUse.listSweeps(paged.id, 1);
    assert.deepEqual([first.total, first.pages, first.items.length, first.items[0]?.note], [30, 2, 25, 'Day 30']);
    const second = await t.app.services.spaceUse.listSweeps(paged.id, 2);
    assert.deepEqual(second.items.map((s) => s.note), ['Day 5', 'Day 4', 'Day 3', 'Day 2', 'Day 1']);
  });

  it('checks the future limit against the clock it is given', () => {
    const now = Date.parse('2026-12-01T12:00:00.000Z');
    const at = (ms: number): SweepInput => ({ id: newId(), spaceId: space.id, startedAt: new Date(now + ms).toISOString(), endedAt: null, note: '', counts: [], confirmedHigh: false });
    assert.deepEqual(sweepProblems(space, at(FUTURE_ALLOWANCE_MS), now), []);
    assert.deepEqual(sweepProblems(space, at(FUTURE_ALLOWANCE_MS + 1), now), [{ reason: 'future' }]);
    assert.deepEqual(sweepProblems(undefined, at(0), now), [{ reason: 'unknown-space' }]);
  });

  describe('sync', () => {
    /** Posts a sync request with the client's CSRF token in the JSON body, as the counter page sends it. */
    async function sync(client: TestClient, records: unknown, token?: string) {
      const body = JSON.stringify({ _csrf: token ?? (await client.csrf()), records });
      return client.postRaw(syncPath(library), body, 'application/json');
    }
    const record = (overrides: Record<string, unknown> = {}) => ({
      id: newId(),
      space: space.id,
      startedAt: '2026-10-02T15:00:00.000Z',
      endedAt: '2026-10-02T15:10:00.000Z',
      note: '',
      counts: [
        { zone: space.zones[0]!.id, people: 3 },
        { zone: space.zones[1]!.id, people: null },
      ],
      ...overrides,
    });

    it('acknowledges each record by id: stored, duplicate, or refused with the reason', async () => {
      const good = record();
      const changed = { ...good, note: 'Not the same sweep' };
      const elsewhere = await t.app.services.spaceUse.createSpace(other.id, { name: 'Not ours', zones: [{ name: 'Room', capacity: 5 }] });
      const records = [
        good,
        good,
        changed,
        record({ counts: [{ zone: space.zones[0]!.id, people: -2 }] }),
        record({ counts: [{ zone: space.zones[1]!.id, people: 50 }] }),
        record({ counts: [{ zone: space.zones[1]!.id, people: 50 }], confirmed: true }),
        record({ startedAt: new Date(Date.now() + 3 * FUTURE_ALLOWANCE_MS).toISOString(), endedAt: null }),
        record({ counts: [{ zone: newId(), people: 1 }] }),
        record({ space: elsewhere.id }),
        record({ id: 'not-a-uuid' }),
        record({ startedAt: '2026-10-02 15:00' }),
        record({ counts: [{ zone: space.zones[0]!.id, people: 1.5 }] }),
        record({ endedAt: '2026-10-02T14:00:00.000Z' }),
        'not a record',
      ];
      const response = await sync(staff, records);
      assert.equal(response.statusCode, 200);
      const { results } = response.json() as { results: Array<{ index: number; id: string | null; status: string; reason?: string; zone?: string }> };
      assert.deepEqual(
        results.map((r) => [r.index, r.status, r.reason ?? null]),
        [
          [0, 'stored', null],
          [1, 'duplicate', null],
          [2, 'refused', 'conflict'],
          [3, 'refused', 'negative'],
          [4, 'refused', 'unconfirmed-high'],
          [5, 'stored', null],
          [6, 'refused', 'future'],
          [7, 'refused', 'unknown-zone'],
          [8, 'refused', 'unknown-space'],
          [9, 'refused', 'malformed'],
          [10, 'refused', 'malformed'],
          [11, 'refused', 'malformed'],
          [12, 'refused', 'malformed'],
          [13, 'refused', 'malformed'],
        ],
      );
      assert.equal(results[0]!.id, good.id);
      assert.equal(results[3]!.zone, space.zones[0]!.id);
      assert.equal(results[9]!.id, null);
      const stored = (await storedSweeps(library.id)).filter((s) => s.id === good.id);
      assert.deepEqual(stored.map((s) => [s.recorded_by !== null, s.ended_at, s.counts]), [[true, '2026-10-02T15:10:00.000Z', { Workbenches: 3, Printers: null }]]);
      // An id another library's sweep already has is refused, without saying what that sweep holds.
      const room = elsewhere.zones[0]!;
      const theirs = { id: newId(), spaceId: elsewhere.id, startedAt: '2026-10-02T15:00:00.000Z', endedAt: null, note: '', counts: [{ zoneId: room.id, people: 1 }], confirmedHigh: false };
      assert.equal((await t.app.services.spaceUse.recordSweep(other.id, theirs, null)).status, 'stored');
      const taken = await sync(staff, [record({ id: theirs.id })]);
      assert.deepEqual((taken.json() as { results: unknown[] }).results, [{ index: 0, id: theirs.id, status: 'refused', reason: 'conflict' }]);
      // The same record sent again later, with its id in upper case, is still the one stored.
      const retried = await sync(staff, [{ ...good, id: good.id.toUpperCase() }]);
      assert.deepEqual((retried.json() as { results: unknown[] }).results, [{ index: 0, id: good.id, status: 'duplicate' }]);
    });

    it('refuses a body without records, a request without the CSRF token, and people who do not record for the library', async () => {
      assert.equal((await sync(staff, [])).statusCode, 400);
      assert.equal((await sync(staff, 'records')).statusCode, 400);
      assert.equal((await sync(staff, Array.from({ length: 501 }, () => record()))).statusCode, 400);
      const noToken = await staff.postRaw(syncPath(library), JSON.stringify({ records: [record()] }), 'application/json');
      assert.equal(noToken.statusCode, 403);
      assert.equal((await sync(coach, [record()])).statusCode, 403);
    });
  });
});
