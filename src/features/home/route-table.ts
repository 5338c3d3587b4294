import { defineRoutes } from '../../server/route-contract';

/** The home page's and the dashboard's routes: every link to them is built from this table with `href`. */
export const homeRoutes = defineRoutes({
  // The same page for every visitor (the subscribe form needs no token), so it is cached.
  home: { method: 'GET', path: '/', can: 'site.view', config: { publicCache: true } },
  dashboard: { method: 'GET', path: '/dashboard', can: 'account.use' },
});
