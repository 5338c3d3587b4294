import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const view = 'library.view';
const work = 'library.work';

/** The discover section's routes: every link to them is built from this table with `href`. */
export const discoverRoutes = defineRoutes({
  overview: { method: 'GET', path: '/libraries/:library/discover', can: view, query: Type.Object({ page: queryValue() }) },
  newActivity: { method: 'GET', path: '/libraries/:library/discover/activities/new', can: work },
  createActivity: { method: 'POST', path: '/libraries/:library/discover/activities/new', can: work },
  activity: { method: 'GET', path: '/libraries/:library/discover/activities/:activity', can: view },
  editActivity: { method: 'GET', path: '/libraries/:library/discover/activities/:activity/edit', can: work },
  updateActivity: { method: 'POST', path: '/libraries/:library/discover/activities/:activity/edit', can: work },
  deleteActivity: { method: 'GET', path: '/libraries/:library/discover/activities/:activity/delete', can: work },
  confirmDeleteActivity: { method: 'POST', path: '/libraries/:library/discover/activities/:activity/delete', can: work },
  insights: {
    method: 'GET',
    path: '/libraries/:library/discover/insights',
    can: view,
    query: Type.Object({ theme: queryValue(), activity: queryValue(), page: queryValue() }),
  },
  newInsight: {
    method: 'GET',
    path: '/libraries/:library/discover/insights/new',
    can: work,
    query: Type.Object({ activity: queryValue() }),
  },
  createInsight: { method: 'POST', path: '/libraries/:library/discover/insights/new', can: work },
  insight: { method: 'GET', path: '/libraries/:library/discover/insights/:insight', can: view },
  editInsight: { method: 'GET', path: '/libraries/:library/discover/insights/:insight/edit', can: work },
  updateInsight: { method: 'POST', path: '/libraries/:library/discover/insights/:insight/edit', can: work },
  deleteInsight: { method: 'GET', path: '/libraries/:library/discover/insights/:insight/delete', can: work },
  confirmDeleteInsight: { method: 'POST', path: '/libraries/:library/discover/insights/:insight/delete', can: work },
});
