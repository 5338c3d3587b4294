import { defineRoutes } from '../../server/route-contract';

/** The workspace's routes: every link to them is built from this table with `href`. */
export const workspaceRoutes = defineRoutes({
  journey: { method: 'GET', path: '/libraries/:library/journey', can: 'library.view' },
  phase: { method: 'GET', path: '/libraries/:library/journey/:phase', can: 'library.view' },
  savePhase: { method: 'POST', path: '/libraries/:library/journey/:phase', can: 'library.work' },
  /** Adds a comment to any workspace item; the form names the item. */
  comment: { method: 'POST', path: '/libraries/:library/comments', can: 'library.comment' },
});
