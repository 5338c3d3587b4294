import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ImagesTable, ImageVariantsTable, VariantFormat } from '../../db/tables/images';

export type ImageRow = ImagesTable;

/** Queries for images and their variants. */
export function createImagesRepository(db: Kysely<DB>) {
  const publicImages = () => db.selectFrom('images').where('private', '=', 0);

  return {
    /** Stores an image and all its variants in one transaction: never an image without its files. */
    insert: (image: ImageRow, variants: ImageVariantsTable[]) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('images').values(image).execute();
        for (const variant of variants) await trx.insertInto('image_variants').values(variant).execute();
      }),
    find: (id: string) => db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Public images only: private ones belong to a library's workspace. */
    count: async () =>
      Number((await publicImages().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    list: (limit: number, offset: number) =>
      publicImages().selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    /** Makes an image public (0) or private (1); true when it existed. */
    setPrivate: async (id: string, value: 0 | 1) =>
      Number((await db.updateTable('images').set({ private: value }).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0,
    /** Removes an image; its variants go with it (cascade). */
    remove: (id: string) => db.deleteFrom('images').where('id', '=', id).execute(),
    /** The widths available for each of these images (every width exists in both formats). */
    widthsOf: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('image_variants')
            .select(['image_id', 'width', 'height'])
            .where('image_id', 'in', ids)
            .where('format', '=', 'webp')
            .orderBy('width')
            .execute(),
    update: async (id: string, fields: Pick<ImageRow, 'alt' | 'credit' | 'licence' | 'licence_url' | 'updated_at'>) => {
      const result = await db.updateTable('images').set(fields).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** The bytes of one variant; with `publicOnly`, nothing for a private image. */
    variantBytes: async (imageId: string, width: number, format: VariantFormat, publicOnly: boolean) => {
      let query = db
        .selectFrom('image_variants')
        .select('bytes')
        .where('image_id', '=', imageId)
        .where('width', '=', width)
        .where('format', '=', format);
      if (publicOnly) query = query.where('image_id', 'in', publicImages().select('id'));
      return (await query.executeTakeFirst())?.bytes;
    },
  };
}
