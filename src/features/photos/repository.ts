import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../db/types';
import type { PhotosTable } from '../../db/tables/photos';

export type PhotoRow = Selectable<PhotosTable>;

/** What a list of photos may be narrowed to. */
export interface PhotoFilter {
  kind?: string;
}

/** The fields staff may change after the upload. */
export type PhotoChanges = Pick<PhotoRow, 'kind' | 'caption' | 'alt' | 'credit' | 'consent' | 'updated_at'>;

/** Queries for workspace photos. Every lookup is scoped to one library, so a forged id finds nothing. */
export function createPhotosRepository(db: Kysely<DB>) {
  const ofLibrary = (libraryId: string, filter: PhotoFilter = {}) => {
    let query = db.selectFrom('photos').where('library_id', '=', libraryId);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    return query;
  };
  const newestFirst = (libraryId: string, filter: PhotoFilter) =>
    ofLibrary(libraryId, filter).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');

  return {
    insert: (row: PhotoRow) => db.insertInto('photos').values(row).execute(),
    find: (libraryId: string, id: string) => ofLibrary(libraryId).selectAll().where('id', '=', id).executeTakeFirst(),
    list: (libraryId: string, filter: PhotoFilter) => newestFirst(libraryId, filter).execute(),
    listPage: (libraryId: string, filter: PhotoFilter, limit: number, offset: number) =>
      newestFirst(libraryId, filter).limit(limit).offset(offset).execute(),
    count: async (libraryId: string, filter: PhotoFilter) =>
      Number((await ofLibrary(libraryId, filter).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    countByKind: (libraryId: string) =>
      ofLibrary(libraryId).select(['kind', (eb) => eb.fn.countAll().as('n')]).groupBy('kind').execute(),
    listForSubject: (libraryId: string, type: string, id: string) =>
      ofLibrary(libraryId)
        .selectAll()
        .where('subject_type', '=', type)
        .where('subject_id', '=', id)
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
    /** Updates a photo of the library; true when it existed. */
    update: async (libraryId: string, id: string, changes: PhotoChanges) =>
      Number((await db.updateTable('photos').set(changes).where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0,
    setPublishedAt: (libraryId: string, id: string, at: string | null) =>
      db.updateTable('photos').set({ published_at: at }).where('library_id', '=', libraryId).where('id', '=', id).execute(),
    remove: (libraryId: string, id: string) => db.deleteFrom('photos').where('library_id', '=', libraryId).where('id', '=', id).execute(),
  };
}
