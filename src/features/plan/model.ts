/**
 * The shapes of a library's action plan as the rest of the app sees them,
 * and the errors its rules raise. The plan service works on these.
 */
import type { PlanEntityType, PlanRevisionAction, PlanTaskStatus } from '../../db/tables/plan';
import type { MessageKey } from '../../i18n';
import type { WorkspaceLibrary } from '../workspace/contracts';
import type { Changes } from './changes';

export type { PlanEntityType, PlanRevisionAction, PlanTaskStatus } from '../../db/tables/plan';

export const TASK_STATUSES: readonly PlanTaskStatus[] = ['not_started', 'in_progress', 'blocked', 'done'];

/** How each status reads, on pages and in the export. */
export const STATUS_LABELS: Record<PlanTaskStatus, MessageKey> = {
  not_started: 'plan.status.not_started',
  in_progress: 'plan.status.in_progress',
  blocked: 'plan.status.blocked',
  done: 'plan.status.done',
};

/**
 * The largest amount of one budget line, in cents ($10 million), as for a
 * cohort's subgrant: it keeps amounts inside a 32-bit integer column.
 */
export const MAX_AMOUNT_CENTS = 1_000_000_000;

export interface GoalInput {
  title: string;
  description: string;
}

export interface TaskInput {
  title: string;
  goalId: string;
  ownerId: string | null;
  /** YYYY-MM-DD. */
  startsOn: string;
  /** YYYY-MM-DD, on or after the start. */
  dueOn: string;
  status: PlanTaskStatus;
  dependsOnId: string | null;
}

export interface MilestoneInput {
  title: string;
  /** YYYY-MM-DD. */
  dueOn: string;
  goalId: string | null;
}

export interface BudgetLineInput {
  category: string;
  description: string;
  plannedCents: number;
  actualCents: number;
  vendor: string;
  taskId: string | null;
}

export interface Goal extends GoalInput {
  id: string;
  updatedAt: string;
}

export interface Task extends TaskInput {
  id: string;
  goalTitle: string;
  ownerName: string | null;
  dependsOnTitle: string | null;
  /** Due before today in the library's time zone, and not done. */
  overdue: boolean;
  updatedAt: string;
}

export interface Milestone extends MilestoneInput {
  id: string;
  goalTitle: string | null;
  updatedAt: string;
}

export interface BudgetLine extends BudgetLineInput {
  id: string;
  taskTitle: string | null;
  updatedAt: string;
}

/** Planned and actual amounts of one spending category. */
export interface CategoryTotal {
  category: string;
  plannedCents: number;
  actualCents: number;
}

/** The budget against the cohort's subgrant. */
export interface Budget {
  lines: BudgetLine[];
  /** The categories a line may use: the cohort's, in its order. */
  categories: string[];
  byCategory: CategoryTotal[];
  plannedCents: number;
  actualCents: number;
  /** Null when the library is in no cohort, so the subgrant is unknown. */
  subgrantCents: number | null;
  overPlanned: boolean;
  overActual: boolean;
}

/** Everything the plan's views and export show. */
export interface PlanOverview {
  /** Today in the library's time zone, YYYY-MM-DD. */
  today: string;
  goals: Goal[];
  tasks: Task[];
  milestones: Milestone[];
  budget: Budget;
}

/** Someone a task can be given to: a member of the library's team. */
export interface TeamMember {
  id: string;
  name: string;
}

/** One change to the plan, as the revisions pages show it. */
export interface PlanRevision {
  id: string;
  entityType: PlanEntityType;
  entityId: string;
  entityTitle: string;
  action: PlanRevisionAction;
  authorName: string | null;
  at: string;
  changes: Changes;
}

/** Thrown when input breaks a plan rule; names each field's problem as a message key. */
export class PlanInputError extends Error {
  constructor(readonly errors: Record<string, MessageKey>) {
    super(`Invalid plan input: ${Object.keys(errors).join(', ')}`);
  }
}

/** Thrown when a goal that still has tasks is to be deleted. */
export class GoalHasTasksError extends Error {
  constructor(readonly taskCount: number) {
    super(`The goal has ${taskCount} tasks`);
  }
}

/** Thrown when an item to change is not in the library (or does not exist). */
export class PlanItemNotFoundError extends Error {
  constructor(type: PlanEntityType, id: string) {
    super(`No ${type} ${id} in this library`);
  }
}

/** The library an operation concerns, as the access check loads it. */
export type PlanLibrary = WorkspaceLibrary;
