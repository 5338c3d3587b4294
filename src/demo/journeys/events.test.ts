import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import type { JourneyContext } from './context';
import { seedDemoEvents } from './events';

describe('events demo data', () => {
  let t: TestApp;
  let context: JourneyContext;

  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app);
    await seedDemoEvents(t.app.services, context);
  });
  after(() => t.close());

  it('gives each journey library two or three events held after its space opened, one occurrence uncounted', async () => {
    const { events } = t.app.services;
    const openings = new Map([
      [context.glennsFerry.id, '2017-07-08'],
      [context.madison.id, '2017-05-20'],
      [context.ignacio.id, '2017-06-10'],
    ]);
    for (const library of [context.glennsFerry, context.madison, context.ignacio]) {
      const { items, total } = await events.listEvents(library.id, 1);
      assert.ok(total >= 2 && total <= 3, `${library.name} has ${total} events`);
      const occurrences = (await Promise.all(items.map(async (event) => (await events.listOccurrences(library.id, event.id, 1)).items))).flat();
      assert.ok(occurrences.every((o) => o.heldOn >= openings.get(library.id)! && o.heldOn <= '2018-06-30'), `${library.name} holds events after opening`);
      assert.equal(occurrences.filter((o) => o.attendance === null).length, 1, `${library.name} has one occurrence without a count`);
      assert.ok(occurrences.every((o) => o.attendance === null || (o.attendance >= 0 && o.attendance <= 40)));
      for (const event of items) {
        assert.equal(event.recorded, event.occurrences - occurrences.filter((o) => o.eventId === event.id && o.attendance === null).length);
        assert.ok(event.attendance !== null && event.attendance > 0);
      }
    }
    const glennsFerry = (await events.listEvents(context.glennsFerry.id, 1)).items;
    const monday = glennsFerry.find((event) => event.title === 'Maker Monday');
    assert.deepEqual(
      { serviceArea: monday?.serviceArea, occurrences: monday?.occurrences, recorded: monday?.recorded, attendance: monday?.attendance },
      { serviceArea: 'lifelong-learning', occurrences: 12, recorded: 11, attendance: 131 },
    );
    const ignacio = (await events.listEvents(context.ignacio.id, 1)).items;
    assert.ok(ignacio.some((event) => event.title === 'Teen media lab night' && event.serviceArea === 'digital-learning'));
  });

  it('counts the events as evidence for the journey, with the people they reached', async () => {
    const { events, workspace } = t.app.services;
    for (const library of [context.glennsFerry, context.madison, context.ignacio]) {
      const reached = (await events.listEvents(library.id, 1)).items.reduce((sum, event) => sum + (event.attendance ?? 0), 0);
      const evidence = (await workspace.evidenceFor(library.id)).find((e) => e.item === 'events');
      assert.deepEqual(evidence, { item: 'events', done: true, n: reached });
    }
  });
});
