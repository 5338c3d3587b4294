import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ResponseChannel, SurveyQuestionsTable, SurveyResponsesTable, SurveysTable } from '../../db/tables/surveys';

/** Rows inserted in one statement when importing many responses. */
const IMPORT_CHUNK = 100;

/** Queries for surveys, their questions and responses. */
export function createSurveysRepository(db: Kysely<DB>) {
  /** A survey of one library: every lookup by id goes through it, so another library's id finds nothing. */
  const surveyOfLibrary = (libraryId: string) => db.selectFrom('surveys').where('surveys.library_id', '=', libraryId);

  /** Responses per survey, as a subquery. */
  const responseCounts = db
    .selectFrom('survey_responses')
    .select((eb) => ['survey_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('survey_id')
    .as('counted');

  return {
    insertSurvey: (row: SurveysTable) => db.insertInto('surveys').values(row).execute(),
    updateSurvey: (id: string, changes: Partial<SurveysTable>) => db.updateTable('surveys').set(changes).where('id', '=', id).execute(),
    findSurvey: (libraryId: string, id: string) => surveyOfLibrary(libraryId).selectAll().where('id', '=', id).executeTakeFirst(),
    countSurveys: async (libraryId: string) =>
      Number((await surveyOfLibrary(libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    /** A page of a library's surveys, newest first, with their response counts. */
    listSurveys: (libraryId: string, limit: number, offset: number) =>
      surveyOfLibrary(libraryId)
        .leftJoin(responseCounts, 'counted.survey_id', 'surveys.id')
        .selectAll('surveys')
        .select('counted.n as responses')
        .orderBy('surveys.created_at', 'desc')
        .orderBy('surveys.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    allSurveys: (libraryId: string) => surveyOfLibrary(libraryId).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    /**
     * A survey by its public code, with the library's name and time zone for
     * the patron's pages (read from the libraries table, which the patron
     * route reaches without the access check loading it).
     */
    findByCode: (code: string) =>
      db
        .selectFrom('surveys')
        .innerJoin('libraries', 'libraries.id', 'surveys.library_id')
        .selectAll('surveys')
        .select(['libraries.name as library_name', 'libraries.slug as library_slug', 'libraries.time_zone as library_time_zone'])
        .where('surveys.code', '=', code)
        .executeTakeFirst(),
    /** The time zone of a library, for "today" in its counts. */
    libraryTimeZone: async (libraryId: string) =>
      (await db.selectFrom('libraries').select('time_zone').where('id', '=', libraryId).executeTakeFirst())?.time_zone,

    questions: (surveyId: string) =>
      db.selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).orderBy('position').orderBy('id').execute(),
    findQuestion: (surveyId: string, id: string) =>
      db.selectFrom('survey_questions').selectAll().where('survey_id', '=', surveyId).where('id', '=', id).executeTakeFirst(),
    insertQuestion: (row: SurveyQuestionsTable) => db.insertInto('survey_questions').values(row).execute(),
    updateQuestion: (id: string, changes: Partial<SurveyQuestionsTable>) =>
      db.updateTable('survey_questions').set(changes).where('id', '=', id).execute(),
    /** Deletes a question and closes the gap it leaves in the order. */
    deleteQuestion: (question: SurveyQuestionsTable) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('survey_questions').where('id', '=', question.id).execute();
        await trx
          .updateTable('survey_questions')
          .set((eb) => ({ position: eb('position', '-', 1) }))
          .where('survey_id', '=', question.survey_id)
          .where('position', '>', question.position)
          .execute();
      }),
    /** Swaps the positions of two questions of a survey. */
    swapPositions: (a: SurveyQuestionsTable, b: SurveyQuestionsTable) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('survey_questions').set({ position: b.position }).where('id', '=', a.id).execute();
        await trx.updateTable('survey_questions').set({ position: a.position }).where('id', '=', b.id).execute();
      }),

    insertResponse: (row: SurveyResponsesTable) => db.insertInto('survey_responses').values(row).execute(),
    /** Inserts many responses in one transaction, a chunk of rows per statement. */
    insertResponses: (rows: SurveyResponsesTable[]) =>
      db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
          await trx.insertInto('survey_responses').values(rows.slice(i, i + IMPORT_CHUNK)).execute();
        }
      }),
    /** Responses to a survey, of one channel or all. */
    countResponses: async (surveyId: string, channel?: ResponseChannel) => {
      let query = db.selectFrom('survey_responses').select((eb) => eb.fn.countAll().as('n')).where('survey_id', '=', surveyId);
      if (channel) query = query.where('channel', '=', channel);
      return Number((await query.executeTakeFirstOrThrow()).n);
    },
    countLibraryResponses: async (libraryId: string) =>
      Number(
        (
          await db
            .selectFrom('survey_responses')
            .innerJoin('surveys', 'surveys.id', 'survey_responses.survey_id')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('surveys.library_id', '=', libraryId)
            .executeTakeFirstOrThrow()
        ).n,
      ),
  };
}

export type SurveysRepository = ReturnType<typeof createSurveysRepository>;
