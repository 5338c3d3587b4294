import type { LibraryRole, Locale, Role } from '../db/types';

/** The signed-in person as the policy sees them. Visitors are `null`. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  timeZone: string;
  sessionId: string;
  /** Libraries this person works in, with their role there. */
  memberships: ReadonlyArray<{ libraryId: string; role: LibraryRole }>;
  /** Libraries this person coaches. */
  coachedLibraryIds: readonly string[];
}

/** Actions that concern the program or the person themselves. */
const globalActions = {
  /** Anyone, signed in or not. */
  'site.view': (_actor: Actor | null) => true,
  /** Any signed-in person: their dashboard, profile, password and sessions. */
  'account.use': (actor: Actor | null) => actor !== null,
  'program.manage': isAdmin,
  'people.manage': isAdmin,
  'libraries.manage': isAdmin,
  'outbox.read': isAdmin,
  /** Reading the background job queue and retrying failed jobs. */
  'jobs.manage': isAdmin,
  /** Writing, publishing and restoring hub content, and uploading images. */
  'content.manage': isAdmin,
  /** Composing and sending newsletter issues; reading and exporting subscribers. */
  'newsletter.manage': isAdmin,
  /** Reading messages sent through the contact form. */
  'messages.read': isAdmin,
  /** The list of libraries the person can open (filtered by `visibleLibraryIds`). */
  'libraries.list': (actor: Actor | null) => actor !== null,
} satisfies Record<string, (actor: Actor | null) => boolean>;

/** Actions on one library, resolved from the `:library` URL parameter. */
const libraryActions = {
  /** The library's workspace page and team. */
  'library.view': (actor: Actor | null, libraryId: string) =>
    isAdmin(actor) || coaches(actor, libraryId) || worksIn(actor, libraryId),
  /** Inviting a member to the library's team. */
  'library.invite': (actor: Actor | null, libraryId: string) =>
    isAdmin(actor) || worksIn(actor, libraryId, 'lead'),
  /**
   * Doing the work of the method in the library's workspace: recording,
   * editing, building surveys, planning, uploading photos, writing postcards
   * and the story draft. Only the library's own staff do the work; coaches and
   * admins read it and comment.
   */
  'library.work': (actor: Actor | null, libraryId: string) => worksIn(actor, libraryId),
  /** Leaving a comment on any item of the workspace: everyone who may read it. */
  'library.comment': (actor: Actor | null, libraryId: string) =>
    isAdmin(actor) || coaches(actor, libraryId) || worksIn(actor, libraryId),
  /** Approving and publishing the library's transformation story on the hub. */
  'library.publish': (actor: Actor | null, _libraryId: string) => isAdmin(actor),
} satisfies Record<string, (actor: Actor | null, libraryId: string) => boolean>;

export type GlobalAction = keyof typeof globalActions;
export type LibraryAction = keyof typeof libraryActions;
export type Action = GlobalAction | LibraryAction;

function isAdmin(actor: Actor | null): boolean {
  return actor?.role === 'admin';
}

function coaches(actor: Actor | null, libraryId: string): boolean {
  return actor?.role === 'coach' && actor.coachedLibraryIds.includes(libraryId);
}

function worksIn(actor: Actor | null, libraryId: string, role?: LibraryRole): boolean {
  return !!actor?.memberships.some((m) => m.libraryId === libraryId && (role === undefined || m.role === role));
}

/** What a person may do in one library, for pages to show or hide their buttons and forms. */
export interface LibraryAbilities {
  /** Read the workspace (`library.view`). */
  view: boolean;
  /** Invite to the team (`library.invite`). */
  invite: boolean;
  /** Record, edit and plan in the workspace (`library.work`). */
  work: boolean;
  /** Leave comments (`library.comment`). */
  comment: boolean;
  /** Approve and publish the story (`library.publish`). */
  publish: boolean;
}

/**
 * Every library action answered at once for one library, so a page asks the
 * policy once rather than each view computing its own subset.
 */
export function abilities(actor: Actor | null, libraryId: string): LibraryAbilities {
  return {
    view: libraryActions['library.view'](actor, libraryId),
    invite: libraryActions['library.invite'](actor, libraryId),
    work: libraryActions['library.work'](actor, libraryId),
    comment: libraryActions['library.comment'](actor, libraryId),
    publish: libraryActions['library.publish'](actor, libraryId),
  };
}

/** Abilities outside any library: none. */
export const NO_ABILITIES: LibraryAbilities = { view: false, invite: false, work: false, comment: false, publish: false };

/** True when the action needs a library to decide. */
export function isLibraryAction(action: Action): action is LibraryAction {
  return action in libraryActions;
}

/**
 * The one authorization question: may this actor do this action, to this
 * library where the action concerns one? Every route asks it (see the access
 * plugin); services may ask it too for finer choices inside a page.
 */
export function can(actor: Actor | null, action: GlobalAction): boolean;
export function can(actor: Actor | null, action: LibraryAction, libraryId: string): boolean;
export function can(actor: Actor | null, action: Action, libraryId?: string): boolean {
  if (isLibraryAction(action)) {
    if (libraryId === undefined) throw new Error(`Action ${action} needs a library`);
    return libraryActions[action](actor, libraryId);
  }
  return globalActions[action](actor);
}

/**
 * Who may invite a person in a given program role: an admin anyone; the lead
 * of a library only library staff, to that library's team.
 */
export function canInvite(actor: Actor | null, invitation: { role: Role; libraryId?: string | undefined }): boolean {
  if (isAdmin(actor)) return true;
  return invitation.role === 'staff' && !!invitation.libraryId && can(actor, 'library.invite', invitation.libraryId);
}

/**
 * Whether someone reads a library's survey results as its team does: every
 * answer, and filters by answer. Coaches and admins read from outside the
 * team and always see every response together, with small groups hidden:
 * with filters, two overlapping groups could be compared to single out a few
 * patrons' answers (decision 024).
 */
export function readsResultsAsTeam(actor: Actor | null, libraryId: string): boolean {
  return can(actor, 'library.work', libraryId);
}

/**
 * Whether someone reads a cohort's curriculum modules: admins, and the staff
 * and coaches of a library in the cohort. `libraryCohorts` maps the libraries
 * the person is linked to onto their cohort (null for none); a link to a
 * library of another cohort grants nothing.
 */
export function readsCohortModules(actor: Actor | null, cohortId: string, libraryCohorts: ReadonlyMap<string, string | null>): boolean {
  if (isAdmin(actor)) return true;
  return [...libraryCohorts].some(([libraryId, cohort]) => cohort === cohortId && (worksIn(actor, libraryId) || coaches(actor, libraryId)));
}

/** Which libraries an actor may open; `'all'` for admins. */
export function visibleLibraryIds(actor: Actor | null): 'all' | string[] {
  if (!actor) return [];
  if (actor.role === 'admin') return 'all';
  return [...new Set([...actor.coachedLibraryIds, ...actor.memberships.map((m) => m.libraryId)])];
}

/** All actions, for the authorization matrix test. */
export const ACTIONS: readonly Action[] = [
  ...(Object.keys(globalActions) as GlobalAction[]),
  ...(Object.keys(libraryActions) as LibraryAction[]),
];
