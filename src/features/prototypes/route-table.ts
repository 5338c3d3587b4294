import { Type } from 'typebox';
import { defineRoutes, queryValue } from '../../server/route-contract';

const view = 'library.view';
const work = 'library.work';
const base = '/libraries/:library/ideate';
const prototype = `${base}/prototypes/:prototype`;

/** The ideate section's routes: every link to them is built from this table with `href`. */
export const prototypesRoutes = defineRoutes({
  /** Ideas and prototypes are paged apart: `?ideas=2&prototypes=3`. */
  ideate: { method: 'GET', path: base, can: view, query: Type.Object({ ideas: queryValue(), prototypes: queryValue() }) },
  newIdea: { method: 'GET', path: `${base}/ideas/new`, can: work },
  createIdea: { method: 'POST', path: `${base}/ideas/new`, can: work },
  idea: { method: 'GET', path: `${base}/ideas/:idea`, can: view },
  editIdea: { method: 'GET', path: `${base}/ideas/:idea/edit`, can: work },
  updateIdea: { method: 'POST', path: `${base}/ideas/:idea/edit`, can: work },
  deleteIdea: { method: 'GET', path: `${base}/ideas/:idea/delete`, can: work },
  confirmDeleteIdea: { method: 'POST', path: `${base}/ideas/:idea/delete`, can: work },
  /** `?idea=` names the idea the prototype tests. */
  newPrototype: { method: 'GET', path: `${base}/prototypes/new`, can: work, query: Type.Object({ idea: queryValue() }) },
  createPrototype: { method: 'POST', path: `${base}/prototypes/new`, can: work },
  prototype: { method: 'GET', path: prototype, can: view, query: Type.Object({ page: queryValue() }) },
  editPrototype: { method: 'GET', path: `${prototype}/edit`, can: work },
  updatePrototype: { method: 'POST', path: `${prototype}/edit`, can: work },
  deletePrototype: { method: 'GET', path: `${prototype}/delete`, can: work },
  confirmDeletePrototype: { method: 'POST', path: `${prototype}/delete`, can: work },
  decision: { method: 'GET', path: `${prototype}/decision`, can: work },
  decide: { method: 'POST', path: `${prototype}/decision`, can: work },
  newSession: { method: 'GET', path: `${prototype}/sessions/new`, can: work },
  createSession: { method: 'POST', path: `${prototype}/sessions/new`, can: work },
  editSession: { method: 'GET', path: `${prototype}/sessions/:session/edit`, can: work },
  updateSession: { method: 'POST', path: `${prototype}/sessions/:session/edit`, can: work },
  deleteSession: { method: 'GET', path: `${prototype}/sessions/:session/delete`, can: work },
  confirmDeleteSession: { method: 'POST', path: `${prototype}/sessions/:session/delete`, can: work },
});
