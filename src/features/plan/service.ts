import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { WorkspaceService } from '../workspace/service';
import type { ProgramsService } from '../programs/service';
import type { LibrariesService } from '../libraries/service';

export interface PlanDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  programs: ProgramsService;
  libraries: LibrariesService;
}

/** A library's action plan: goals, tasks, milestones and budget, with revisions. */
export function createPlanService(_deps: PlanDeps) {
  return {
    async counts(_libraryId: string) {
      return { goals: 0, tasks: 0, tasksDone: 0, overdue: 0 };
    },
    /** What a transformation story tells of the plan. */
    async summary(_libraryId: string) {
      return {
        goals: [] as string[],
        tasks: { total: 0, done: 0 },
        plannedCents: 0,
        actualCents: 0,
        subgrantCents: null as number | null,
      };
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
