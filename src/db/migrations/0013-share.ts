import type { Kysely } from 'kysely';

// Postcards and the transformation story of each library's workspace. What
// visitors read lives in content_items; these rows keep the drafts and link
// to the hub item once published.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('share_postcards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('content_item_id', 'text', (c) => c.references('content_items.id').onDelete('set null'))
    .addColumn('hub_slug', 'text')
    .addColumn('published_at', 'text')
    .addColumn('photo_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('share_postcards_library_idx').on('share_postcards').columns(['library_id', 'created_at']).execute();

  await db.schema
    .createTable('share_stories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().unique().references('libraries.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_item_id', 'text', (c) => c.references('content_items.id').onDelete('set null'))
    .addColumn('hub_slug', 'text')
    .addColumn('before_photo_ids', 'text', (c) => c.notNull())
    .addColumn('after_photo_ids', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Admins look for stories waiting for approval across libraries.
  await db.schema.createIndex('share_stories_status_idx').on('share_stories').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('share_stories').execute();
  await db.schema.dropTable('share_postcards').execute();
}
