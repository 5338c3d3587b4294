import type { Kysely } from 'kysely';

/*
 * Workspace photos (before, during and after the work) with their consent
 * status, and the privacy flag on images: a photo's image files are served
 * only to the library's readers until the photo is published on the hub.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('images').addColumn('private', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('image_id', 'text', (c) => c.notNull().references('images.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull())
    .addColumn('consent', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('widths', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('photos_library_kind_idx').on('photos').columns(['library_id', 'kind', 'created_at']).execute();
  await db.schema.createIndex('photos_library_created_idx').on('photos').columns(['library_id', 'created_at']).execute();
  await db.schema.createIndex('photos_subject_idx').on('photos').columns(['library_id', 'subject_type', 'subject_id']).execute();
  await db.schema.createIndex('photos_image_idx').on('photos').column('image_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('photos').execute();
  await db.schema.alterTable('images').dropColumn('private').execute();
}
