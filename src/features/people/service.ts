import type { LibraryRole, Locale, Role, UserStatus } from '../../db/types';
import type { Config } from '../../server/config';
import { canInvite, type Actor } from '../../policy';
import { translator, type MessageKey, type Translate } from '../../i18n';
import { EmailInUseError, type AccountsService, type Person } from '../accounts/service';
import type { LibrariesService, PersonLibraryLinks } from '../libraries/service';
import type { MailService } from '../mail/service';

export interface PeopleDeps {
  config: Config;
  accounts: AccountsService;
  libraries: LibrariesService;
  mail: MailService;
}

/** A person's role and the library links that go with it. */
export interface AccessInput {
  role: Role;
  /** Library staff: the library they work in. */
  libraryId?: string;
  /** Library staff: lead or member of that library's team (member if not given). */
  libraryRole?: LibraryRole;
  /** Coaches: the libraries they coach; may be empty. */
  coachedLibraryIds?: string[];
}

export interface InviteInput extends AccessInput {
  email: string;
  name: string;
  /** The invitee's language, used for the email and their account. */
  locale?: Locale;
}

export interface PersonWithLinks extends Person {
  links: PersonLibraryLinks;
}

export interface PeopleFilter {
  role?: Role;
  status?: UserStatus;
  query?: string;
}

/**
 * A request that breaks a rule of the people feature. `field` names the input
 * it concerns (the form field of the same name), `messageKey` says why.
 */
export class PeopleRuleError extends Error {
  constructor(
    readonly field: 'role' | 'libraryId' | 'libraryRole' | 'coachedLibraryIds' | 'person',
    readonly messageKey: MessageKey,
  ) {
    super(String(messageKey));
  }
}

/** The links an access input resolves to once checked. */
interface CheckedLinks {
  membership: { libraryId: string; role: LibraryRole } | undefined;
  coachedIds: string[];
}

const NO_LINKS: PersonLibraryLinks = { memberships: [], coached: [] };

/**
 * People as program admins manage them: invitations, roles, library links,
 * deactivation. Identity lives in the accounts service and library links in
 * the libraries service; this service keeps the rules that tie them together.
 */
export function createPeopleService({ config, accounts, libraries, mail }: PeopleDeps) {
  async function linksOf(userId: string): Promise<PersonLibraryLinks> {
    return (await libraries.linksForPeople([userId])).get(userId) ?? NO_LINKS;
  }

  /** Checks that the libraries named fit the role and exist; only the links the role uses are kept. */
  async function checkAccess(input: AccessInput): Promise<CheckedLinks> {
    if (input.role === 'admin') return { membership: undefined, coachedIds: [] };
    const known = new Set((await libraries.allLibraries()).map((library) => library.id));
    if (input.role === 'staff') {
      if (!input.libraryId) throw new PeopleRuleError('libraryId', 'people.error.libraryRequired');
      if (!known.has(input.libraryId)) throw new PeopleRuleError('libraryId', 'people.error.libraryUnknown');
      return { membership: { libraryId: input.libraryId, role: input.libraryRole ?? 'member' }, coachedIds: [] };
    }
    const coachedIds = [...new Set(input.coachedLibraryIds ?? [])];
    if (coachedIds.some((id) => !known.has(id))) throw new PeopleRuleError('coachedLibraryIds', 'people.error.libraryUnknown');
    return { membership: undefined, coachedIds };
  }

  /** Makes a person's library links exactly the checked ones, leaving unchanged links alone. */
  async function applyLinks(userId: string, wanted: CheckedLinks, current: PersonLibraryLinks): Promise<void> {
    for (const membership of current.memberships) {
      if (membership.libraryId !== wanted.membership?.libraryId) await libraries.removeMember(membership.libraryId, userId);
    }
    const existing = current.memberships.find((m) => m.libraryId === wanted.membership?.libraryId);
    if (wanted.membership && existing?.role !== wanted.membership.role) {
      await libraries.addMember(wanted.membership.libraryId, userId, wanted.membership.role);
    }
    const currentCoached = current.coached.map((c) => c.libraryId);
    const sameCoached =
      currentCoached.length === wanted.coachedIds.length && wanted.coachedIds.every((id) => currentCoached.includes(id));
    if (!sameCoached) await libraries.setCoachedLibraries(userId, wanted.coachedIds);
  }

  /** How the invitation names what the person is invited to be, e.g. "the lead of the team at Hot Springs Library". */
  function roleDescription(t: Translate, locale: Locale, role: Role, links: PersonLibraryLinks): string {
    if (role === 'admin') return t('people.inviteMail.role.admin');
    if (role === 'coach') {
      if (links.coached.length === 0) return t('people.inviteMail.role.coachNone');
      const names = new Intl.ListFormat(locale, { type: 'conjunction' }).format(links.coached.map((c) => c.libraryName));
      return t('people.inviteMail.role.coach', { libraries: names });
    }
    const membership = links.memberships[0];
    if (!membership) return t('people.inviteMail.role.staff');
    return t(membership.role === 'lead' ? 'people.inviteMail.role.lead' : 'people.inviteMail.role.member', {
      library: membership.libraryName,
    });
  }

  /** Issues a fresh invitation link and emails it in the invitee's language. */
  async function sendInvitation(person: Person, invitedBy: Actor): Promise<void> {
    const token = await accounts.issueToken(person.id, 'invite');
    const t = translator(person.locale);
    const role = roleDescription(t, person.locale, person.role, await linksOf(person.id));
    await mail.send({
      to: person.email,
      subject: t('people.inviteMail.subject'),
      text: t('people.inviteMail.body', {
        name: person.name,
        inviter: invitedBy.name,
        role,
        link: `${config.publicUrl}/invitations/${token}`,
      }),
    });
  }

  /**
   * Invites a person: creates their account without a password, links
   * their libraries and emails them a link to choose a password (valid for
   * 7 days). A program admin may invite anyone; a library's lead only staff
   * of that library. Throws accounts' `EmailInUseError` if the address is
   * taken and `PeopleRuleError` if the libraries do not fit the role.
   */
  async function invite(input: InviteInput, invitedBy: Actor): Promise<Person> {
    if (!canInvite(invitedBy, input)) throw new PeopleRuleError('role', 'people.error.role');
    const links = await checkAccess(input);
    const person = await accounts.createUser({
      email: input.email,
      name: input.name,
      role: input.role,
      locale: input.locale ?? 'en',
    });
    await applyLinks(person.id, links, NO_LINKS);
    await sendInvitation(person, invitedBy);
    return person;
  }

  return {
    invite,

    /**
     * Invites someone to a library's team on behalf of its lead (or an
     * admin), answering the same whether or not the address already has an
     * account: someone new is invited as `invite` does; someone who already
     * has an account is told by email instead, and nothing about their
     * access changes. The inviter learns nothing either way (decision 026).
     */
    async inviteToTeam(
      input: { email: string; name: string; libraryId: string; libraryRole: LibraryRole; locale: Locale },
      invitedBy: Actor,
    ): Promise<void> {
      try {
        await invite({ ...input, role: 'staff' }, invitedBy);
      } catch (error) {
        if (!(error instanceof EmailInUseError)) throw error;
        const [person, library] = await Promise.all([accounts.findPersonByEmail(input.email), libraries.getLibrary(input.libraryId)]);
        if (!person || !library || person.status === 'deactivated') return;
        const t = translator(person.locale);
        await mail.send({
          to: person.email,
          subject: t('people.teamNoticeMail.subject'),
          text: t('people.teamNoticeMail.body', {
            name: person.name,
            inviter: invitedBy.name,
            library: library.name,
            link: `${config.publicUrl}/forgot-password`,
          }),
        });
      }
    },

    /** Emails a new invitation link to a person who has not accepted yet; it replaces the earlier links. */
    async resendInvitation(userId: string, invitedBy: Actor): Promise<void> {
      const person = await accounts.getPerson(userId);
      if (!person || person.status !== 'invited') throw new PeopleRuleError('person', 'people.error.notInvited');
      await sendInvitation(person, invitedBy);
    },

    /** A page of people matching the filter, sorted by name, each with their libraries. */
    async list(filter: PeopleFilter, page: number) {
      const result = await accounts.listPeople(filter, page);
      const links = await libraries.linksForPeople(result.items.map((person) => person.id));
      const items: PersonWithLinks[] = result.items.map((person) => ({ ...person, links: links.get(person.id) ?? NO_LINKS }));
      return { ...result, items };
    },

    /** One person with their libraries, or undefined. */
    async find(userId: string): Promise<PersonWithLinks | undefined> {
      const person = await accounts.getPerson(userId);
      return person && { ...person, links: await linksOf(userId) };
    },

    /**
     * Changes a person's role and library links (as loaded by `find`); links
     * the new role does not use are removed. Admins cannot remove their own admin role, so a program
     * is never left without one by accident.
     */
    async changeAccess(person: PersonWithLinks, input: AccessInput, actor: Actor): Promise<void> {
      if (person.id === actor.id && person.role === 'admin' && input.role !== 'admin') {
        throw new PeopleRuleError('role', 'people.error.ownAdminRole');
      }
      const links = await checkAccess(input);
      if (person.role !== input.role) await accounts.setRole(person.id, input.role);
      await applyLinks(person.id, links, person.links);
    },

    /** Stops a person signing in and ends all their sessions at once. Nobody can deactivate themselves. */
    async deactivate(userId: string, actor: Actor): Promise<void> {
      if (userId === actor.id) throw new PeopleRuleError('person', 'people.error.deactivateSelf');
      await accounts.deactivate(userId);
    },

    /** Lets a deactivated person sign in again (or accept their invitation, if they never did). */
    reactivate: (userId: string) => accounts.reactivate(userId),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
