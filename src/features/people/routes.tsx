import type { FastifyInstance, FastifyRequest } from 'fastify';
import { emptyForm, validateForm, withError, type FormValues } from '../../ui/forms';
import { pageNumber } from '../../ui/pagination';
import { HttpError } from '../../server/http-error';
import { addRoute, href } from '../../server/route-contract';
import type { Actor } from '../../policy';
import { EmailInUseError } from '../accounts/service';
import { peopleRoutes as paths } from './route-table';
import { EditForm, InviteForm, PeopleFilterForm } from './schema';
import { PeopleRuleError, type PersonWithLinks } from './service';
import { PeopleListPage } from './views/people-list-page';
import { InvitePage } from './views/invite-page';
import { PersonPage } from './views/person-page';
import { EditPersonPage } from './views/edit-page';
import { DeactivatePage } from './views/deactivate-page';

/** The form values that show a person's current role and links. */
function accessValues(person: PersonWithLinks): FormValues {
  const membership = person.links.memberships[0];
  return {
    role: person.role,
    libraryId: membership?.libraryId ?? '',
    libraryRole: membership?.role ?? 'member',
    coachedLibraryIds: person.links.coached.map((c) => c.libraryId),
  };
}

/** Program admins list, invite, edit, deactivate and reactivate people. */
export async function peopleRoutes(app: FastifyInstance) {
  const { people, libraries, mail } = app.services;

  /** The person named by the `:person` parameter, or a 404. */
  async function loadPerson(id: string): Promise<PersonWithLinks> {
    const person = await people.find(id);
    if (!person) throw new HttpError(404);
    return person;
  }

  /** The signed-in admin; the access hook guarantees one on these routes. */
  const actorOf = (request: FastifyRequest): Actor => request.actor as Actor;

  addRoute(app, paths.list, async (request, reply) => {
    const { query } = request;
    const filter = validateForm(PeopleFilterForm, query, request.t);
    if (!filter.ok) return reply.view(<PeopleListPage filter={filter} result={undefined} />, 400);
    const { role, status, q } = filter.value;
    const result = await people.list({ role, status, query: q }, pageNumber(query.page));
    return reply.view(<PeopleListPage filter={emptyForm(filter.values)} result={result} />);
  });

  addRoute(app, paths.invite, async (request, reply) => {
    const form = emptyForm({ role: 'staff', libraryRole: 'member', locale: request.locale, coachedLibraryIds: [] });
    return reply.view(<InvitePage form={form} libraries={await libraries.allLibraries()} />);
  });

  addRoute(app, paths.sendInvite, async (request, reply) => {
    const form = validateForm(InviteForm, request.body, request.t);
    if (!form.ok) return reply.view(<InvitePage form={form} libraries={await libraries.allLibraries()} />, 400);
    try {
      const person = await people.invite(form.value, actorOf(request));
      const message = mail.delivers ? 'people.invite.sent' : 'people.invite.kept';
      return reply.flash('success', request.t(message, { email: person.email })).redirect(href(paths.person, { person: person.id }), 303);
    } catch (error) {
      const problem =
        error instanceof EmailInUseError
          ? withError(form.values, 'email', request.t('people.error.emailInUse'))
          : error instanceof PeopleRuleError
            ? withError(form.values, error.field, request.t(error.messageKey))
            : undefined;
      if (!problem) throw error;
      return reply.view(<InvitePage form={problem} libraries={await libraries.allLibraries()} />, 400);
    }
  });

  addRoute(app, paths.person, async (request, reply) => {
    return reply.view(<PersonPage person={await loadPerson(request.params.person)} />);
  });

  addRoute(app, paths.edit, async (request, reply) => {
    const person = await loadPerson(request.params.person);
    const form = emptyForm(accessValues(person));
    return reply.view(<EditPersonPage person={person} form={form} libraries={await libraries.allLibraries()} />);
  });

  addRoute(app, paths.update, async (request, reply) => {
    const person = await loadPerson(request.params.person);
    const form = validateForm(EditForm, request.body, request.t);
    if (!form.ok) {
      return reply.view(<EditPersonPage person={person} form={form} libraries={await libraries.allLibraries()} />, 400);
    }
    try {
      await people.changeAccess(person, form.value, actorOf(request));
    } catch (error) {
      if (!(error instanceof PeopleRuleError)) throw error;
      const problem = withError(form.values, error.field, request.t(error.messageKey));
      return reply.view(<EditPersonPage person={person} form={problem} libraries={await libraries.allLibraries()} />, 400);
    }
    return reply.flash('success', request.t('people.edit.saved', { name: person.name })).redirect(href(paths.person, { person: person.id }), 303);
  });

  addRoute(app, paths.deactivate, async (request, reply) => {
    const person = await loadPerson(request.params.person);
    if (person.status === 'deactivated') {
      return reply.flash('info', request.t('people.deactivate.already', { name: person.name })).redirect(href(paths.person, { person: person.id }), 303);
    }
    const problem = person.id === request.actor?.id ? request.t('people.error.deactivateSelf') : undefined;
    return reply.view(<DeactivatePage person={person} problem={problem} />);
  });

  addRoute(app, paths.confirmDeactivate, async (request, reply) => {
    const person = await loadPerson(request.params.person);
    try {
      await people.deactivate(person.id, actorOf(request));
    } catch (error) {
      if (!(error instanceof PeopleRuleError)) throw error;
      return reply.view(<DeactivatePage person={person} problem={request.t(error.messageKey)} />, 400);
    }
    return reply.flash('success', request.t('people.deactivate.done', { name: person.name })).redirect(href(paths.person, { person: person.id }), 303);
  });

  addRoute(app, paths.reactivate, async (request, reply) => {
    const person = await loadPerson(request.params.person);
    await people.reactivate(person.id);
    return reply.flash('success', request.t('people.reactivate.done', { name: person.name })).redirect(href(paths.person, { person: person.id }), 303);
  });

  addRoute(app, paths.resendInvitation, async (request, reply) => {
    const person = await loadPerson(request.params.person);
    try {
      await people.resendInvitation(person.id, actorOf(request));
    } catch (error) {
      if (!(error instanceof PeopleRuleError)) throw error;
      return reply.flash('info', request.t(error.messageKey)).redirect(href(paths.person, { person: person.id }), 303);
    }
    const message = mail.delivers ? 'people.resend.sent' : 'people.resend.kept';
    return reply.flash('success', request.t(message, { email: person.email })).redirect(href(paths.person, { person: person.id }), 303);
  });
}
