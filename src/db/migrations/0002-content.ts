import type { Kysely } from 'kysely';

/*
 * Hub content: items of every type in one table (their shape differs only in
 * a few optional columns), tags of three kinds, and a revision per save so
 * that no edit is ever lost. Same conventions as 0001: text ids, ISO-8601 UTC
 * text timestamps (sortable, so "published_at <= now" is a text comparison
 * that means the same on SQLite and PostgreSQL).
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('content_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    // The summary as shown in lists: the editor's summary, or the start of the body.
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('library_id', 'text', (c) => c.references('libraries.id').onDelete('set null'))
    // Images live in a later migration's table; the service checks the id.
    .addColumn('image_id', 'text')
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('sections', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addUniqueConstraint('content_items_type_slug_key', ['type', 'slug'])
    .execute();
  await db.schema.createIndex('content_items_published_idx').on('content_items').columns(['published_at']).execute();
  await db.schema.createIndex('content_items_updated_idx').on('content_items').columns(['updated_at']).execute();
  await db.schema.createIndex('content_items_library_idx').on('content_items').column('library_id').execute();

  await db.schema
    .createTable('content_tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('content_item_tags')
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('tag_id', 'text', (c) => c.notNull().references('content_tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('content_item_tags_pk', ['item_id', 'tag_id'])
    .execute();
  await db.schema.createIndex('content_item_tags_tag_idx').on('content_item_tags').column('tag_id').execute();

  await db.schema
    .createTable('content_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('content_revisions_item_idx').on('content_revisions').columns(['item_id', 'number']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['content_revisions', 'content_item_tags', 'content_tags', 'content_items']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
