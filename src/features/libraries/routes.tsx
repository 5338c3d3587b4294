import type { FastifyInstance } from 'fastify';
import { can, visibleLibraryIds } from '../../policy';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import { scopedLibrary } from '../../server/library-scope';
import type { RequestLibrary } from '../../server/types';
import { emptyForm, validateForm } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { librariesRoutes as paths } from './route-table';
import { InviteForm, libraryFormValues, readLibraryForm, stateCode } from './schema';
import { LibrariesPage } from './views/libraries-page';
import { LibraryFormPage } from './views/library-form-page';
import { LibraryPage } from './views/library-page';
import { InvitePage } from './views/invite-page';
import { RemoveMemberPage } from './views/remove-member-page';
import { homeRoutes } from '../home/route-table';

/** The library list, each library's page and team, and adding, editing and inviting. */
export async function librariesRoutes(app: FastifyInstance) {
  const { libraries, programs, accounts, people } = app.services;

  /** The library named by `:library`, for routes whose action is not library-scoped; 404 if unknown. */
  async function libraryFrom(slug: string) {
    const library = await libraries.getLibraryBySlug(slug);
    if (!library) throw new HttpError(404);
    return library;
  }

  /** A member of the library's team named by `:person`, or a 404. */
  async function memberFrom(library: RequestLibrary, personId: string) {
    const { members } = await libraries.team(library.id);
    const membership = members.find((m) => m.userId === personId);
    const person = membership && (await accounts.getPerson(personId));
    if (!person) throw new HttpError(404);
    return person;
  }

  addRoute(app, paths.list, async (request, reply) => {
    const { query } = request;
    const cohorts = await programs.listCohorts();
    const state = stateCode(query.state);
    const cohort = cohorts.find((c) => c.id === query.cohort)?.id;
    const visible = visibleLibraryIds(request.actor);
    const result = await libraries.listLibraries({ state, cohortId: cohort, visible }, pageNumber(query.page));
    return reply.view(
      <LibrariesPage
        result={result}
        filter={{ state, cohort }}
        cohorts={cohorts}
        canAdd={can(request.actor, 'libraries.manage')}
        seesAny={visible === 'all' || visible.length > 0}
      />,
    );
  });

  addRoute(app, paths.new, async (request, reply) => {
    const cohorts = await programs.listCohorts();
    return reply.view(<LibraryFormPage form={emptyForm({ timeZone: request.actor?.timeZone })} cohorts={cohorts} />);
  });

  addRoute(app, paths.create, async (request, reply) => {
    const cohorts = await programs.listCohorts();
    const form = readLibraryForm(request.body, request.t, cohorts.map((c) => c.id));
    if (!form.ok) return reply.view(<LibraryFormPage form={form} cohorts={cohorts} />, 400);
    const library = await libraries.createLibrary(form.value);
    return reply.flash('success', request.t('libraries.flash.created', { name: library.name })).redirect(href(paths.library, { library: library.slug }), 303);
  });

  addRoute(app, paths.library, async (request, reply) => {
    const { actor } = request;
    const library = await libraryFrom(request.params.library);
    const [team, cohort] = await Promise.all([libraries.team(library.id), library.cohortId ? programs.getCohort(library.cohortId) : undefined]);
    const people = new Map(
      (await accounts.peopleByIds([...team.members.map((m) => m.userId), ...team.coachIds])).map((p) => [p.id, p]),
    );
    const members = team.members.flatMap((m) => {
      const person = people.get(m.userId);
      return person ? [{ person, role: m.role }] : [];
    });
    const coaches = team.coachIds.flatMap((id) => people.get(id) ?? []);
    return reply.view(
      <LibraryPage
        library={library}
        cohortName={cohort?.name}
        members={members}
        coaches={coaches}
        canInvite={can(actor, 'library.invite', library.id)}
        canEdit={can(actor, 'libraries.manage')}
        canSeePeople={can(actor, 'people.manage')}
      />,
    );
  });

  addRoute(app, paths.edit, async (request, reply) => {
    const [library, cohorts] = await Promise.all([libraryFrom(request.params.library), programs.listCohorts()]);
    return reply.view(<LibraryFormPage form={emptyForm(libraryFormValues(library))} library={library} cohorts={cohorts} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const [library, cohorts] = await Promise.all([libraryFrom(request.params.library), programs.listCohorts()]);
    const form = readLibraryForm(request.body, request.t, cohorts.map((c) => c.id));
    if (!form.ok) return reply.view(<LibraryFormPage form={form} library={library} cohorts={cohorts} />, 400);
    await libraries.updateLibrary(library.id, form.value);
    return reply.flash('success', request.t('libraries.flash.saved', { name: form.value.name })).redirect(href(paths.library, { library: library.slug }), 303);
  });

  addRoute(app, paths.invite, async (request, reply) => {
    const library = scopedLibrary(request);
    return reply.view(<InvitePage library={library} form={emptyForm({ libraryRole: 'member', locale: request.locale })} />);
  });

  addRoute(app, paths.sendInvite, async (request, reply) => {
    const library = scopedLibrary(request);
    const form = validateForm(InviteForm, request.body, request.t);
    if (!form.ok) return reply.view(<InvitePage library={library} form={form} />, 400);
    const { email, name, libraryRole, locale } = form.value;
    // The policy lets only signed-in people invite, so there is an actor.
    await people.inviteToTeam({ email, name, libraryId: library.id, libraryRole, locale }, request.actor!);
    return reply.flash('success', request.t('libraries.flash.invited', { name, email })).redirect(href(paths.library, { library: library.slug }), 303);
  });

  addRoute(app, paths.removeMember, async (request, reply) => {
    const library = scopedLibrary(request);
    const person = await memberFrom(library, request.params.person);
    return reply.view(<RemoveMemberPage library={library} person={person} self={person.id === request.actor?.id} />);
  });

  addRoute(app, paths.confirmRemoveMember, async (request, reply) => {
    const library = scopedLibrary(request);
    const person = await memberFrom(library, request.params.person);
    await libraries.removeMember(library.id, person.id);
    const message = request.t('libraries.flash.removed', { name: person.name, library: library.name });
    // Someone who took themselves off the team can no longer open the library's page.
    const next = person.id === request.actor?.id && !can(request.actor, 'libraries.manage') ? href(homeRoutes.dashboard) : href(paths.library, { library: library.slug });
    return reply.flash('success', message).redirect(next, 303);
  });
}
