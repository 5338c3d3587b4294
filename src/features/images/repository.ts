import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import type { ImagesTable, ImageVariantsTable, VariantFormat } from '../../db/tables/images';

export type ImageRow = ImagesTable;

/** Queries for images and their variants. */
export function createImagesRepository(db: Kysely<DB>) {
  return {
    /** Stores an image and all its variants in one transaction: never an image without its files. */
    insert: (image: ImageRow, variants: ImageVariantsTable[]) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('images').values(image).execute();
        for (const variant of variants) await trx.insertInto('image_variants').values(variant).execute();
      }),
    find: (id: string) => db.selectFrom('images').selectAll().where('id', '=', id).executeTakeFirst(),
    count: async () => Number((await db.selectFrom('images').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    list: (limit: number, offset: number) =>
      db.selectFrom('images').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
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
    variantBytes: async (imageId: string, width: number, format: VariantFormat) =>
      (
        await db
          .selectFrom('image_variants')
          .select('bytes')
          .where('image_id', '=', imageId)
          .where('width', '=', width)
          .where('format', '=', format)
          .executeTakeFirst()
      )?.bytes,
  };
}
