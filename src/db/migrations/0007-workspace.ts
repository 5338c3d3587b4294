import type { Kysely } from 'kysely';

// The journey of each library through the six phases, and the comment threads
// on every workspace item.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspace_phases')
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('checked', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('workspace_phases_pk', ['library_id', 'phase'])
    .execute();

  await db.schema
    .createTable('workspace_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // A thread is always read by its library and subject, oldest first.
  await db.schema
    .createIndex('workspace_comments_subject_idx')
    .on('workspace_comments')
    .columns(['library_id', 'subject_type', 'subject_id', 'created_at'])
    .execute();
  await db.schema.createIndex('workspace_comments_author_idx').on('workspace_comments').column('author_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('workspace_comments').execute();
  await db.schema.dropTable('workspace_phases').execute();
}
