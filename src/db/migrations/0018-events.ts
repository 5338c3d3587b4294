import type { Kysely } from 'kysely';

/*
 * A library's programs and events (decision record 033): an event is what the
 * library runs ("Maker Monday"), with its service area; an occurrence is one
 * time it was held, on a day of the library's calendar, with its attendance
 * (null while nobody has recorded it, which is not the same as nobody came).
 * Occurrences carry their library so that the library's export and lists read
 * one table, scoped like every other workspace query.
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('service_area', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_library_idx').on('events').columns(['library_id', 'id']).execute();

  await db.schema
    .createTable('event_occurrences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('library_id', 'text', (c) => c.notNull().references('libraries.id').onDelete('cascade'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text')
    .addColumn('attendance', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('event_occurrences_event_idx').on('event_occurrences').columns(['event_id', 'held_on']).execute();
  await db.schema.createIndex('event_occurrences_library_idx').on('event_occurrences').columns(['library_id', 'held_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('event_occurrences').execute();
  await db.schema.dropTable('events').execute();
}
