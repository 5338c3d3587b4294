import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const manage = 'people.manage';

/** The people pages' routes: every link to them is built from this table with `href`. */
export const peopleRoutes = defineRoutes({
  list: {
    method: 'GET',
    path: '/people',
    can: manage,
    query: Type.Object({ role: queryValue(), status: queryValue(), q: queryValue(), page: queryValue() }),
  },
  invite: { method: 'GET', path: '/people/invite', can: manage },
  sendInvite: { method: 'POST', path: '/people/invite', can: manage },
  person: { method: 'GET', path: '/people/:person', can: manage },
  edit: { method: 'GET', path: '/people/:person/edit', can: manage },
  update: { method: 'POST', path: '/people/:person/edit', can: manage },
  deactivate: { method: 'GET', path: '/people/:person/deactivate', can: manage },
  confirmDeactivate: { method: 'POST', path: '/people/:person/deactivate', can: manage },
  reactivate: { method: 'POST', path: '/people/:person/reactivate', can: manage },
  resendInvitation: { method: 'POST', path: '/people/:person/resend-invitation', can: manage },
});
