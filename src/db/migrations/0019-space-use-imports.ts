import type { Kysely } from 'kysely';

/*
 * Suma files waiting between the upload and the mapping step of an import
 * (decision record 032): the text as uploaded, under an unguessable key,
 * for the library and space it was uploaded to. Rows are short-lived: an
 * import removes its row, and each upload removes rows past their age.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('space_use_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('space_use_imports_created_idx').on('space_use_imports').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('space_use_imports').execute();
}
