/** Tables of the plan feature (see migration 0011-plan). */

/** A task's progress. */
export type PlanTaskStatus = 'not_started' | 'in_progress' | 'blocked' | 'done';

/** What a plan revision records a change to. */
export type PlanEntityType = 'goal' | 'task' | 'milestone' | 'budget';

export type PlanRevisionAction = 'created' | 'updated' | 'deleted';

export interface PlanGoalsTable {
  id: string;
  library_id: string;
  title: string;
  description: string;
  created_at: string;
  updated_at: string;
}

export interface PlanTasksTable {
  id: string;
  library_id: string;
  goal_id: string;
  title: string;
  owner_id: string | null;
  /** Calendar dates, YYYY-MM-DD; the due date is never before the start. */
  starts_on: string;
  due_on: string;
  status: PlanTaskStatus;
  /** Another task of the same library that must be done first. */
  depends_on_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanMilestonesTable {
  id: string;
  library_id: string;
  goal_id: string | null;
  title: string;
  /** YYYY-MM-DD. */
  due_on: string;
  created_at: string;
  updated_at: string;
}

export interface PlanBudgetLinesTable {
  id: string;
  library_id: string;
  /** One of the cohort's spending categories, by name. */
  category: string;
  description: string;
  planned_cents: number;
  actual_cents: number;
  vendor: string;
  task_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanRevisionsTable {
  id: string;
  library_id: string;
  entity_type: PlanEntityType;
  entity_id: string;
  /** The item's title (or a budget line's description) when the change was made, kept after deletion. */
  entity_title: string;
  action: PlanRevisionAction;
  author_id: string | null;
  at: string;
  /** JSON object: field → [before, after], values as shown to people (titles, names, cents). */
  changes: string;
}

export interface PlanTables {
  plan_goals: PlanGoalsTable;
  plan_tasks: PlanTasksTable;
  plan_milestones: PlanMilestonesTable;
  plan_budget_lines: PlanBudgetLinesTable;
  plan_revisions: PlanRevisionsTable;
}
