import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { SurveyStatus } from '../../db/tables/surveys';
import type { Config } from '../../server/config';
import type { WorkspaceService } from '../workspace/service';

export interface SurveysDeps {
  db: Kysely<DB>;
  config: Config;
  workspace: WorkspaceService;
}

/** Building bilingual patron surveys, opening them, and taking anonymous answers. */
export function createSurveysService(_deps: SurveysDeps) {
  return {
    /** The library's surveys, for links from other parts of the workspace. */
    async listForLibrary(_libraryId: string): Promise<Array<{ id: string; titleEn: string; titleEs: string; status: SurveyStatus }>> {
      return [];
    },
    async counts(_libraryId: string) {
      return { surveys: 0, open: 0, responses: 0 };
    },
  };
}

export type SurveysService = ReturnType<typeof createSurveysService>;
