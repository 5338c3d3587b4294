import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

/** The same page for every visitor, so it may be served from the public page cache. */
const publicPage = { publicCache: true } as const;

/** The directory's routes: every link to them is built from this table with `href`. */
export const directoryRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/directory',
    can: 'site.view',
    config: publicPage,
    query: Type.Object({ state: queryValue(), cohort: queryValue(), page: queryValue() }),
  },
  profile: {
    method: 'GET',
    path: '/directory/:library',
    can: 'site.view',
    config: publicPage,
    query: Type.Object({ page: queryValue() }),
  },
});
