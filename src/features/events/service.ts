import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId } from '../../db/ids';
import { paginate, type Page } from '../../db/pagination';
import { todayIn } from '../../i18n/time';
import type { Clock } from '../../server/clock';
import type { CsvCell } from '../../ui/csv';
import type { WorkspaceLibrary } from '../workspace/contracts';
import type { WorkspaceService } from '../workspace/service';
import { createEventsRepository, type EventSummaryRow, type OccurrenceRow } from './repository';

/** The service areas of public-library outcome measurement (as Project Outcome named them), in its order. */
export const SERVICE_AREAS = [
  'civic-engagement',
  'digital-learning',
  'early-childhood-literacy',
  'economic-development',
  'lifelong-learning',
  'health',
  'job-skills',
  'summer-reading',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

/** True for one of the eight service areas. */
export function isServiceArea(value: unknown): value is ServiceArea {
  return typeof value === 'string' && (SERVICE_AREAS as readonly string[]).includes(value);
}

/** What staff say about an event. */
export interface EventInput {
  title: string;
  serviceArea: ServiceArea;
  description: string;
}

/** An event with what its occurrences add up to. */
export interface LibraryEvent extends EventInput {
  id: string;
  libraryId: string;
  occurrences: number;
  /** How many of the occurrences have their attendance recorded. */
  recorded: number;
  /** People counted at the occurrences whose attendance was recorded; null when none was. */
  attendance: number | null;
  /** The day of the latest occurrence; null while it has none. */
  lastHeldOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What staff record for one time an event was held. */
export interface OccurrenceInput {
  /** YYYY-MM-DD on the library's calendar. */
  heldOn: string;
  /** HH:MM wall-clock time in the library's time zone, or null. */
  startsAt: string | null;
  /** Null when not recorded; 0 when nobody came. */
  attendance: number | null;
  note: string;
}

export interface Occurrence extends OccurrenceInput {
  id: string;
  eventId: string;
  createdAt: string;
  updatedAt: string;
}

/** The library has no event or occurrence with this id (it may be another library's). */
export class EventNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`Event or occurrence ${id} not found in this library`);
  }
}

export interface EventsDeps {
  db: Kysely<DB>;
  workspace: WorkspaceService;
  /** The time "today" is read from in each library's zone; tests fix it. */
  clock?: Clock;
}

const EVENTS_PAGE_SIZE = 25;
const OCCURRENCES_PAGE_SIZE = 50;
/** Rows the export reads from the database at a time, so a long history never sits in memory. */
const EXPORT_BATCH = 500;

const toEvent = (row: EventSummaryRow): LibraryEvent => ({
  id: row.id,
  libraryId: row.library_id,
  title: row.title,
  serviceArea: row.service_area as ServiceArea,
  description: row.description,
  occurrences: Number(row.occurrences),
  recorded: Number(row.recorded),
  attendance: row.attendance === null ? null : Number(row.attendance),
  lastHeldOn: row.last_held_on,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toOccurrence = (row: OccurrenceRow): Occurrence => ({
  id: row.id,
  eventId: row.event_id,
  heldOn: row.held_on,
  startsAt: row.starts_at,
  attendance: row.attendance === null ? null : Number(row.attendance),
  note: row.note,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * The programs and events a library runs in its space, and each time one was
 * held with how many people came (decision record 033).
 */
export function createEventsService({ db, workspace, clock = Date.now }: EventsDeps) {
  const repo = createEventsRepository(db);
  const now = () => new Date(clock()).toISOString();

  // Programs held in the space are evidence for the journey's Transform and
  // evaluate phase: done once one was held, counting the people reached.
  workspace.registerEvidence(async (libraryId) => {
    const { held, reached } = await repo.totals(libraryId);
    return [{ item: 'events', done: held > 0, n: reached }];
  });

  /** The event's row, or EventNotFoundError. */
  async function found(libraryId: string, id: string): Promise<EventSummaryRow> {
    const row = await repo.findEvent(libraryId, id);
    if (!row) throw new EventNotFoundError(id);
    return row;
  }

  return {
    /** Today's date in the library's time zone: the day forms check "not more than a year ahead" from. */
    today(library: Pick<WorkspaceLibrary, 'timeZone'>): string {
      return todayIn(library.timeZone, new Date(clock()));
    },

    async createEvent(libraryId: string, input: EventInput, createdBy: string | null): Promise<LibraryEvent> {
      const at = now();
      const id = newId();
      await repo.insertEvent({
        id,
        library_id: libraryId,
        title: input.title,
        service_area: input.serviceArea,
        description: input.description,
        created_at: at,
        created_by: createdBy,
        updated_at: at,
      });
      return toEvent(await found(libraryId, id));
    },

    /** One event of the library, or undefined (also for another library's event). */
    async getEvent(libraryId: string, id: string): Promise<LibraryEvent | undefined> {
      const row = await repo.findEvent(libraryId, id);
      return row && toEvent(row);
    },

    /** A page of the library's events, the one held most recently first, those not yet held last. */
    async listEvents(libraryId: string, page: number): Promise<Page<LibraryEvent>> {
      const total = await repo.countEvents(libraryId);
      return paginate(total, page, EVENTS_PAGE_SIZE, async (limit, offset) => (await repo.listEvents(libraryId, limit, offset)).map(toEvent));
    },

    /** Changes an event's title, service area and description. Throws EventNotFoundError. */
    async updateEvent(libraryId: string, id: string, input: EventInput): Promise<void> {
      await found(libraryId, id);
      await repo.updateEvent(libraryId, id, { title: input.title, service_area: input.serviceArea, description: input.description, updated_at: now() });
    },

    /** Records one time the event was held. Throws EventNotFoundError when the event is not the library's. */
    async addOccurrence(libraryId: string, eventId: string, input: OccurrenceInput): Promise<Occurrence> {
      await found(libraryId, eventId);
      const at = now();
      const row: OccurrenceRow = {
        id: newId(),
        event_id: eventId,
        library_id: libraryId,
        held_on: input.heldOn,
        starts_at: input.startsAt,
        attendance: input.attendance,
        note: input.note,
        created_at: at,
        updated_at: at,
      };
      await repo.insertOccurrence(row);
      return toOccurrence(row);
    },

    /** One occurrence of one of the library's events, or undefined. */
    async getOccurrence(libraryId: string, eventId: string, id: string): Promise<Occurrence | undefined> {
      const row = await repo.findOccurrence(libraryId, eventId, id);
      return row && toOccurrence(row);
    },

    /** A page of an event's occurrences, newest first. */
    async listOccurrences(libraryId: string, eventId: string, page: number): Promise<Page<Occurrence>> {
      const total = await repo.countOccurrences(libraryId, eventId);
      return paginate(total, page, OCCURRENCES_PAGE_SIZE, async (limit, offset) =>
        (await repo.listOccurrences(libraryId, eventId, limit, offset)).map(toOccurrence),
      );
    },

    /** Changes what was recorded for an occurrence. Throws EventNotFoundError. */
    async updateOccurrence(libraryId: string, eventId: string, id: string, input: OccurrenceInput): Promise<void> {
      if (!(await repo.findOccurrence(libraryId, eventId, id))) throw new EventNotFoundError(id);
      await repo.updateOccurrence(libraryId, eventId, id, {
        held_on: input.heldOn,
        starts_at: input.startsAt,
        attendance: input.attendance,
        note: input.note,
        updated_at: now(),
      });
    },

    /** Deletes an occurrence. Throws EventNotFoundError. */
    async deleteOccurrence(libraryId: string, eventId: string, id: string): Promise<void> {
      if (!(await repo.findOccurrence(libraryId, eventId, id))) throw new EventNotFoundError(id);
      await repo.removeOccurrence(libraryId, eventId, id);
    },

    /**
     * Every occurrence of the library's events, oldest first, as CSV rows
     * after `header`, read from the database `batchSize` rows at a time as
     * the client takes them. `serviceArea` names an area in the reader's
     * language. Attendance not recorded is an empty cell, never 0.
     */
    async *occurrenceRows(
      libraryId: string,
      header: CsvCell[],
      serviceArea: (area: ServiceArea) => string,
      batchSize = EXPORT_BATCH,
    ): AsyncGenerator<CsvCell[]> {
      yield header;
      for (let batch = await repo.exportBatch(libraryId, batchSize); batch.length > 0; ) {
        for (const row of batch) {
          yield [row.title, serviceArea(row.service_area as ServiceArea), row.held_on, row.starts_at ?? '', row.attendance ?? '', row.note];
        }
        if (batch.length < batchSize) return;
        batch = await repo.exportBatch(libraryId, batchSize, batch[batch.length - 1]);
      }
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
