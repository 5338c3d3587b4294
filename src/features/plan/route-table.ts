import { Type } from 'typebox';
import { defineRoutes, queryValue, type RouteContract } from '../../server/route-contract';

const view = 'library.view';
const work = 'library.work';
const base = '/libraries/:library/plan';

/** The page, the add, edit and delete forms of one kind of plan item, e.g. `/plan/goals/:goal/edit`. */
function itemKind<S extends string, P extends string>(segment: S, param: P) {
  const list = `${base}/${segment}` as const;
  const item = `${list}/:${param}` as const;
  return {
    new: { method: 'GET', path: `${list}/new`, can: work, query: Type.Object({ goal: queryValue() }) },
    create: { method: 'POST', path: `${list}/new`, can: work },
    item: { method: 'GET', path: item, can: view },
    edit: { method: 'GET', path: `${item}/edit`, can: work },
    update: { method: 'POST', path: `${item}/edit`, can: work },
    delete: { method: 'GET', path: `${item}/delete`, can: work },
    confirmDelete: { method: 'POST', path: `${item}/delete`, can: work },
  } as const satisfies Record<string, RouteContract>;
}

/** The routes of each kind of plan item; a new task may name its goal (`?goal=`). */
export const planItemRoutes = {
  goal: itemKind('goals', 'goal'),
  task: itemKind('tasks', 'task'),
  milestone: itemKind('milestones', 'milestone'),
  budget: itemKind('budget', 'line'),
} as const;

/** The action plan's routes: every link to them is built from these tables with `href`. */
export const planRoutes = defineRoutes({
  /** `?view=` chooses the list, board or timeline. */
  plan: { method: 'GET', path: base, can: view, query: Type.Object({ view: queryValue() }) },
  csv: { method: 'GET', path: '/libraries/:library/plan.csv', can: view },
  revisions: { method: 'GET', path: `${base}/revisions`, can: view, query: Type.Object({ page: queryValue() }) },
  revision: { method: 'GET', path: `${base}/revisions/:planRevision`, can: view },
});
