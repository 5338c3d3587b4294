import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { Locale } from '../../i18n';

/** One question's leading results, for a transformation story. */
export interface QuestionHighlight {
  prompt: string;
  responses: number;
  /** Options (or scale points) with their share, largest first. */
  top: Array<{ label: string; percent: number }>;
}

/** Survey results: counts, percentages, charts, filters and the CSV export. */
export function createSurveyResultsService(_deps: { db: Kysely<DB> }) {
  return {
    /**
     * Highlights of a library's surveys for readers outside its team: only
     * questions with at least five responses.
     */
    async highlights(_libraryId: string, _locale: Locale): Promise<Array<{ title: string; responses: number; questions: QuestionHighlight[] }>> {
      return [];
    },
  };
}

export type SurveyResultsService = ReturnType<typeof createSurveyResultsService>;
