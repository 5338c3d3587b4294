import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

/** The job queue's routes: every link to them is built from this table with `href`. */
export const jobsRoutes = defineRoutes({
  list: { method: 'GET', path: '/jobs', can: 'jobs.manage', query: Type.Object({ status: queryValue(), page: queryValue() }) },
  retry: { method: 'POST', path: '/jobs/:job/retry', can: 'jobs.manage' },
});
