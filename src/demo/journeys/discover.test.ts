import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { journeyContext } from '../../../tests/support/journeys';
import { seedDemoDiscover } from './discover';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the demo seeds discovery activities and themed insights for the three journeys', async () => {
  const context = await journeyContext(t.app);
  await seedDemoDiscover(t.app.services, context);
  const { discover } = t.app.services;

  for (const library of [context.glennsFerry, context.madison, context.ignacio]) {
    const counts = await discover.counts(library.id);
    assert.equal(counts.activities, 3, library.name);
    assert.ok(counts.insights >= 4 && counts.insights <= 8, `${library.name} has ${counts.insights} insights`);
    const { activities } = await discover.highlights(library.id);
    assert.ok(activities.every((a) => a.date >= '2016-07-01' && a.date <= '2018-06-30'), `${library.name} dates are in the first cohort`);
  }

  const madison = await discover.highlights(context.madison.id);
  assert.equal(madison.activities[0]?.kind, 'Wish Tree');
  assert.match(madison.activities[0]?.title ?? '', /nine sites/);
  assert.ok((await discover.counts(context.madison.id)).participants > 400);
  assert.ok((await discover.themesInUse(context.ignacio.id)).includes('bilingual'));
  const glennsFerry = await discover.highlights(context.glennsFerry.id);
  assert.ok(glennsFerry.activities.some((a) => a.kind === 'Walk-through' && /VHS/.test(a.title)));
  const teens = await discover.listInsights(context.glennsFerry.id, { theme: 'teens' }, 1);
  assert.ok(teens.total >= 2);
});
