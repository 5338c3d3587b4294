import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ResponseChannel } from '../../db/tables/surveys';

/** Which responses to read: a window of submission instants (UTC, end excluded) and a channel. */
export interface ResponseWindow {
  since?: string;
  until?: string;
  channel?: ResponseChannel;
}

/** Queries for reading a survey's results; nothing here writes. */
export function createSurveyResultsRepository(db: Kysely<DB>) {
  /** A survey's responses inside a window. */
  const responsesIn = (surveyId: string, window: ResponseWindow) => {
    let query = db.selectFrom('survey_responses').where('survey_id', '=', surveyId);
    if (window.since) query = query.where('submitted_at', '>=', window.since);
    if (window.until) query = query.where('submitted_at', '<', window.until);
    if (window.channel) query = query.where('channel', '=', window.channel);
    return query;
  };

  return {
    /** A survey of the library; undefined for an unknown id or one of another library. */
    findSurvey: (libraryId: string, surveyId: string) =>
      db.selectFrom('surveys').selectAll().where('id', '=', surveyId).where('library_id', '=', libraryId).executeTakeFirst(),

    /** A survey's questions in page order. */
    listQuestions: (surveyId: string) =>
      db.selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('position').orderBy('id').execute(),

    /** Responses inside a window, newest first. */
    listResponses: (surveyId: string, window: ResponseWindow) =>
      responsesIn(surveyId, window).selectAll().orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute(),

    /** How many responses each channel brought in, over the survey's whole life. */
    countByChannel: async (surveyId: string): Promise<Record<ResponseChannel, number>> => {
      const rows = await responsesIn(surveyId, {})
        .select(['channel', (eb) => eb.fn.countAll<number | string>().as('count')])
        .groupBy('channel')
        .execute();
      const counts: Record<ResponseChannel, number> = { web: 0, paper: 0 };
      for (const row of rows) counts[row.channel] = Number(row.count);
      return counts;
    },

    /** The library's surveys past their draft, with at least one response, oldest first. */
    listAnsweredSurveys: (libraryId: string) =>
      db
        .selectFrom('surveys')
        .selectAll()
        .where('library_id', '=', libraryId)
        .where('status', '!=', 'draft')
        .where((eb) => eb.exists(eb.selectFrom('survey_responses').select('survey_responses.id').whereRef('survey_responses.survey_id', '=', 'surveys.id')))
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
  };
}

export type SurveyResultsRepository = ReturnType<typeof createSurveyResultsRepository>;
