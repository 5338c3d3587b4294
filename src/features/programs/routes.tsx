import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../server/http-error';
import { emptyForm, validateForm } from '../../ui/forms';
import { cohortFormValues, ProgramForm, readCohortForm } from './schema';
import { ProgramPage } from './views/program-page';
import { ProgramFormPage } from './views/program-form-page';
import { CohortFormPage } from './views/cohort-form-page';

const manage = { config: { can: 'program.manage' } } as const;

/** The program page, the program's details and its cohorts (program admins only). */
export async function programsRoutes(app: FastifyInstance) {
  const { programs, libraries } = app.services;

  app.get('/program', manage, async (_request, reply) => {
    const [program, cohorts, libraryCounts] = await Promise.all([
      programs.getProgram(),
      programs.listCohorts(),
      libraries.countByCohort(),
    ]);
    return reply.view(<ProgramPage program={program} cohorts={cohorts} libraryCounts={libraryCounts} />);
  });

  app.get('/program/edit', manage, async (_request, reply) => {
    const program = await programs.getProgram();
    const values = program && {
      name: program.name,
      description: program.description,
      managerName: program.managerName,
      managerEmail: program.managerEmail,
    };
    return reply.view(<ProgramFormPage form={emptyForm(values)} creating={!program} />);
  });

  app.post('/program/edit', manage, async (request, reply) => {
    const creating = !(await programs.getProgram());
    const form = validateForm(ProgramForm, request.body, request.t);
    if (!form.ok) return reply.view(<ProgramFormPage form={form} creating={creating} />, 400);
    await programs.saveProgram({ ...form.value, description: form.value.description ?? '' });
    const message = request.t(creating ? 'programs.flash.created' : 'programs.flash.saved');
    return reply.flash('success', message).redirect('/program', 303);
  });

  app.get('/program/cohorts/new', manage, async (request, reply) => {
    if (!(await programs.getProgram())) {
      return reply.flash('info', request.t('programs.flash.programFirst')).redirect('/program/edit', 303);
    }
    return reply.view(<CohortFormPage form={emptyForm()} />);
  });

  app.post('/program/cohorts/new', manage, async (request, reply) => {
    if (!(await programs.getProgram())) {
      return reply.flash('info', request.t('programs.flash.programFirst')).redirect('/program/edit', 303);
    }
    const form = readCohortForm(request.body, request.t);
    if (!form.ok) return reply.view(<CohortFormPage form={form} />, 400);
    const cohort = await programs.createCohort(form.value);
    return reply.flash('success', request.t('programs.flash.cohortCreated', { name: cohort.name })).redirect('/program', 303);
  });

  /** The cohort named in the address, or a 404. */
  async function cohortFrom(params: unknown) {
    const cohort = await programs.getCohort((params as { cohort: string }).cohort);
    if (!cohort) throw new HttpError(404);
    return cohort;
  }

  app.get('/program/cohorts/:cohort/edit', manage, async (request, reply) => {
    const cohort = await cohortFrom(request.params);
    return reply.view(<CohortFormPage form={emptyForm(cohortFormValues(cohort))} cohort={cohort} />);
  });

  app.post('/program/cohorts/:cohort/edit', manage, async (request, reply) => {
    const cohort = await cohortFrom(request.params);
    const form = readCohortForm(request.body, request.t);
    if (!form.ok) return reply.view(<CohortFormPage form={form} cohort={cohort} />, 400);
    await programs.updateCohort(cohort.id, form.value);
    return reply.flash('success', request.t('programs.flash.cohortSaved', { name: form.value.name })).redirect('/program', 303);
  });
}
