import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

/** The search page's route: every link to it is built from this table with `href`. */
export const searchRoutes = defineRoutes({
  // The page has no form token (a GET form), so every visitor sees the same
  // page for the same address, query string included: safe to cache.
  search: {
    method: 'GET',
    path: '/search',
    can: 'site.view',
    config: { publicCache: true },
    query: Type.Object({ q: queryValue(), type: queryValue(), tag: queryValue(), page: queryValue() }),
  },
});
