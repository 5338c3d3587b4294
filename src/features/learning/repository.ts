import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types';
import type { LearningModulesTable } from '../../db/tables/learning';

export type ModuleRow = Selectable<LearningModulesTable>;
export type ModuleChanges = Pick<ModuleRow, 'title' | 'phase' | 'introduction' | 'objectives' | 'opens_on' | 'updated_at'>;

/**
 * Queries for curriculum modules. Writes are scoped to the cohort in the
 * address, so another cohort's module id changes nothing; `findModule` is not,
 * because a learner's address names no cohort (the service checks it).
 */
export function createLearningRepository(db: Kysely<DB>) {
  return {
    insertModule: (row: ModuleRow) => db.insertInto('learning_modules').values(row).execute(),
    findModule: (id: string) => db.selectFrom('learning_modules').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The modules of the given cohorts in the order chosen for each: position, then id for a total order. */
    listModules: (cohortIds: readonly string[]) =>
      cohortIds.length === 0
        ? Promise.resolve([] as ModuleRow[])
        : db
            .selectFrom('learning_modules')
            .selectAll()
            .where('cohort_id', 'in', cohortIds)
            .orderBy('cohort_id')
            .orderBy('position')
            .orderBy('id')
            .execute(),
    /** The next position at the end of a cohort's curriculum. */
    nextPosition: async (cohortId: string) => {
      const row = await db
        .selectFrom('learning_modules')
        .where('cohort_id', '=', cohortId)
        .select((eb) => eb.fn.max('position').as('last'))
        .executeTakeFirstOrThrow();
      return row.last === null ? 0 : Number(row.last) + 1;
    },
    updateModule: (cohortId: string, id: string, changes: ModuleChanges) =>
      db.updateTable('learning_modules').set(changes).where('cohort_id', '=', cohortId).where('id', '=', id).execute(),
    removeModule: (cohortId: string, id: string) =>
      db.deleteFrom('learning_modules').where('cohort_id', '=', cohortId).where('id', '=', id).execute(),
    /**
     * Swaps a module with its neighbour before (`-1`) or after (`1`) it in
     * the cohort's order, in one transaction, renumbering the cohort's
     * positions 0, 1, 2… so earlier ties or gaps cannot make a move a no-op.
     * False when the module is not the cohort's; a move past either end
     * changes nothing.
     */
    move: (cohortId: string, id: string, step: -1 | 1) =>
      db.transaction().execute(async (trx) => {
        const ordered = await trx
          .selectFrom('learning_modules')
          .select(['id', 'position'])
          .where('cohort_id', '=', cohortId)
          .orderBy('position')
          .orderBy('id')
          .execute();
        const at = ordered.findIndex((row) => row.id === id);
        if (at < 0) return false;
        const to = at + step;
        if (to < 0 || to >= ordered.length) return true;
        const ids = ordered.map((row) => row.id);
        [ids[at], ids[to]] = [ids[to]!, ids[at]!];
        for (const [position, moduleId] of ids.entries()) {
          if (Number(ordered[position]!.position) === position && ordered[position]!.id === moduleId) continue;
          await trx.updateTable('learning_modules').set({ position }).where('id', '=', moduleId).execute();
        }
        return true;
      }),
  };
}
