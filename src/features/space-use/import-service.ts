import type { Kysely } from 'kysely';
import { v5 as uuidv5 } from 'uuid';
import type { DB } from '../../db/types';
import { newToken } from '../../db/ids';
import { localToUtc } from '../../i18n/time';
import type { RecordOutcome, Space, SpaceUseService, SweepInput } from './service';
import { parseSumaExport, sweepsOf, type SumaExport } from './suma';

/** How long an uploaded file waits for its mapping step before it must be uploaded again. */
export const STAGED_IMPORT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The namespace of the per-library namespaces sweep ids are made in (a fixed,
 * random UUID): a library's Suma session always gets the same sweep id, and
 * two libraries' sessions never share one.
 */
const SUMA_NAMESPACE = '6f0c8b51-3f4e-4d0a-9a55-7b1f2d9c6e21';

/** Where each Suma location's counts go: a zone id of the space, or null to skip the location. */
export type LocationMapping = ReadonlyMap<number, string | null>;

/** The sweep id of a Suma session imported into a library; the same session always gives the same id. */
export function sumaSweepId(libraryId: string, sessionId: number): string {
  return uuidv5(`suma-session:${sessionId}`, uuidv5(libraryId, SUMA_NAMESPACE));
}

/** "YYYY-MM-DD HH:MM:SS" in a zone as a UTC instant (the parser has checked it is a real date and time). */
function utcOf(wall: string, timeZone: string): string {
  const instant = localToUtc(wall.replace(' ', 'T'), timeZone);
  if (!instant) throw new Error(`Unreadable Suma time ${wall}`);
  return instant;
}

/**
 * One sweep per Suma session, with a count for every zone some location is
 * mapped to: the sum of its mapped locations' people when at least one of
 * them was selected in the session, and null (not observed) when none was.
 * A session none of whose locations is mapped is left out: it says nothing
 * about this space. Sweeps are ordered by session start, then session.
 */
export function sweepInputsOf(libraryId: string, space: Space, parsed: SumaExport, mapping: LocationMapping, timeZone: string): SweepInput[] {
  const zones = [...new Set([...mapping.values()].filter((zone): zone is string => zone !== null))];
  const sessions = new Map<number, { start: string; end: string; people: Map<string, number> }>();
  for (const sweep of sweepsOf(parsed.counts)) {
    const session = sessions.get(sweep.sessionId) ?? { start: sweep.sessionStart, end: sweep.sessionEnd, people: new Map<string, number>() };
    sessions.set(sweep.sessionId, session);
    const zone = mapping.get(sweep.locationId);
    if (zone) session.people.set(zone, (session.people.get(zone) ?? 0) + sweep.people);
  }
  return [...sessions].flatMap(([sessionId, session]) =>
    session.people.size === 0
      ? []
      : [
          {
            id: sumaSweepId(libraryId, sessionId),
            spaceId: space.id,
            startedAt: utcOf(session.start, timeZone),
            endedAt: utcOf(session.end, timeZone),
            // Not translated: the same session must say the same whoever imports it.
            note: `Suma ${sessionId}`,
            counts: zones.map((zoneId) => ({ zoneId, people: session.people.get(zoneId) ?? null })),
            // Counts far above capacity were counted and kept in Suma already; the preview showed them.
            confirmedHigh: true,
          },
        ],
  );
}

/** What one import did, sweep by sweep. */
export interface ImportSummary {
  stored: number;
  /** Sessions imported before with the same counts: nothing was added. */
  duplicate: number;
  /** Sessions imported before with other counts (another mapping or space), or otherwise refused; left as they were. */
  refused: number;
}

/** An uploaded file waiting for its mapping step, read again. */
export interface StagedImport {
  id: string;
  parsed: SumaExport;
}

export interface SumaImportDeps {
  db: Kysely<DB>;
  spaceUse: SpaceUseService;
  /** Milliseconds since the epoch; tests move it to expire staged files. */
  clock?: () => number;
}

/**
 * Importing Suma raw-data exports into a space: the uploaded text waits in
 * a short-lived row between the upload and the mapping step, and each
 * session becomes one sweep stored through the space-use service, by an id
 * made from the session, so a file imported again adds nothing.
 */
export function createSumaImportService({ db, spaceUse, clock = Date.now }: SumaImportDeps) {
  const expiredBefore = () => new Date(clock() - STAGED_IMPORT_TTL_MS).toISOString();

  return {
    /** Keeps an uploaded file for its mapping step and returns its key; files past their age are removed first. */
    async stage(libraryId: string, spaceId: string, content: string, createdBy: string | null): Promise<string> {
      await db.deleteFrom('space_use_imports').where('created_at', '<', expiredBefore()).execute();
      const id = newToken();
      await db
        .insertInto('space_use_imports')
        .values({ id, library_id: libraryId, space_id: spaceId, content, created_by: createdBy, created_at: new Date(clock()).toISOString() })
        .execute();
      return id;
    },

    /** The staged file of this library's space under `id`, parsed; undefined when unknown, expired or another space's. */
    async staged(libraryId: string, spaceId: string, id: string): Promise<StagedImport | undefined> {
      const row = await db
        .selectFrom('space_use_imports')
        .select(['id', 'content'])
        .where('id', '=', id)
        .where('library_id', '=', libraryId)
        .where('space_id', '=', spaceId)
        .where('created_at', '>=', expiredBefore())
        .executeTakeFirst();
      return row && { id: row.id, parsed: parseSumaExport(row.content) };
    },

    /**
     * Stores one sweep per session (see `sweepInputsOf`), each in its own
     * transaction through the space-use service, then forgets the staged file.
     */
    async importStaged(
      libraryId: string,
      space: Space,
      staged: StagedImport,
      mapping: LocationMapping,
      timeZone: string,
      recordedBy: string | null,
    ): Promise<ImportSummary> {
      const summary: ImportSummary = { stored: 0, duplicate: 0, refused: 0 };
      const tally = ({ status }: RecordOutcome) => {
        summary[status === 'stored' ? 'stored' : status === 'duplicate' ? 'duplicate' : 'refused'] += 1;
      };
      for (const input of sweepInputsOf(libraryId, space, staged.parsed, mapping, timeZone)) {
        tally(await spaceUse.recordSweep(libraryId, input, recordedBy));
      }
      await db.deleteFrom('space_use_imports').where('id', '=', staged.id).execute();
      return summary;
    },
  };
}

export type SumaImportService = ReturnType<typeof createSumaImportService>;

/** What the preview shows of a file before anything is imported. */
export interface ImportPreview {
  /** The first and last day a session started on (YYYY-MM-DD), when there are counts. */
  from: string | undefined;
  to: string | undefined;
  sessions: number;
  countActions: number;
}

/** The dates, sessions and count actions of a parsed file. */
export function previewOf(parsed: SumaExport): ImportPreview {
  const days = parsed.counts.map((c) => c.sessionStart.slice(0, 10)).sort();
  return {
    from: days[0],
    to: days[days.length - 1],
    sessions: new Set(parsed.counts.map((c) => c.sessionId)).size,
    countActions: parsed.counts.length,
  };
}
