import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../policy';
import { HttpError } from '../../server/http-error';
import { addRoute } from '../../server/route-contract';
import { workspaceRoutes as paths } from './route-table';
import { scopedLibrary } from '../../server/library-scope';
import { emptyForm, validateForm, withError, type FormState } from '../../ui/forms';
import { SUBJECT_TYPES, type Phase, type SubjectType } from './contracts';
import { isPhase, manualKeys, type PhaseState } from './journey';
import { CommentForm, PhaseForm } from './schema';
import { JourneyPage, phasePath } from './views/journey-page';
import { PhasePage } from './views/phase-page';
import { CommentPage } from './views/comment-page';


/** The phase named by `:phase`, or a 404. */
function phaseFrom(phase: string): Phase {
  if (!isPhase(phase)) throw new HttpError(404);
  return phase;
}

const isSubjectType = (value: unknown): value is SubjectType =>
  typeof value === 'string' && (SUBJECT_TYPES as readonly string[]).includes(value);

/** A phase's form filled with what is stored. */
const phaseFormValues = (state: PhaseState): FormState =>
  emptyForm({ status: state.status, checked: state.checklist.filter((i) => i.kind === 'manual' && i.done).map((i) => i.key) });

/** The journey through the six phases, each phase's page, and comments on any workspace item. */
export async function workspaceRoutes(app: FastifyInstance) {
  const { workspace } = app.services;

  /** Renders a phase's page; `form` replaces the stored values when a post is re-shown with errors. */
  async function showPhase(request: FastifyRequest, reply: FastifyReply, phase: Phase, form?: FormState, status = 200) {
    const library = scopedLibrary(request);
    const [journey, comments] = await Promise.all([
      workspace.journey(library.id),
      workspace.listComments(library.id, 'phase', phase),
    ]);
    const state = journey.phases.find((p) => p.phase === phase)!;
    const canWork = can(request.actor, 'library.work', library.id);
    return reply.view(
      <PhasePage
        library={library}
        state={state}
        comments={comments}
        form={canWork ? (form ?? phaseFormValues(state)) : undefined}
      />,
      status,
    );
  }

  addRoute(app, paths.journey, async (request, reply) => {
    const library = scopedLibrary(request);
    const journey = await workspace.journey(library.id);
    return reply.view(<JourneyPage library={library} journey={journey} />);
  });

  addRoute(app, paths.phase, async (request, reply) => {
    return showPhase(request, reply, phaseFrom(request.params.phase));
  });

  addRoute(app, paths.savePhase, async (request, reply) => {
    const library = scopedLibrary(request);
    const phase = phaseFrom(request.params.phase);
    const form = validateForm(PhaseForm, request.body, request.t);
    if (!form.ok) return showPhase(request, reply, phase, form, 400);
    const allowed: readonly string[] = manualKeys(phase);
    if (form.value.checked.some((key) => !allowed.includes(key))) {
      return showPhase(request, reply, phase, withError(form.values, 'checked', request.t('workspace.error.checked')), 400);
    }
    await workspace.updatePhase(library.id, phase, form.value, request.actor?.id ?? null);
    const name = request.t(`workspace.phase.${phase}.name`);
    return reply.flash('success', request.t('workspace.flash.phaseSaved', { phase: name })).redirect(phasePath(library, phase), 303);
  });

  addRoute(app, paths.comment, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = validateForm(CommentForm, request.body, request.t);
    const { subjectType: type, subjectId: id } = form.values;
    if (!isSubjectType(type) || typeof id !== 'string') throw new HttpError(404);
    if (!form.ok) {
      // The item must still be this library's before its form is shown again.
      const subject = await workspace.resolveSubject(library, type, id);
      if (!subject) throw new HttpError(404);
      return reply.view(<CommentPage library={library} subject={subject} type={type} id={id} form={form} />, 400);
    }
    // The policy lets only signed-in people comment, so there is an actor.
    const added = await workspace.addComment(library, request.actor!, type, id, form.value.body);
    if (!added) throw new HttpError(404);
    return reply.flash('success', request.t('workspace.flash.commented')).redirect(`${added.subject.path}#comments`, 303);
  });
}
