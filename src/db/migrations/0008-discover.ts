import type { Kysely } from 'kysely';

/*
 * Discovery activities of a library (surveys, Wish Trees, conversations…)
 * and the insights drawn from them. An insight's themes live in their own
 * table, so listing the insights on a theme is an indexed query.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('discover_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('participants', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('discover_activities_library_idx')
    .on('discover_activities')
    .columns(['library_id', 'held_on', 'id'])
    .execute();

  await db.schema
    .createTable('discover_insights')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    // Deleting an activity keeps what was learnt from it.
    .addColumn('activity_id', 'text', (c) => c.references('discover_activities.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('discover_insights_library_idx')
    .on('discover_insights')
    .columns(['library_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('discover_insights_activity_idx').on('discover_insights').column('activity_id').execute();

  await db.schema
    .createTable('discover_insight_themes')
    .addColumn('insight_id', 'text', (c) => c.notNull().references('discover_insights.id').onDelete('cascade'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('discover_insight_themes_pk', ['insight_id', 'theme'])
    .execute();
  await db.schema
    .createIndex('discover_insight_themes_theme_idx')
    .on('discover_insight_themes')
    .columns(['theme', 'insight_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('discover_insight_themes').execute();
  await db.schema.dropTable('discover_insights').execute();
  await db.schema.dropTable('discover_activities').execute();
}
