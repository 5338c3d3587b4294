import { defineRoutes } from '../../server/route-contract';

const manage = 'program.manage';

/** The program's routes: every link to them is built from this table with `href`. */
export const programsRoutes = defineRoutes({
  program: { method: 'GET', path: '/program', can: manage },
  edit: { method: 'GET', path: '/program/edit', can: manage },
  update: { method: 'POST', path: '/program/edit', can: manage },
  newCohort: { method: 'GET', path: '/program/cohorts/new', can: manage },
  createCohort: { method: 'POST', path: '/program/cohorts/new', can: manage },
  editCohort: { method: 'GET', path: '/program/cohorts/:cohort/edit', can: manage },
  updateCohort: { method: 'POST', path: '/program/cohorts/:cohort/edit', can: manage },
});
