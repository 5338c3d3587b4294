import type { Kysely } from 'kysely';

/*
 * Space use: a library's spaces and their zones, the sweeps staff walk
 * through a space, and the people counted in each zone on a sweep.
 *
 * A sweep's id is made by the device that recorded it, so a sync sent again
 * (a retry, a duplicated batch) finds the sweep it already stored instead of
 * adding a second. A count is NULL when the zone was not observed and 0 when
 * staff looked and saw nobody. Layout versions let the furniture move later
 * without detaching old counts: a sweep keeps the version it was taken on,
 * and a zone the version it first appeared in.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('spaces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('layout_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('spaces_library_position_idx').on('spaces').columns(['library_id', 'position']).execute();

  await db.schema
    .createTable('zones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('layout_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('zones_space_position_idx').on('zones').columns(['space_id', 'position']).execute();

  await db.schema
    .createTable('sweeps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('space_id', 'text', (c) => c.notNull().references('spaces.id').onDelete('cascade'))
    .addColumn('layout_version', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sweeps_library_started_idx').on('sweeps').columns(['library_id', 'started_at', 'id']).execute();
  await db.schema.createIndex('sweeps_space_started_idx').on('sweeps').columns(['space_id', 'started_at']).execute();

  await db.schema
    .createTable('sweep_counts')
    .addColumn('sweep_id', 'text', (c) => c.notNull().references('sweeps.id').onDelete('cascade'))
    .addColumn('zone_id', 'text', (c) => c.notNull().references('zones.id').onDelete('cascade'))
    .addColumn('people', 'integer')
    .addPrimaryKeyConstraint('sweep_counts_pk', ['sweep_id', 'zone_id'])
    .execute();
  await db.schema.createIndex('sweep_counts_zone_idx').on('sweep_counts').column('zone_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sweep_counts').execute();
  await db.schema.dropTable('sweeps').execute();
  await db.schema.dropTable('zones').execute();
  await db.schema.dropTable('spaces').execute();
}
