import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../search/dialect';

/*
 * Images and their resized variants. The variants' bytes are kept in the
 * database, so a backup of the database is a backup of the site, and several
 * instances behind one PostgreSQL server serve the same files.
 */

/** The binary column type: `blob` on SQLite, `bytea` on PostgreSQL. */
function binaryType(db: Kysely<any>) {
  return dialectOf(db) === 'postgres' ? sql`bytea` : sql`blob`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('images')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alt', 'text', (c) => c.notNull())
    .addColumn('credit', 'text', (c) => c.notNull())
    .addColumn('licence', 'text', (c) => c.notNull())
    .addColumn('licence_url', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('images_created_idx').on('images').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('image_variants')
    .addColumn('image_id', 'text', (c) => c.notNull().references('images.id').onDelete('cascade'))
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('bytes', binaryType(db), (c) => c.notNull())
    .addPrimaryKeyConstraint('image_variants_pk', ['image_id', 'width', 'format'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('image_variants').execute();
  await db.schema.dropTable('images').execute();
}
