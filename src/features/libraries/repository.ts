import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB, LibrariesTable, LibraryRole } from '../../db/types';

export type LibraryRow = Selectable<LibrariesTable>;

export interface LibraryFilter {
  state?: string;
  cohortId?: string;
  /** The libraries the reader may see: all, or these ids. */
  visible: 'all' | string[];
}

/** Queries for libraries, their members and their coaches. */
export function createLibrariesRepository(db: Kysely<DB>) {
  const filtered = (filter: LibraryFilter) => {
    let q = db.selectFrom('libraries');
    if (filter.visible !== 'all') {
      q = filter.visible.length ? q.where('id', 'in', filter.visible) : q.where('id', '=', '');
    }
    if (filter.state) q = q.where('state', '=', filter.state);
    if (filter.cohortId) q = q.where('cohort_id', '=', filter.cohortId);
    return q;
  };

  return {
    findById: (id: string) => db.selectFrom('libraries').selectAll().where('id', '=', id).executeTakeFirst(),
    findBySlug: (slug: string) => db.selectFrom('libraries').selectAll().where('slug', '=', slug).executeTakeFirst(),
    /** The taken slugs among these candidates. */
    takenSlugs: async (candidates: string[]) =>
      (await db.selectFrom('libraries').select('slug').where('slug', 'in', candidates).execute()).map((r) => r.slug),
    insert: (row: LibraryRow) => db.insertInto('libraries').values(row).execute(),
    /** Updates a library; true when it existed. */
    update: async (id: string, patch: Updateable<LibrariesTable>) =>
      Number((await db.updateTable('libraries').set(patch).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0,
    listAll: () => db.selectFrom('libraries').selectAll().orderBy('name').orderBy('id').execute(),
    count: async (filter: LibraryFilter) =>
      Number((await filtered(filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    list: (filter: LibraryFilter, limit: number, offset: number) =>
      filtered(filter).selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute(),
    countByCohort: () =>
      db
        .selectFrom('libraries')
        .select(['cohort_id', (eb) => eb.fn.countAll().as('n')])
        .where('cohort_id', 'is not', null)
        .groupBy('cohort_id')
        .execute(),

    /** Adds a member, or changes their role if they already are one. */
    upsertMember: (libraryId: string, userId: string, role: LibraryRole, createdAt: string) =>
      db
        .insertInto('library_members')
        .values({ library_id: libraryId, user_id: userId, role, created_at: createdAt })
        .onConflict((oc) => oc.columns(['library_id', 'user_id']).doUpdateSet({ role }))
        .execute(),
    deleteMember: (libraryId: string, userId: string) =>
      db.deleteFrom('library_members').where('library_id', '=', libraryId).where('user_id', '=', userId).execute(),
    membersOf: (libraryId: string) =>
      db
        .selectFrom('library_members')
        .select(['user_id', 'role'])
        .where('library_id', '=', libraryId)
        .orderBy('created_at')
        .orderBy('user_id')
        .execute(),
    membershipsOf: (userIds: string[]) =>
      db
        .selectFrom('library_members')
        .innerJoin('libraries', 'libraries.id', 'library_members.library_id')
        .select([
          'library_members.user_id as userId',
          'library_members.library_id as libraryId',
          'library_members.role as role',
          'libraries.slug as slug',
          'libraries.name as libraryName',
        ])
        .where('library_members.user_id', 'in', userIds)
        .orderBy('libraries.name')
        .orderBy('libraries.id')
        .execute(),

    /** Replaces the set of libraries a person coaches, in one transaction. */
    replaceCoaching: (userId: string, libraryIds: string[], createdAt: string) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('coach_assignments').where('user_id', '=', userId).execute();
        if (libraryIds.length) {
          await trx
            .insertInto('coach_assignments')
            .values(libraryIds.map((libraryId) => ({ library_id: libraryId, user_id: userId, created_at: createdAt })))
            .execute();
        }
      }),
    coachesOf: (libraryId: string) =>
      db
        .selectFrom('coach_assignments')
        .select('user_id')
        .where('library_id', '=', libraryId)
        .orderBy('created_at')
        .orderBy('user_id')
        .execute(),
    coachingOf: (userIds: string[]) =>
      db
        .selectFrom('coach_assignments')
        .innerJoin('libraries', 'libraries.id', 'coach_assignments.library_id')
        .select([
          'coach_assignments.user_id as userId',
          'coach_assignments.library_id as libraryId',
          'libraries.slug as slug',
          'libraries.name as libraryName',
        ])
        .where('coach_assignments.user_id', 'in', userIds)
        .orderBy('libraries.name')
        .orderBy('libraries.id')
        .execute(),
  };
}
