import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { scopedLibrary } from '../../server/library-scope';
import { pluralKey, type MessageKey } from '../../i18n';
import type { PlanEntityType } from '../../db/tables/plan';
import { emptyForm, type FormResult, type FormState, type FormValues, type Option } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import {
  budgetLineValues,
  goalValues,
  milestoneValues,
  readBudgetLineForm,
  readGoalForm,
  readMilestoneForm,
  readTaskForm,
  taskValues,
  withProblems,
} from './schema';
import { GoalHasTasksError, PlanInputError, PlanItemNotFoundError, type PlanLibrary } from './service';
import { planCsv } from './csv';
import { planItemRoutes, planRoutes as paths } from './route-table';
import { itemPath, newItemPath, planPath, planView } from './urls';
import { PlanPage } from './views/plan-page';
import { BudgetLineFormPage, DeletePage, GoalFormPage, MilestoneFormPage, TaskFormPage, type PlanChoices } from './views/form-pages';
import { BudgetLinePage, GoalPage, MilestonePage, TaskPage } from './views/item-pages';
import { RevisionPage, RevisionsPage } from './views/revisions-pages';
import { sendCsv } from '../../server/csv-response';

/** How the generic form and delete routes handle one kind of plan item. */
interface ItemKind<Item extends { id: string }, Input> {
  type: PlanEntityType;
  /** The URL parameter naming an item of this kind (see `planItemRoutes`). */
  param: 'goal' | 'task' | 'milestone' | 'line';
  newTitle: MessageKey;
  editTitle: MessageKey;
  find(library: PlanLibrary, id: string): Promise<Item | undefined>;
  titleOf(item: Item): string;
  inputTitle(input: Input): string;
  read(body: unknown, request: FastifyRequest): FormResult<Input>;
  values(item: Item): FormValues;
  /** Values of a new item's form from the query, e.g. the goal a task is added to. */
  initial?(query: { goal?: unknown }): FormValues;
  choices(library: PlanLibrary, item?: Item): Promise<PlanChoices>;
  FormPage(props: { library: PlanLibrary; title: string; action: string; form: FormState; choices: PlanChoices }): VNode;
  create(library: PlanLibrary, input: Input, authorId: string | null): Promise<{ id: string }>;
  update(library: PlanLibrary, id: string, input: Input, authorId: string | null): Promise<void>;
  remove(library: PlanLibrary, id: string, authorId: string | null): Promise<void>;
  /** Why an item cannot be deleted, or what else deleting it changes. */
  deleteNotes?(library: PlanLibrary, item: Item, request: FastifyRequest): Promise<{ blocked?: string; note?: string }>;
  /** The item's page. */
  page(request: FastifyRequest, library: PlanLibrary, item: Item): Promise<VNode>;
}

/** The action plan: its views and export, the forms of its goals, tasks, milestones and budget lines, and its revisions. */
export async function planRoutes(app: FastifyInstance) {
  const { plan, workspace } = app.services;

  /** What a reader may do on an item page, and the item's comments. */
  async function itemPageProps(request: FastifyRequest, library: PlanLibrary, type: PlanEntityType, id: string) {
    return {
      library,
      comments: await workspace.listComments(library.id, type, id),
    };
  }

  /**
   * The choices of the plan's forms. An item keeps what it already has even
   * if it is no longer offered (an owner who left the team, a category the
   * cohort dropped), and a task cannot be chosen as its own dependency.
   */
  async function choicesFor(library: PlanLibrary, keep: { taskId?: string; owner?: Option; category?: string } = {}): Promise<PlanChoices> {
    const [overview, team] = await Promise.all([plan.overview(library), plan.team(library.id)]);
    const owners = team.map((person) => ({ value: person.id, label: person.name }));
    if (keep.owner && !owners.some((o) => o.value === keep.owner?.value)) owners.push(keep.owner);
    const categories = [...overview.budget.categories];
    if (keep.category && !categories.includes(keep.category)) categories.push(keep.category);
    return {
      goals: overview.goals.map((goal) => ({ value: goal.id, label: goal.title })),
      team: owners,
      tasks: overview.tasks.filter((task) => task.id !== keep.taskId).map((task) => ({ value: task.id, label: task.title })),
      categories: categories.map((category) => ({ value: category, label: category })),
    };
  }

  /** Registers the page, the add, edit and delete forms of one kind of item. */
  function itemRoutes<Item extends { id: string }, Input>(kind: ItemKind<Item, Input>) {
    const routes = planItemRoutes[kind.type];

    /** The item named in the URL, of the library in the URL; 404 for another library's. */
    async function itemFrom(request: FastifyRequest<{ Params: Partial<Record<ItemKind<Item, Input>['param'], string>> }>) {
      const item = await kind.find(scopedLibrary(request), request.params[kind.param] ?? '');
      if (!item) throw new HttpError(404);
      return item;
    }

    async function save(request: FastifyRequest, reply: FastifyReply, item?: Item) {
      const library = scopedLibrary(request);
      const { t } = request;
      const title = t(item ? kind.editTitle : kind.newTitle);
      const action = item ? itemPath(library, kind.type, item.id, 'edit') : newItemPath(library, kind.type);
      const render = async (form: FormState) =>
        reply.view(<kind.FormPage library={library} title={title} action={action} form={form} choices={await kind.choices(library, item)} />, 400);
      const form = kind.read(request.body, request);
      if (!form.ok) return render(form);
      const authorId = request.actor?.id ?? null;
      let id: string;
      try {
        if (item) {
          await kind.update(library, item.id, form.value, authorId);
          id = item.id;
        } else {
          id = (await kind.create(library, form.value, authorId)).id;
        }
      } catch (error) {
        if (error instanceof PlanInputError) return render(withProblems(form.values, error.errors, t));
        if (error instanceof PlanItemNotFoundError) throw new HttpError(404);
        throw error;
      }
      const message = t(item ? 'plan.flash.saved' : 'plan.flash.created', { title: kind.inputTitle(form.value) });
      return reply.flash('success', message).redirect(itemPath(library, kind.type, id), 303);
    }

    async function deletePage(request: FastifyRequest, reply: FastifyReply, item: Item, status = 200) {
      const library = scopedLibrary(request);
      const notes = (await kind.deleteNotes?.(library, item, request)) ?? {};
      return reply.view(
        <DeletePage
          library={library}
          title={kind.titleOf(item)}
          action={itemPath(library, kind.type, item.id, 'delete')}
          back={itemPath(library, kind.type, item.id)}
          {...notes}
        />,
        notes.blocked ? 409 : status,
      );
    }

    addRoute(app, routes.new, async (request, reply) => {
      const library = scopedLibrary(request);
      const form = emptyForm(kind.initial?.(request.query));
      return reply.view(
        <kind.FormPage
          library={library}
          title={request.t(kind.newTitle)}
          action={newItemPath(library, kind.type)}
          form={form}
          choices={await kind.choices(library)}
        />,
      );
    });

    addRoute(app, routes.create, async (request, reply) => save(request, reply));

    addRoute(app, routes.item, async (request, reply) => {
      const item = await itemFrom(request);
      return reply.view(await kind.page(request, scopedLibrary(request), item));
    });

    addRoute(app, routes.edit, async (request, reply) => {
      const library = scopedLibrary(request);
      const item = await itemFrom(request);
      return reply.view(
        <kind.FormPage
          library={library}
          title={request.t(kind.editTitle)}
          action={itemPath(library, kind.type, item.id, 'edit')}
          form={emptyForm(kind.values(item))}
          choices={await kind.choices(library, item)}
        />,
      );
    });

    addRoute(app, routes.update, async (request, reply) => save(request, reply, await itemFrom(request)));

    addRoute(app, routes.delete, async (request, reply) => deletePage(request, reply, await itemFrom(request)));

    addRoute(app, routes.confirmDelete, async (request, reply) => {
      const library = scopedLibrary(request);
      const item = await itemFrom(request);
      try {
        await kind.remove(library, item.id, request.actor?.id ?? null);
      } catch (error) {
        if (error instanceof GoalHasTasksError) return deletePage(request, reply, item, 409);
        if (error instanceof PlanItemNotFoundError) throw new HttpError(404);
        throw error;
      }
      return reply.flash('success', request.t('plan.flash.deleted', { title: kind.titleOf(item) })).redirect(planPath(library), 303);
    });
  }

  addRoute(app, paths.plan, async (request, reply) => {
    const library = scopedLibrary(request);
    const overview = await plan.overview(library);
    return reply.view(
      <PlanPage library={library} overview={overview} view={planView(request.query.view)} />,
    );
  });

  addRoute(app, paths.csv, async (request, reply) => {
    const library = scopedLibrary(request);
    const overview = await plan.overview(library);
    return sendCsv(reply, `plan-${library.slug}.csv`, planCsv(overview, request.t));
  });

  addRoute(app, paths.revisions, async (request, reply) => {
    const library = scopedLibrary(request);
    const result = await plan.listRevisions(library.id, pageNumber(request.query.page));
    return reply.view(<RevisionsPage library={library} result={result} />);
  });

  addRoute(app, paths.revision, async (request, reply) => {
    const library = scopedLibrary(request);
    const revision = await plan.getRevision(library.id, request.params.planRevision);
    if (!revision) throw new HttpError(404);
    // A link to the item while it still exists.
    const subject = await workspace.resolveSubject(library, revision.entityType, revision.entityId);
    return reply.view(<RevisionPage library={library} revision={revision} itemPath={subject?.path} />);
  });

  itemRoutes({
    type: 'goal',
    param: 'goal',
    newTitle: 'plan.goal.new',
    editTitle: 'plan.goal.edit',
    find: (library, id) => plan.getGoal(library.id, id),
    titleOf: (goal) => goal.title,
    inputTitle: (input) => input.title,
    read: (body, request) => readGoalForm(body, request.t),
    values: goalValues,
    choices: (library) => choicesFor(library),
    FormPage: GoalFormPage,
    create: plan.createGoal,
    update: plan.updateGoal,
    remove: plan.deleteGoal,
    async deleteNotes(library, goal, request) {
      const count = await plan.taskCountOfGoal(library.id, goal.id);
      if (count === 0) return {};
      return { blocked: request.t(pluralKey(request.locale, 'plan.delete.goalHasTasks', count), { count }) };
    },
    async page(request, library, goal) {
      const overview = await plan.overview(library);
      return (
        <GoalPage
          {...await itemPageProps(request, library, 'goal', goal.id)}
          goal={goal}
          tasks={overview.tasks.filter((task) => task.goalId === goal.id)}
          milestones={overview.milestones.filter((m) => m.goalId === goal.id)}
        />
      );
    },
  });

  itemRoutes({
    type: 'task',
    param: 'task',
    newTitle: 'plan.task.new',
    editTitle: 'plan.task.edit',
    find: plan.getTask,
    titleOf: (task) => task.title,
    inputTitle: (input) => input.title,
    read: (body, request) => readTaskForm(body, request.t),
    values: taskValues,
    initial: (query) => ({ status: 'not_started', goal: typeof query.goal === 'string' ? query.goal : '' }),
    choices: (library, task) =>
      choicesFor(library, { taskId: task?.id, owner: task?.ownerId ? { value: task.ownerId, label: task.ownerName ?? '' } : undefined }),
    FormPage: TaskFormPage,
    create: plan.createTask,
    update: plan.updateTask,
    remove: plan.deleteTask,
    deleteNotes: async (_library, _task, request) => ({ note: request.t('plan.delete.taskLinks') }),
    async page(request, library, task) {
      const overview = await plan.overview(library);
      return (
        <TaskPage
          {...await itemPageProps(request, library, 'task', task.id)}
          task={task}
          lines={overview.budget.lines.filter((line) => line.taskId === task.id)}
        />
      );
    },
  });

  itemRoutes({
    type: 'milestone',
    param: 'milestone',
    newTitle: 'plan.milestone.new',
    editTitle: 'plan.milestone.edit',
    find: plan.getMilestone,
    titleOf: (milestone) => milestone.title,
    inputTitle: (input) => input.title,
    read: (body, request) => readMilestoneForm(body, request.t),
    values: milestoneValues,
    choices: (library) => choicesFor(library),
    FormPage: MilestoneFormPage,
    create: plan.createMilestone,
    update: plan.updateMilestone,
    remove: plan.deleteMilestone,
    async page(request, library, milestone) {
      return <MilestonePage {...await itemPageProps(request, library, 'milestone', milestone.id)} milestone={milestone} />;
    },
  });

  itemRoutes({
    type: 'budget',
    param: 'line',
    newTitle: 'plan.line.new',
    editTitle: 'plan.line.edit',
    find: plan.getBudgetLine,
    titleOf: (line) => line.description,
    inputTitle: (input) => input.description,
    read: (body, request) => readBudgetLineForm(body, request.t),
    values: budgetLineValues,
    choices: (library, line) => choicesFor(library, { category: line?.category }),
    FormPage: BudgetLineFormPage,
    create: plan.createBudgetLine,
    update: plan.updateBudgetLine,
    remove: plan.deleteBudgetLine,
    async page(request, library, line) {
      return <BudgetLinePage {...await itemPageProps(request, library, 'budget', line.id)} line={line} />;
    },
  });
}
