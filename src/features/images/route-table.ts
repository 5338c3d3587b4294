import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const manage = 'content.manage';

/** The images' routes: every link to them is built from this table with `href`. */
export const imagesRoutes = defineRoutes({
  list: { method: 'GET', path: '/images', can: manage, query: Type.Object({ page: queryValue() }) },
  new: { method: 'GET', path: '/images/new', can: manage },
  upload: { method: 'POST', path: '/images/new', can: manage, upload: true },
  image: { method: 'GET', path: '/images/:image', can: manage },
  update: { method: 'POST', path: '/images/:image', can: manage },
  /** One variant, e.g. `800.webp`. */
  file: { method: 'GET', path: '/images/:image/:file', can: 'site.view' },
});
