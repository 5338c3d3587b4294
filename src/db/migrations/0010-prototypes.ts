import type { Kysely } from 'kysely';

/*
 * Ideas, the prototypes made from them, the sessions in which patrons tried
 * each prototype, and the keep / change / drop decision on each prototype.
 *
 * Insights and surveys belong to other features whose tables may be created
 * or reshaped independently, so links to them are plain ids checked through
 * those features' services rather than foreign keys.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('prototype_ideas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prototype_ideas_library_idx').on('prototype_ideas').columns(['library_id', 'created_at']).execute();

  await db.schema
    .createTable('prototype_idea_insights')
    .addColumn('idea_id', 'text', (c) => c.notNull().references('prototype_ideas.id').onDelete('cascade'))
    .addColumn('insight_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prototype_idea_insights_pk', ['idea_id', 'insight_id'])
    .execute();

  await db.schema
    .createTable('prototypes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('idea_id', 'text', (c) => c.references('prototype_ideas.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('cost_cents', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prototypes_library_idx').on('prototypes').columns(['library_id', 'created_at']).execute();
  await db.schema.createIndex('prototypes_idea_idx').on('prototypes').column('idea_id').execute();

  await db.schema
    .createTable('prototype_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('prototype_id', 'text', (c) => c.notNull().references('prototypes.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('patrons', 'integer', (c) => c.notNull())
    .addColumn('observations', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prototype_sessions_prototype_idx')
    .on('prototype_sessions')
    .columns(['prototype_id', 'held_on'])
    .execute();
  await db.schema.createIndex('prototype_sessions_library_idx').on('prototype_sessions').column('library_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('prototype_sessions').execute();
  await db.schema.dropTable('prototypes').execute();
  await db.schema.dropTable('prototype_idea_insights').execute();
  await db.schema.dropTable('prototype_ideas').execute();
}
