import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { WorkspaceService } from '../workspace/service';

export interface DiscoverDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
}

/** Discovery activities of a library and the insights drawn from them. */
export function createDiscoverService(_deps: DiscoverDeps) {
  return {
    async counts(_libraryId: string) {
      return { activities: 0, participants: 0, insights: 0 };
    },
    /** Insights to link ideas to: id and text, newest first. */
    async insightChoices(_libraryId: string): Promise<Array<{ id: string; text: string }>> {
      return [];
    },
    /** What a transformation story tells of discovery. */
    async highlights(_libraryId: string) {
      return {
        activities: [] as Array<{ title: string; kind: string; date: string; participants: number }>,
        insights: [] as Array<{ text: string; themes: string[] }>,
      };
    },
  };
}

export type DiscoverService = ReturnType<typeof createDiscoverService>;
