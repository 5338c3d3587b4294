import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/types';
import type { SharePostcardsTable, ShareStoriesTable } from '../../db/tables/share';

export type PostcardRow = Selectable<SharePostcardsTable>;
export type StoryRow = Selectable<ShareStoriesTable>;

/** Queries for postcards and stories. Every lookup by id is scoped to one library. */
export function createShareRepository(db: Kysely<DB>) {
  const postcardsOf = (libraryId: string) => db.selectFrom('share_postcards').where('library_id', '=', libraryId);

  return {
    insertPostcard: (row: PostcardRow) => db.insertInto('share_postcards').values(row).execute(),
    findPostcard: (libraryId: string, id: string) => postcardsOf(libraryId).selectAll().where('id', '=', id).executeTakeFirst(),
    /** Updates one postcard of the library; true when it existed there. */
    updatePostcard: async (libraryId: string, id: string, patch: Updateable<SharePostcardsTable>) =>
      Number(
        (await db.updateTable('share_postcards').set(patch).where('library_id', '=', libraryId).where('id', '=', id).executeTakeFirst())
          .numUpdatedRows,
      ) > 0,
    countPostcards: async (libraryId: string) =>
      Number((await postcardsOf(libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    countPublishedPostcards: async (libraryId: string) =>
      Number(
        (await postcardsOf(libraryId).where('published_at', 'is not', null).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow())
          .n,
      ),
    listPostcards: (libraryId: string, limit: number, offset: number) =>
      postcardsOf(libraryId).selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    /** Whether a published postcard of the library other than `exceptId` shows the photo. */
    photoOnOtherPublishedPostcard: async (libraryId: string, photoId: string, exceptId: string) =>
      (await postcardsOf(libraryId)
        .select('id')
        .where('photo_id', '=', photoId)
        .where('published_at', 'is not', null)
        .where('id', '!=', exceptId)
        .executeTakeFirst()) !== undefined,
    /** The ids of hub items already linked to the library's postcards. */
    linkedContentIds: async (libraryId: string) =>
      (await postcardsOf(libraryId).select('content_item_id').where('content_item_id', 'is not', null).execute()).map(
        (r) => r.content_item_id as string,
      ),

    findStory: (libraryId: string) => db.selectFrom('share_stories').selectAll().where('library_id', '=', libraryId).executeTakeFirst(),
    insertStory: (row: StoryRow) => db.insertInto('share_stories').values(row).execute(),
    updateStory: (libraryId: string, patch: Updateable<ShareStoriesTable>) =>
      db.updateTable('share_stories').set(patch).where('library_id', '=', libraryId).execute(),
  };
}

export type ShareRepository = ReturnType<typeof createShareRepository>;
