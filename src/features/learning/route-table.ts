import { defineRoutes } from '../../server/route-contract';

const manage = 'program.manage' as const;
// Any signed-in person; which cohorts' modules they read is the policy's `readsCohortModules`.
const learn = 'account.use' as const;

const MODULES = '/program/cohorts/:cohort/modules';
const MODULE = `${MODULES}/:module`;

/** The curriculum's routes: every link to them is built from this table with `href`. */
export const learningRoutes = defineRoutes({
  learning: { method: 'GET', path: '/learning', can: learn },
  module: { method: 'GET', path: '/learning/modules/:module', can: learn },
  modules: { method: 'GET', path: MODULES, can: manage },
  newModule: { method: 'GET', path: `${MODULES}/new`, can: manage },
  createModule: { method: 'POST', path: `${MODULES}/new`, can: manage },
  editModule: { method: 'GET', path: `${MODULE}/edit`, can: manage },
  updateModule: { method: 'POST', path: `${MODULE}/edit`, can: manage },
  moveModule: { method: 'POST', path: `${MODULE}/move`, can: manage },
  deleteModuleForm: { method: 'GET', path: `${MODULE}/delete`, can: manage },
  deleteModule: { method: 'POST', path: `${MODULE}/delete`, can: manage },
});
