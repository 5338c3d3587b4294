import { Type } from 'typebox';
import { defineRoutes, queryValue, type RouteContract } from '../../server/route-contract';

const manage = 'content.manage';
/** The same page for every visitor, so it may be served from the public page cache. */
const publicPage = { publicCache: true } as const;
const paged = Type.Object({ page: queryValue() });

/** A public list of one content type and the page of one of its items. */
function publicType<L extends string, I extends string>(list: L, item: I) {
  return {
    list: { method: 'GET', path: list, can: 'site.view', config: publicPage, query: paged },
    item: { method: 'GET', path: item, can: 'site.view', config: publicPage },
  } as const satisfies Record<string, RouteContract>;
}

/** The public pages of each content type; collections read as "resources" to visitors. */
export const publicContentRoutes = {
  news: publicType('/news', '/news/:slug'),
  collection: publicType('/resources', '/resources/:slug'),
  curriculum: publicType('/curriculum', '/curriculum/:slug'),
  postcard: publicType('/postcards', '/postcards/:slug'),
  story: publicType('/stories', '/stories/:slug'),
  page: publicType('/pages', '/pages/:slug'),
} as const;

/** Hub content's routes: every link to them is built from these tables with `href`. */
export const contentRoutes = defineRoutes({
  admin: {
    method: 'GET',
    path: '/content',
    can: manage,
    query: Type.Object({ type: queryValue(), status: queryValue(), page: queryValue() }),
  },
  preview: { method: 'POST', path: '/content/preview', can: manage },
  new: { method: 'GET', path: '/content/new', can: manage, query: Type.Object({ type: queryValue() }) },
  create: { method: 'POST', path: '/content/new', can: manage, query: Type.Object({ type: queryValue() }) },
  tags: { method: 'GET', path: '/content/tags', can: manage },
  createTag: { method: 'POST', path: '/content/tags', can: manage },
  edit: { method: 'GET', path: '/content/:item/edit', can: manage },
  update: { method: 'POST', path: '/content/:item/edit', can: manage },
  itemPreview: { method: 'GET', path: '/content/:item/preview', can: manage },
  revisions: { method: 'GET', path: '/content/:item/revisions', can: manage },
  revision: { method: 'GET', path: '/content/:item/revisions/:revision', can: manage },
  restore: { method: 'POST', path: '/content/:item/revisions/:revision/restore', can: manage },
  tag: { method: 'GET', path: '/tags/:tag', can: 'site.view', config: publicPage, query: paged },
});
