import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { programsRoutes as paths } from './route-table';
import { emptyForm, validateForm } from '../../ui/forms';
import { cohortFormValues, ProgramForm, readCohortForm } from './schema';
import { ProgramPage } from './views/program-page';
import { ProgramFormPage } from './views/program-form-page';
import { CohortFormPage } from './views/cohort-form-page';

/** The program page, the program's details and its cohorts (program admins only). */
export async function programsRoutes(app: FastifyInstance) {
  const { programs, libraries } = app.services;

  addRoute(app, paths.program, async (_request, reply) => {
    const [program, cohorts, libraryCounts] = await Promise.all([
      programs.getProgram(),
      programs.listCohorts(),
      libraries.countByCohort(),
    ]);
    return reply.view(<ProgramPage program={program} cohorts={cohorts} libraryCounts={libraryCounts} />);
  });

  addRoute(app, paths.edit, async (_request, reply) => {
    const program = await programs.getProgram();
    const values = program && {
      name: program.name,
      description: program.description,
      managerName: program.managerName,
      managerEmail: program.managerEmail,
    };
    return reply.view(<ProgramFormPage form={emptyForm(values)} creating={!program} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const creating = !(await programs.getProgram());
    const form = validateForm(ProgramForm, request.body, request.t);
    if (!form.ok) return reply.view(<ProgramFormPage form={form} creating={creating} />, 400);
    await programs.saveProgram({ ...form.value, description: form.value.description ?? '' });
    const message = request.t(creating ? 'programs.flash.created' : 'programs.flash.saved');
    return reply.flash('success', message).redirect(href(paths.program), 303);
  });

  addRoute(app, paths.newCohort, async (request, reply) => {
    if (!(await programs.getProgram())) {
      return reply.flash('info', request.t('programs.flash.programFirst')).redirect(href(paths.edit), 303);
    }
    return reply.view(<CohortFormPage form={emptyForm()} />);
  });

  addRoute(app, paths.createCohort, async (request, reply) => {
    if (!(await programs.getProgram())) {
      return reply.flash('info', request.t('programs.flash.programFirst')).redirect(href(paths.edit), 303);
    }
    const form = readCohortForm(request.body, request.t);
    if (!form.ok) return reply.view(<CohortFormPage form={form} />, 400);
    const cohort = await programs.createCohort(form.value);
    return reply.flash('success', request.t('programs.flash.cohortCreated', { name: cohort.name })).redirect(href(paths.program), 303);
  });

  /** The cohort named in the address, or a 404. */
  async function cohortFrom(id: string) {
    const cohort = await programs.getCohort(id);
    if (!cohort) throw new HttpError(404);
    return cohort;
  }

  addRoute(app, paths.editCohort, async (request, reply) => {
    const cohort = await cohortFrom(request.params.cohort);
    return reply.view(<CohortFormPage form={emptyForm(cohortFormValues(cohort))} cohort={cohort} />);
  });

  addRoute(app, paths.updateCohort, async (request, reply) => {
    const cohort = await cohortFrom(request.params.cohort);
    const form = readCohortForm(request.body, request.t);
    if (!form.ok) return reply.view(<CohortFormPage form={form} cohort={cohort} />, 400);
    await programs.updateCohort(cohort.id, form.value);
    return reply.flash('success', request.t('programs.flash.cohortSaved', { name: form.value.name })).redirect(href(paths.program), 303);
  });
}
