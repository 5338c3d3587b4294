import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { WorkspaceService } from '../workspace/service';
import type { ContentService } from '../content/service';
import type { PhotosService } from '../photos/service';
import type { DiscoverService } from '../discover/service';
import type { SurveyResultsService } from '../surveys/results';
import type { PrototypesService } from '../prototypes/service';
import type { PlanService } from '../plan/service';
import type { LibrariesService } from '../libraries/service';

export interface ShareDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  content: ContentService;
  photos: PhotosService;
  discover: DiscoverService;
  surveyResults: SurveyResultsService;
  prototypes: PrototypesService;
  plan: PlanService;
  libraries: LibrariesService;
}

export type StoryStatus = 'none' | 'draft' | 'submitted' | 'published';

/** Postcards and the transformation story: what a library shares with the library world. */
export function createShareService(_deps: ShareDeps) {
  return {
    async counts(_libraryId: string) {
      return { postcards: 0, story: 'none' as StoryStatus };
    },
  };
}

export type ShareService = ReturnType<typeof createShareService>;
