import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import { makeCohort, makeLibrary, makePerson } from '../../../tests/support/factories';
import { journeyEvidence } from '../../../tests/support/evidence';
import { changesBetween } from './changes';
import { addDays, todayIn } from '../../i18n/time';
import { monthsBetween } from './dates';
import { dollarsToCents } from '../../i18n/format';
import { centsToDollars } from './schema';
import { GoalHasTasksError, PlanInputError, PlanItemNotFoundError, type PlanLibrary, type TaskInput } from './service';

describe('plan helpers', () => {
  it('reads dollars as cents without rounding errors, and back', () => {
    assert.equal(dollarsToCents('1,250.00'), 125_000);
    assert.equal(dollarsToCents('1250'), 125_000);
    assert.equal(dollarsToCents('$0.1'), 10);
    assert.equal(dollarsToCents('19.99'), 1999);
    assert.equal(centsToDollars(125_050), '1250.50');
    assert.equal(centsToDollars(5), '0.05');
  });

  it('lists the months of the timeline', () => {
    assert.deepEqual(monthsBetween('2016-11', '2017-02', 48), ['2016-11', '2016-12', '2017-01', '2017-02']);
    assert.equal(monthsBetween('2016-01', '2030-01', 48).length, 48);
  });

  it('records what changed, field by field, treating empty as absent', () => {
    assert.deepEqual(changesBetween(null, { title: 'Paint', owner: null, description: '' }), { title: [null, 'Paint'] });
    assert.deepEqual(changesBetween({ title: 'Paint', status: 'done' }, null), { title: ['Paint', null], status: ['done', null] });
    assert.deepEqual(changesBetween({ title: 'A', status: 'done', vendor: '' }, { title: 'A', status: 'blocked', vendor: null }), {
      status: ['done', 'blocked'],
    });
  });
});

describe('plan service', () => {
  let t: TestApp;
  let libA: PlanLibrary;
  let libB: PlanLibrary;
  let authorId: string;
  let authorName: string;
  let cohortId: string;
  const plan = () => t.app.services.plan;
  /** A new library of the cohort, for a test that counts everything in it. */
  const cohortLibrary = async (): Promise<PlanLibrary> => {
    const library = await makeLibrary(t.app, { cohortId });
    return { id: library.id, slug: library.slug, name: library.name, timeZone: library.timeZone };
  };
  const task = (goalId: string, overrides: Partial<TaskInput> = {}): TaskInput => ({
    title: 'Task',
    goalId,
    ownerId: null,
    startsOn: '2017-01-01',
    dueOn: '2017-01-31',
    status: 'not_started',
    dependsOnId: null,
    ...overrides,
  });

  before(async () => {
    t = await createTestApp();
    cohortId = (await makeCohort(t.app, { subgrantCents: 500_000, spendingCategories: ['Furniture', 'Signage'] })).id;
    libA = await cohortLibrary();
    libB = await cohortLibrary();
    const author = await makePerson(t.app, { role: 'staff', libraryId: libA.id, name: 'Casey Lund' });
    authorId = author.id;
    authorName = author.name;
  });
  after(() => t.close());

  it('counts goals, tasks, done and overdue tasks, and budget lines, and sums up the plan', async () => {
    // Its own libraries: other tests add to library A.
    const [library, other] = [await cohortLibrary(), await cohortLibrary()];
    const today = todayIn(library.timeZone);
    const goal = await plan().createGoal(library, { title: 'Counted goal', description: '' }, null);
    await plan().createTask(library, task(goal.id, { status: 'done', dueOn: addDays(today, -3), startsOn: addDays(today, -9) }), null);
    await plan().createTask(library, task(goal.id, { status: 'blocked', dueOn: addDays(today, -1), startsOn: addDays(today, -9) }), null);
    await plan().createTask(library, task(goal.id, { status: 'in_progress', dueOn: today, startsOn: addDays(today, -9) }), null);
    const line = { category: 'Furniture', description: 'Chairs', plannedCents: 120_000, actualCents: 99_999, vendor: '', taskId: null };
    await plan().createBudgetLine(library, line, null);
    assert.deepEqual(await plan().counts(library.id), { goals: 1, tasks: 3, tasksDone: 1, overdue: 1, budgetLines: 1 });
    assert.deepEqual(await plan().summary(library.id), {
      goals: ['Counted goal'],
      tasks: { total: 3, done: 1 },
      plannedCents: 120_000,
      actualCents: 99_999,
      subgrantCents: 500_000,
    });
    assert.deepEqual(await plan().counts(other.id), { goals: 0, tasks: 0, tasksDone: 0, overdue: 0, budgetLines: 0 });
    assert.deepEqual(await journeyEvidence(t.app, library.id, ['goals', 'budget']), [
      { item: 'goals', done: true, n: 3 },
      { item: 'budget', done: true, n: 1 },
    ]);
    assert.deepEqual(await journeyEvidence(t.app, other.id, ['goals', 'budget']), [
      { item: 'goals', done: false, n: 0 },
      { item: 'budget', done: false, n: 0 },
    ]);
  });

  it('names every broken rule of a task at once', async () => {
    const goal = await plan().createGoal(libA, { title: 'Rules', description: '' }, null);
    await assert.rejects(
      plan().createTask(libA, task('no-such-goal', { ownerId: 'nobody', startsOn: '2017-02-01', dueOn: '2017-01-01', dependsOnId: 'x' }), null),
      (error: unknown) => {
        assert.ok(error instanceof PlanInputError);
        assert.deepEqual(error.errors, {
          goal: 'plan.error.goal',
          owner: 'plan.error.owner',
          dueOn: 'plan.error.dueBeforeStart',
          dependsOn: 'plan.error.dependsOn',
        });
        return true;
      },
    );
    const first = await plan().createTask(libA, task(goal.id, { title: 'First' }), null);
    const second = await plan().createTask(libA, task(goal.id, { title: 'Second', dependsOnId: first.id }), null);
    await assert.rejects(plan().updateTask(libA, first.id, task(goal.id, { title: 'First', dependsOnId: second.id }), null), PlanInputError);
    await assert.rejects(plan().updateTask(libB, first.id, task(goal.id), null), PlanItemNotFoundError, 'another library cannot change it');
  });

  it('refuses budget lines outside the cohort’s categories or with bad amounts', async () => {
    const line = { category: 'Snacks', description: 'Cookies', plannedCents: -1, actualCents: 1.5, vendor: '', taskId: 'elsewhere' };
    await assert.rejects(plan().createBudgetLine(libA, line, null), (error: unknown) => {
      assert.ok(error instanceof PlanInputError);
      assert.deepEqual(Object.keys(error.errors), ['category', 'planned', 'actual', 'task']);
      return true;
    });
  });

  it('keeps goals with tasks, and unlinks what pointed at a deleted item, with a revision for each change', async () => {
    const goal = await plan().createGoal(libA, { title: 'Unlinking', description: '' }, authorId);
    const milestone = await plan().createMilestone(libA, { title: 'Opening', dueOn: '2017-06-01', goalId: goal.id }, authorId);
    const base = await plan().createTask(libA, task(goal.id, { title: 'Base task' }), authorId);
    const dependent = await plan().createTask(libA, task(goal.id, { title: 'Dependent task', dependsOnId: base.id }), authorId);
    const line = await plan().createBudgetLine(
      libA,
      { category: 'Signage', description: 'Sign', plannedCents: 100, actualCents: 0, vendor: '', taskId: base.id },
      authorId,
    );
    await assert.rejects(plan().deleteGoal(libA, goal.id, authorId), GoalHasTasksError);

    await plan().deleteTask(libA, base.id, authorId);
    assert.equal((await plan().getTask(libA, dependent.id))?.dependsOnId, null);
    assert.equal((await plan().getBudgetLine(libA, line.id))?.taskId, null);
    const recent = (await plan().listRevisions(libA.id, 1)).items.slice(0, 3);
    assert.deepEqual(recent.map((r) => `${r.entityType} ${r.action}`).sort(), ['budget updated', 'task deleted', 'task updated']);
    assert.ok(recent.every((r) => r.authorName === authorName));
    assert.deepEqual(recent.find((r) => r.entityType === 'task' && r.action === 'updated')?.changes, { dependsOn: ['Base task', null] });

    await plan().deleteTask(libA, dependent.id, authorId);
    await plan().deleteGoal(libA, goal.id, authorId);
    assert.equal((await plan().getMilestone(libA, milestone.id))?.goalId, null);
  });

  it('writes no revision when an item is saved unchanged', async () => {
    const goal = await plan().createGoal(libA, { title: 'Same', description: 'Same text' }, authorId);
    const before = (await plan().listRevisions(libA.id, 1)).total;
    await plan().updateGoal(libA, goal.id, { title: 'Same', description: 'Same text' }, authorId);
    assert.equal((await plan().listRevisions(libA.id, 1)).total, before);
  });

  it('finds items for comment threads only in their own library', async () => {
    const goal = await plan().createGoal(libA, { title: 'Commented goal', description: '' }, null);
    const { workspace } = t.app.services;
    assert.deepEqual(await workspace.resolveSubject(libA, 'goal', goal.id), {
      title: 'Commented goal',
      path: `/libraries/${libA.slug}/plan/goals/${goal.id}`,
    });
    assert.equal(await workspace.resolveSubject(libB, 'goal', goal.id), undefined);
    for (const type of ['task', 'milestone', 'budget'] as const) {
      assert.equal(await workspace.resolveSubject(libA, type, 'no-such-item'), undefined);
    }
  });
});
