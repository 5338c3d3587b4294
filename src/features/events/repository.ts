import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/types';
import type { EventOccurrencesTable, EventsTable } from '../../db/tables/events';

export type EventRow = Selectable<EventsTable>;
export type OccurrenceRow = Selectable<EventOccurrencesTable>;

/** An event with what its occurrences add up to. */
export type EventSummaryRow = EventRow & {
  occurrences: number | string;
  /** Occurrences whose attendance was recorded. */
  recorded: number | string;
  /** Null when nobody recorded attendance at any occurrence. */
  attendance: number | string | null;
  /** The day of its latest occurrence; null while it has none. */
  last_held_on: string | null;
};

/** An occurrence with its event's title and service area, for the library's export. */
export type ExportRow = OccurrenceRow & { title: string; service_area: string };

export type EventChanges = Pick<EventRow, 'title' | 'service_area' | 'description' | 'updated_at'>;
export type OccurrenceChanges = Pick<OccurrenceRow, 'held_on' | 'starts_at' | 'attendance' | 'note' | 'updated_at'>;

/**
 * Queries for events and their occurrences. Every lookup is scoped to one
 * library (an occurrence also to its event), so a forged id finds nothing.
 */
export function createEventsRepository(db: Kysely<DB>) {
  const summaries = (libraryId: string) =>
    db
      .selectFrom('events')
      .where('events.library_id', '=', libraryId)
      .selectAll('events')
      .select((eb) => [
        eb.selectFrom('event_occurrences as o').whereRef('o.event_id', '=', 'events.id').select((o) => o.fn.countAll().as('n')).as('occurrences'),
        eb.selectFrom('event_occurrences as o').whereRef('o.event_id', '=', 'events.id').select((o) => o.fn.count('o.attendance').as('n')).as('recorded'),
        eb.selectFrom('event_occurrences as o').whereRef('o.event_id', '=', 'events.id').select((o) => o.fn.sum('o.attendance').as('n')).as('attendance'),
        eb.selectFrom('event_occurrences as o').whereRef('o.event_id', '=', 'events.id').select((o) => o.fn.max('o.held_on').as('d')).as('last_held_on'),
      ]);
  const occurrencesOf = (libraryId: string, eventId: string) =>
    db.selectFrom('event_occurrences').where('library_id', '=', libraryId).where('event_id', '=', eventId);

  return {
    insertEvent: (row: EventRow) => db.insertInto('events').values(row).execute(),
    findEvent: (libraryId: string, id: string) =>
      summaries(libraryId).where('events.id', '=', id).executeTakeFirst() as Promise<EventSummaryRow | undefined>,
    countEvents: async (libraryId: string) =>
      Number((await db.selectFrom('events').where('library_id', '=', libraryId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    /**
     * Events with the latest occurrence first; events not yet held come last.
     * Empty text stands for "never held" because PostgreSQL and SQLite sort
     * nulls at opposite ends; the id makes the order total.
     */
    listEvents: (libraryId: string, limit: number, offset: number) =>
      db
        .selectFrom(summaries(libraryId).as('e'))
        .selectAll('e')
        .orderBy(sql`coalesce(e.last_held_on, '')`, 'desc')
        .orderBy('e.id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute() as Promise<EventSummaryRow[]>,
    updateEvent: (libraryId: string, id: string, changes: EventChanges) =>
      db.updateTable('events').set(changes).where('library_id', '=', libraryId).where('id', '=', id).execute(),

    insertOccurrence: (row: OccurrenceRow) => db.insertInto('event_occurrences').values(row).execute(),
    findOccurrence: (libraryId: string, eventId: string, id: string) =>
      occurrencesOf(libraryId, eventId).selectAll().where('id', '=', id).executeTakeFirst(),
    countOccurrences: async (libraryId: string, eventId: string) =>
      Number((await occurrencesOf(libraryId, eventId).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    /** Newest first: by day, then start time (an untimed occurrence after the timed ones of its day), then id. */
    listOccurrences: (libraryId: string, eventId: string, limit: number, offset: number) =>
      occurrencesOf(libraryId, eventId)
        .selectAll()
        .orderBy('held_on', 'desc')
        .orderBy(sql`coalesce(starts_at, '')`, 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    updateOccurrence: (libraryId: string, eventId: string, id: string, changes: OccurrenceChanges) =>
      db
        .updateTable('event_occurrences')
        .set(changes)
        .where('library_id', '=', libraryId)
        .where('event_id', '=', eventId)
        .where('id', '=', id)
        .execute(),
    removeOccurrence: (libraryId: string, eventId: string, id: string) =>
      db.deleteFrom('event_occurrences').where('library_id', '=', libraryId).where('event_id', '=', eventId).where('id', '=', id).execute(),

    /**
     * The next batch of the library's occurrences for the export, oldest first
     * in a total order, after the last row of the batch before (none for the
     * first). Reading on from a key, not an offset, means an occurrence
     * recorded while the export streams never makes a row appear twice.
     */
    exportBatch: (libraryId: string, limit: number, after?: Pick<OccurrenceRow, 'held_on' | 'starts_at' | 'id'>) => {
      const startsAt = sql<string>`coalesce(o.starts_at, '')`;
      let query = db
        .selectFrom('event_occurrences as o')
        .innerJoin('events as e', 'e.id', 'o.event_id')
        .where('o.library_id', '=', libraryId)
        .selectAll('o')
        .select(['e.title', 'e.service_area']);
      if (after) {
        const time = after.starts_at ?? '';
        query = query.where((eb) =>
          eb.or([
            eb('o.held_on', '>', after.held_on),
            eb.and([eb('o.held_on', '=', after.held_on), eb(startsAt, '>', time)]),
            eb.and([eb('o.held_on', '=', after.held_on), eb(startsAt, '=', time), eb('o.id', '>', after.id)]),
          ]),
        );
      }
      return query.orderBy('o.held_on').orderBy(startsAt).orderBy('o.id').limit(limit).execute() as Promise<ExportRow[]>;
    },

    /** How many occurrences the library has held, and how many people they reached in all. */
    totals: async (libraryId: string) => {
      const row = await db
        .selectFrom('event_occurrences')
        .where('library_id', '=', libraryId)
        .select((eb) => [eb.fn.countAll().as('held'), eb.fn.sum('attendance').as('reached')])
        .executeTakeFirstOrThrow();
      return { held: Number(row.held), reached: Number(row.reached ?? 0) };
    },
  };
}
