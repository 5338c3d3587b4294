import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/types';
import type {
  PlanBudgetLinesTable,
  PlanGoalsTable,
  PlanMilestonesTable,
  PlanRevisionsTable,
  PlanTasksTable,
} from '../../db/tables/plan';

export type GoalRow = Selectable<PlanGoalsTable>;
export type TaskRow = Selectable<PlanTasksTable>;
export type MilestoneRow = Selectable<PlanMilestonesTable>;
export type BudgetLineRow = Selectable<PlanBudgetLinesTable>;
export type RevisionRow = Selectable<PlanRevisionsTable>;

/** The plan's item tables, which all share id, library_id and updated_at. */
type ItemTable = 'plan_goals' | 'plan_tasks' | 'plan_milestones' | 'plan_budget_lines';

/**
 * Queries for a library's plan. Every read and write of an item is limited to
 * one library, so an id from another library finds nothing. Pass a
 * transaction to group writes with their revision.
 */
export function createPlanRepository(db: Kysely<DB>) {
  /** The rows of one library in an item table. */
  const ofLibrary = <T extends ItemTable>(table: T, libraryId: string) =>
    db.selectFrom(table as ItemTable).selectAll().where('library_id', '=', libraryId);

  const countOf = async (table: ItemTable, libraryId: string) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('library_id', '=', libraryId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Updates one item of a library; true when it existed there. */
  const updateItem = async <T extends ItemTable>(table: T, libraryId: string, id: string, patch: Updateable<DB[T]>) =>
    Number(
      (
        await db
          .updateTable(table as ItemTable)
          .set(patch as Updateable<DB[ItemTable]>)
          .where('library_id', '=', libraryId)
          .where('id', '=', id)
          .executeTakeFirst()
      ).numUpdatedRows,
    ) > 0;

  const deleteItem = (table: ItemTable, libraryId: string, id: string) =>
    db.deleteFrom(table).where('library_id', '=', libraryId).where('id', '=', id).execute();

  return {
    goals: (libraryId: string) => ofLibrary('plan_goals', libraryId).orderBy('created_at').orderBy('id').execute() as Promise<GoalRow[]>,
    findGoal: (libraryId: string, id: string) =>
      ofLibrary('plan_goals', libraryId).where('id', '=', id).executeTakeFirst() as Promise<GoalRow | undefined>,
    insertGoal: (row: GoalRow) => db.insertInto('plan_goals').values(row).execute(),
    updateGoal: (libraryId: string, id: string, patch: Updateable<PlanGoalsTable>) => updateItem('plan_goals', libraryId, id, patch),
    deleteGoal: (libraryId: string, id: string) => deleteItem('plan_goals', libraryId, id),

    tasks: (libraryId: string) =>
      ofLibrary('plan_tasks', libraryId).orderBy('starts_on').orderBy('due_on').orderBy('title').orderBy('id').execute() as Promise<TaskRow[]>,
    findTask: (libraryId: string, id: string) =>
      ofLibrary('plan_tasks', libraryId).where('id', '=', id).executeTakeFirst() as Promise<TaskRow | undefined>,
    insertTask: (row: TaskRow) => db.insertInto('plan_tasks').values(row).execute(),
    updateTask: (libraryId: string, id: string, patch: Updateable<PlanTasksTable>) => updateItem('plan_tasks', libraryId, id, patch),
    deleteTask: (libraryId: string, id: string) => deleteItem('plan_tasks', libraryId, id),
    countTasksOfGoal: async (goalId: string) =>
      Number(
        (
          await db
            .selectFrom('plan_tasks')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('goal_id', '=', goalId)
            .executeTakeFirstOrThrow()
        ).n,
      ),

    milestones: (libraryId: string) =>
      ofLibrary('plan_milestones', libraryId).orderBy('due_on').orderBy('title').orderBy('id').execute() as Promise<MilestoneRow[]>,
    findMilestone: (libraryId: string, id: string) =>
      ofLibrary('plan_milestones', libraryId).where('id', '=', id).executeTakeFirst() as Promise<MilestoneRow | undefined>,
    insertMilestone: (row: MilestoneRow) => db.insertInto('plan_milestones').values(row).execute(),
    updateMilestone: (libraryId: string, id: string, patch: Updateable<PlanMilestonesTable>) =>
      updateItem('plan_milestones', libraryId, id, patch),
    deleteMilestone: (libraryId: string, id: string) => deleteItem('plan_milestones', libraryId, id),

    budgetLines: (libraryId: string) =>
      ofLibrary('plan_budget_lines', libraryId).orderBy('category').orderBy('created_at').orderBy('id').execute() as Promise<BudgetLineRow[]>,
    findBudgetLine: (libraryId: string, id: string) =>
      ofLibrary('plan_budget_lines', libraryId).where('id', '=', id).executeTakeFirst() as Promise<BudgetLineRow | undefined>,
    insertBudgetLine: (row: BudgetLineRow) => db.insertInto('plan_budget_lines').values(row).execute(),
    updateBudgetLine: (libraryId: string, id: string, patch: Updateable<PlanBudgetLinesTable>) =>
      updateItem('plan_budget_lines', libraryId, id, patch),
    deleteBudgetLine: (libraryId: string, id: string) => deleteItem('plan_budget_lines', libraryId, id),

    countGoals: (libraryId: string) => countOf('plan_goals', libraryId),
    countBudgetLines: (libraryId: string) => countOf('plan_budget_lines', libraryId),

    insertRevisions: (rows: RevisionRow[]) => (rows.length ? db.insertInto('plan_revisions').values(rows).execute() : Promise.resolve([])),
    countRevisions: async (libraryId: string) =>
      Number(
        (
          await db
            .selectFrom('plan_revisions')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('library_id', '=', libraryId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    revisions: (libraryId: string, limit: number, offset: number) =>
      db
        .selectFrom('plan_revisions')
        .selectAll()
        .where('library_id', '=', libraryId)
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    findRevision: (libraryId: string, id: string) =>
      db.selectFrom('plan_revisions').selectAll().where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst(),
  };
}

export type PlanRepository = ReturnType<typeof createPlanRepository>;
