import type { Kysely } from 'kysely';

/*
 * A library's action plan: goals, tasks (each under a goal, optionally
 * depending on another task), milestones, budget lines in cents, and a
 * revision row for every change. References inside the plan are checked by
 * the service to be of the same library; the foreign keys keep them valid.
 */

export async function up(db: Kysely<any>): Promise<void> {
  const library = (c: any) => c.notNull().references('libraries.id').onDelete('cascade');

  await db.schema
    .createTable('plan_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', library)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_goals_library_idx').on('plan_goals').columns(['library_id', 'created_at']).execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', library)
    // A goal with tasks cannot be deleted (the service explains why); the key enforces it.
    .addColumn('goal_id', 'text', (c) => c.notNull().references('plan_goals.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('depends_on_id', 'text', (c) => c.references('plan_tasks.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_tasks_library_idx').on('plan_tasks').columns(['library_id', 'starts_on']).execute();
  await db.schema.createIndex('plan_tasks_goal_idx').on('plan_tasks').column('goal_id').execute();
  await db.schema.createIndex('plan_tasks_depends_on_idx').on('plan_tasks').column('depends_on_id').execute();

  await db.schema
    .createTable('plan_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', library)
    .addColumn('goal_id', 'text', (c) => c.references('plan_goals.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_milestones_library_idx').on('plan_milestones').columns(['library_id', 'due_on']).execute();
  await db.schema.createIndex('plan_milestones_goal_idx').on('plan_milestones').column('goal_id').execute();

  await db.schema
    .createTable('plan_budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', library)
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('planned_cents', 'integer', (c) => c.notNull())
    .addColumn('actual_cents', 'integer', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('task_id', 'text', (c) => c.references('plan_tasks.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_budget_lines_library_idx').on('plan_budget_lines').columns(['library_id', 'category']).execute();
  await db.schema.createIndex('plan_budget_lines_task_idx').on('plan_budget_lines').column('task_id').execute();

  await db.schema
    .createTable('plan_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', library)
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('entity_title', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_revisions_library_idx').on('plan_revisions').columns(['library_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['plan_revisions', 'plan_budget_lines', 'plan_milestones', 'plan_tasks', 'plan_goals']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
