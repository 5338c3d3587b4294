import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Config } from '../../server/config';
import type { MailService } from '../mail/service';
import type { AccountsService } from '../accounts/service';
import type { LibrariesService } from '../libraries/service';
import type { Subject, SubjectResolver, SubjectType, WorkspaceLibrary } from './contracts';

/** A comment on a workspace item. */
export interface Comment {
  id: string;
  authorId: string | null;
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
}

/** The journey of a library through the method, and comment threads on every workspace item. */
export function createWorkspaceService(_deps: WorkspaceDeps) {
  const resolvers = new Map<SubjectType, SubjectResolver>();
  return {
    /** Lets a feature say how to find its items for comment threads. */
    registerSubject(type: SubjectType, resolve: SubjectResolver): void {
      resolvers.set(type, resolve);
    },
    /** Finds an item of the library through its feature's resolver; undefined when unknown or another library's. */
    async resolveSubject(library: WorkspaceLibrary, type: SubjectType, id: string): Promise<Subject | undefined> {
      const resolve = resolvers.get(type);
      return resolve ? resolve(library, id) : undefined;
    },
    /** The comments on one item of a library, oldest first. */
    async listComments(_libraryId: string, _type: SubjectType, _id: string): Promise<Comment[]> {
      return [];
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
