import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { PlanEntityType, PlanRevisionAction } from '../../db/tables/plan';
import { newId, nowIso } from '../../db/ids';
import type { MessageKey } from '../../i18n';
import type { WorkspaceService } from '../workspace/service';
import type { ProgramsService } from '../programs/service';
import type { Library, LibrariesService } from '../libraries/service';
import type { AccountsService } from '../accounts/service';
import { changesBetween, parseChanges, type Snapshot } from './changes';
import { itemPath } from './urls';
import { isCalendarDate, todayIn } from '../../i18n/time';
import {
  createPlanRepository,
  type BudgetLineRow,
  type GoalRow,
  type MilestoneRow,
  type PlanRepository,
  type RevisionRow,
  type TaskRow,
} from './repository';

import {
  TASK_STATUSES,
  MAX_AMOUNT_CENTS,
  PlanInputError,
  GoalHasTasksError,
  PlanItemNotFoundError,
  type GoalInput,
  type TaskInput,
  type MilestoneInput,
  type BudgetLineInput,
  type Goal,
  type Task,
  type Milestone,
  type BudgetLine,
  type CategoryTotal,
  type Budget,
  type PlanOverview,
  type TeamMember,
  type PlanRevision,
  type PlanLibrary,
} from './model';
import { paginate } from '../../db/pagination';

export * from './model';

const REVISIONS_PAGE_SIZE = 25;

export interface PlanDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  programs: ProgramsService;
  libraries: LibrariesService;
  accounts: AccountsService;
}

/** The library's team and the names of everyone who owns or may own a task. */
interface People {
  teamIds: Set<string>;
  names: Map<string, string>;
}

/** Records the revisions of one write, stored in the write's transaction. */
type Recorder = (type: PlanEntityType, id: string, title: string, action: PlanRevisionAction, before: Snapshot | null, after: Snapshot | null) => void;

const toGoal = (row: GoalRow): Goal => ({ id: row.id, title: row.title, description: row.description, updatedAt: row.updated_at });

const goalSnapshot = (row: GoalRow): Snapshot => ({ title: row.title, description: row.description });

/** True when a dependency from `taskId` on `dependsOnId` would close a loop. */
function closesLoop(taskId: string, dependsOnId: string, dependencies: Map<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let current: string | null | undefined = dependsOnId; current; current = dependencies.get(current)) {
    if (current === taskId) return true;
    if (seen.has(current)) return false;
    seen.add(current);
  }
  return false;
}

/**
 * A library's action plan: goals, tasks with owners, dates, status and
 * dependencies, milestones, and budget lines checked against the cohort's
 * spending categories and subgrant. Every change writes a revision in the
 * same transaction.
 */
export function createPlanService({ db, workspace, programs, libraries, accounts }: PlanDeps) {
  const repo = createPlanRepository(db);

  /**
   * Runs a write in a transaction with a recorder for its revisions, which
   * are stored before the transaction commits: no change without its revision.
   */
  async function write<T>(libraryId: string, authorId: string | null, work: (tx: PlanRepository, record: Recorder) => Promise<T>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const tx = createPlanRepository(trx);
      const rows: RevisionRow[] = [];
      const at = nowIso();
      const result = await work(tx, (type, id, title, action, before, after) => {
        const changes = changesBetween(before, after);
        // Saving an item unchanged is not a change worth a revision.
        if (action === 'updated' && Object.keys(changes).length === 0) return;
        rows.push({
          id: newId(),
          library_id: libraryId,
          entity_type: type,
          entity_id: id,
          entity_title: title,
          action,
          author_id: authorId,
          at,
          changes: JSON.stringify(changes),
        });
      });
      await tx.insertRevisions(rows);
      return result;
    });
  }

  /** Names of people by id. */
  async function namesOf(ids: Array<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    return new Map((await accounts.peopleByIds(wanted)).map((p) => [p.id, p.name]));
  }

  /**
   * Who may own the library's tasks, and the names of everyone who does or
   * may. Read before a write's transaction: on SQLite the transaction holds
   * the only connection, so other services cannot be asked inside it.
   */
  async function peopleOf(libraryId: string): Promise<People> {
    const [{ members }, tasks] = await Promise.all([libraries.team(libraryId), repo.tasks(libraryId)]);
    const teamIds = new Set(members.map((m) => m.userId));
    return { teamIds, names: await namesOf([...teamIds, ...tasks.map((t) => t.owner_id)]) };
  }

  async function taskSnapshot(tx: PlanRepository, libraryId: string, row: TaskRow, names: Map<string, string>): Promise<Snapshot> {
    const [goal, dependsOn] = await Promise.all([
      tx.findGoal(libraryId, row.goal_id),
      row.depends_on_id ? tx.findTask(libraryId, row.depends_on_id) : undefined,
    ]);
    return {
      title: row.title,
      goal: goal?.title ?? null,
      owner: row.owner_id ? (names.get(row.owner_id) ?? null) : null,
      startsOn: row.starts_on,
      dueOn: row.due_on,
      status: row.status,
      dependsOn: dependsOn?.title ?? null,
    };
  }

  async function milestoneSnapshot(tx: PlanRepository, libraryId: string, row: MilestoneRow): Promise<Snapshot> {
    const goal = row.goal_id ? await tx.findGoal(libraryId, row.goal_id) : undefined;
    return { title: row.title, date: row.due_on, goal: goal?.title ?? null };
  }

  async function budgetSnapshot(tx: PlanRepository, libraryId: string, row: BudgetLineRow): Promise<Snapshot> {
    const task = row.task_id ? await tx.findTask(libraryId, row.task_id) : undefined;
    return {
      category: row.category,
      description: row.description,
      plannedCents: Number(row.planned_cents),
      actualCents: Number(row.actual_cents),
      vendor: row.vendor,
      task: task?.title ?? null,
    };
  }

  async function cohortOf(library: Library | undefined) {
    return library?.cohortId ? programs.getCohort(library.cohortId) : undefined;
  }

  /** The people a task can be given to: the library's leads and members, in the order they joined. */
  async function team(libraryId: string): Promise<TeamMember[]> {
    const { members } = await libraries.team(libraryId);
    const names = await namesOf(members.map((m) => m.userId));
    return members.flatMap((m) => {
      const name = names.get(m.userId);
      return name ? [{ id: m.userId, name }] : [];
    });
  }

  /** The spending categories a budget line of this library may use. */
  async function categoriesOf(library: PlanLibrary): Promise<string[]> {
    return (await cohortOf(await libraries.getLibraryBySlug(library.slug)))?.spendingCategories ?? [];
  }

  /** Every problem of a task's input, checked against the library's goals, team and other tasks. */
  async function taskProblems(tx: PlanRepository, library: PlanLibrary, input: TaskInput, people: People, existing?: TaskRow) {
    const errors: Record<string, MessageKey> = {};
    const [goal, tasks] = await Promise.all([tx.findGoal(library.id, input.goalId), tx.tasks(library.id)]);
    if (!goal) errors.goal = 'plan.error.goal';
    // Someone who has left the team stays the owner of the tasks they had.
    const ownerAllowed = input.ownerId === null || people.teamIds.has(input.ownerId) || input.ownerId === existing?.owner_id;
    if (!ownerAllowed) errors.owner = 'plan.error.owner';
    if (!isCalendarDate(input.startsOn)) errors.startsOn = 'plan.error.date';
    if (!isCalendarDate(input.dueOn)) errors.dueOn = 'plan.error.date';
    else if (!errors.startsOn && input.dueOn < input.startsOn) errors.dueOn = 'plan.error.dueBeforeStart';
    if (!TASK_STATUSES.includes(input.status)) errors.status = 'plan.error.status';
    if (input.dependsOnId !== null) {
      const dependencies = new Map(tasks.map((t) => [t.id, t.depends_on_id]));
      if (!dependencies.has(input.dependsOnId)) errors.dependsOn = 'plan.error.dependsOn';
      else if (existing && input.dependsOnId === existing.id) errors.dependsOn = 'plan.error.dependsOnItself';
      else if (existing && closesLoop(existing.id, input.dependsOnId, dependencies)) errors.dependsOn = 'plan.error.cycle';
    }
    return errors;
  }

  async function milestoneProblems(tx: PlanRepository, library: PlanLibrary, input: MilestoneInput) {
    const errors: Record<string, MessageKey> = {};
    if (!isCalendarDate(input.dueOn)) errors.date = 'plan.error.date';
    if (input.goalId !== null && !(await tx.findGoal(library.id, input.goalId))) errors.goal = 'plan.error.goal';
    return errors;
  }

  const validAmount = (cents: number) => Number.isSafeInteger(cents) && cents >= 0 && cents <= MAX_AMOUNT_CENTS;

  async function budgetProblems(tx: PlanRepository, library: PlanLibrary, input: BudgetLineInput, categories: string[], existing?: BudgetLineRow) {
    const errors: Record<string, MessageKey> = {};
    // A line keeps its category even if the cohort's list has changed since.
    if (!categories.includes(input.category) && input.category !== existing?.category) errors.category = 'plan.error.category';
    if (!validAmount(input.plannedCents)) errors.planned = 'plan.error.amount';
    if (!validAmount(input.actualCents)) errors.actual = 'plan.error.amount';
    if (input.taskId !== null && !(await tx.findTask(library.id, input.taskId))) errors.task = 'plan.error.task';
    return errors;
  }

  function refuse(errors: Record<string, MessageKey>) {
    if (Object.keys(errors).length > 0) throw new PlanInputError(errors);
  }

  const taskColumns = (input: TaskInput) => ({
    title: input.title,
    goal_id: input.goalId,
    owner_id: input.ownerId,
    starts_on: input.startsOn,
    due_on: input.dueOn,
    status: input.status,
    depends_on_id: input.dependsOnId,
  });

  const milestoneColumns = (input: MilestoneInput) => ({ title: input.title, due_on: input.dueOn, goal_id: input.goalId });

  const budgetColumns = (input: BudgetLineInput) => ({
    category: input.category,
    description: input.description,
    planned_cents: input.plannedCents,
    actual_cents: input.actualCents,
    vendor: input.vendor,
    task_id: input.taskId,
  });

  async function requireRow<R>(found: Promise<R | undefined>, type: PlanEntityType, id: string): Promise<R> {
    const row = await found;
    if (!row) throw new PlanItemNotFoundError(type, id);
    return row;
  }

  /** The whole plan of a library with names resolved, for the views and the export. */
  async function overview(library: PlanLibrary): Promise<PlanOverview> {
    const today = todayIn(library.timeZone);
    const [goalRows, taskRows, milestoneRows, lineRows, cohort] = await Promise.all([
      repo.goals(library.id),
      repo.tasks(library.id),
      repo.milestones(library.id),
      repo.budgetLines(library.id),
      libraries.getLibraryBySlug(library.slug).then(cohortOf),
    ]);
    const goalTitles = new Map(goalRows.map((g) => [g.id, g.title]));
    const taskTitles = new Map(taskRows.map((t) => [t.id, t.title]));
    const owners = await namesOf(taskRows.map((t) => t.owner_id));
    const tasks: Task[] = taskRows.map((row) => ({
      id: row.id,
      title: row.title,
      goalId: row.goal_id,
      goalTitle: goalTitles.get(row.goal_id) ?? '',
      ownerId: row.owner_id,
      ownerName: row.owner_id ? (owners.get(row.owner_id) ?? null) : null,
      startsOn: row.starts_on,
      dueOn: row.due_on,
      status: row.status,
      dependsOnId: row.depends_on_id,
      dependsOnTitle: row.depends_on_id ? (taskTitles.get(row.depends_on_id) ?? null) : null,
      overdue: row.status !== 'done' && row.due_on < today,
      updatedAt: row.updated_at,
    }));
    const milestones: Milestone[] = milestoneRows.map((row) => ({
      id: row.id,
      title: row.title,
      dueOn: row.due_on,
      goalId: row.goal_id,
      goalTitle: row.goal_id ? (goalTitles.get(row.goal_id) ?? null) : null,
      updatedAt: row.updated_at,
    }));
    const lines: BudgetLine[] = lineRows.map((row) => ({
      id: row.id,
      category: row.category,
      description: row.description,
      plannedCents: Number(row.planned_cents),
      actualCents: Number(row.actual_cents),
      vendor: row.vendor,
      taskId: row.task_id,
      taskTitle: row.task_id ? (taskTitles.get(row.task_id) ?? null) : null,
      updatedAt: row.updated_at,
    }));
    return { today, goals: goalRows.map(toGoal), tasks, milestones, budget: budgetOf(lines, cohort) };
  }

  /** Totals by category (the cohort's first, in its order, then any others) and overall, against the subgrant. */
  function budgetOf(lines: BudgetLine[], cohort: { subgrantCents: number; spendingCategories: string[] } | undefined): Budget {
    const categories = cohort?.spendingCategories ?? [];
    const totals = new Map<string, CategoryTotal>();
    for (const category of [...categories, ...lines.map((l) => l.category)]) {
      if (!totals.has(category)) totals.set(category, { category, plannedCents: 0, actualCents: 0 });
    }
    for (const line of lines) {
      const total = totals.get(line.category)!;
      total.plannedCents += line.plannedCents;
      total.actualCents += line.actualCents;
    }
    const plannedCents = lines.reduce((sum, l) => sum + l.plannedCents, 0);
    const actualCents = lines.reduce((sum, l) => sum + l.actualCents, 0);
    const subgrantCents = cohort?.subgrantCents ?? null;
    return {
      lines,
      categories,
      byCategory: [...totals.values()].filter((t) => t.plannedCents > 0 || t.actualCents > 0 || categories.includes(t.category)),
      plannedCents,
      actualCents,
      subgrantCents,
      overPlanned: subgrantCents !== null && plannedCents > subgrantCents,
      overActual: subgrantCents !== null && actualCents > subgrantCents,
    };
  }

  workspace.registerSubject('goal', async (library, id) => {
    const row = await repo.findGoal(library.id, id);
    return row && { title: row.title, path: itemPath(library, 'goal', id) };
  });
  workspace.registerSubject('task', async (library, id) => {
    const row = await repo.findTask(library.id, id);
    return row && { title: row.title, path: itemPath(library, 'task', id) };
  });
  workspace.registerSubject('milestone', async (library, id) => {
    const row = await repo.findMilestone(library.id, id);
    return row && { title: row.title, path: itemPath(library, 'milestone', id) };
  });
  workspace.registerSubject('budget', async (library, id) => {
    const row = await repo.findBudgetLine(library.id, id);
    return row && { title: row.description || row.category, path: itemPath(library, 'budget', id) };
  });

  const service = {
    overview,
    team,
    categoriesOf,

    /** How far the plan has come: counts of goals, tasks, done and overdue tasks, and budget lines. */
    async counts(libraryId: string) {
      const [goals, tasks, budgetLines, library] = await Promise.all([
        repo.countGoals(libraryId),
        repo.tasks(libraryId),
        repo.countBudgetLines(libraryId),
        libraries.getLibrary(libraryId),
      ]);
      const today = todayIn(library?.timeZone ?? 'UTC');
      return {
        goals,
        tasks: tasks.length,
        tasksDone: tasks.filter((t) => t.status === 'done').length,
        overdue: tasks.filter((t) => t.status !== 'done' && t.due_on < today).length,
        budgetLines,
      };
    },

    /** What a transformation story tells of the plan. */
    async summary(libraryId: string) {
      const [goals, tasks, lines, library] = await Promise.all([
        repo.goals(libraryId),
        repo.tasks(libraryId),
        repo.budgetLines(libraryId),
        libraries.getLibrary(libraryId),
      ]);
      const cohort = await cohortOf(library);
      return {
        goals: goals.map((g) => g.title),
        tasks: { total: tasks.length, done: tasks.filter((t) => t.status === 'done').length },
        plannedCents: lines.reduce((sum, l) => sum + Number(l.planned_cents), 0),
        actualCents: lines.reduce((sum, l) => sum + Number(l.actual_cents), 0),
        subgrantCents: (cohort?.subgrantCents ?? null) as number | null,
      };
    },

    /** One goal of the library, or undefined (also for another library's goal). */
    async getGoal(libraryId: string, id: string): Promise<Goal | undefined> {
      const row = await repo.findGoal(libraryId, id);
      return row && toGoal(row);
    },

    async createGoal(library: PlanLibrary, input: GoalInput, authorId: string | null): Promise<Goal> {
      const now = nowIso();
      const row: GoalRow = { id: newId(), library_id: library.id, ...input, created_at: now, updated_at: now };
      await write(library.id, authorId, async (tx, record) => {
        await tx.insertGoal(row);
        record('goal', row.id, row.title, 'created', null, goalSnapshot(row));
      });
      return toGoal(row);
    },

    async updateGoal(library: PlanLibrary, id: string, input: GoalInput, authorId: string | null): Promise<void> {
      await write(library.id, authorId, async (tx, record) => {
        const before = await requireRow(tx.findGoal(library.id, id), 'goal', id);
        const after: GoalRow = { ...before, ...input, updated_at: nowIso() };
        await tx.updateGoal(library.id, id, { title: after.title, description: after.description, updated_at: after.updated_at });
        record('goal', id, after.title, 'updated', goalSnapshot(before), goalSnapshot(after));
      });
    },

    /**
     * Deletes a goal that has no tasks; its milestones stay, no longer tied
     * to a goal. Throws GoalHasTasksError while tasks remain under it.
     */
    async deleteGoal(library: PlanLibrary, id: string, authorId: string | null): Promise<void> {
      await write(library.id, authorId, async (tx, record) => {
        const goal = await requireRow(tx.findGoal(library.id, id), 'goal', id);
        const taskCount = await tx.countTasksOfGoal(id);
        if (taskCount > 0) throw new GoalHasTasksError(taskCount);
        const now = nowIso();
        for (const milestone of (await tx.milestones(library.id)).filter((m) => m.goal_id === id)) {
          const before = await milestoneSnapshot(tx, library.id, milestone);
          await tx.updateMilestone(library.id, milestone.id, { goal_id: null, updated_at: now });
          record('milestone', milestone.id, milestone.title, 'updated', before, { ...before, goal: null });
        }
        await tx.deleteGoal(library.id, id);
        record('goal', id, goal.title, 'deleted', goalSnapshot(goal), null);
      });
    },

    /** How many tasks a goal of the library has, to explain why it cannot be deleted. */
    async taskCountOfGoal(libraryId: string, goalId: string): Promise<number> {
      return (await repo.findGoal(libraryId, goalId)) ? repo.countTasksOfGoal(goalId) : 0;
    },

    /** One task of the library with names resolved, or undefined. */
    async getTask(library: PlanLibrary, id: string): Promise<Task | undefined> {
      return (await overview(library)).tasks.find((t) => t.id === id);
    },

    /** Adds a task; throws PlanInputError naming every field that breaks a rule. */
    async createTask(library: PlanLibrary, input: TaskInput, authorId: string | null): Promise<{ id: string }> {
      const people = await peopleOf(library.id);
      return write(library.id, authorId, async (tx, record) => {
        refuse(await taskProblems(tx, library, input, people));
        const now = nowIso();
        const row: TaskRow = { id: newId(), library_id: library.id, ...taskColumns(input), created_at: now, updated_at: now };
        await tx.insertTask(row);
        record('task', row.id, row.title, 'created', null, await taskSnapshot(tx, library.id, row, people.names));
        return { id: row.id };
      });
    },

    async updateTask(library: PlanLibrary, id: string, input: TaskInput, authorId: string | null): Promise<void> {
      const people = await peopleOf(library.id);
      await write(library.id, authorId, async (tx, record) => {
        const before = await requireRow(tx.findTask(library.id, id), 'task', id);
        refuse(await taskProblems(tx, library, input, people, before));
        const after: TaskRow = { ...before, ...taskColumns(input), updated_at: nowIso() };
        const snapshotBefore = await taskSnapshot(tx, library.id, before, people.names);
        await tx.updateTask(library.id, id, { ...taskColumns(input), updated_at: after.updated_at });
        record('task', id, after.title, 'updated', snapshotBefore, await taskSnapshot(tx, library.id, after, people.names));
      });
    },

    /**
     * Deletes a task. Tasks that depended on it and budget lines linked to it
     * stay, without the link, each with its own revision.
     */
    async deleteTask(library: PlanLibrary, id: string, authorId: string | null): Promise<void> {
      const { names } = await peopleOf(library.id);
      await write(library.id, authorId, async (tx, record) => {
        const task = await requireRow(tx.findTask(library.id, id), 'task', id);
        const now = nowIso();
        for (const dependent of (await tx.tasks(library.id)).filter((t) => t.depends_on_id === id)) {
          const before = await taskSnapshot(tx, library.id, dependent, names);
          await tx.updateTask(library.id, dependent.id, { depends_on_id: null, updated_at: now });
          record('task', dependent.id, dependent.title, 'updated', before, { ...before, dependsOn: null });
        }
        for (const line of (await tx.budgetLines(library.id)).filter((l) => l.task_id === id)) {
          const before = await budgetSnapshot(tx, library.id, line);
          await tx.updateBudgetLine(library.id, line.id, { task_id: null, updated_at: now });
          record('budget', line.id, line.description || line.category, 'updated', before, { ...before, task: null });
        }
        const snapshot = await taskSnapshot(tx, library.id, task, names);
        await tx.deleteTask(library.id, id);
        record('task', id, task.title, 'deleted', snapshot, null);
      });
    },

    /** One milestone of the library with its goal's title, or undefined. */
    async getMilestone(library: PlanLibrary, id: string): Promise<Milestone | undefined> {
      return (await overview(library)).milestones.find((m) => m.id === id);
    },

    async createMilestone(library: PlanLibrary, input: MilestoneInput, authorId: string | null): Promise<{ id: string }> {
      return write(library.id, authorId, async (tx, record) => {
        refuse(await milestoneProblems(tx, library, input));
        const now = nowIso();
        const row: MilestoneRow = { id: newId(), library_id: library.id, ...milestoneColumns(input), created_at: now, updated_at: now };
        await tx.insertMilestone(row);
        record('milestone', row.id, row.title, 'created', null, await milestoneSnapshot(tx, library.id, row));
        return { id: row.id };
      });
    },

    async updateMilestone(library: PlanLibrary, id: string, input: MilestoneInput, authorId: string | null): Promise<void> {
      await write(library.id, authorId, async (tx, record) => {
        const before = await requireRow(tx.findMilestone(library.id, id), 'milestone', id);
        refuse(await milestoneProblems(tx, library, input));
        const after: MilestoneRow = { ...before, ...milestoneColumns(input), updated_at: nowIso() };
        const snapshotBefore = await milestoneSnapshot(tx, library.id, before);
        await tx.updateMilestone(library.id, id, { ...milestoneColumns(input), updated_at: after.updated_at });
        record('milestone', id, after.title, 'updated', snapshotBefore, await milestoneSnapshot(tx, library.id, after));
      });
    },

    async deleteMilestone(library: PlanLibrary, id: string, authorId: string | null): Promise<void> {
      await write(library.id, authorId, async (tx, record) => {
        const milestone = await requireRow(tx.findMilestone(library.id, id), 'milestone', id);
        const snapshot = await milestoneSnapshot(tx, library.id, milestone);
        await tx.deleteMilestone(library.id, id);
        record('milestone', id, milestone.title, 'deleted', snapshot, null);
      });
    },

    /** One budget line of the library with its task's title, or undefined. */
    async getBudgetLine(library: PlanLibrary, id: string): Promise<BudgetLine | undefined> {
      return (await overview(library)).budget.lines.find((l) => l.id === id);
    },

    async createBudgetLine(library: PlanLibrary, input: BudgetLineInput, authorId: string | null): Promise<{ id: string }> {
      const categories = await categoriesOf(library);
      return write(library.id, authorId, async (tx, record) => {
        refuse(await budgetProblems(tx, library, input, categories));
        const now = nowIso();
        const row: BudgetLineRow = { id: newId(), library_id: library.id, ...budgetColumns(input), created_at: now, updated_at: now };
        await tx.insertBudgetLine(row);
        record('budget', row.id, row.description || row.category, 'created', null, await budgetSnapshot(tx, library.id, row));
        return { id: row.id };
      });
    },

    async updateBudgetLine(library: PlanLibrary, id: string, input: BudgetLineInput, authorId: string | null): Promise<void> {
      const categories = await categoriesOf(library);
      await write(library.id, authorId, async (tx, record) => {
        const before = await requireRow(tx.findBudgetLine(library.id, id), 'budget', id);
        refuse(await budgetProblems(tx, library, input, categories, before));
        const after: BudgetLineRow = { ...before, ...budgetColumns(input), updated_at: nowIso() };
        const snapshotBefore = await budgetSnapshot(tx, library.id, before);
        await tx.updateBudgetLine(library.id, id, { ...budgetColumns(input), updated_at: after.updated_at });
        record('budget', id, after.description || after.category, 'updated', snapshotBefore, await budgetSnapshot(tx, library.id, after));
      });
    },

    async deleteBudgetLine(library: PlanLibrary, id: string, authorId: string | null): Promise<void> {
      await write(library.id, authorId, async (tx, record) => {
        const line = await requireRow(tx.findBudgetLine(library.id, id), 'budget', id);
        const snapshot = await budgetSnapshot(tx, library.id, line);
        await tx.deleteBudgetLine(library.id, id);
        record('budget', id, line.description || line.category, 'deleted', snapshot, null);
      });
    },

    /** A page (25 a page) of the library's plan revisions, newest first. */
    async listRevisions(libraryId: string, page: number) {
      const total = await repo.countRevisions(libraryId);
      return paginate(total, page, REVISIONS_PAGE_SIZE, async (limit, offset) => toRevisions(await repo.revisions(libraryId, limit, offset)));
    },

    /** One revision of the library, or undefined (also for another library's). */
    async getRevision(libraryId: string, id: string): Promise<PlanRevision | undefined> {
      const row = await repo.findRevision(libraryId, id);
      return row && (await toRevisions([row]))[0];
    },
  };

  // The journey's Plan checklist: goals with tasks to reach them, and a budget.
  workspace.registerEvidence(async (libraryId) => {
    const { goals, tasks, budgetLines } = await service.counts(libraryId);
    return [
      { item: 'goals', done: goals > 0 && tasks > 0, n: tasks },
      { item: 'budget', done: budgetLines > 0, n: budgetLines },
    ];
  });

  return service;

  async function toRevisions(rows: RevisionRow[]): Promise<PlanRevision[]> {
    const authors = await namesOf(rows.map((r) => r.author_id));
    return rows.map((row) => ({
      id: row.id,
      entityType: row.entity_type,
      entityId: row.entity_id,
      entityTitle: row.entity_title,
      action: row.action,
      authorName: row.author_id ? (authors.get(row.author_id) ?? null) : null,
      at: row.at,
      changes: parseChanges(row.changes),
    }));
  }
}

export type PlanService = ReturnType<typeof createPlanService>;
