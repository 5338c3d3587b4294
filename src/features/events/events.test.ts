import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson } from '../../../tests/support/factories';
import { assertInOrder } from '../../../tests/support/order';
import { journeyEvidence } from '../../../tests/support/evidence';
import { href } from '../../server/route-contract';
import { eventsRoutes as paths } from './route-table';
import type { EventInput, LibraryEvent, OccurrenceInput } from './service';
import { fieldErrorByName, fieldValueByName } from '../../../tests/support/html';

/**
 * The app's clock: 03:00 UTC on 15 June 2026, which is still 14 June in the
 * test libraries' zone (America/Chicago), so "a year from today" is 14 June 2027.
 */
const NOW = Date.parse('2026-06-15T03:00:00Z');

const ROLES = ['member', 'lead', 'coachA', 'coachB', 'admin', 'visitor', 'staffB'] as const;
type RoleName = (typeof ROLES)[number];
const READERS: readonly RoleName[] = ['member', 'lead', 'coachA', 'admin'];
const WORKERS: readonly RoleName[] = ['member', 'lead'];

const makerMonday: EventInput = { title: 'Maker Monday', serviceArea: 'digital-learning', description: '' };
const held = (overrides: Partial<OccurrenceInput> = {}): OccurrenceInput => ({ heldOn: '2026-03-02', startsAt: null, attendance: 10, note: '', ...overrides });

describe('library programs and events', () => {
  let t: TestApp;
  let libraryA: { id: string; slug: string };
  let libraryB: { id: string; slug: string };
  const clients = {} as Record<RoleName, TestClient>;

  before(async () => {
    t = await createTestApp({}, { clock: () => NOW });
    libraryA = await makeLibrary(t.app, { name: 'Madison Public Library' });
    libraryB = await makeLibrary(t.app, { name: 'Ignacio Community Library' });
    const people: Record<Exclude<RoleName, 'visitor'>, { id: string }> = {
      member: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'member' }),
      lead: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id, libraryRole: 'lead' }),
      coachA: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] }),
      coachB: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] }),
      admin: await makePerson(t.app, { role: 'admin' }),
      staffB: await makePerson(t.app, { role: 'staff', libraryId: libraryB.id, libraryRole: 'lead' }),
    };
    for (const role of ROLES) {
      const client = new TestClient(t.app);
      if (role !== 'visitor') {
        const { token } = await t.app.services.accounts.createSession(people[role].id, { userAgent: 'test', ipAddress: '127.0.0.1' });
        client.setCookie('ss_session', token);
      }
      clients[role] = client;
    }
  });
  after(() => t.close());

  const of = (library: { slug: string }) => ({ library: library.slug });
  const newEvent = async (library: { id: string }, input: Partial<EventInput> = {}): Promise<LibraryEvent> =>
    t.app.services.events.createEvent(library.id, { ...makerMonday, ...input }, null);

  it('shows an empty list with the way to start, and a link in the workspace navigation', async () => {
    const fresh = await makeLibrary(t.app);
    const { token } = await t.app.services.accounts.createSession(
      (await makePerson(t.app, { role: 'staff', libraryId: fresh.id })).id,
      { userAgent: 'test', ipAddress: '127.0.0.1' },
    );
    const client = new TestClient(t.app);
    client.setCookie('ss_session', token);
    const page = await client.get(href(paths.list, of(fresh)));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Programs and events<\/h1>/);
    assert.match(page.body, /No events yet\./);
    assert.match(page.body, new RegExp(`href="/libraries/${fresh.slug}/events/new">Add an event<`));
    assert.doesNotMatch(page.body, /events\.csv/, 'no export while there is nothing to export');
    assert.match(page.body, new RegExp(`<a href="/libraries/${fresh.slug}/events" aria-current="page">Programs and events</a>`));
    const journey = await client.get(`/libraries/${fresh.slug}/journey`);
    assert.match(journey.body, new RegExp(`<a href="/libraries/${fresh.slug}/events">Programs and events</a>`));
  });

  it('adds an event with the form, shows it, and edits it', async () => {
    const staff = clients.member;
    const form = await staff.get(href(paths.newForm, of(libraryA)));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<select id="field-serviceArea" name="serviceArea"/);
    assert.match(form.body, /<option value="early-childhood-literacy">Early childhood literacy<\/option>/);
    const saved = await staff.post(href(paths.create, of(libraryA)), {
      title: 'Teen media lab night',
      serviceArea: 'digital-learning',
      description: 'Video editing and podcasts.\n\nBring headphones.',
    });
    assert.equal(saved.statusCode, 303);
    const location = String(saved.headers.location);
    assert.match(location, new RegExp(`^/libraries/${libraryA.slug}/events/[\\w-]+$`));
    const page = await staff.get(location);
    assert.match(page.body, /<h1>Teen media lab night<\/h1>/);
    assert.match(page.body, /Event “Teen media lab night” added\./);
    assert.match(page.body, /<dd>Digital learning<\/dd>/);
    assert.match(page.body, /<p>Bring headphones\.<\/p>/);
    assert.match(page.body, /Not held yet\. Record each time/);

    const id = location.split('/').pop()!;
    const edit = await staff.get(href(paths.editForm, { ...of(libraryA), event: id }));
    assert.equal(fieldValueByName(edit.body, 'title'), 'Teen media lab night');
    assert.match(edit.body, /<option value="digital-learning" selected>Digital learning<\/option>/);
    const updated = await staff.post(href(paths.update, { ...of(libraryA), event: id }), { title: 'Teen media lab', serviceArea: 'job-skills', description: '' });
    assert.equal(updated.statusCode, 303);
    const event = await t.app.services.events.getEvent(libraryA.id, id);
    assert.deepEqual([event?.title, event?.serviceArea, event?.description], ['Teen media lab', 'job-skills', '']);
  });

  it('refuses a bad event with a message per field, status 400 and the input kept', async () => {
    const staff = clients.lead;
    const missing = await staff.post(href(paths.create, of(libraryA)), { title: '  ', serviceArea: '', description: 'Kept words' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /There is a problem/);
    assert.equal(fieldErrorByName(missing.body, 'title'), 'Enter a title');
    assert.equal(fieldErrorByName(missing.body, 'serviceArea'), 'Choose a service area from the list');
    assert.match(missing.body, /Kept words<\/textarea>/);

    const wrong = await staff.post(href(paths.create, of(libraryA)), { title: 'x'.repeat(201), serviceArea: 'astrology' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(fieldErrorByName(wrong.body, 'title'), 'Title must be 200 characters or fewer');
    assert.equal(fieldErrorByName(wrong.body, 'serviceArea'), 'Choose a service area from the list');
    assert.equal(fieldValueByName(wrong.body, 'title'), 'x'.repeat(201));

    const longest = await staff.post(href(paths.create, of(libraryA)), { title: 'y'.repeat(200), serviceArea: 'health' });
    assert.equal(longest.statusCode, 303, 'a title of exactly 200 characters is accepted');

    const event = await newEvent(libraryA);
    const edit = await staff.post(href(paths.update, { ...of(libraryA), event: event.id }), { title: '', serviceArea: 'health' });
    assert.equal(edit.statusCode, 400);
    assert.equal(fieldErrorByName(edit.body, 'title'), 'Enter a title');
    assert.equal((await t.app.services.events.getEvent(libraryA.id, event.id))?.title, 'Maker Monday', 'nothing saved');
  });

  it('records occurrences with attendance, not recorded kept apart from nobody, and totals the people reached', async () => {
    const staff = clients.member;
    const event = await newEvent(libraryA, { title: 'Story time' });
    const at = { ...of(libraryA), event: event.id };
    const form = await staff.get(href(paths.newOccurrenceForm, at));
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1>Record a time “Story time” was held<\/h1>/);
    assert.match(form.body, /type="date"/);
    assert.match(form.body, /In the library’s time zone \(America\/Chicago\)/);
    for (const fields of [
      { heldOn: '2026-03-02', startsAt: '10:30', attendance: '1,240', note: 'Spring break' },
      { heldOn: '2026-03-09', startsAt: '', attendance: '', note: '' },
      { heldOn: '2026-03-09', startsAt: '09:15', attendance: '0', note: 'Snow day' },
    ]) {
      const saved = await staff.post(href(paths.createOccurrence, at), fields);
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, href(paths.show, at));
    }
    const page = await staff.get(href(paths.show, at));
    assert.match(page.body, /The occurrence was recorded\./);
    assert.match(page.body, /<dt>Times held<\/dt><dd>3<\/dd>/);
    assert.match(page.body, /<dt>People reached<\/dt><dd>1,240 \(attendance recorded for 2 of 3 times held\)<\/dd>/);
    // Newest day first; on one day the timed occurrence before the untimed one; then by id.
    assertInOrder(page.body, ['Mar 9, 2026</td><td>9:15 AM</td><td class="numeric">0</td><td>Snow day', 'Mar 9, 2026</td><td>—</td><td class="numeric">Not recorded', 'Mar 2, 2026</td><td>10:30 AM</td><td class="numeric">1,240</td><td>Spring break']);
    const stored = await t.app.services.events.listOccurrences(libraryA.id, event.id, 1);
    assert.deepEqual(
      stored.items.map((o) => [o.heldOn, o.startsAt, o.attendance]),
      [
        ['2026-03-09', '09:15', 0],
        ['2026-03-09', null, null],
        ['2026-03-02', '10:30', 1240],
      ],
    );
    const list = await staff.get(href(paths.list, of(libraryA)));
    assert.match(list.body, /Story time<\/a><\/td><td>Digital learning<\/td><td class="numeric">3<\/td><td>Mar 9, 2026<\/td><td class="numeric">1,240<\/td>/);
  });

  it('refuses a bad occurrence with a message per field, status 400 and the input kept', async () => {
    const staff = clients.lead;
    const event = await newEvent(libraryA, { title: 'Job club' });
    const at = { ...of(libraryA), event: event.id };
    const post = (fields: Record<string, string>) => staff.post(href(paths.createOccurrence, at), { heldOn: '2026-04-01', startsAt: '', attendance: '', note: '', ...fields });

    const unreal = await post({ heldOn: '2026-02-30', startsAt: '24:00', attendance: '-1', note: 'Kept note' });
    assert.equal(unreal.statusCode, 400);
    assert.equal(fieldErrorByName(unreal.body, 'heldOn'), 'Enter a real date, like 2026-05-20');
    assert.equal(fieldErrorByName(unreal.body, 'startsAt'), 'Enter a time of day, like 18:30');
    assert.equal(fieldErrorByName(unreal.body, 'attendance'), 'Enter attendance as a whole number from 0 to 100,000, or leave it blank');
    assert.equal(fieldValueByName(unreal.body, 'heldOn'), '2026-02-30');
    assert.equal(fieldValueByName(unreal.body, 'startsAt'), '24:00');
    assert.equal(fieldValueByName(unreal.body, 'attendance'), '-1');
    assert.match(unreal.body, /Kept note<\/textarea>/);
    for (const attendance of ['100001', '1.5', 'twelve', '1,00']) {
      const refused = await post({ attendance });
      assert.equal(refused.statusCode, 400, attendance);
      assert.equal(fieldValueByName(refused.body, 'attendance'), attendance);
      assert.match(String(fieldErrorByName(refused.body, 'attendance')), /whole number from 0 to 100,000/, attendance);
    }
    const missing = await post({ heldOn: '' });
    assert.equal(missing.statusCode, 400);
    assert.equal(fieldErrorByName(missing.body, 'heldOn'), 'Enter a real date, like 2026-05-20');

    // A year from the library's today (14 June 2026 in Chicago, though UTC is already on the 15th).
    const tooLate = await post({ heldOn: '2027-06-15' });
    assert.equal(tooLate.statusCode, 400);
    assert.equal(fieldErrorByName(tooLate.body, 'heldOn'), 'The date can be at most a year from today');
    assert.equal((await post({ heldOn: '2027-06-14', attendance: '100,000' })).statusCode, 303);
    const [only] = (await t.app.services.events.listOccurrences(libraryA.id, event.id, 1)).items;
    assert.deepEqual([only?.heldOn, only?.attendance], ['2027-06-14', 100_000]);
  });

  it('edits and, after asking, deletes an occurrence', async () => {
    const staff = clients.member;
    const event = await newEvent(libraryA, { title: 'Seed library' });
    const occurrence = await t.app.services.events.addOccurrence(libraryA.id, event.id, held({ attendance: null, startsAt: '18:30' }));
    const at = { ...of(libraryA), event: event.id, occurrence: occurrence.id };
    const form = await staff.get(href(paths.editOccurrenceForm, at));
    assert.equal(form.statusCode, 200);
    assert.equal(fieldValueByName(form.body, 'heldOn'), '2026-03-02');
    assert.equal(fieldValueByName(form.body, 'startsAt'), '18:30');
    assert.equal(fieldValueByName(form.body, 'attendance'), '');
    const refused = await staff.post(href(paths.updateOccurrence, at), { heldOn: '2026-03-02', attendance: 'lots' });
    assert.equal(refused.statusCode, 400);
    const saved = await staff.post(href(paths.updateOccurrence, at), { heldOn: '2026-03-03', startsAt: '', attendance: '7', note: 'Counted late' });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await t.app.services.events.getOccurrence(libraryA.id, event.id, occurrence.id).then((o) => [o?.heldOn, o?.startsAt, o?.attendance, o?.note]), [
      '2026-03-03',
      null,
      7,
      'Counted late',
    ]);

    const confirm = await staff.get(href(paths.deleteOccurrenceForm, at));
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>Delete the occurrence of Mar 3, 2026\?<\/h1>/);
    assert.match(confirm.body, new RegExp(`<form method="post" action="${href(paths.deleteOccurrence, at)}"`));
    assert.ok(await t.app.services.events.getOccurrence(libraryA.id, event.id, occurrence.id), 'asking deletes nothing');
    const deleted = await staff.post(href(paths.deleteOccurrence, at));
    assert.equal(deleted.statusCode, 303);
    assert.equal(await t.app.services.events.getOccurrence(libraryA.id, event.id, occurrence.id), undefined);
    assert.equal((await staff.get(href(paths.editOccurrenceForm, at))).statusCode, 404);
  });

  it('lists events by their latest occurrence, those not held last, in a total order over pages', async () => {
    const library = await makeLibrary(t.app);
    const { events } = t.app.services;
    const early = await newEvent(library, { title: 'Early event' });
    await events.addOccurrence(library.id, early.id, held({ heldOn: '2026-01-05' }));
    const neverA = await newEvent(library, { title: 'Never held A' });
    const late = await newEvent(library, { title: 'Late event' });
    await events.addOccurrence(library.id, late.id, held({ heldOn: '2026-01-01' }));
    await events.addOccurrence(library.id, late.id, held({ heldOn: '2026-05-01' }));
    const neverB = await newEvent(library, { title: 'Never held B' });
    // Same latest day: the later id first.
    const tiedFirst = await newEvent(library, { title: 'Tied one' });
    const tiedSecond = await newEvent(library, { title: 'Tied two' });
    for (const tied of [tiedFirst, tiedSecond]) await events.addOccurrence(library.id, tied.id, held({ heldOn: '2026-02-01' }));
    const page = await events.listEvents(library.id, 1);
    assert.deepEqual(
      page.items.map((e) => e.title),
      ['Late event', 'Tied two', 'Tied one', 'Early event', 'Never held B', 'Never held A'],
    );
    assert.deepEqual([neverA.id < neverB.id, tiedFirst.id < tiedSecond.id], [true, true]);

    for (let i = 0; i < 20; i++) await newEvent(library, { title: `Filler ${String(i).padStart(2, '0')}` });
    const first = await events.listEvents(library.id, 1);
    const second = await events.listEvents(library.id, 2);
    assert.deepEqual([first.total, first.pages, first.items.length, second.items.length], [26, 2, 25, 1]);
    assert.equal(second.items[0]?.title, 'Never held A');
    const client = clients.admin;
    const shown = await client.get(href(paths.list, of(library), { page: 2 }));
    assert.match(shown.body, /Never held A/);
    assert.match(shown.body, /Page 2 of 2/);
    assert.doesNotMatch(shown.body, /Late event/);
  });

  it('exports every occurrence of the library as CSV with a byte-order mark, oldest first', async () => {
    const library = await makeLibrary(t.app);
    const { events } = t.app.services;
    const lab = await newEvent(library, { title: '=HYPERLINK("x")', serviceArea: 'job-skills' });
    const reading = await newEvent(library, { title: 'Summer reading kickoff', serviceArea: 'summer-reading' });
    await events.addOccurrence(library.id, reading.id, held({ heldOn: '2026-06-01', startsAt: '14:00', attendance: 85, note: 'Añasco visitors' }));
    await events.addOccurrence(library.id, lab.id, held({ heldOn: '2026-05-01', attendance: null }));
    const other = await newEvent(libraryB, { title: 'Not this library' });
    await events.addOccurrence(libraryB.id, other.id, held());
    const { token } = await t.app.services.accounts.createSession((await makePerson(t.app, { role: 'coach', coachedLibraryIds: [library.id] })).id, {
      userAgent: 'test',
      ipAddress: '127.0.0.1',
    });
    const coach = new TestClient(t.app);
    coach.setCookie('ss_session', token);
    const response = await coach.get(href(paths.csv, of(library)));
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.equal(response.headers['content-disposition'], `attachment; filename="events-${library.slug}.csv"`);
    assert.equal(response.headers['cache-control'], 'private, no-store');
    assert.ok(response.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'starts with a byte-order mark');
    assert.equal(
      response.rawPayload.subarray(3).toString('utf8'),
      [
        'Event,Service area,Date,Start time,Attendance,Note',
        `"'=HYPERLINK(""x"")",Job skills,2026-05-01,,,`,
        'Summer reading kickoff,Summer reading,2026-06-01,14:00,85,Añasco visitors',
        '',
      ].join('\r\n'),
    );
  });

  it('reads the export in batches from a key, so every occurrence comes once, in order, even when one is recorded meanwhile', async () => {
    const library = await makeLibrary(t.app);
    const { events } = t.app.services;
    const event = await newEvent(library, { title: 'Batch' });
    const add = (heldOn: string, startsAt: string | null, note: string) => events.addOccurrence(library.id, event.id, held({ heldOn, startsAt, note }));
    await add('2026-01-02', null, 'c');
    await add('2026-01-01', '18:00', 'b');
    await add('2026-01-01', '09:00', 'a');
    await add('2026-01-02', null, 'd');
    await add('2026-01-03', '08:00', 'e');
    const notes: string[] = [];
    for await (const row of events.occurrenceRows(library.id, ['header'], (area) => area, 2)) {
      notes.push(String(row[5] ?? row[0]));
      // Recorded while the export streams, before the rows already sent: it must not shift the next batch.
      if (notes.length === 3) await add('2025-12-31', null, 'late');
    }
    assert.deepEqual(notes, ['header', 'a', 'b', 'c', 'd', 'e']);
  });

  it('reports the times held and the people reached to the journey’s Transform and evaluate phase', async () => {
    const library = await makeLibrary(t.app);
    const { events } = t.app.services;
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['events']), [{ item: 'events', done: false, n: 0 }]);
    const event = await newEvent(library);
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['events']), [{ item: 'events', done: false, n: 0 }], 'an event not yet held is no evidence');
    await events.addOccurrence(library.id, event.id, held({ attendance: null }));
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['events']), [{ item: 'events', done: true, n: 0 }], 'held, though nobody counted');
    await events.addOccurrence(library.id, event.id, held({ attendance: 14 }));
    await events.addOccurrence(library.id, (await newEvent(library)).id, held({ attendance: 6 }));
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['events']), [{ item: 'events', done: true, n: 20 }]);
    const phase = await clients.admin.get(`/libraries/${libraryA.slug}/journey/transform`);
    assert.match(phase.body, new RegExp(`<a href="/libraries/${libraryA.slug}/events">Record the programs and events held in the space</a>`));
  });

  it('never shows or changes another library’s events through this library’s address', async () => {
    const theirs = await newEvent(libraryB, { title: 'Ignacio secret' });
    const theirOccurrence = await t.app.services.events.addOccurrence(libraryB.id, theirs.id, held());
    const ours = await newEvent(libraryA, { title: 'Our event' });
    const staff = clients.member;
    const forged = { ...of(libraryA), event: theirs.id };
    assert.equal((await staff.get(href(paths.show, forged))).statusCode, 404);
    assert.equal((await staff.post(href(paths.update, forged), { title: 'Taken', serviceArea: 'health' })).statusCode, 404);
    assert.equal((await staff.post(href(paths.createOccurrence, forged), { heldOn: '2026-03-01' })).statusCode, 404);
    const crossed = { ...of(libraryA), event: ours.id, occurrence: theirOccurrence.id };
    assert.equal((await staff.get(href(paths.editOccurrenceForm, crossed))).statusCode, 404);
    assert.equal((await staff.post(href(paths.deleteOccurrence, crossed))).statusCode, 404);
    assert.equal((await t.app.services.events.getEvent(libraryB.id, theirs.id))?.title, 'Ignacio secret');
    assert.ok(await t.app.services.events.getOccurrence(libraryB.id, theirs.id, theirOccurrence.id));
  });

  it('lets the library’s team record, its coach and admins read, and nobody else in, on every route', async () => {
    const event = await newEvent(libraryA, { title: 'Role walk' });
    const occurrenceFor = async () => (await t.app.services.events.addOccurrence(libraryA.id, event.id, held())).id;
    const eventForm = { title: 'Role walk', serviceArea: 'health', description: '' };
    const occurrenceForm = { heldOn: '2026-03-01', startsAt: '', attendance: '4', note: '' };
    type Step = { method: 'GET' | 'POST'; url: (occurrence: string) => string; body?: Record<string, string>; ok: number; who: readonly RoleName[] };
    const at = (occurrence: string) => ({ ...of(libraryA), event: event.id, occurrence });
    const steps: Step[] = [
      { method: 'GET', url: () => href(paths.list, of(libraryA)), ok: 200, who: READERS },
      { method: 'GET', url: () => href(paths.csv, of(libraryA)), ok: 200, who: READERS },
      { method: 'GET', url: () => href(paths.show, at('')), ok: 200, who: READERS },
      { method: 'GET', url: () => href(paths.newForm, of(libraryA)), ok: 200, who: WORKERS },
      { method: 'POST', url: () => href(paths.create, of(libraryA)), body: eventForm, ok: 303, who: WORKERS },
      { method: 'GET', url: () => href(paths.editForm, at('')), ok: 200, who: WORKERS },
      { method: 'POST', url: () => href(paths.update, at('')), body: eventForm, ok: 303, who: WORKERS },
      { method: 'GET', url: () => href(paths.newOccurrenceForm, at('')), ok: 200, who: WORKERS },
      { method: 'POST', url: () => href(paths.createOccurrence, at('')), body: occurrenceForm, ok: 303, who: WORKERS },
      { method: 'GET', url: (o) => href(paths.editOccurrenceForm, at(o)), ok: 200, who: WORKERS },
      { method: 'POST', url: (o) => href(paths.updateOccurrence, at(o)), body: occurrenceForm, ok: 303, who: WORKERS },
      { method: 'GET', url: (o) => href(paths.deleteOccurrenceForm, at(o)), ok: 200, who: WORKERS },
      { method: 'POST', url: (o) => href(paths.deleteOccurrence, at(o)), ok: 303, who: WORKERS },
    ];
    const mismatches: string[] = [];
    for (const step of steps) {
      for (const role of ROLES) {
        // Each try has an occurrence of its own, so a delete by one role leaves the next something to act on.
        const url = step.url(await occurrenceFor());
        const client = clients[role];
        const response = step.method === 'GET' ? await client.get(url) : await client.post(url, step.body ?? {});
        const expected = step.who.includes(role) ? String(step.ok) : role === 'visitor' ? '303 /sign-in' : '403';
        const location = String(response.headers.location ?? '');
        const got = response.statusCode === 303 && location.startsWith('/sign-in?next=') ? '303 /sign-in' : String(response.statusCode);
        if (got !== expected) mismatches.push(`${step.method} ${url} as ${role}: ${got}, expected ${expected}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('speaks Spanish to a Spanish reader, in the page and the export', async () => {
    const { accounts, events } = t.app.services;
    const spanish = await makePerson(t.app, { role: 'staff', libraryId: libraryA.id });
    await accounts.updateProfile(spanish.id, { name: 'Lectora', locale: 'es', timeZone: 'America/Chicago' });
    const client = new TestClient(t.app);
    const { token } = await accounts.createSession(spanish.id, { userAgent: 'test', ipAddress: '127.0.0.1' });
    client.setCookie('ss_session', token);
    const event = await newEvent(libraryA, { title: 'Hora del cuento', serviceArea: 'early-childhood-literacy' });
    await events.addOccurrence(libraryA.id, event.id, held({ attendance: null }));
    const page = await client.get(href(paths.show, { ...of(libraryA), event: event.id }));
    assert.match(page.body, /<dd>Alfabetización en la primera infancia<\/dd>/);
    assert.match(page.body, /Sin registrar/);
    const refused = await client.post(href(paths.createOccurrence, { ...of(libraryA), event: event.id }), { heldOn: '2026-02-30' });
    assert.equal(fieldErrorByName(refused.body, 'heldOn'), 'Escriba una fecha real, como 2026-05-20');
    const csv = await client.get(href(paths.csv, of(libraryA)));
    assert.match(csv.body, /^\uFEFF?Evento,Área de servicio,Fecha,Hora de inicio,Asistencia,Nota\r\n/);
  });
});
