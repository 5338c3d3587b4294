import type { Kysely } from 'kysely';

/*
 * Curriculum modules (decision record 034): the ordered modules of a cohort's
 * curriculum. `position` is the order program staff choose; ties never arise
 * from the product's own writes, and readers order by position then id so the
 * order is total regardless. Objectives are stored one per line, as written.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('learning_modules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('introduction', 'text', (c) => c.notNull())
    .addColumn('objectives', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_modules_cohort_idx').on('learning_modules').columns(['cohort_id', 'position', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('learning_modules').execute();
}
