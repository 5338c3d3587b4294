import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const view = 'library.view';
const work = 'library.work';

/** The photos section's routes: every link to them is built from this table with `href`. */
export const photosRoutes = defineRoutes({
  list: { method: 'GET', path: '/libraries/:library/photos', can: view, query: Type.Object({ kind: queryValue(), page: queryValue() }) },
  /** `subject` is `activity:<id>` or `prototype:<id>`: the new photo is attached to it. */
  new: { method: 'GET', path: '/libraries/:library/photos/new', can: work, query: Type.Object({ subject: queryValue() }) },
  upload: { method: 'POST', path: '/libraries/:library/photos/new', can: work, upload: true },
  photo: { method: 'GET', path: '/libraries/:library/photos/:photo', can: view },
  edit: { method: 'GET', path: '/libraries/:library/photos/:photo/edit', can: work },
  update: { method: 'POST', path: '/libraries/:library/photos/:photo/edit', can: work },
  delete: { method: 'GET', path: '/libraries/:library/photos/:photo/delete', can: work },
  confirmDelete: { method: 'POST', path: '/libraries/:library/photos/:photo/delete', can: work },
  /** One resized copy, e.g. `800.webp`, served only to the library's readers. */
  file: { method: 'GET', path: '/libraries/:library/photos/:photo/:file', can: view },
});
