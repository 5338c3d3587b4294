import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const read = 'messages.read';

/** The contact form's and the messages' routes: every link to them is built from this table with `href`. */
export const contactRoutes = defineRoutes({
  form: { method: 'GET', path: '/contact', can: 'site.view' },
  // Each message sends an email: an address may send only a few per quarter hour.
  send: { method: 'POST', path: '/contact', can: 'site.view', config: { rateLimit: { max: 5, timeWindow: '15 minutes' } } },
  thanks: { method: 'GET', path: '/contact/thanks', can: 'site.view', config: { publicCache: true } },
  messages: { method: 'GET', path: '/messages', can: read, query: Type.Object({ page: queryValue() }) },
  message: { method: 'GET', path: '/messages/:message', can: read },
});
