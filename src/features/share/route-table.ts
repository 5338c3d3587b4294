import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const view = 'library.view';
const work = 'library.work';
const base = '/libraries/:library/share';
const postcard = `${base}/postcards/:postcard`;
const story = `${base}/story`;

/** The share section's routes: every link to them is built from this table with `href`. */
export const shareRoutes = defineRoutes({
  overview: { method: 'GET', path: base, can: view, query: Type.Object({ page: queryValue() }) },
  newPostcard: { method: 'GET', path: `${base}/postcards/new`, can: work },
  createPostcard: { method: 'POST', path: `${base}/postcards/new`, can: work },
  postcard: { method: 'GET', path: postcard, can: view },
  editPostcard: { method: 'GET', path: `${postcard}/edit`, can: work },
  updatePostcard: { method: 'POST', path: `${postcard}/edit`, can: work },
  publishPostcard: { method: 'POST', path: `${postcard}/publish`, can: work },
  unpublishPostcard: { method: 'POST', path: `${postcard}/unpublish`, can: work },
  assembleStory: { method: 'POST', path: `${story}/assemble`, can: work },
  story: { method: 'GET', path: story, can: view },
  editStory: { method: 'GET', path: `${story}/edit`, can: work },
  updateStory: { method: 'POST', path: `${story}/edit`, can: work },
  submitStory: { method: 'POST', path: `${story}/submit`, can: work },
  approveStory: { method: 'POST', path: `${story}/approve`, can: 'library.publish' },
  printStory: { method: 'GET', path: `${story}/print`, can: view },
});
