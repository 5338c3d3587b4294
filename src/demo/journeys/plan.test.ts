import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeCohort } from '../../../tests/support/factories';
import { journeyContext } from '../../../tests/support/journeys';
import { seedDemoPlan } from './plan';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the demo seeds an action plan with a budget for the three journeys, Madison slightly over', async () => {
  const { plan } = t.app.services;
  const cohort = await makeCohort(t.app, {
    subgrantCents: 500_000,
    spendingCategories: ['Furniture', 'Technology', 'Materials and supplies', 'Signage', 'Programs and events', 'Prototyping'],
  });
  const context = await journeyContext(t.app, { cohortId: cohort.id });
  await seedDemoPlan(t.app.services, context);

  for (const library of [context.glennsFerry, context.madison, context.ignacio]) {
    const counts = await plan.counts(library.id);
    assert.ok(counts.goals >= 2 && counts.goals <= 3, `${library.name} has ${counts.goals} goals`);
    assert.ok(counts.tasks >= 6 && counts.tasks <= 10, `${library.name} has ${counts.tasks} tasks`);
    assert.ok(counts.budgetLines >= 4 && counts.budgetLines <= 8, `${library.name} has ${counts.budgetLines} budget lines`);
    const overview = await plan.overview(library);
    assert.equal(new Set(overview.tasks.map((task) => task.status)).size, 4, `${library.name} shows every status`);
    assert.ok(overview.milestones.length >= 2 && overview.milestones.length <= 3);
    assert.ok([...overview.tasks.map((task) => task.startsOn), ...overview.milestones.map((m) => m.dueOn)].every((d) => d >= '2016-07-01' && d <= '2018-06-30'));
    assert.ok(overview.tasks.some((task) => task.dependsOnId !== null));
    const { budget } = overview;
    assert.ok(budget.plannedCents >= 400_000 && budget.plannedCents <= 550_000, `${library.name} plans ${budget.plannedCents}`);
    assert.equal(budget.overPlanned, library === context.madison, `${library.name} over budget`);
    assert.ok((await plan.listRevisions(library.id, 1)).total > 10, 'the service wrote revisions');
  }
  const glennsFerry = await plan.summary(context.glennsFerry.id);
  assert.ok(glennsFerry.goals.some((goal) => /VHS/.test(goal)));
  assert.equal(glennsFerry.subgrantCents, 500_000);
});
