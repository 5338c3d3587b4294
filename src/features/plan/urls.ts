import type { PlanEntityType } from '../../db/tables/plan';
import { href } from '../../server/route-contract';
import type { PlanLibrary } from './service';
import { planItemRoutes, planRoutes } from './route-table';

/** The views of the plan page, chosen by `?view=`. */
export const PLAN_VIEWS = ['list', 'board', 'timeline'] as const;
export type PlanView = (typeof PLAN_VIEWS)[number];

/** A view named in a query, or the list when it names none. */
export function planView(value: unknown): PlanView {
  return PLAN_VIEWS.find((v) => v === value) ?? 'list';
}

/** The plan page of a library, optionally in one view. */
export function planPath(library: Pick<PlanLibrary, 'slug'>, view?: PlanView): string {
  return href(planRoutes.plan, { library: library.slug }, { view: view === 'list' ? undefined : view });
}

const PAGES = { view: 'item', edit: 'edit', delete: 'delete' } as const;

/** An item's page, or one of its forms (`edit`, `delete`). */
export function itemPath(library: Pick<PlanLibrary, 'slug'>, type: PlanEntityType, id: string, page: keyof typeof PAGES = 'view'): string {
  const key = PAGES[page];
  const slug = library.slug;
  switch (type) {
    case 'goal':
      return href(planItemRoutes.goal[key], { library: slug, goal: id });
    case 'task':
      return href(planItemRoutes.task[key], { library: slug, task: id });
    case 'milestone':
      return href(planItemRoutes.milestone[key], { library: slug, milestone: id });
    case 'budget':
      return href(planItemRoutes.budget[key], { library: slug, line: id });
  }
}

/** The form that adds an item of a kind. */
export const newItemPath = (library: Pick<PlanLibrary, 'slug'>, type: PlanEntityType): string =>
  href(planItemRoutes[type].new, { library: library.slug });

export const revisionsPath = (library: Pick<PlanLibrary, 'slug'>): string => href(planRoutes.revisions, { library: library.slug });
