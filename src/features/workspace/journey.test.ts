import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { TestClient } from '../../../tests/support/client';
import { makeLibrary, makePerson, PASSWORD } from '../../../tests/support/factories';
import { buildJourney, type JourneyEvidence, type PhaseRecord } from './journey';
import { EVIDENCE_KEYS, type Phase } from './contracts';
import { UnknownChecklistItemError } from './service';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

const NO_EVIDENCE: JourneyEvidence = EVIDENCE_KEYS.map((item) => ({ item, done: false, n: 0 }));

const record = (status: PhaseRecord['status'], checked: string[] = []): PhaseRecord => ({ status, checked, updatedAt: '2017-01-01T00:00:00.000Z' });

describe('building the journey', () => {
  it('starts every phase as not started, with the first item of Discover as the next step', () => {
    const journey = buildJourney(new Map(), NO_EVIDENCE);
    assert.deepEqual(
      journey.phases.map((p) => p.status),
      ['not_started', 'not_started', 'not_started', 'not_started', 'not_started', 'not_started'],
    );
    assert.equal(journey.next?.phase, 'discover');
    assert.equal(journey.next?.item?.key, 'activity');
    assert.ok(journey.phases.every((p) => p.checklist.every((item) => !item.done)));
  });

  it('checks evidence items from the other parts and manual items from the stored ticks', () => {
    const evidence: JourneyEvidence = [
      { item: 'activity', done: true, n: 2 },
      { item: 'prototype', done: true, n: 1 },
      { item: 'decide', done: false, n: 1 },
      { item: 'budget', done: true, n: 4 },
      { item: 'story', done: true, n: 1 },
    ];
    const journey = buildJourney(new Map<Phase, PhaseRecord>([['flex', record('in_progress', ['weed', 'area'])]]), evidence);
    const done = (phase: Phase) =>
      journey.phases.find((p) => p.phase === phase)!.checklist.filter((i) => i.done).map((i) => i.key);
    assert.deepEqual(done('discover'), ['activity']);
    assert.deepEqual(done('flex'), ['weed', 'area']);
    assert.deepEqual(done('ideate'), ['prototype']);
    assert.deepEqual(done('plan'), ['budget']);
    assert.deepEqual(done('share'), ['story']);
    assert.equal(journey.next?.item?.key, 'insights');
    const [activity, insights] = journey.phases[0]!.checklist;
    assert.deepEqual(activity, { kind: 'evidence', key: 'activity', done: true, section: 'discover', count: { key: 'workspace.count.activities', n: 2 } });
    assert.deepEqual(insights, { kind: 'evidence', key: 'insights', done: false, section: 'discover', count: { key: 'workspace.count.insights', n: 0 } }, 'an item no part reported on is not done');
  });

  it('points at the first phase not done, asks to mark it done once its list is complete, and ends when all are done', () => {
    const records = new Map<Phase, PhaseRecord>([
      ['discover', record('done')],
      ['flex', record('in_progress', ['weed', 'layout', 'area'])],
    ]);
    const evidence: JourneyEvidence = [{ item: 'beforePhotos', done: true, n: 4 }];
    const next = buildJourney(records, evidence).next;
    assert.equal(next?.phase, 'flex');
    assert.equal(next?.item, undefined);
    const allDone = new Map<Phase, PhaseRecord>(
      (['discover', 'flex', 'ideate', 'plan', 'transform', 'share'] as const).map((p) => [p, record('done')]),
    );
    assert.equal(buildJourney(allDone, NO_EVIDENCE).next, undefined);
  });
});

describe('journey pages', () => {
  let t: TestApp;
  let slugA: string;
  let slugB: string;
  let libraryAId: string;
  const clients: Record<string, TestClient> = {};
  const as = (name: string) => clients[name]!;

  before(async () => {
    t = await createTestApp();
    const libraryA = await makeLibrary(t.app, { name: 'Alpha Public Library' });
    const libraryB = await makeLibrary(t.app, { name: 'Beta Free Library' });
    slugA = libraryA.slug;
    slugB = libraryB.slug;
    libraryAId = libraryA.id;
    const people = {
      staffA: await makePerson(t.app, { role: 'staff', libraryId: libraryA.id }),
      staffB: await makePerson(t.app, { role: 'staff', libraryId: libraryB.id }),
      coachA: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryA.id] }),
      coachB: await makePerson(t.app, { role: 'coach', coachedLibraryIds: [libraryB.id] }),
      admin: await makePerson(t.app, { role: 'admin' }),
    };
    for (const [name, person] of Object.entries(people)) {
      clients[name] = new TestClient(t.app);
      await clients[name].signIn(person.email, PASSWORD);
    }
  });
  after(() => t.close());

  it('shows staff the six phases, their status in words and the next step', async () => {
    const page = await as('staffA').get(`/libraries/${slugA}/journey`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Journey<\/h1>/);
    for (const name of ['Discover', 'Flex the space', 'Ideate and prototype', 'Plan', 'Transform and evaluate', 'Share']) {
      assert.match(page.body, new RegExp(`<h2><a href="/libraries/${slugA}/journey/\\w+">${name}</a></h2>`));
    }
    assert.equal((page.body.match(/class="status status-not-started">Not started</g) ?? []).length, 6);
    assert.match(page.body, /<h2 id="next-step-title">Next step<\/h2><p>In Discover: <a href="\/libraries\/[^/]+\/discover">Record a discovery activity<\/a>/);
    assert.match(page.body, /Survey responses: 0/);
    assert.match(page.body, /Budget lines: 0/);
    assert.match(page.body, /href="\/libraries\/[^/]+\/journey" aria-current="page">Journey</);
  });

  it('gets each evidence item from exactly one part of the workspace', async () => {
    const evidence = await t.app.services.workspace.evidenceFor(libraryAId);
    assert.deepEqual(evidence.map((e) => e.item).sort(), [...EVIDENCE_KEYS].sort());
    assert.ok(evidence.every((e) => !e.done && e.n === 0), 'a new library has no evidence yet');
  });

  it('lets the library’s coach and admins read it, and keeps others out', async () => {
    assert.equal((await as('coachA').get(`/libraries/${slugA}/journey`)).statusCode, 200);
    assert.equal((await as('admin').get(`/libraries/${slugA}/journey`)).statusCode, 200);
    assert.equal((await as('staffB').get(`/libraries/${slugA}/journey`)).statusCode, 403);
    assert.equal((await as('coachB').get(`/libraries/${slugA}/journey`)).statusCode, 403);
    assert.equal((await as('staffB').get(`/libraries/${slugA}/journey/flex`)).statusCode, 403);
    assert.equal((await as('staffB').post(`/libraries/${slugA}/journey/flex`, { status: 'done' })).statusCode, 403);
    const visitor = await new TestClient(t.app).get(`/libraries/${slugA}/journey`);
    assert.equal(visitor.statusCode, 303);
    assert.match(String(visitor.headers.location), /^\/sign-in\?next=/);
  });

  it('links the library page to the workspace', async () => {
    const page = await as('coachA').get(`/libraries/${slugA}`);
    assert.match(page.body, new RegExp(`<a class="button button-primary" href="/libraries/${slugA}/journey">Open the workspace</a>`));
  });

  it('shows a phase with its explanation, checklist and comments; the form only to staff', async () => {
    const staff = await as('staffA').get(`/libraries/${slugA}/journey/flex`);
    assert.equal(staff.statusCode, 200);
    assert.match(staff.body, /<h1>Flex the space<\/h1>/);
    assert.match(staff.body, /weed the collection, look hard at the room/);
    assert.match(staff.body, /<legend>Status of this phase<\/legend>/);
    assert.match(staff.body, /name="checked" value="weed"/);
    assert.match(staff.body, /name="status" value="not_started" checked/);
    assert.match(staff.body, /<section id="comments" class="comments" aria-labelledby="comments-title"><h2 id="comments-title">Comments \(0\)<\/h2>/);

    const coach = await as('coachA').get(`/libraries/${slugA}/journey/flex`);
    assert.equal(coach.statusCode, 200);
    assert.doesNotMatch(coach.body, /name="status"/);
    assert.match(coach.body, /Comments \(0\)/);
    assert.match(coach.body, /<label for="field-body">Your comment/, 'coaches may comment');
    assert.equal((await as('coachA').post(`/libraries/${slugA}/journey/flex`, { status: 'done' })).statusCode, 403);
    assert.equal((await as('admin').post(`/libraries/${slugA}/journey/flex`, { status: 'done' })).statusCode, 403);
  });

  it('answers 404 for an unknown phase', async () => {
    assert.equal((await as('staffA').get(`/libraries/${slugA}/journey/nonsense`)).statusCode, 404);
    assert.equal((await as('staffA').post(`/libraries/${slugA}/journey/nonsense`, { status: 'done' })).statusCode, 404);
    assert.equal((await as('staffA').get(`/libraries/${slugA}/journey/constructor`)).statusCode, 404);
  });

  it('saves the status and the ticked items, and moves the next step on', async () => {
    const saved = await as('staffA').post(`/libraries/${slugA}/journey/flex`, { status: 'in_progress', checked: ['area', 'weed'] });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/libraries/${slugA}/journey/flex`);
    const page = await as('staffA').get(`/libraries/${slugA}/journey/flex`);
    assert.match(page.body, /Flex the space has been saved\./);
    assert.match(page.body, /name="status" value="in_progress" checked/);
    assert.match(page.body, /name="checked" value="weed" checked/);
    assert.doesNotMatch(page.body, /name="checked" value="layout" checked/);
    assert.match(page.body, /<li class="check check-done"><span class="check-state">Done<\/span> Weed the collection/);
    const records = await t.app.services.workspace.phaseRecords(libraryAId);
    assert.deepEqual(records.get('flex')?.checked, ['weed', 'area']);

    await as('staffA').post(`/libraries/${slugA}/journey/discover`, { status: 'done' });
    const journey = await as('staffA').get(`/libraries/${slugA}/journey`);
    assert.match(journey.body, /class="status status-done">Done</);
    assert.match(journey.body, /In Flex the space: <a href="\/libraries\/[^/]+\/photos">Take before photos<\/a>/);

    // Unticking everything clears the list.
    await as('staffA').post(`/libraries/${slugA}/journey/flex`, { status: 'in_progress' });
    assert.deepEqual((await t.app.services.workspace.phaseRecords(libraryAId)).get('flex')?.checked, []);
    const other = await t.app.services.workspace.phaseRecords((await t.app.services.libraries.getLibraryBySlug(slugB))!.id);
    assert.equal(other.size, 0, 'another library is untouched');
  });

  it('refuses a bad status or an item of another phase with the form shown again', async () => {
    const bad = await as('staffA').post(`/libraries/${slugA}/journey/transform`, { status: 'finished', checked: ['opening'] });
    assert.equal(bad.statusCode, 400);
    assert.equal(fieldError(bad.body, 'status'), 'Choose the status of this phase');
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /name="checked" value="opening" checked/, 'the ticks are kept');

    const foreign = await as('staffA').post(`/libraries/${slugA}/journey/transform`, { status: 'done', checked: ['weed'] });
    assert.equal(foreign.statusCode, 400);
    assert.equal(fieldError(foreign.body, 'checked'), 'Choose only items from this phase’s checklist');
    assert.match(foreign.body, /name="status" value="done" checked/);

    const missing = await as('staffA').post(`/libraries/${slugA}/journey/plan`, {});
    assert.equal(missing.statusCode, 400);
    assert.equal(fieldError(missing.body, 'status'), 'Choose the status of this phase');
    assert.equal((await t.app.services.workspace.phaseRecords(libraryAId)).get('transform'), undefined);
  });

  it('refuses, in the service, ticks that are not the phase’s', async () => {
    await assert.rejects(
      t.app.services.workspace.updatePhase(libraryAId, 'plan', { status: 'done', checked: ['weed'] }, null),
      UnknownChecklistItemError,
    );
  });
});
