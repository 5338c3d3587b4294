import type { PlanEntityType } from '../../db/tables/plan';
import type { PlanLibrary } from './service';

/** The views of the plan page, chosen by `?view=`. */
export const PLAN_VIEWS = ['list', 'board', 'timeline'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

/** A view named in a query, or the list when it names none. */
export function planView(value: unknown): PlanView {
  return PLAN_VIEWS.find((v) => v === value) ?? 'list';
}

/** The path segment of each kind of plan item, e.g. `/plan/budget/<id>`. */
export const ITEM_SEGMENTS: Record<PlanEntityType, string> = {
  goal: 'goals',
  task: 'tasks',
  milestone: 'milestones',
  budget: 'budget',
};

/** The plan page of a library, optionally in one view. */
export function planPath(library: Pick<PlanLibrary, 'slug'>, view?: PlanView): string {
  const base = `/libraries/${library.slug}/plan`;
  return view && view !== 'list' ? `${base}?view=${view}` : base;
}

/** An item's page, or one of its forms (`edit`, `delete`). */
export function itemPath(library: Pick<PlanLibrary, 'slug'>, type: PlanEntityType, id: string, action?: 'edit' | 'delete'): string {
  return `${planPath(library)}/${ITEM_SEGMENTS[type]}/${id}${action ? `/${action}` : ''}`;
}

/** The form that adds an item of a kind. */
export const newItemPath = (library: Pick<PlanLibrary, 'slug'>, type: PlanEntityType): string => `${planPath(library)}/${ITEM_SEGMENTS[type]}/new`;

export const revisionsPath = (library: Pick<PlanLibrary, 'slug'>): string => `${planPath(library)}/revisions`;
