import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeLibrary } from '../../../tests/support/factories';
import { journeyEvidence } from '../../../tests/support/evidence';
import type { RequestLibrary } from '../../server/types';
import { MissingReasonError, UnknownChoiceError, type PrototypesService } from './service';

describe('prototypes service', () => {
  let t: TestApp;
  let service: PrototypesService;
  let libraryA: RequestLibrary;
  let libraryB: RequestLibrary;
  /** Libraries whose Discover and Surveys offer `insight-a` and `survey-a`; the others offer nothing. */
  const linked = new Set<string>();

  /** A new library, with the linked insight and survey when `linked` is true. */
  async function newLibrary(name?: string, options: { linked?: boolean } = {}): Promise<RequestLibrary> {
    const library = await makeLibrary(t.app, name ? { name } : {});
    if (options.linked) linked.add(library.id);
    return { id: library.id, slug: library.slug, name: library.name, timeZone: library.timeZone };
  }

  before(async () => {
    t = await createTestApp();
    libraryA = await newLibrary('Glenns Ferry Public Library', { linked: true });
    libraryB = await newLibrary('Madison Public Library');
    // The linked parts of the workspace answer through their contracts only.
    t.app.services.discover.insightChoices = async (libraryId) => (linked.has(libraryId) ? [{ id: 'insight-a', text: 'Makers need tables' }] : []);
    t.app.services.surveys.listForLibrary = async (libraryId) =>
      linked.has(libraryId) ? [{ id: 'survey-a', titleEn: 'Maker survey', titleEs: 'Encuesta', status: 'closed' }] : [];
    service = t.app.services.prototypes;
  });
  after(() => t.close());

  const prototypeInput = (title: string, costCents = 1200) => ({ title, description: `About ${title}`, materials: 'Cardboard', costCents, ideaId: null });
  const sessionInput = (heldOn: string) => ({ heldOn, place: 'VHS room', patrons: 8, observations: '', feedback: '', surveyId: null });

  /** One idea and three prototypes: the first tested twice, the second kept, the third untested. */
  async function ideaAndThreePrototypes(library: RequestLibrary) {
    await service.createIdea(library.id, { title: 'Maker stations', description: '', insightIds: ['insight-a'] }, null);
    // Distinct creation times keep the story's order certain.
    const tested = await service.createPrototype(library.id, prototypeInput('Cardboard stations'), null, '2017-03-01T10:00:00.000Z');
    const decided = await service.createPrototype(library.id, prototypeInput('Craft table', 0), null, '2017-03-02T10:00:00.000Z');
    await service.createPrototype(library.id, prototypeInput('Untested'), null, '2017-03-03T10:00:00.000Z');
    await service.addSessions(library.id, tested.id, [sessionInput('2017-03-01'), sessionInput('2017-03-08')], null);
    await service.decide(library.id, decided.id, { decision: 'keep', reason: 'Busy every Saturday' }, null);
  }

  it('counts ideas, prototypes, those tested and those decided, per library', async () => {
    const library = await newLibrary(undefined, { linked: true });
    const other = await newLibrary();
    assert.deepEqual(await service.counts(library.id), { ideas: 0, prototypes: 0, decided: 0, tested: 0 });
    await ideaAndThreePrototypes(library);
    assert.deepEqual(await service.counts(library.id), { ideas: 1, prototypes: 3, decided: 1, tested: 1 });
    assert.deepEqual(await service.counts(other.id), { ideas: 0, prototypes: 0, decided: 0, tested: 0 });
    assert.deepEqual(
      await journeyEvidence(t.app, library.id, ['prototype', 'decide']),
      [
        { item: 'prototype', done: true, n: 1 },
        { item: 'decide', done: false, n: 1 },
      ],
      'two prototypes are still undecided',
    );
    assert.deepEqual(
      await journeyEvidence(t.app, other.id, ['prototype', 'decide']),
      [
        { item: 'prototype', done: false, n: 0 },
        { item: 'decide', done: false, n: 0 },
      ],
      'no prototype, nothing to decide yet',
    );
  });

  it('tells the journey every prototype is decided once the last one is', async () => {
    const library = await makeLibrary(t.app);
    const only = await service.createPrototype(library.id, prototypeInput('Only one'), null);
    await service.decide(library.id, only.id, { decision: 'drop', reason: 'Nobody came' }, null);
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['decide']), [{ item: 'decide', done: true, n: 1 }]);
  });

  it('summarises every prototype for the story, oldest first', async () => {
    const library = await newLibrary(undefined, { linked: true });
    const other = await newLibrary();
    await ideaAndThreePrototypes(library);
    const summary = await service.summary(library.id);
    assert.deepEqual(
      summary.map((p) => [p.title, p.costCents, p.decision, p.reason]),
      [
        ['Cardboard stations', 1200, null, ''],
        ['Craft table', 0, 'keep', 'Busy every Saturday'],
        ['Untested', 1200, null, ''],
      ],
    );
    assert.equal(summary[0]?.description, 'About Cardboard stations');
    assert.deepEqual(await service.summary(other.id), []);
  });

  it('refuses insights, ideas and surveys that are not the library’s', async () => {
    const isField = (field: string) => (error: unknown) => error instanceof UnknownChoiceError && error.field === field;
    await assert.rejects(service.createIdea(libraryB.id, { title: 'x', description: '', insightIds: ['insight-a'] }, null), isField('insights'));
    const ideaA = await service.createIdea(libraryA.id, { title: 'A idea', description: '', insightIds: [] }, null);
    await assert.rejects(service.createPrototype(libraryB.id, { ...prototypeInput('x'), ideaId: ideaA.id }, null), isField('idea'));
    const prototypeB = await service.createPrototype(libraryB.id, prototypeInput('B'), null);
    await assert.rejects(service.addSessions(libraryB.id, prototypeB.id, [{ ...sessionInput('2017-01-01'), surveyId: 'survey-a' }], null), isField('survey'));
    assert.equal(await service.addSessions(libraryB.id, 'no-such-prototype', [sessionInput('2017-01-01')], null), false);
    assert.equal(await service.addSessions(libraryA.id, prototypeB.id, [sessionInput('2017-01-01')], null), false);
    assert.equal((await service.listSessions(libraryB.id, prototypeB.id, 1)).total, 0);
  });

  it('needs a reason for a decision and forgets it when the decision is taken back', async () => {
    const prototype = await service.createPrototype(libraryA.id, prototypeInput('Seating'), null);
    await assert.rejects(service.decide(libraryA.id, prototype.id, { decision: 'drop', reason: '   ' }, null), MissingReasonError);
    assert.equal(await service.decide(libraryB.id, prototype.id, { decision: 'drop', reason: 'No room' }, null), false, 'another library cannot decide');
    assert.equal(await service.decide(libraryA.id, prototype.id, { decision: 'drop', reason: ' No room ' }, null, '2017-06-01T15:00:00.000Z'), true);
    const decided = await service.getPrototype(libraryA.id, prototype.id);
    assert.deepEqual([decided?.decision, decided?.reason, decided?.decidedAt], ['drop', 'No room', '2017-06-01T15:00:00.000Z']);
    await service.decide(libraryA.id, prototype.id, { decision: null, reason: 'ignored' }, null);
    const undecided = await service.getPrototype(libraryA.id, prototype.id);
    assert.deepEqual([undecided?.decision, undecided?.reason, undecided?.decidedAt], [null, '', null]);
  });

  it('finds items for comment threads only in their own library', async () => {
    const idea = await service.createIdea(libraryA.id, { title: 'Lending tools', description: '', insightIds: [] }, null);
    const prototype = await service.createPrototype(libraryA.id, prototypeInput('Tool shelf'), null);
    const { workspace } = t.app.services;
    assert.deepEqual(await workspace.resolveSubject(libraryA, 'idea', idea.id), {
      title: 'Lending tools',
      path: `/libraries/${libraryA.slug}/ideate/ideas/${idea.id}`,
    });
    assert.deepEqual(await workspace.resolveSubject(libraryA, 'prototype', prototype.id), {
      title: 'Tool shelf',
      path: `/libraries/${libraryA.slug}/ideate/prototypes/${prototype.id}`,
    });
    assert.equal(await workspace.resolveSubject(libraryB, 'idea', idea.id), undefined);
    assert.equal(await workspace.resolveSubject(libraryB, 'prototype', prototype.id), undefined);
    assert.equal(await workspace.resolveSubject(libraryA, 'idea', prototype.id), undefined);
  });

  it('ignores links to insights that Discover has since deleted', async () => {
    const library = await makeLibrary(t.app);
    const { discover } = t.app.services;
    const stub = discover.insightChoices;
    let insights = [
      { id: 'insight-kept', text: 'Teens want a quiet corner' },
      { id: 'insight-deleted', text: 'Parents want more seating' },
    ];
    discover.insightChoices = async (libraryId) => (libraryId === library.id ? insights : stub(libraryId));
    try {
      const idea = await service.createIdea(library.id, { title: 'Quiet corner', description: '', insightIds: ['insight-kept', 'insight-deleted'] }, null);
      assert.equal((await service.listIdeas(library.id, 1)).items[0]?.insightCount, 2);
      insights = insights.filter((insight) => insight.id !== 'insight-deleted');
      assert.equal((await service.listIdeas(library.id, 1)).items[0]?.insightCount, 1);
      const found = await service.getIdea(library.id, idea.id);
      assert.deepEqual(found?.insightIds, ['insight-kept']);
      // The edit form starts from these links, so saving it again is not refused.
      assert.equal(await service.updateIdea(library.id, idea.id, { title: 'Quiet corner', description: '', insightIds: found?.insightIds ?? [] }), true);
    } finally {
      discover.insightChoices = stub;
    }
  });

  it('keeps one stable order for ideas written in the same millisecond', async () => {
    const library = await makeLibrary(t.app);
    const sameInstant = '2017-05-01T12:00:00.000Z';
    const written: string[] = [];
    for (let i = 1; i <= 40; i++) {
      const idea = await service.createIdea(library.id, { title: `Same instant ${i}`, description: '', insightIds: [] }, null, sameInstant);
      written.push(idea.title);
    }
    const newestFirst = [...written].reverse();
    for (let load = 0; load < 3; load++) {
      const [first, second] = [await service.listIdeas(library.id, 1), await service.listIdeas(library.id, 2)];
      assert.deepEqual([...first.items, ...second.items].map((idea) => idea.title), newestFirst);
    }
  });

  it('pages ideas 25 at a time, newest first', async () => {
    const library = await makeLibrary(t.app);
    for (let i = 1; i <= 26; i++) {
      await service.createIdea(library.id, { title: `Idea ${i}`, description: '', insightIds: [] }, null);
    }
    const first = await service.listIdeas(library.id, 1);
    assert.deepEqual([first.total, first.pages, first.items.length, first.items[0]?.title], [26, 2, 25, 'Idea 26']);
    const second = await service.listIdeas(library.id, 9);
    assert.deepEqual([second.page, second.items.map((i) => i.title)], [2, ['Idea 1']]);
  });
});
