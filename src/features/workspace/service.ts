import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Config } from '../../server/config';
import { newId, nowIso } from '../../db/ids';
import { translator } from '../../i18n';
import type { MailService } from '../mail/service';
import type { AccountsService } from '../accounts/service';
import type { LibrariesService } from '../libraries/service';
import {
  type EvidenceContribution,
  type EvidenceSource,
  type Phase,
  type Subject,
  type SubjectResolver,
  type SubjectType,
  type WorkspaceLibrary,
} from './contracts';
import { buildJourney, isPhase, manualKeys, type Journey, type PhaseRecord, type PhaseStatus } from './journey';
import { createWorkspaceRepository, type CommentRow } from './repository';
import { MAX_COMMENT_LENGTH } from './schema';
import { href } from '../../server/route-contract';
import { workspaceRoutes } from './route-table';

/** A comment on a workspace item. */
export interface Comment {
  id: string;
  authorId: string | null;
  /** '' when the author's account no longer exists. */
  authorName: string;
  body: string;
  createdAt: string;
}

export interface WorkspaceDeps {
  db: Kysely<DB>;
  config: Config;
  mail: MailService;
  accounts: AccountsService;
  libraries: LibrariesService;
  logger?: { warn(obj: object, msg: string): void };
}

/** What staff set on a phase: its status and the manual checklist items ticked. */
export interface PhaseUpdate {
  status: PhaseStatus;
  checked: string[];
}

/** Thrown when a phase update ticks an item the phase does not have. */
export class UnknownChecklistItemError extends Error {
  constructor(phase: Phase, key: string) {
    super(`Phase ${phase} has no checklist item ${key}`);
  }
}

/** Thrown when a comment is empty or longer than MAX_COMMENT_LENGTH. */
export class InvalidCommentError extends Error {}

/** Parses the stored list of ticked items, ignoring anything that is not a list of names. */
function parseChecked(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The journey of a library through the method, and comment threads on every workspace item. */
export function createWorkspaceService({ db, config, mail, accounts, libraries, logger }: WorkspaceDeps) {
  const repo = createWorkspaceRepository(db);
  const resolvers = new Map<SubjectType, SubjectResolver>();
  const evidenceSources: EvidenceSource[] = [];
  // Item titles in notices are in English, the program's working language;
  // the rest of each notice is in the recipient's language.
  const english = translator('en');

  async function resolveSubject(library: WorkspaceLibrary, type: SubjectType, id: string): Promise<Subject | undefined> {
    const resolve = resolvers.get(type);
    return resolve ? resolve(library, id) : undefined;
  }

  /** Tells the library's active team about a new comment, each in their language; a failed mail is logged only. */
  async function notifyTeam(library: WorkspaceLibrary, subject: Subject, author: { id: string; name: string }, row: CommentRow) {
    const team = await libraries.team(library.id);
    const recipients = (await accounts.peopleByIds(team.members.map((m) => m.userId))).filter(
      (person) => person.status === 'active' && person.id !== author.id,
    );
    const link = `${config.publicUrl}${subject.path}#comments`;
    for (const person of recipients) {
      const t = translator(person.locale);
      try {
        await mail.send({
          to: person.email,
          subject: t('workspace.mail.subject', { title: subject.title, library: library.name }),
          text: t('workspace.mail.body', { author: author.name, title: subject.title, comment: row.body, link }),
        });
      } catch (error) {
        logger?.warn({ err: error, commentId: row.id, to: person.id }, 'comment stored but the team notice was not sent');
      }
    }
  }

  const service = {
    /** Lets a feature say how to find its items for comment threads. */
    registerSubject(type: SubjectType, resolve: SubjectResolver): void {
      resolvers.set(type, resolve);
    },

    /** Finds an item of the library through its feature's resolver; undefined when unknown or another library's. */
    resolveSubject,

    /** Lets a feature report, for the journey's checklists, the evidence it holds. */
    registerEvidence(source: EvidenceSource): void {
      evidenceSources.push(source);
    },

    /** What the other parts of the workspace hold for the library, for the checklists, as each part reports it. */
    async evidenceFor(libraryId: string): Promise<EvidenceContribution[]> {
      return (await Promise.all(evidenceSources.map((source) => source(libraryId)))).flat();
    },

    /** The comments on one item of a library, oldest first, with their authors' names. */
    async listComments(libraryId: string, type: SubjectType, id: string): Promise<Comment[]> {
      const rows = await repo.commentsOn(libraryId, type, id);
      return rows.map((row) => ({
        id: row.id,
        authorId: row.author_id,
        authorName: row.author_name ?? '',
        body: row.body,
        createdAt: row.created_at,
      }));
    },

    /**
     * Adds a comment to an item of the library, then emails the library's team
     * (not the author, nor inactive people) with a link to the thread.
     * Returns undefined, storing nothing, when the item is not one of this
     * library's (unknown type or id, or another library's item). The comment
     * is stored before any mail is sent, so a mail failure never loses it.
     * `notify: false` stores it silently (demo data); `createdAt` dates it.
     */
    async addComment(
      library: WorkspaceLibrary,
      author: { id: string; name: string },
      type: SubjectType,
      id: string,
      body: string,
      options: { notify?: boolean; createdAt?: string } = {},
    ): Promise<{ comment: Comment; subject: Subject } | undefined> {
      const text = body.trim();
      if (text === '' || text.length > MAX_COMMENT_LENGTH) throw new InvalidCommentError();
      const subject = await resolveSubject(library, type, id);
      if (!subject) return undefined;
      const row: CommentRow = {
        id: newId(),
        library_id: library.id,
        subject_type: type,
        subject_id: id,
        author_id: author.id,
        body: text,
        created_at: options.createdAt ?? nowIso(),
      };
      await repo.insertComment(row);
      if (options.notify !== false) await notifyTeam(library, subject, author, row);
      return {
        comment: { id: row.id, authorId: author.id, authorName: author.name, body: text, createdAt: row.created_at },
        subject,
      };
    },

    /** Where the library stands in each phase it has started, by phase. */
    async phaseRecords(libraryId: string): Promise<Map<Phase, PhaseRecord>> {
      const rows = await repo.phasesOf(libraryId);
      return new Map(
        rows.flatMap((row) =>
          isPhase(row.phase) ? [[row.phase, { status: row.status, checked: parseChecked(row.checked), updatedAt: row.updated_at }] as const] : [],
        ),
      );
    },

    /**
     * The library's journey: each phase's status and checklist, and the next
     * step. The evidence comes from the other parts of the workspace, through
     * what they registered (they depend on this service, not the other way).
     */
    async journey(libraryId: string): Promise<Journey> {
      const [records, evidence] = await Promise.all([service.phaseRecords(libraryId), service.evidenceFor(libraryId)]);
      return buildJourney(records, evidence);
    },

    /** Sets a phase's status and which of its manual checklist items are done. */
    async updatePhase(libraryId: string, phase: Phase, update: PhaseUpdate, updatedBy: string | null): Promise<void> {
      const allowed: readonly string[] = manualKeys(phase);
      const unknown = update.checked.find((key) => !allowed.includes(key));
      if (unknown !== undefined) throw new UnknownChecklistItemError(phase, unknown);
      await repo.savePhase({
        library_id: libraryId,
        phase,
        status: update.status,
        // Stored in the checklist's order, whatever order they were posted in.
        checked: JSON.stringify(allowed.filter((key) => update.checked.includes(key))),
        updated_at: nowIso(),
        updated_by: updatedBy,
      });
    },
  };

  // The phases themselves carry comment threads, on their pages of the journey.
  service.registerSubject('phase', async (library, id) =>
    isPhase(id) ? { title: english(`workspace.phase.${id}.name`), path: href(workspaceRoutes.phase, { library: library.slug, phase: id }) } : undefined,
  );

  return service;
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
