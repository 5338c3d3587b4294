import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../../tests/support/app';
import type { TestClient } from '../../../tests/support/client';
import { makeCohort, makeLibrary, signedInClient } from '../../../tests/support/factories';
import { addDays, todayIn } from '../../i18n/time';
import type { PlanLibrary, TaskInput } from './service';
import { assertInOrder } from '../../../tests/support/order';

/** The error message shown next to a field, or undefined. */
function fieldError(html: string, field: string): string | undefined {
  return new RegExp(`id="field-${field}-error">([^<]*)<`).exec(html)?.[1];
}

/** The HTML of the board column of one status. */
function boardColumn(html: string, status: string): string {
  return new RegExp(`<section class="plan-column" aria-labelledby="plan-column-${status}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
}

const asPlanLibrary = (library: { id: string; slug: string; name: string; timeZone: string }): PlanLibrary => ({
  id: library.id,
  slug: library.slug,
  name: library.name,
  timeZone: library.timeZone,
});

describe('action plan pages', () => {
  let t: TestApp;
  let libA: PlanLibrary;
  let libB: PlanLibrary;
  let libNoCohort: PlanLibrary;
  let lead: TestClient;
  let leadName: string;
  let leadId: string;
  let coachA: TestClient;
  let admin: TestClient;
  let staffB: TestClient;
  let coachB: TestClient;
  let leadNoCohort: TestClient;
  /** Items of library B, for forged-id checks. */
  const other = { goal: '', task: '', milestone: '', line: '', revision: '' };
  let base: string;

  const plan = () => t.app.services.plan;
  const taskInput = (goalId: string, overrides: Partial<TaskInput> = {}): TaskInput => ({
    title: 'A task',
    goalId,
    ownerId: null,
    startsOn: '2017-01-10',
    dueOn: '2017-02-20',
    status: 'not_started',
    dependsOnId: null,
    ...overrides,
  });

  before(async () => {
    t = await createTestApp();
    const cohort = await makeCohort(t.app, { subgrantCents: 500_000, spendingCategories: ['Furniture', 'Technology', 'Signage'] });
    libA = asPlanLibrary(await makeLibrary(t.app, { name: 'Plan Library A', cohortId: cohort.id }));
    libB = asPlanLibrary(await makeLibrary(t.app, { name: 'Plan Library B', cohortId: cohort.id }));
    libNoCohort = asPlanLibrary(await makeLibrary(t.app, { name: 'Plan Library Without Cohort' }));
    base = `/libraries/${libA.slug}/plan`;
    const leadA = await signedInClient(t.app, { role: 'staff', libraryId: libA.id, libraryRole: 'lead', name: 'Jordan Price' });
    lead = leadA.client;
    leadName = leadA.person.name;
    leadId = leadA.person.id;
    coachA = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libA.id] })).client;
    admin = (await signedInClient(t.app, { role: 'admin' })).client;
    staffB = (await signedInClient(t.app, { role: 'staff', libraryId: libB.id, libraryRole: 'lead' })).client;
    coachB = (await signedInClient(t.app, { role: 'coach', coachedLibraryIds: [libB.id] })).client;
    leadNoCohort = (await signedInClient(t.app, { role: 'staff', libraryId: libNoCohort.id, libraryRole: 'lead' })).client;

    const goalB = await plan().createGoal(libB, { title: 'Goal of B', description: '' }, null);
    other.goal = goalB.id;
    other.task = (await plan().createTask(libB, taskInput(goalB.id, { title: 'Task of B' }), null)).id;
    other.milestone = (await plan().createMilestone(libB, { title: 'Milestone of B', dueOn: '2017-05-01', goalId: null }, null)).id;
    other.line = (
      await plan().createBudgetLine(
        libB,
        { category: 'Furniture', description: 'Line of B', plannedCents: 100, actualCents: 0, vendor: '', taskId: null },
        null,
      )
    ).id;
    other.revision = (await plan().listRevisions(libB.id, 1)).items[0]!.id;
  });
  after(() => t.close());

  it('shows an empty plan with the ways to start to staff only', async () => {
    const page = await admin.get(`/libraries/${libNoCohort.slug}/plan`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Action plan<\/h1>/);
    assert.match(page.body, /There is no plan yet/);
    assert.doesNotMatch(page.body, /plan\/goals\/new/);
    const own = await leadNoCohort.get(`/libraries/${libNoCohort.slug}/plan`);
    assert.match(own.body, /href="\/libraries\/[^"]+\/plan\/goals\/new"/);
    assert.match(own.body, /<a href="\/libraries\/[^"]+\/plan" aria-current="page">List by goal<\/a>/);
  });

  it('adds, shows and edits a goal, keeping a revision of each change', async () => {
    const created = await lead.post(`${base}/goals/new`, { title: 'Open a makerspace', description: 'Turn the VHS room into a makerspace.' });
    assert.equal(created.statusCode, 303);
    const goalPath = String(created.headers.location);
    assert.match(goalPath, new RegExp(`^${base}/goals/[0-9a-f-]+$`));
    const page = await lead.get(goalPath);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Goal: Open a makerspace<\/h1>/);
    assert.match(page.body, /“Open a makerspace” was added to the plan\./);
    assert.match(page.body, /<section id="comments"/);

    const form = await lead.get(`${goalPath}/edit`);
    assert.match(form.body, /value="Open a makerspace"/);
    assert.equal((await lead.post(`${goalPath}/edit`, { title: 'Open a makerspace for all ages', description: '' })).statusCode, 303);
    const revisions = await lead.get(`${base}/revisions`);
    assert.match(revisions.body, /Goal “Open a makerspace for all ages” changed/);
    assert.match(revisions.body, /Title: Open a makerspace → Open a makerspace for all ages/);
    assert.match(revisions.body, /Description: Turn the VHS room into a makerspace\. → \(empty\)/);
    assert.ok(revisions.body.includes(`<td>${leadName}</td>`));
  });

  it('re-renders a bad goal form with 400, the messages and the input kept', async () => {
    const response = await lead.post(`${base}/goals/new`, { title: '', description: 'x'.repeat(2001) });
    assert.equal(response.statusCode, 400);
    assert.equal(fieldError(response.body, 'title'), 'Enter a title');
    assert.match(fieldError(response.body, 'description') ?? '', /2000 characters or fewer/);
    assert.match(response.body, /There is a problem/);
  });

  it('checks tasks: dates in order, a real goal, owner and dependency of this library', async () => {
    const goal = await plan().createGoal(libA, { title: 'Task rules goal', description: '' }, null);
    const good = { title: 'Clear the VHS room', goal: goal.id, owner: leadId, startsOn: '2017-03-01', dueOn: '2017-03-31', status: 'in_progress' };

    const backwards = await lead.post(`${base}/tasks/new`, { ...good, title: '', dueOn: '2017-02-01' });
    assert.equal(backwards.statusCode, 400);
    assert.equal(fieldError(backwards.body, 'dueOn'), 'The due date must be on or after the start date');
    assert.equal(fieldError(backwards.body, 'title'), 'Enter a title');
    assert.match(backwards.body, /value="2017-02-01"/);

    const badDate = await lead.post(`${base}/tasks/new`, { ...good, startsOn: '2017-02-30' });
    assert.equal(badDate.statusCode, 400);
    assert.equal(fieldError(badDate.body, 'startsOn'), 'Enter a real date, like 2017-03-15');

    const stranger = await lead.post(`${base}/tasks/new`, { ...good, owner: 'someone-else' });
    assert.equal(stranger.statusCode, 400);
    assert.equal(fieldError(stranger.body, 'owner'), 'Choose someone on the library’s team, or nobody');
    assert.match(stranger.body, /value="Clear the VHS room"/);

    const foreignGoal = await lead.post(`${base}/tasks/new`, { ...good, goal: other.goal });
    assert.equal(foreignGoal.statusCode, 400);
    assert.equal(fieldError(foreignGoal.body, 'goal'), 'Choose one of this plan’s goals');

    const foreignDependency = await lead.post(`${base}/tasks/new`, { ...good, dependsOn: other.task });
    assert.equal(foreignDependency.statusCode, 400);
    assert.equal(fieldError(foreignDependency.body, 'dependsOn'), 'Choose another task of this plan, or nothing');

    const badStatus = await lead.post(`${base}/tasks/new`, { ...good, status: 'finished' });
    assert.equal(badStatus.statusCode, 400);
    assert.equal(fieldError(badStatus.body, 'status'), 'Choose a status');

    const created = await lead.post(`${base}/tasks/new`, good);
    assert.equal(created.statusCode, 303);
    const task = await lead.get(String(created.headers.location));
    assert.match(task.body, /<h1>Task: Clear the VHS room<\/h1>/);
    assert.ok(task.body.includes(leadName));
    assert.match(task.body, /In progress/);
  });

  it('refuses a dependency that would close a loop, or on the task itself', async () => {
    const goal = await plan().createGoal(libA, { title: 'Loop goal', description: '' }, null);
    const first = await plan().createTask(libA, taskInput(goal.id, { title: 'Order shelving' }), null);
    const second = await plan().createTask(libA, taskInput(goal.id, { title: 'Install shelving', dependsOnId: first.id }), null);
    const third = await plan().createTask(libA, taskInput(goal.id, { title: 'Shelve the books', dependsOnId: second.id }), null);
    const form = { title: 'Order shelving', goal: goal.id, startsOn: '2017-01-10', dueOn: '2017-02-20', status: 'not_started' };
    const loop = await lead.post(`${base}/tasks/${first.id}/edit`, { ...form, dependsOn: third.id });
    assert.equal(loop.statusCode, 400);
    assert.match(fieldError(loop.body, 'dependsOn') ?? '', /would wait for each other/);
    const itself = await lead.post(`${base}/tasks/${first.id}/edit`, { ...form, dependsOn: first.id });
    assert.equal(itself.statusCode, 400);
    assert.equal(fieldError(itself.body, 'dependsOn'), 'A task cannot depend on itself');
    const editForm = await lead.get(`${base}/tasks/${first.id}/edit`);
    assert.doesNotMatch(editForm.body, new RegExp(`<option value="${first.id}"`), 'a task is not offered as its own dependency');
  });

  it('checks budget lines: cohort categories, amounts in dollars, a task of this library', async () => {
    const good = { category: 'Technology', description: '3D printer', planned: '1,250.50', actual: '', vendor: 'Maker Supply', task: '' };
    for (const [planned, message] of [
      ['-5', 'Enter an amount of 0 or more in dollars, like 1,250.00'],
      ['12.345', 'Enter an amount of 0 or more in dollars, like 1,250.00'],
      ['lots', 'Enter an amount of 0 or more in dollars, like 1,250.00'],
      ['20,000,000', 'Enter an amount of $10,000,000 or less'],
    ] as const) {
      const response = await lead.post(`${base}/budget/new`, { ...good, planned });
      assert.equal(response.statusCode, 400, planned);
      assert.equal(fieldError(response.body, 'planned'), message, planned);
      assert.ok(response.body.includes(`value="${planned}"`), 'the amount typed is kept');
    }
    const unknown = await lead.post(`${base}/budget/new`, { ...good, category: 'Snacks' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(fieldError(unknown.body, 'category'), 'Choose one of the cohort’s spending categories');
    const foreignTask = await lead.post(`${base}/budget/new`, { ...good, task: other.task });
    assert.equal(foreignTask.statusCode, 400);
    assert.equal(fieldError(foreignTask.body, 'task'), 'Choose one of this plan’s tasks, or none');

    const created = await lead.post(`${base}/budget/new`, good);
    assert.equal(created.statusCode, 303);
    const id = String(created.headers.location).split('/').pop()!;
    const line = await plan().getBudgetLine(libA, id);
    assert.equal(line?.plannedCents, 125_050);
    assert.equal(line?.actualCents, 0);
    const edit = await lead.get(`${base}/budget/${id}/edit`);
    assert.match(edit.body, /value="1250.50"/);
    await plan().deleteBudgetLine(libA, id, null);
  });

  it('tells a library without a cohort that it has no categories and no known subgrant', async () => {
    // Its own library: the goal added here would end the empty plan shown above.
    const library = asPlanLibrary(await makeLibrary(t.app, { cohortId: null }));
    const { client } = await signedInClient(t.app, { role: 'staff', libraryId: library.id, libraryRole: 'lead' });
    const form = await client.get(`/libraries/${library.slug}/plan/budget/new`);
    assert.match(form.body, /is not in a cohort, so there are no spending categories/);
    await t.app.services.plan.createGoal(library, { title: 'A goal', description: '' }, null);
    const page = await client.get(`/libraries/${library.slug}/plan`);
    assert.match(page.body, /The subgrant is unknown: this library is not in a cohort\./);
  });

  describe('views', () => {
    let library: PlanLibrary;
    let client: TestClient;
    before(async () => {
      library = asPlanLibrary(await makeLibrary(t.app, { name: 'Views Library', cohortId: null }));
      client = (await signedInClient(t.app, { role: 'staff', libraryId: library.id })).client;
      const today = todayIn(library.timeZone);
      const space = await plan().createGoal(library, { title: 'A space for making', description: '' }, null);
      const programs = await plan().createGoal(library, { title: 'Programs for teens', description: '' }, null);
      const input = (goalId: string, title: string, status: TaskInput['status'], dueOn: string) =>
        plan().createTask(library, taskInput(goalId, { title, status, startsOn: addDays(today, -40), dueOn }), null);
      await input(space.id, 'Late and blocked', 'blocked', addDays(today, -1));
      await input(space.id, 'Late but done', 'done', addDays(today, -1));
      await input(programs.id, 'Due today', 'in_progress', today);
      await input(programs.id, 'Next month', 'not_started', addDays(today, 30));
      await plan().createMilestone(library, { title: 'Grand opening', dueOn: addDays(today, 20), goalId: programs.id }, null);
    });

    const overdueCount = (html: string) => (html.match(/class="tag plan-overdue">Overdue</g) ?? []).length;

    it('lists tasks grouped by goal, with overdue tasks labelled', async () => {
      const page = await client.get(`/libraries/${library.slug}/plan`);
      assert.equal(page.statusCode, 200);
      const space = '<caption>Tasks for the goal “A space for making”</caption>';
      const programs = '<caption>Tasks for the goal “Programs for teens”</caption>';
      assertInOrder(page.body, [space, 'Late and blocked', programs, 'Next month'], 'a task is listed under its goal');
      assert.equal(overdueCount(page.body), 1, 'only the late task that is not done is overdue');
      assert.match(page.body, /<caption>Milestones by date<\/caption>/);
      assert.match(page.body, /Grand opening/);
    });

    it('shows a board with a column per status', async () => {
      const page = await client.get(`/libraries/${library.slug}/plan?view=board`);
      assert.match(page.body, /<a href="[^"]+\?view=board" aria-current="page">Board by status<\/a>/);
      assert.match(boardColumn(page.body, 'blocked'), /Late and blocked/);
      assert.match(boardColumn(page.body, 'blocked'), /Overdue/);
      assert.match(boardColumn(page.body, 'done'), /Late but done/);
      assert.doesNotMatch(boardColumn(page.body, 'done'), /Overdue/);
      assert.match(boardColumn(page.body, 'in_progress'), /Due today/);
      assert.match(boardColumn(page.body, 'not_started'), /Next month/);
      assert.equal(overdueCount(page.body), 1);
    });

    it('draws a timeline table by month with the timeline in words', async () => {
      const page = await client.get(`/libraries/${library.slug}/plan?view=timeline`);
      assert.match(page.body, /<table class="plan-timeline"><caption>Tasks and milestones by month<\/caption>/);
      assert.ok((page.body.match(/<th scope="col">[A-Z][a-z]{2} \d{4}<\/th>/g) ?? []).length >= 2);
      assert.match(page.body, /<td class="plan-bar"><span aria-hidden="true">■<\/span><span class="plan-sr">Under way<\/span><\/td>/);
      assert.match(page.body, /<td class="plan-milestone">/);
      assert.match(page.body, /<h2>The timeline in words<\/h2>/);
      assert.match(page.body, /Late and blocked: [A-Z][a-z]{2} \d+, \d{4} to [A-Z][a-z]{2} \d+, \d{4}, Blocked/);
      assert.equal(overdueCount(page.body), 2, 'the chart row and the words both say overdue');
      assert.doesNotMatch(page.body, /style=/);
    });
  });

  describe('budget against the subgrant', () => {
    /** A library of the cohort with a goal, its staff's client, and lines planning exactly the $5,000 subgrant. */
    async function budgetWithinSubgrant() {
      const cohort = (await t.app.services.programs.listCohorts())[0]!;
      const library = asPlanLibrary(await makeLibrary(t.app, { cohortId: cohort.id }));
      const client = (await signedInClient(t.app, { role: 'staff', libraryId: library.id })).client;
      await plan().createGoal(library, { title: 'Budget goal', description: '' }, null);
      const line = (category: string, plannedCents: number, actualCents = 0) =>
        plan().createBudgetLine(library, { category, description: `${category} line`, plannedCents, actualCents, vendor: '', taskId: null }, null);
      await line('Furniture', 300_000, 120_000);
      await line('Technology', 150_000);
      await line('Furniture', 50_000);
      return { library, client, line };
    }

    it('shows totals by category and no warning while within the subgrant', async () => {
      const { library, client } = await budgetWithinSubgrant();
      const page = await client.get(`/libraries/${library.slug}/plan`);
      assert.doesNotMatch(page.body, /Over budget/);
      assert.match(page.body, /<td>Furniture<\/td><td class="numeric">\$3,500<\/td><td class="numeric">\$1,200<\/td>/);
      assert.match(page.body, /<td>Total<\/td><td class="numeric">\$5,000<\/td><td class="numeric">\$1,200<\/td>/);
      assert.match(page.body, /<dt>Left to plan<\/dt><dd>\$0<\/dd>/);
    });

    it('warns at the top and on the budget once planned spending passes the subgrant', async () => {
      const { library, client, line } = await budgetWithinSubgrant();
      await line('Signage', 1);
      for (const view of ['', '?view=board', '?view=timeline']) {
        const page = await client.get(`/libraries/${library.slug}/plan${view}`);
        const warning = 'Over budget: planned $5,000.01 is $0.01 more than the $5,000 subgrant';
        const count = page.body.split(warning).length - 1;
        assert.equal(count, view === '' ? 2 : 1, `warning shown on ${view || 'the list'}`);
        assert.doesNotMatch(page.body, /Over budget: spent/);
      }
    });
  });

  it('exports tasks and budget lines as CSV guarded against formulas', async () => {
    const goal = await plan().createGoal(libA, { title: '=HYPERLINK("http://evil.example")', description: '' }, null);
    await plan().createTask(libA, taskInput(goal.id, { title: '+SUM(A1:A2)', ownerId: leadId, status: 'blocked' }), null);
    await plan().createBudgetLine(
      libA,
      { category: 'Signage', description: '@cmd', plannedCents: 12_345, actualCents: 100, vendor: '-Vendor', taskId: null },
      null,
    );
    const csv = await coachA.get(`/libraries/${libA.slug}/plan.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(String(csv.headers['content-disposition']), new RegExp(`attachment; filename="plan-${libA.slug}\\.csv"`));
    assert.ok(csv.body.startsWith('\uFEFFRecord type,Goal,Task,Owner,Start,Due,Status,Depends on,Overdue,'));
    assert.match(csv.body, new RegExp(`\r\nTask,"'=HYPERLINK\\(""http://evil.example""\\)",'\\+SUM\\(A1:A2\\),${leadName},2017-01-10,2017-02-20,Blocked,,Yes,`));
    assert.match(csv.body, /\r\nBudget line,,,,,,,,,Signage,'@cmd,123\.45,1\.00,'-Vendor,\r\n/);
  });

  it('keeps a revision of every change, readable one by one', async () => {
    const goal = await plan().createGoal(libA, { title: 'Revision goal', description: '' }, leadId);
    const task = await plan().createTask(libA, taskInput(goal.id, { title: 'Paint the room' }), leadId);
    await plan().updateTask(libA, task.id, taskInput(goal.id, { title: 'Paint the room', status: 'done', ownerId: leadId }), leadId);
    const [latest] = (await plan().listRevisions(libA.id, 1)).items;
    assert.equal(latest?.entityTitle, 'Paint the room');
    assert.equal(latest?.action, 'updated');
    assert.deepEqual(latest?.changes, { owner: [null, leadName], status: ['not_started', 'done'] });
    const page = await coachA.get(`${base}/revisions/${latest!.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Change to the plan: Task “Paint the room” changed<\/h1>/);
    assert.match(page.body, /<td>Status<\/td><td>Not started<\/td><td>Done<\/td>/);
    assert.match(page.body, /<td>Owner<\/td><td>\(empty\)<\/td>/);
    assert.ok(page.body.includes(`href="${base}/tasks/${task.id}">Open the item</a>`));
    assert.equal((await lead.get(`${base}/revisions/${other.revision}`)).statusCode, 404);
    assert.equal((await lead.get(`${base}/revisions/no-such-revision`)).statusCode, 404);
  });

  it('answers 404 for every item of another library, on every route', async () => {
    const routes: Array<[string, string]> = [
      ['goals', other.goal],
      ['tasks', other.task],
      ['milestones', other.milestone],
      ['budget', other.line],
    ];
    for (const [segment, id] of routes) {
      for (const suffix of ['', '/edit', '/delete']) {
        assert.equal((await lead.get(`${base}/${segment}/${id}${suffix}`)).statusCode, 404, `GET ${segment}${suffix}`);
      }
      for (const suffix of ['/edit', '/delete']) {
        assert.equal((await lead.post(`${base}/${segment}/${id}${suffix}`, { title: 'Taken over' })).statusCode, 404, `POST ${segment}${suffix}`);
      }
    }
    assert.equal((await plan().getGoal(libB.id, other.goal))?.title, 'Goal of B', 'the other library’s goal is untouched');
    assert.ok(await plan().getBudgetLine(libB, other.line));
  });

  it('explains that a goal with tasks cannot be deleted, and deletes tasks and goals after confirmation', async () => {
    const goal = await plan().createGoal(libA, { title: 'Goal with a task', description: '' }, null);
    const task = await plan().createTask(libA, taskInput(goal.id, { title: 'Only task' }), null);
    const confirm = await lead.get(`${base}/goals/${goal.id}/delete`);
    assert.equal(confirm.statusCode, 409);
    assert.match(confirm.body, /This goal still has a task, so it cannot be deleted/);
    assert.doesNotMatch(confirm.body, /Yes, delete it/);
    const refused = await lead.post(`${base}/goals/${goal.id}/delete`);
    assert.equal(refused.statusCode, 409);
    assert.ok(await plan().getGoal(libA.id, goal.id));

    const askTask = await lead.get(`${base}/tasks/${task.id}/delete`);
    assert.match(askTask.body, /<h1>Delete “Only task”\?<\/h1>/);
    assert.match(askTask.body, /Yes, delete it/);
    const deleted = await lead.post(`${base}/tasks/${task.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(deleted.headers.location, base);
    assert.equal((await lead.post(`${base}/goals/${goal.id}/delete`)).statusCode, 303);
    assert.equal(await plan().getGoal(libA.id, goal.id), undefined);
    const revisions = await lead.get(`${base}/revisions`);
    assert.match(revisions.body, /Goal “Goal with a task” deleted/);
  });

  it('lets coaches and admins read but not change the plan', async () => {
    const goal = await plan().createGoal(libA, { title: 'Read-only goal', description: '' }, null);
    for (const reader of [coachA, admin]) {
      const page = await reader.get(base);
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /plan\/goals\/new/);
      const item = await reader.get(`${base}/goals/${goal.id}`);
      assert.equal(item.statusCode, 200);
      assert.doesNotMatch(item.body, /\/edit"/);
      assert.equal((await reader.get(`${base}/goals/new`)).statusCode, 403);
      assert.equal((await reader.post(`${base}/goals/new`, { title: 'Not mine' })).statusCode, 403);
      assert.equal((await reader.post(`${base}/goals/${goal.id}/delete`)).statusCode, 403);
    }
    const staffView = await lead.get(`${base}/goals/${goal.id}`);
    assert.match(staffView.body, new RegExp(`href="${base}/goals/${goal.id}/edit"`));
    assert.match(staffView.body, new RegExp(`href="${base}/tasks/new\\?goal=${goal.id}"`));
    const newTask = await lead.get(`${base}/tasks/new?goal=${goal.id}`);
    assert.match(newTask.body, new RegExp(`<option value="${goal.id}" selected>Read-only goal</option>`));
  });

  it('keeps other libraries’ staff and coaches out', async () => {
    for (const outsider of [staffB, coachB]) {
      for (const url of [base, `${base}.csv`, `${base}/revisions`, `${base}/goals/new`]) {
        assert.equal((await outsider.get(url)).statusCode, 403, url);
      }
      assert.equal((await outsider.post(`${base}/goals/new`, { title: 'Intruder' })).statusCode, 403);
    }
  });
});
