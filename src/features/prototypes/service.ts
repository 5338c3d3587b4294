import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { WorkspaceService } from '../workspace/service';
import type { DiscoverService } from '../discover/service';
import type { SurveysService } from '../surveys/service';

export type PrototypeDecision = 'keep' | 'change' | 'drop';

export interface PrototypesDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  discover: DiscoverService;
  surveys: SurveysService;
}

/** Ideas, prototypes, their test sessions and the decision on each. */
export function createPrototypesService(_deps: PrototypesDeps) {
  return {
    async counts(_libraryId: string) {
      return { ideas: 0, prototypes: 0, decided: 0 };
    },
    /** What a transformation story tells of the prototypes. */
    async summary(
      _libraryId: string,
    ): Promise<Array<{ title: string; description: string; costCents: number; decision: PrototypeDecision | null; reason: string }>> {
      return [];
    },
  };
}

export type PrototypesService = ReturnType<typeof createPrototypesService>;
