import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

/** The outbox's routes: every link to them is built from this table with `href`. */
export const mailRoutes = defineRoutes({
  outbox: { method: 'GET', path: '/outbox', can: 'outbox.read', query: Type.Object({ page: queryValue() }) },
  message: { method: 'GET', path: '/outbox/:message', can: 'outbox.read' },
});
