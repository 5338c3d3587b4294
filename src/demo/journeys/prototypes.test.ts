import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import type { JourneyContext } from './context';
import { seedDemoPrototypes } from './prototypes';

describe('prototypes demo data', () => {
  let t: TestApp;
  let context: JourneyContext;


  before(async () => {
    t = await createTestApp();
    context = await journeyContext(t.app);
    // Discovery insights come from another part; give Madison two through its contract.
    const { discover } = t.app.services;
    const realChoices = discover.insightChoices;
    discover.insightChoices = async (libraryId) =>
      libraryId === context.madison.id
        ? [
            { id: 'wish-space', text: 'People want more open space to gather' },
            { id: 'wish-hours', text: 'Longer opening hours on Saturdays' },
          ]
        : realChoices(libraryId);
    await seedDemoPrototypes(t.app.services, context);
  });
  after(() => t.close());

  it('seeds ideas, tested prototypes and decisions for each journey library', async () => {
    const { prototypes } = t.app.services;
    assert.deepEqual(await prototypes.counts(context.ignacio.id), { ideas: 2, prototypes: 3, decided: 3, tested: 3 });
    assert.deepEqual(await prototypes.counts(context.glennsFerry.id), { ideas: 2, prototypes: 2, decided: 2, tested: 2 });
    assert.deepEqual(await prototypes.counts(context.madison.id), { ideas: 2, prototypes: 2, decided: 1, tested: 2 });
    const ignacio = await prototypes.summary(context.ignacio.id);
    assert.ok(ignacio.some((p) => /foam-board/i.test(p.title) && p.decision === 'change'));
    assert.ok(ignacio.every((p) => p.costCents > 0 && p.costCents < 10_000), 'costs stay small');
  });

  it('dates everything in the first cohort and credits the team', async () => {
    const { prototypes } = t.app.services;
    const { items } = await prototypes.listPrototypes(context.glennsFerry.id, 1);
    for (const prototype of items) {
      assert.match(prototype.createdAt, /^2017-/);
      assert.match(prototype.decidedAt ?? '', /^2017-/);
      assert.equal(prototype.decidedBy, context.glennsFerry.leadId);
      const sessions = await prototypes.listSessions(context.glennsFerry.id, prototype.id, 1);
      assert.ok(sessions.items.every((s) => s.heldOn >= '2016-07-01' && s.heldOn <= '2018-06-30'));
    }
    assert.ok(items.some((p) => /VHS room/.test(p.title)));
  });

  it('links ideas to the insights their words match', async () => {
    const { prototypes } = t.app.services;
    const { items } = await prototypes.listIdeas(context.madison.id, 1);
    const shelving = items.find((i) => /shelving/.test(i.title));
    assert.deepEqual((await prototypes.getIdea(context.madison.id, shelving!.id))?.insightIds, ['wish-space']);
  });
});
