import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../../db/types';
import type { ContentItemsTable, ContentRevisionsTable, ContentTagsTable } from '../../db/tables/content';

export type ItemRow = Selectable<ContentItemsTable>;
export type TagRow = Selectable<ContentTagsTable>;
export type RevisionRow = Selectable<ContentRevisionsTable>;

/** Columns for lists: everything but the body, links and sections, which can be long. */
const SUMMARY_COLUMNS = [
  'id',
  'type',
  'slug',
  'title',
  'excerpt',
  'library_id',
  'image_id',
  'published_at',
  'created_at',
  'updated_at',
] as const;

export type SummaryRow = Pick<ItemRow, (typeof SUMMARY_COLUMNS)[number]>;

export type ItemStatus = 'draft' | 'scheduled' | 'published';

export interface AdminFilter {
  type?: string;
  status?: ItemStatus;
}

export interface PublishedFilter {
  type?: string;
  tagId?: string;
  libraryId?: string;
}

/** Queries for content items, tags, item tags and revisions. Pass a transaction to group writes. */
export function createContentRepository(db: Kysely<DB>) {
  const adminFiltered = (filter: AdminFilter, now: string) => {
    let q = db.selectFrom('content_items');
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.status === 'draft') q = q.where('published_at', 'is', null);
    if (filter.status === 'scheduled') q = q.where('published_at', '>', now);
    if (filter.status === 'published') q = q.where('published_at', '<=', now);
    return q;
  };

  const published = (filter: PublishedFilter, now: string) => {
    let q = db.selectFrom('content_items').where('published_at', '<=', now);
    if (filter.type) q = q.where('type', '=', filter.type);
    if (filter.libraryId) q = q.where('library_id', '=', filter.libraryId);
    if (filter.tagId) {
      const tagId = filter.tagId;
      q = q.where('id', 'in', (eb) => eb.selectFrom('content_item_tags').select('item_id').where('tag_id', '=', tagId));
    }
    return q;
  };

  return {
    findItem: (id: string) => db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst(),
    findPublished: (type: string, slug: string, now: string) =>
      db
        .selectFrom('content_items')
        .selectAll()
        .where('type', '=', type)
        .where('slug', '=', slug)
        .where('published_at', '<=', now)
        .executeTakeFirst(),
    publishedByIds: (ids: string[], now: string) =>
      ids.length
        ? db.selectFrom('content_items').selectAll().where('id', 'in', ids).where('published_at', '<=', now).execute()
        : Promise.resolve([]),
    /** The taken slugs of a type among these candidates. */
    takenSlugs: async (type: string, candidates: string[]) =>
      (await db.selectFrom('content_items').select('slug').where('type', '=', type).where('slug', 'in', candidates).execute()).map(
        (r) => r.slug,
      ),
    insertItem: (row: ItemRow) => db.insertInto('content_items').values(row).execute(),
    /** Updates an item; true when it existed. */
    updateItem: async (id: string, patch: Updateable<ContentItemsTable>) =>
      Number((await db.updateTable('content_items').set(patch).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0,

    countAdmin: async (filter: AdminFilter, now: string) =>
      Number((await adminFiltered(filter, now).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    listAdmin: (filter: AdminFilter, now: string, limit: number, offset: number) =>
      adminFiltered(filter, now).select(SUMMARY_COLUMNS).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),

    countPublished: async (filter: PublishedFilter, now: string) =>
      Number((await published(filter, now).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    listPublished: (filter: PublishedFilter, now: string, limit: number, offset: number) =>
      published(filter, now).select(SUMMARY_COLUMNS).orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    /** Published items other than plain pages, most recently changed first. */
    recent: (now: string, limit: number) =>
      published({}, now).where('type', '!=', 'page').select(SUMMARY_COLUMNS).orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute(),
    allPublished: (now: string) =>
      published({}, now).select(SUMMARY_COLUMNS).orderBy('published_at', 'desc').orderBy('id', 'desc').execute(),

    listTags: () => db.selectFrom('content_tags').selectAll().orderBy('kind').orderBy('name').orderBy('id').execute(),
    findTagBySlug: (slug: string) => db.selectFrom('content_tags').selectAll().where('slug', '=', slug).executeTakeFirst(),
    insertTag: (row: TagRow) => db.insertInto('content_tags').values(row).execute(),
    /** Tags of these items, with the item each belongs to. */
    tagsOfItems: (itemIds: string[]) =>
      itemIds.length
        ? db
            .selectFrom('content_item_tags')
            .innerJoin('content_tags', 'content_tags.id', 'content_item_tags.tag_id')
            .select([
              'content_item_tags.item_id as itemId',
              'content_tags.id',
              'content_tags.kind',
              'content_tags.slug',
              'content_tags.name',
              'content_tags.created_at',
            ])
            .where('content_item_tags.item_id', 'in', itemIds)
            .orderBy('content_tags.kind')
            .orderBy('content_tags.name')
            .orderBy('content_tags.id')
            .execute()
        : Promise.resolve([]),
    /** Sets exactly which tags an item has. */
    replaceItemTags: async (itemId: string, tagIds: string[]) => {
      await db.deleteFrom('content_item_tags').where('item_id', '=', itemId).execute();
      if (tagIds.length) {
        await db
          .insertInto('content_item_tags')
          .values(tagIds.map((tagId) => ({ item_id: itemId, tag_id: tagId })))
          .execute();
      }
    },

    insertRevision: (row: RevisionRow) => db.insertInto('content_revisions').values(row).execute(),
    /** The number the next revision of an item gets. */
    nextRevisionNumber: async (itemId: string) =>
      Number(
        (
          await db
            .selectFrom('content_revisions')
            .select((eb) => eb.fn.max('number').as('n'))
            .where('item_id', '=', itemId)
            .executeTakeFirst()
        )?.n ?? 0,
      ) + 1,
    listRevisions: (itemId: string) =>
      db.selectFrom('content_revisions').selectAll().where('item_id', '=', itemId).orderBy('number', 'desc').execute(),
    findRevision: (itemId: string, id: string) =>
      db.selectFrom('content_revisions').selectAll().where('item_id', '=', itemId).where('id', '=', id).executeTakeFirst(),
  };
}

export type ContentRepository = ReturnType<typeof createContentRepository>;
