import type { Kysely } from 'kysely';
import type { DB } from '../../db/types';
import { newId, nowIso } from '../../db/ids';
import { paginate, type Page } from '../../db/pagination';
import { createSpaceUseRepository, type SpaceRow, type SweepCountRow, type SweepRow, type ZoneRow } from './repository';

/** A count above this many times the zone's capacity is refused unless confirmed: most likely a typing slip. */
export const HIGH_COUNT_FACTOR = 10;
/** How far ahead of the server's clock a sweep may be dated (a device clock running fast, a time zone slip). */
export const FUTURE_ALLOWANCE_MS = 24 * 60 * 60 * 1000;
/** The most people one zone may hold or be counted in; also keeps numbers inside a database integer. */
export const MAX_PEOPLE = 100_000;
/** The most zones one space has. */
export const MAX_ZONES = 50;

/** A part of a space, counted on its own. */
export interface Zone {
  id: string;
  name: string;
  capacity: number;
  position: number;
  layoutVersion: number;
}

/** A space of the library with its zones in order. */
export interface Space {
  id: string;
  libraryId: string;
  name: string;
  position: number;
  layoutVersion: number;
  zones: Zone[];
}

/** A zone as staff describe it on the space form; `id` for a zone that already exists. */
export interface ZoneInput {
  id?: string;
  name: string;
  capacity: number;
}

export interface SpaceInput {
  name: string;
  zones: ZoneInput[];
}

/** One sweep as the form or a device sends it. */
export interface SweepInput {
  /** Made by the device (or the form's page): a lower-case UUID. */
  id: string;
  spaceId: string;
  /** UTC ISO. */
  startedAt: string;
  endedAt: string | null;
  note: string;
  /** People per zone; null when the zone was not observed. */
  counts: ReadonlyArray<{ zoneId: string; people: number | null }>;
  /** The person confirmed counts above {@link HIGH_COUNT_FACTOR} × capacity. */
  confirmedHigh: boolean;
}

/** Why a sweep is refused. The sync reply names it; the form turns it into a message by a field. */
export type RefusalReason = 'malformed' | 'unknown-space' | 'unknown-zone' | 'negative' | 'unconfirmed-high' | 'future' | 'conflict';

/** One reason a sweep is refused, with the zone it concerns when there is one. */
export interface SweepProblem {
  reason: RefusalReason;
  zoneId?: string;
}

/** The outcome of recording one sweep. */
export type RecordOutcome = { status: 'stored' | 'duplicate' } | { status: 'refused'; problems: SweepProblem[] };

/** A sweep as the list shows it. */
export interface SweepSummary {
  id: string;
  spaceId: string;
  spaceName: string;
  startedAt: string;
  note: string;
  /** People counted in the zones observed; null when no zone was observed. */
  people: number | null;
  observed: number;
  zones: number;
}

/** A zone id on the space form is not one of the space's zones. */
export class UnknownZoneError extends Error {
  constructor(readonly zoneId: string) {
    super(`Zone ${zoneId} is not part of this space`);
  }
}

export interface SpaceUseDeps {
  db: Kysely<DB>;
  /** Milliseconds since the epoch; tests fix it to check the future limit. */
  clock?: () => number;
}

const SWEEPS_PAGE_SIZE = 25;

const toZone = (row: ZoneRow): Zone => ({
  id: row.id,
  name: row.name,
  capacity: Number(row.capacity),
  position: Number(row.position),
  layoutVersion: Number(row.layout_version),
});

const toSpace = (row: SpaceRow, zones: ZoneRow[]): Space => ({
  id: row.id,
  libraryId: row.library_id,
  name: row.name,
  position: Number(row.position),
  layoutVersion: Number(row.layout_version),
  zones: zones.filter((z) => z.space_id === row.id).map(toZone),
});

/**
 * Everything wrong with a sweep of a space, empty when it may be stored.
 * The one set of rules for the form and for devices syncing.
 */
export function sweepProblems(space: Space | undefined, input: SweepInput, now: number): SweepProblem[] {
  if (!space) return [{ reason: 'unknown-space' }];
  const problems: SweepProblem[] = [];
  if (Date.parse(input.startedAt) > now + FUTURE_ALLOWANCE_MS) problems.push({ reason: 'future' });
  const zones = new Map(space.zones.map((z) => [z.id, z]));
  for (const { zoneId, people } of input.counts) {
    const zone = zones.get(zoneId);
    if (!zone) problems.push({ reason: 'unknown-zone', zoneId });
    else if (people !== null && people < 0) problems.push({ reason: 'negative', zoneId });
    else if (people !== null && people > HIGH_COUNT_FACTOR * zone.capacity && !input.confirmedHigh) problems.push({ reason: 'unconfirmed-high', zoneId });
  }
  return problems;
}

/** True when a stored sweep says exactly what the record says (a copy of it, sent again). */
function sameSweep(row: SweepRow, counts: SweepCountRow[], input: SweepInput, libraryId: string): boolean {
  const stored = new Map(counts.map((c) => [c.zone_id, c.people === null ? null : Number(c.people)]));
  return (
    row.library_id === libraryId &&
    row.space_id === input.spaceId &&
    Date.parse(row.started_at) === Date.parse(input.startedAt) &&
    (row.ended_at === null ? input.endedAt === null : input.endedAt !== null && Date.parse(row.ended_at) === Date.parse(input.endedAt)) &&
    row.note === input.note &&
    stored.size === input.counts.length &&
    input.counts.every((c) => stored.has(c.zoneId) && stored.get(c.zoneId) === c.people)
  );
}

/**
 * Spaces, zones and sweeps of a library's space-use measurement. A sweep is
 * stored once by the id its device made: a copy sent again is acknowledged
 * as a duplicate, and a different sweep reusing an id is refused.
 */
export function createSpaceUseService({ db, clock = Date.now }: SpaceUseDeps) {
  const repo = createSpaceUseRepository(db);

  /** The library's space with its zones, or undefined (also for another library's space). */
  async function getSpace(libraryId: string, spaceId: string): Promise<Space | undefined> {
    const row = await repo.findSpace(libraryId, spaceId);
    return row && toSpace(row, await repo.listZones([row.id]));
  }

  /** Duplicate when the stored sweep is this record, otherwise a conflict. */
  async function compareWithStored(existing: SweepRow, libraryId: string, input: SweepInput): Promise<RecordOutcome> {
    const same = sameSweep(existing, await repo.listCounts(existing.id), input, libraryId);
    return same ? { status: 'duplicate' } : { status: 'refused', problems: [{ reason: 'conflict' }] };
  }

  return {
    getSpace,

    /** The current time (ISO) by the service's clock, for a form's default. */
    now: (): string => new Date(clock()).toISOString(),

    /** The library's spaces in their order, each with its zones. */
    async listSpaces(libraryId: string): Promise<Space[]> {
      const rows = await repo.listSpaces(libraryId);
      const zones = await repo.listZones(rows.map((r) => r.id));
      return rows.map((row) => toSpace(row, zones));
    },

    /** Adds a space after the library's others, with its zones in the order given. */
    async createSpace(libraryId: string, input: SpaceInput): Promise<Space> {
      const now = nowIso();
      const space: SpaceRow = {
        id: newId(),
        library_id: libraryId,
        name: input.name,
        position: await repo.countSpaces(libraryId),
        layout_version: 1,
        created_at: now,
        updated_at: now,
      };
      const zones = input.zones.map((z, position): ZoneRow => ({ id: newId(), space_id: space.id, name: z.name, capacity: z.capacity, position, layout_version: 1, created_at: now }));
      await repo.saveSpace(space, true, zones, []);
      return toSpace(space, zones);
    },

    /**
     * Renames a space and changes its zones: a zone given with its id keeps
     * it (so its series of counts continues), one without is added to the
     * current layout version. Zones left out stay as they are. Throws
     * UnknownZoneError for an id that is not one of the space's zones.
     */
    async updateSpace(space: Space, input: SpaceInput): Promise<Space> {
      const known = new Set(space.zones.map((z) => z.id));
      const unknown = input.zones.find((z) => z.id !== undefined && !known.has(z.id));
      if (unknown) throw new UnknownZoneError(unknown.id!);
      const now = nowIso();
      const changed = input.zones.flatMap((z, position) => (z.id ? [{ id: z.id, name: z.name, capacity: z.capacity, position }] : []));
      const added = input.zones.flatMap((z, position): ZoneRow[] =>
        z.id ? [] : [{ id: newId(), space_id: space.id, name: z.name, capacity: z.capacity, position, layout_version: space.layoutVersion, created_at: now }],
      );
      const row: SpaceRow = {
        id: space.id,
        library_id: space.libraryId,
        name: input.name,
        position: space.position,
        layout_version: space.layoutVersion,
        created_at: now,
        updated_at: now,
      };
      await repo.saveSpace(row, false, added, changed);
      return (await getSpace(space.libraryId, space.id))!;
    },

    /**
     * Checks and stores one sweep, in its own transaction, so a reply is
     * only ever built from what was committed. A sweep already stored with
     * this id is a duplicate when it says the same, and refused as a
     * conflict when it does not (or belongs to another library).
     */
    async recordSweep(libraryId: string, input: SweepInput, recordedBy: string | null): Promise<RecordOutcome> {
      const existing = await repo.findSweepAnywhere(input.id);
      if (existing) return await compareWithStored(existing, libraryId, input);
      const space = await getSpace(libraryId, input.spaceId);
      const problems = sweepProblems(space, input, clock());
      if (problems.length) return { status: 'refused', problems };
      const row: SweepRow = {
        id: input.id,
        library_id: libraryId,
        space_id: space!.id,
        layout_version: space!.layoutVersion,
        started_at: new Date(input.startedAt).toISOString(),
        ended_at: input.endedAt === null ? null : new Date(input.endedAt).toISOString(),
        recorded_by: recordedBy,
        note: input.note,
        created_at: nowIso(),
      };
      const counts = input.counts.map((c): SweepCountRow => ({ sweep_id: input.id, zone_id: c.zoneId, people: c.people }));
      if (await repo.insertSweep(row, counts)) return { status: 'stored' };
      // Another copy of the record was stored between the look-up and the insert.
      const stored = await repo.findSweepAnywhere(input.id);
      return stored ? await compareWithStored(stored, libraryId, input) : { status: 'refused', problems: [{ reason: 'conflict' }] };
    },

    /** A page (25 a page) of the library's sweeps, latest first. */
    async listSweeps(libraryId: string, page: number): Promise<Page<SweepSummary>> {
      const total = await repo.countSweeps(libraryId);
      return paginate(total, page, SWEEPS_PAGE_SIZE, async (limit, offset) =>
        (await repo.listSweeps(libraryId, limit, offset)).map((row) => ({
          id: row.id,
          spaceId: row.space_id,
          spaceName: row.space_name,
          startedAt: row.started_at,
          note: row.note,
          people: row.people === null ? null : Number(row.people),
          observed: Number(row.observed),
          zones: Number(row.zones),
        })),
      );
    },

    /** How many sweeps the library has stored. */
    countSweeps: (libraryId: string) => repo.countSweeps(libraryId),
  };
}

export type SpaceUseService = ReturnType<typeof createSpaceUseService>;
