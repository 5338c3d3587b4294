import type { FastifyInstance, FastifyRequest } from 'fastify';
import { addRoute, href } from '../../server/route-contract';
import { HttpError } from '../../server/http-error';
import { emptyForm } from '../../ui/forms';
import { learningRoutes as paths } from './route-table';
import { moduleFormValues, readDirection, readModuleForm } from './schema';
import { ModulesPage } from './views/modules-page';
import { ModuleFormPage } from './views/module-form-page';
import { DeleteModulePage } from './views/delete-module-page';
import { LearningPage } from './views/learning-page';
import { ModulePage } from './views/module-page';

/** Curriculum modules: program staff write a cohort's; its libraries' staff and coaches read them. */
export async function learningRoutes(app: FastifyInstance) {
  const { learning, programs } = app.services;

  /** The cohort named by `:cohort`, or a 404. */
  async function cohortFrom(request: FastifyRequest<{ Params: { cohort: string } }>) {
    const cohort = await programs.getCohort(request.params.cohort);
    if (!cohort) throw new HttpError(404);
    return cohort;
  }

  /** The cohort and its module named by `:module`, or a 404 (also for another cohort's module). */
  async function moduleFrom(request: FastifyRequest<{ Params: { cohort: string; module: string } }>) {
    const cohort = await cohortFrom(request);
    const module = await learning.getModule(cohort.id, request.params.module);
    if (!module) throw new HttpError(404);
    return { cohort, module };
  }

  /** The signed-in person; the route's `account.use` has already turned visitors away. */
  function actorOf(request: FastifyRequest) {
    if (!request.actor) throw new HttpError(403);
    return request.actor;
  }

  addRoute(app, paths.learning, async (request, reply) => {
    const actor = actorOf(request);
    return reply.view(<LearningPage curricula={await learning.curriculaFor(actor)} />);
  });

  addRoute(app, paths.module, async (request, reply) => {
    // A module of a cohort the person is not in is a 404, as if it did not exist.
    const found = await learning.readableModule(actorOf(request), request.params.module);
    if (!found) throw new HttpError(404);
    return reply.view(<ModulePage found={found} />);
  });

  addRoute(app, paths.modules, async (request, reply) => {
    const cohort = await cohortFrom(request);
    return reply.view(<ModulesPage cohort={cohort} modules={await learning.listModules(cohort.id)} />);
  });

  addRoute(app, paths.newModule, async (request, reply) => reply.view(<ModuleFormPage cohort={await cohortFrom(request)} form={emptyForm()} />));

  addRoute(app, paths.createModule, async (request, reply) => {
    const cohort = await cohortFrom(request);
    const form = readModuleForm(request.body, request.t);
    if (!form.ok) return reply.view(<ModuleFormPage cohort={cohort} form={form} />, 400);
    const module = await learning.createModule(cohort.id, form.value);
    return reply.flash('success', request.t('learning.flash.created', { title: module.title })).redirect(href(paths.modules, { cohort: cohort.id }), 303);
  });

  addRoute(app, paths.editModule, async (request, reply) => {
    const { cohort, module } = await moduleFrom(request);
    return reply.view(<ModuleFormPage cohort={cohort} module={module} form={emptyForm(moduleFormValues(module))} />);
  });

  addRoute(app, paths.updateModule, async (request, reply) => {
    const { cohort, module } = await moduleFrom(request);
    const form = readModuleForm(request.body, request.t);
    if (!form.ok) return reply.view(<ModuleFormPage cohort={cohort} module={module} form={form} />, 400);
    await learning.updateModule(cohort.id, module.id, form.value);
    return reply.flash('success', request.t('learning.flash.saved', { title: form.value.title })).redirect(href(paths.modules, { cohort: cohort.id }), 303);
  });

  addRoute(app, paths.moveModule, async (request, reply) => {
    const { cohort, module } = await moduleFrom(request);
    const direction = readDirection(request.body);
    if (!direction) throw new HttpError(400);
    await learning.moveModule(cohort.id, module.id, direction);
    return reply.flash('success', request.t('learning.flash.moved', { title: module.title })).redirect(href(paths.modules, { cohort: cohort.id }), 303);
  });

  addRoute(app, paths.deleteModuleForm, async (request, reply) => {
    const { cohort, module } = await moduleFrom(request);
    return reply.view(<DeleteModulePage cohort={cohort} module={module} />);
  });

  addRoute(app, paths.deleteModule, async (request, reply) => {
    const { cohort, module } = await moduleFrom(request);
    await learning.deleteModule(cohort.id, module.id);
    return reply.flash('success', request.t('learning.flash.deleted', { title: module.title })).redirect(href(paths.modules, { cohort: cohort.id }), 303);
  });
}
