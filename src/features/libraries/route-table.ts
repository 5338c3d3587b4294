import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const manage = 'libraries.manage';
const invite = 'library.invite';

/** The libraries' routes: every link to them is built from this table with `href`. */
export const librariesRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/libraries',
    can: 'libraries.list',
    query: Type.Object({ state: queryValue(), cohort: queryValue(), page: queryValue() }),
  },
  new: { method: 'GET', path: '/libraries/new', can: manage },
  create: { method: 'POST', path: '/libraries/new', can: manage },
  library: { method: 'GET', path: '/libraries/:library', can: 'library.view' },
  edit: { method: 'GET', path: '/libraries/:library/edit', can: manage },
  update: { method: 'POST', path: '/libraries/:library/edit', can: manage },
  invite: { method: 'GET', path: '/libraries/:library/invite', can: invite },
  sendInvite: { method: 'POST', path: '/libraries/:library/invite', can: invite },
  removeMember: { method: 'GET', path: '/libraries/:library/members/:person/remove', can: invite },
  confirmRemoveMember: { method: 'POST', path: '/libraries/:library/members/:person/remove', can: invite },
});
