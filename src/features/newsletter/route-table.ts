import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const visitor = 'site.view';
const manage = 'newsletter.manage';
/** The same page for every visitor, so it may be served from the public page cache. */
const publicPage = { publicCache: true } as const;
const paged = Type.Object({ page: queryValue() });
const issue = '/newsletter/issues/:issue';

/** The newsletter's routes, public and admin: every link to them is built from this table with `href`. */
export const newsletterRoutes = defineRoutes({
  newsletter: { method: 'GET', path: '/newsletter', can: visitor, config: publicPage, query: paged },
  subscribe: {
    method: 'POST',
    path: '/newsletter/subscribe',
    can: visitor,
    config: { csrf: false, rateLimit: { max: 10, timeWindow: '15 minutes' } },
  },
  confirm: { method: 'GET', path: '/newsletter/confirm/:token', can: visitor },
  confirmed: { method: 'POST', path: '/newsletter/confirm/:token', can: visitor },
  unsubscribe: { method: 'GET', path: '/newsletter/unsubscribe/:token', can: visitor },
  unsubscribed: { method: 'POST', path: '/newsletter/unsubscribe/:token', can: visitor, config: { csrf: false } },
  archive: { method: 'GET', path: '/newsletter/archive/:issue', can: visitor, config: publicPage },
  issues: { method: 'GET', path: '/newsletter/issues', can: manage, query: paged },
  newIssue: { method: 'GET', path: '/newsletter/issues/new', can: manage },
  createIssue: { method: 'POST', path: '/newsletter/issues/new', can: manage },
  /** `?refresh=off` stops the page reloading itself while the issue is being sent. */
  issue: { method: 'GET', path: issue, can: manage, query: Type.Object({ page: queryValue(), refresh: queryValue() }) },
  edit: { method: 'GET', path: `${issue}/edit`, can: manage },
  update: { method: 'POST', path: `${issue}/edit`, can: manage },
  test: { method: 'POST', path: `${issue}/test`, can: manage },
  send: { method: 'GET', path: `${issue}/send`, can: manage },
  confirmSend: { method: 'POST', path: `${issue}/send`, can: manage },
  retry: { method: 'POST', path: `${issue}/retry`, can: manage },
  subscribers: { method: 'GET', path: '/newsletter/subscribers', can: manage, query: Type.Object({ status: queryValue(), page: queryValue() }) },
  subscribersCsv: { method: 'GET', path: '/newsletter/subscribers.csv', can: manage, query: Type.Object({ status: queryValue() }) },
});
