import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { prototypesRoutes as paths } from './route-table';
import { scopedLibrary } from '../../server/library-scope';
import type { RequestLibrary } from '../../server/types';
import { emptyForm, withError, type FormState, type FormValues } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { formatDate } from '../../i18n/format';
import type { MessageKey } from '../../i18n';
import { ideaPath, ideatePath, prototypePath, UnknownChoiceError, type Prototype, type TestSession } from './service';
import {
  decisionFormValues,
  ideaFormValues,
  prototypeFormValues,
  readDecisionForm,
  readIdeaForm,
  readPrototypeForm,
  readSessionForm,
  sessionFormValues,
} from './schema';
import { OverviewPage } from './views/overview-page';
import { IdeaFormPage } from './views/idea-form-page';
import { IdeaPage } from './views/idea-page';
import { PrototypeFormPage } from './views/prototype-form-page';
import { PrototypePage } from './views/prototype-page';
import { DecisionPage } from './views/decision-page';
import { SessionFormPage } from './views/session-form-page';
import { DeletePage } from './views/delete-page';


/** What to say when a linked item is not one of the library's, by form field. */
const CHOICE_ERRORS: Record<UnknownChoiceError['field'], MessageKey> = {
  insights: 'prototypes.error.insights',
  idea: 'prototypes.error.idea',
  survey: 'prototypes.error.survey',
};


/**
 * Runs a service call that links to other items. A linked item that is not
 * the library's (a forged or stale id) becomes a 400 form error on its field.
 */
async function linking<T>(request: FastifyRequest, values: FormValues, work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; form: FormState }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof UnknownChoiceError)) throw error;
    return { ok: false, form: withError(values, error.field, request.t(CHOICE_ERRORS[error.field])) };
  }
}

/** The ideate section of a library's workspace: ideas, prototypes, test sessions and decisions. */
export async function prototypesRoutes(app: FastifyInstance) {
  const { prototypes, discover, surveys, photos, workspace, accounts } = app.services;

  async function ideaFrom(request: FastifyRequest<{ Params: { idea: string } }>) {
    const idea = await prototypes.getIdea(scopedLibrary(request).id, request.params.idea);
    if (!idea) throw new HttpError(404);
    return idea;
  }

  async function prototypeFrom(request: FastifyRequest<{ Params: { prototype: string } }>) {
    const prototype = await prototypes.getPrototype(scopedLibrary(request).id, request.params.prototype);
    if (!prototype) throw new HttpError(404);
    return prototype;
  }

  async function sessionFrom(request: FastifyRequest<{ Params: { session: string } }>, prototype: Prototype) {
    const session = await prototypes.getSession(prototype.libraryId, prototype.id, request.params.session);
    if (!session) throw new HttpError(404);
    return session;
  }

  /** The library's surveys for the session form's list, titled in the reader's language. */
  async function surveyChoices(request: FastifyRequest) {
    const list = await surveys.listForLibrary(scopedLibrary(request).id);
    return list.map((s) => ({ id: s.id, title: request.locale === 'es' && s.titleEs ? s.titleEs : s.titleEn }));
  }

  /** Flashes a success message and sends the browser on after a POST. */
  const redirectWith = (reply: FastifyReply, message: string, url: string) => reply.flash('success', message).redirect(url, 303);

  // Overview.

  addRoute(app, paths.ideate, async (request, reply) => {
    const library = scopedLibrary(request);
    const [ideas, list] = await Promise.all([
      prototypes.listIdeas(library.id, pageNumber(request.query.ideas)),
      prototypes.listPrototypes(library.id, pageNumber(request.query.prototypes)),
    ]);
    return reply.view(<OverviewPage library={library} ideas={ideas} prototypes={list} />);
  });

  // Ideas.

  addRoute(app, paths.newIdea, async (request, reply) => {
    const library = scopedLibrary(request);
    const insights = await discover.insightChoices(library.id);
    return reply.view(<IdeaFormPage library={library} form={emptyForm({ insights: [] })} insights={insights} />);
  });

  addRoute(app, paths.createIdea, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = readIdeaForm(request.body, request.t);
    const render = async (state: FormState) =>
      reply.view(<IdeaFormPage library={library} form={state} insights={await discover.insightChoices(library.id)} />, 400);
    if (!form.ok) return render(form);
    const created = await linking(request, form.values, () => prototypes.createIdea(library.id, form.value, request.actor?.id ?? null));
    if (!created.ok) return render(created.form);
    return redirectWith(reply, request.t('prototypes.flash.ideaCreated', { title: created.value.title }), ideaPath(library, created.value.id));
  });

  addRoute(app, paths.idea, async (request, reply) => {
    const library = scopedLibrary(request);
    const idea = await ideaFrom(request);
    const [insights, made, comments] = await Promise.all([
      discover.insightChoices(library.id),
      prototypes.prototypesOfIdea(library.id, idea.id),
      workspace.listComments(library.id, 'idea', idea.id),
    ]);
    const linked = new Set(idea.insightIds);
    return reply.view(
      <IdeaPage
        library={library}
        idea={idea}
        insights={insights.filter((i) => linked.has(i.id))}
        prototypes={made}
        comments={comments}
      />,
    );
  });

  addRoute(app, paths.editIdea, async (request, reply) => {
    const library = scopedLibrary(request);
    const idea = await ideaFrom(request);
    const insights = await discover.insightChoices(library.id);
    return reply.view(<IdeaFormPage library={library} idea={idea} form={emptyForm(ideaFormValues(idea))} insights={insights} />);
  });

  addRoute(app, paths.updateIdea, async (request, reply) => {
    const library = scopedLibrary(request);
    const idea = await ideaFrom(request);
    const form = readIdeaForm(request.body, request.t);
    const render = async (state: FormState) =>
      reply.view(<IdeaFormPage library={library} idea={idea} form={state} insights={await discover.insightChoices(library.id)} />, 400);
    if (!form.ok) return render(form);
    const updated = await linking(request, form.values, () => prototypes.updateIdea(library.id, idea.id, form.value));
    if (!updated.ok) return render(updated.form);
    if (!updated.value) throw new HttpError(404);
    return redirectWith(reply, request.t('prototypes.flash.ideaSaved', { title: form.value.title }), ideaPath(library, idea.id));
  });

  addRoute(app, paths.deleteIdea, async (request, reply) => {
    const library = scopedLibrary(request);
    const idea = await ideaFrom(request);
    const path = ideaPath(library, idea.id);
    const { t } = request;
    return reply.view(
      <DeletePage
        library={library}
        title={t('prototypes.idea.deleteTitle', { title: idea.title })}
        body={t('prototypes.idea.deleteBody')}
        submit={t('prototypes.idea.deleteSubmit')}
        action={`${path}/delete`}
        back={path}
      />,
    );
  });

  addRoute(app, paths.confirmDeleteIdea, async (request, reply) => {
    const library = scopedLibrary(request);
    const idea = await ideaFrom(request);
    await prototypes.deleteIdea(library.id, idea.id);
    return redirectWith(reply, request.t('prototypes.flash.ideaDeleted', { title: idea.title }), ideatePath(library));
  });

  // Prototypes.

  addRoute(app, paths.newPrototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const ideas = await prototypes.ideaChoices(library.id);
    const wanted = request.query.idea;
    const idea = ideas.find((i) => i.id === wanted)?.id;
    return reply.view(<PrototypeFormPage library={library} form={emptyForm({ idea })} ideas={ideas} />);
  });

  addRoute(app, paths.createPrototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = readPrototypeForm(request.body, request.t);
    const render = async (state: FormState) =>
      reply.view(<PrototypeFormPage library={library} form={state} ideas={await prototypes.ideaChoices(library.id)} />, 400);
    if (!form.ok) return render(form);
    const created = await linking(request, form.values, () => prototypes.createPrototype(library.id, form.value, request.actor?.id ?? null));
    if (!created.ok) return render(created.form);
    const { id, title } = created.value;
    return redirectWith(reply, request.t('prototypes.flash.prototypeCreated', { title }), prototypePath(library, id));
  });

  addRoute(app, paths.prototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const [idea, sessions, surveyList, photoList, comments, deciders] = await Promise.all([
      prototype.ideaId ? prototypes.getIdea(library.id, prototype.ideaId) : undefined,
      prototypes.listSessions(library.id, prototype.id, pageNumber(request.query.page)),
      surveyChoices(request),
      photos.listForSubject(library.id, 'prototype', prototype.id),
      workspace.listComments(library.id, 'prototype', prototype.id),
      prototype.decidedBy ? accounts.peopleByIds([prototype.decidedBy]) : [],
    ]);
    return reply.view(
      <PrototypePage
        library={library}
        prototype={prototype}
        idea={idea}
        deciderName={deciders[0]?.name}
        sessions={sessions}
        surveyTitles={new Map(surveyList.map((s) => [s.id, s.title]))}
        photos={photoList}
        comments={comments}
      />,
    );
  });

  addRoute(app, paths.editPrototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const ideas = await prototypes.ideaChoices(library.id);
    return reply.view(<PrototypeFormPage library={library} prototype={prototype} form={emptyForm(prototypeFormValues(prototype))} ideas={ideas} />);
  });

  addRoute(app, paths.updatePrototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const form = readPrototypeForm(request.body, request.t);
    const render = async (state: FormState) =>
      reply.view(<PrototypeFormPage library={library} prototype={prototype} form={state} ideas={await prototypes.ideaChoices(library.id)} />, 400);
    if (!form.ok) return render(form);
    const updated = await linking(request, form.values, () => prototypes.updatePrototype(library.id, prototype.id, form.value));
    if (!updated.ok) return render(updated.form);
    if (!updated.value) throw new HttpError(404);
    return redirectWith(reply, request.t('prototypes.flash.prototypeSaved', { title: form.value.title }), prototypePath(library, prototype.id));
  });

  addRoute(app, paths.deletePrototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const path = prototypePath(library, prototype.id);
    const { t } = request;
    return reply.view(
      <DeletePage
        library={library}
        title={t('prototypes.prototype.deleteTitle', { title: prototype.title })}
        body={t('prototypes.prototype.deleteBody')}
        submit={t('prototypes.prototype.deleteSubmit')}
        action={`${path}/delete`}
        back={path}
      />,
    );
  });

  addRoute(app, paths.confirmDeletePrototype, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    await prototypes.deletePrototype(library.id, prototype.id);
    return redirectWith(reply, request.t('prototypes.flash.prototypeDeleted', { title: prototype.title }), ideatePath(library));
  });

  addRoute(app, paths.decision, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    return reply.view(<DecisionPage library={library} prototype={prototype} form={emptyForm(decisionFormValues(prototype))} />);
  });

  addRoute(app, paths.decide, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const form = readDecisionForm(request.body, request.t);
    if (!form.ok) return reply.view(<DecisionPage library={library} prototype={prototype} form={form} />, 400);
    await prototypes.decide(library.id, prototype.id, form.value, request.actor?.id ?? null);
    return redirectWith(reply, request.t('prototypes.flash.decided', { title: prototype.title }), prototypePath(library, prototype.id));
  });

  // Test sessions.

  const sessionRedirect = (library: RequestLibrary, prototype: Prototype) => `${prototypePath(library, prototype.id)}#sessions`;
  const sessionDate = (request: FastifyRequest, session: Pick<TestSession, 'heldOn'>) => formatDate(session.heldOn, request.locale);

  addRoute(app, paths.newSession, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    return reply.view(<SessionFormPage library={library} prototype={prototype} form={emptyForm()} surveys={await surveyChoices(request)} />);
  });

  addRoute(app, paths.createSession, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const form = readSessionForm(request.body, request.t);
    const render = async (state: FormState) =>
      reply.view(<SessionFormPage library={library} prototype={prototype} form={state} surveys={await surveyChoices(request)} />, 400);
    if (!form.ok) return render(form);
    const added = await linking(request, form.values, () => prototypes.addSessions(library.id, prototype.id, [form.value], request.actor?.id ?? null));
    if (!added.ok) return render(added.form);
    if (!added.value) throw new HttpError(404);
    return redirectWith(reply, request.t('prototypes.flash.sessionAdded', { date: sessionDate(request, form.value) }), sessionRedirect(library, prototype));
  });

  addRoute(app, paths.editSession, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const session = await sessionFrom(request, prototype);
    return reply.view(
      <SessionFormPage
        library={library}
        prototype={prototype}
        session={session}
        form={emptyForm(sessionFormValues(session))}
        surveys={await surveyChoices(request)}
      />,
    );
  });

  addRoute(app, paths.updateSession, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const session = await sessionFrom(request, prototype);
    const form = readSessionForm(request.body, request.t);
    const render = async (state: FormState) =>
      reply.view(
        <SessionFormPage library={library} prototype={prototype} session={session} form={state} surveys={await surveyChoices(request)} />,
        400,
      );
    if (!form.ok) return render(form);
    const updated = await linking(request, form.values, () => prototypes.updateSession(library.id, prototype.id, session.id, form.value));
    if (!updated.ok) return render(updated.form);
    if (!updated.value) throw new HttpError(404);
    return redirectWith(reply, request.t('prototypes.flash.sessionSaved', { date: sessionDate(request, form.value) }), sessionRedirect(library, prototype));
  });

  addRoute(app, paths.deleteSession, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const session = await sessionFrom(request, prototype);
    const path = href(paths.confirmDeleteSession, { library: library.slug, prototype: prototype.id, session: session.id });
    const { t } = request;
    const names = { date: sessionDate(request, session), place: session.place, title: prototype.title };
    return reply.view(
      <DeletePage
        library={library}
        title={t('prototypes.session.deleteTitle', names)}
        body={t('prototypes.session.deleteBody', names)}
        submit={t('prototypes.session.deleteSubmit')}
        action={path}
        back={prototypePath(library, prototype.id)}
      />,
    );
  });

  addRoute(app, paths.confirmDeleteSession, async (request, reply) => {
    const library = scopedLibrary(request);
    const prototype = await prototypeFrom(request);
    const session = await sessionFrom(request, prototype);
    await prototypes.deleteSession(library.id, prototype.id, session.id);
    return redirectWith(reply, request.t('prototypes.flash.sessionDeleted', { date: sessionDate(request, session) }), sessionRedirect(library, prototype));
  });
}
