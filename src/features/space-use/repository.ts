import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/types';
import type { SpacesTable, SweepCountsTable, SweepsTable, ZonesTable } from '../../db/tables/space-use';

export type SpaceRow = Selectable<SpacesTable>;
export type ZoneRow = Selectable<ZonesTable>;
export type SweepRow = Selectable<SweepsTable>;
export type SweepCountRow = Selectable<SweepCountsTable>;

/** A sweep of the list, with its space's name and its counts summed. */
export interface SweepListRow extends SweepRow {
  space_name: string;
  people: number | null;
  observed: number;
  zones: number;
}

/**
 * Queries for spaces, zones and sweeps. Every lookup is scoped to one library,
 * so an id from another library finds nothing.
 */
export function createSpaceUseRepository(db: Kysely<DB>) {
  const sweepsOf = (libraryId: string) =>
    db
      .selectFrom('sweeps')
      .innerJoin('spaces', 'spaces.id', 'sweeps.space_id')
      .where('sweeps.library_id', '=', libraryId);

  return {
    listSpaces: (libraryId: string) =>
      db.selectFrom('spaces').selectAll().where('library_id', '=', libraryId).orderBy('position').orderBy('id').execute(),
    findSpace: (libraryId: string, id: string) =>
      db.selectFrom('spaces').selectAll().where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst(),
    /** The zones of the given spaces, in each space's order. */
    listZones: (spaceIds: readonly string[]) =>
      spaceIds.length === 0
        ? Promise.resolve([] as ZoneRow[])
        : db.selectFrom('zones').selectAll().where('space_id', 'in', spaceIds).orderBy('space_id').orderBy('position').orderBy('id').execute(),
    countSpaces: async (libraryId: string) =>
      Number((await db.selectFrom('spaces').where('library_id', '=', libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),

    /** Writes a space and its zones in one transaction: new rows inserted, known ones updated. */
    saveSpace: (space: SpaceRow, isNew: boolean, newZones: ZoneRow[], changedZones: Array<Pick<ZoneRow, 'id' | 'name' | 'capacity' | 'position'>>) =>
      db.transaction().execute(async (trx) => {
        if (isNew) await trx.insertInto('spaces').values(space).execute();
        else await trx.updateTable('spaces').set({ name: space.name, updated_at: space.updated_at }).where('id', '=', space.id).where('library_id', '=', space.library_id).execute();
        for (const zone of changedZones) {
          await trx.updateTable('zones').set({ name: zone.name, capacity: zone.capacity, position: zone.position }).where('id', '=', zone.id).where('space_id', '=', space.id).execute();
        }
        if (newZones.length) await trx.insertInto('zones').values(newZones).execute();
      }),

    /**
     * Stores a sweep and its counts in one transaction, unless a sweep with
     * its id exists: true when this call stored it. The insert skips an
     * existing id instead of failing, so two copies of one record arriving at
     * once store it once and neither is an error.
     */
    insertSweep: (sweep: SweepRow, counts: SweepCountRow[]) =>
      db.transaction().execute(async (trx: Transaction<DB>) => {
        const inserted = await trx
          .insertInto('sweeps')
          .values(sweep)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!inserted) return false;
        if (counts.length) await trx.insertInto('sweep_counts').values(counts).execute();
        return true;
      }),

    /** A sweep by id in any library, so a reused id is recognised wherever it was stored. */
    findSweepAnywhere: (id: string) => db.selectFrom('sweeps').selectAll().where('id', '=', id).executeTakeFirst(),
    listCounts: (sweepId: string) => db.selectFrom('sweep_counts').selectAll().where('sweep_id', '=', sweepId).orderBy('zone_id').execute(),

    countSweeps: async (libraryId: string) =>
      Number((await db.selectFrom('sweeps').where('library_id', '=', libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    /** A page of the library's sweeps, latest first (by start time, then id). */
    listSweeps: (libraryId: string, limit: number, offset: number): Promise<SweepListRow[]> =>
      sweepsOf(libraryId)
        .selectAll('sweeps')
        .select('spaces.name as space_name')
        .select((eb) => [
          eb.selectFrom('sweep_counts').whereRef('sweep_counts.sweep_id', '=', 'sweeps.id').select((c) => c.fn.sum<number | null>('people').as('p')).as('people'),
          eb.selectFrom('sweep_counts').whereRef('sweep_counts.sweep_id', '=', 'sweeps.id').where('people', 'is not', null).select((c) => c.fn.countAll<number>().as('o')).as('observed'),
          eb.selectFrom('sweep_counts').whereRef('sweep_counts.sweep_id', '=', 'sweeps.id').select((c) => c.fn.countAll<number>().as('z')).as('zones'),
        ])
        .orderBy('sweeps.started_at', 'desc')
        .orderBy('sweeps.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute() as Promise<SweepListRow[]>,
  };
}

export type SpaceUseRepository = ReturnType<typeof createSpaceUseRepository>;
