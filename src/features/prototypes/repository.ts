import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { PrototypeIdeasTable, PrototypeSessionsTable, PrototypesTable } from '../../db/tables/prototypes';

export type IdeaRow = PrototypeIdeasTable;
export type PrototypeRow = PrototypesTable;
export type SessionRow = PrototypeSessionsTable;

/** Counts come back as numbers on SQLite and as text on PostgreSQL. */
const count = (row: { n: string | number | bigint } | undefined) => Number(row?.n ?? 0);

/** True when an update or delete touched a row. */
const touched = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0) > 0;

/** Queries for ideas, prototypes and their test sessions. Every lookup is scoped to one library. */
export function createPrototypesRepository(db: Kysely<DB>) {
  const ideasOf = (libraryId: string) => db.selectFrom('prototype_ideas').where('prototype_ideas.library_id', '=', libraryId);
  const prototypesOf = (libraryId: string) => db.selectFrom('prototypes').where('prototypes.library_id', '=', libraryId);
  const sessionsOf = (libraryId: string, prototypeId: string) =>
    db
      .selectFrom('prototype_sessions')
      .where('prototype_sessions.library_id', '=', libraryId)
      .where('prototype_sessions.prototype_id', '=', prototypeId);

  return {
    // Ideas.

    findIdea: (libraryId: string, id: string) => ideasOf(libraryId).selectAll().where('id', '=', id).executeTakeFirst(),
    countIdeas: async (libraryId: string) =>
      count(await ideasOf(libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
    /** A page of ideas, newest first. */
    listIdeas: (libraryId: string, limit: number, offset: number) =>
      ideasOf(libraryId)
        .selectAll('prototype_ideas')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    ideaTitles: (libraryId: string) => ideasOf(libraryId).select(['id', 'title']).orderBy('title').orderBy('id').execute(),
    /** The insight links of these ideas. */
    insightLinksOf: async (ideaIds: string[]) =>
      ideaIds.length ? db.selectFrom('prototype_idea_insights').select(['idea_id', 'insight_id']).where('idea_id', 'in', ideaIds).execute() : [],
    insightIdsOf: async (ideaId: string) =>
      (await db.selectFrom('prototype_idea_insights').select('insight_id').where('idea_id', '=', ideaId).execute()).map(
        (r) => r.insight_id,
      ),
    /** Adds an idea with its insight links, all or nothing. */
    insertIdea: (row: IdeaRow, insightIds: string[]) =>
      db.transaction().execute(async (tx) => {
        await tx.insertInto('prototype_ideas').values(row).execute();
        if (insightIds.length) {
          await tx
            .insertInto('prototype_idea_insights')
            .values(insightIds.map((insight_id) => ({ idea_id: row.id, insight_id })))
            .execute();
        }
      }),
    /** Changes an idea and replaces its insight links, all or nothing; false when it is not the library's. */
    updateIdea: (libraryId: string, id: string, changes: Pick<IdeaRow, 'title' | 'description' | 'updated_at'>, insightIds: string[]) =>
      db.transaction().execute(async (tx) => {
        const result = await tx
          .updateTable('prototype_ideas')
          .set(changes)
          .where('id', '=', id)
          .where('library_id', '=', libraryId)
          .executeTakeFirst();
        if (!touched(result)) return false;
        await tx.deleteFrom('prototype_idea_insights').where('idea_id', '=', id).execute();
        if (insightIds.length) {
          await tx
            .insertInto('prototype_idea_insights')
            .values(insightIds.map((insight_id) => ({ idea_id: id, insight_id })))
            .execute();
        }
        return true;
      }),
    deleteIdea: async (libraryId: string, id: string) =>
      touched(await db.deleteFrom('prototype_ideas').where('id', '=', id).where('library_id', '=', libraryId).executeTakeFirst()),

    // Prototypes.

    findPrototype: (libraryId: string, id: string) => prototypesOf(libraryId).selectAll().where('id', '=', id).executeTakeFirst(),
    countPrototypes: async (libraryId: string) =>
      count(await prototypesOf(libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
    countDecided: async (libraryId: string) =>
      count(await prototypesOf(libraryId).where('decision', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
    /** Prototypes with at least one test session. */
    countTested: async (libraryId: string) =>
      count(
        await prototypesOf(libraryId)
          .where((eb) =>
            eb.exists(eb.selectFrom('prototype_sessions').select('prototype_sessions.id').whereRef('prototype_sessions.prototype_id', '=', 'prototypes.id')),
          )
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst(),
      ),
    /** A page of prototypes, newest first, each with its number of test sessions. */
    listPrototypes: (libraryId: string, limit: number, offset: number) =>
      prototypesOf(libraryId)
        .selectAll('prototypes')
        .select((eb) =>
          eb
            .selectFrom('prototype_sessions')
            .select((inner) => inner.fn.countAll().as('n'))
            .whereRef('prototype_sessions.prototype_id', '=', 'prototypes.id')
            .as('session_count'),
        )
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    /** Every prototype of the library, oldest first, as a story tells them. */
    allPrototypes: (libraryId: string) => prototypesOf(libraryId).selectAll().orderBy('created_at').orderBy('id').execute(),
    prototypesOfIdea: (libraryId: string, ideaId: string) =>
      prototypesOf(libraryId).selectAll().where('idea_id', '=', ideaId).orderBy('created_at').orderBy('id').execute(),
    insertPrototype: (row: PrototypeRow) => db.insertInto('prototypes').values(row).execute(),
    /** Changes a prototype of the library; false when there is none. */
    updatePrototype: async (libraryId: string, id: string, changes: Partial<Omit<PrototypeRow, 'id' | 'library_id'>>) =>
      touched(await db.updateTable('prototypes').set(changes).where('id', '=', id).where('library_id', '=', libraryId).executeTakeFirst()),
    deletePrototype: async (libraryId: string, id: string) =>
      touched(await db.deleteFrom('prototypes').where('id', '=', id).where('library_id', '=', libraryId).executeTakeFirst()),

    // Test sessions.

    findSession: (libraryId: string, prototypeId: string, id: string) =>
      sessionsOf(libraryId, prototypeId).selectAll().where('id', '=', id).executeTakeFirst(),
    countSessions: async (libraryId: string, prototypeId: string) =>
      count(await sessionsOf(libraryId, prototypeId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst()),
    /** A page of a prototype's sessions, newest first. */
    listSessions: (libraryId: string, prototypeId: string, limit: number, offset: number) =>
      sessionsOf(libraryId, prototypeId)
        .selectAll()
        .orderBy('held_on', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    insertSessions: (rows: SessionRow[]) => db.insertInto('prototype_sessions').values(rows).execute(),
    updateSession: async (libraryId: string, prototypeId: string, id: string, changes: Partial<Omit<SessionRow, 'id' | 'library_id' | 'prototype_id'>>) =>
      touched(
        await db
          .updateTable('prototype_sessions')
          .set(changes)
          .where('id', '=', id)
          .where('library_id', '=', libraryId)
          .where('prototype_id', '=', prototypeId)
          .executeTakeFirst(),
      ),
    deleteSession: async (libraryId: string, prototypeId: string, id: string) =>
      touched(
        await db
          .deleteFrom('prototype_sessions')
          .where('id', '=', id)
          .where('library_id', '=', libraryId)
          .where('prototype_id', '=', prototypeId)
          .executeTakeFirst(),
      ),
  };
}
