/** Tables of the events feature (see migration 0018-events). */
export interface EventsTables {
  events: EventsTable;
  event_occurrences: EventOccurrencesTable;
}

/** A program or event a library runs in its space, e.g. "Maker Monday". */
export interface EventsTable {
  id: string;
  library_id: string;
  title: string;
  /** One of the eight service areas, e.g. 'digital-learning'. */
  service_area: string;
  /** '' when not given. */
  description: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
}

/** One time an event was held. */
export interface EventOccurrencesTable {
  id: string;
  event_id: string;
  /** The event's library, so the library's lists and export are scoped without a join. */
  library_id: string;
  /** The day it was held, YYYY-MM-DD on the library's calendar. */
  held_on: string;
  /** Wall-clock start time (HH:MM) in the library's time zone; null when not given. */
  starts_at: string | null;
  /** How many people came; null when not recorded (0 means nobody came). */
  attendance: number | null;
  /** '' when not given. */
  note: string;
  created_at: string;
  updated_at: string;
}
