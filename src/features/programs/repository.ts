import type { Kysely, Selectable, Updateable } from 'kysely';
import type { CohortsTable, DB, ProgramsTable } from '../../db/types';

export type ProgramRow = Selectable<ProgramsTable>;
export type CohortRow = Selectable<CohortsTable>;

/** Queries for the program and its cohorts. */
export function createProgramsRepository(db: Kysely<DB>) {
  return {
    /** The instance's program: the oldest one, should more than one ever exist. */
    findProgram: () => db.selectFrom('programs').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst(),
    insertProgram: (row: ProgramRow) => db.insertInto('programs').values(row).execute(),
    updateProgram: (id: string, patch: Updateable<ProgramsTable>) =>
      db.updateTable('programs').set(patch).where('id', '=', id).execute(),

    listCohorts: (programId: string) =>
      db
        .selectFrom('cohorts')
        .selectAll()
        .where('program_id', '=', programId)
        .orderBy('starts_on')
        .orderBy('name')
        .orderBy('id')
        .execute(),
    findCohort: (id: string) => db.selectFrom('cohorts').selectAll().where('id', '=', id).executeTakeFirst(),
    insertCohort: (row: CohortRow) => db.insertInto('cohorts').values(row).execute(),
    /** Updates a cohort; true when it existed. */
    updateCohort: async (id: string, patch: Updateable<CohortsTable>) => {
      const result = await db.updateTable('cohorts').set(patch).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
