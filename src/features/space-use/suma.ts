import { CsvError, parse } from 'csv-parse/sync';
import { Temporal } from 'temporal-polyfill';

/**
 * Reading Suma's two raw-data CSV downloads: the "truly raw" export (one
 * table) and the "raw data" report (a title, a date range and a report name,
 * then one block per day, each with its own header line). Suma's analysis
 * tool writes them; see the README beside the sample files for the layout.
 *
 * Parsing never throws on bad content: every row that cannot be read becomes
 * a problem with its line number, and the rows that could be read are kept,
 * so the caller can refuse the whole file or import only the good rows.
 */

/** The columns every Suma raw-data table starts with; the activities follow. */
const FIXED_COLUMNS = ['Count Date', 'Session Start', 'Session End', 'Count ID', 'Session ID', 'Location'] as const;

const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[1-9]\d*$/;
const COUNT = /^(0|[1-9]\d*)$/;
/** "Main Library-Reading Room, North (id:5)": the ancestry below the root, then the leaf's id. */
const LOCATION = /^(.+) \(id:([1-9]\d*)\)$/s;

/** Which of Suma's two downloads a file is. */
export type SumaLayout = 'unprocessed' | 'report';

/** A Suma location (a zone), as named in the file. */
export interface SumaLocation {
  id: number;
  /** The whole ancestry below the initiative's root, joined by "-": "Main Library-Reading Room, North". */
  title: string;
  /**
   * The part after the last "-": "Reading Room, North". Suma joins the
   * ancestry with "-" without escaping it, so a title that itself holds a
   * "-" is cut there too; the full title is kept for the mapping step.
   */
  leafTitle: string;
}

/** One count action: a tap (or a multi-count) in Suma's client, or a 0 placeholder. */
export interface SumaCountAction {
  countId: number;
  sessionId: number;
  /** When the tap was made: local wall-clock time "YYYY-MM-DD HH:MM:SS", no zone. */
  countedAt: string;
  sessionStart: string;
  sessionEnd: string;
  locationId: number;
  /** The activities the action was tagged with, in column order. */
  activities: string[];
  /** People counted; 0 for a placeholder ("looked, nobody there"). */
  count: number;
}

/** What went wrong on a line; the caller words it (and translates it). */
export type SumaProblemCode =
  /** No header line (`Count Date,Session Start,…`) anywhere: not a Suma raw-data export. */
  | 'no-header'
  /** A header line whose first columns are not Suma's. */
  | 'bad-header'
  /** A line before the first header that is not one of the report's metadata lines. */
  | 'unknown-line'
  /** The CSV itself is broken (an unclosed or stray quote); nothing from this line on is read. */
  | 'broken-quoting'
  | 'column-count'
  | 'bad-date'
  | 'bad-id'
  | 'bad-location'
  /** An activity cell that is not a whole number (or, in the report layout, not 1). */
  | 'bad-count'
  /** Activity cells of one row that hold different numbers, though they belong to one count. */
  | 'mixed-counts'
  | 'duplicate-count-id'
  /** A row of a session whose start or end differs from the session's first row. */
  | 'session-times-differ';

/** A line that could not be read, with what was found there. */
export interface SumaProblem {
  /** 1-based line number in the file. */
  line: number;
  code: SumaProblemCode;
  /** The column concerned, when there is one. */
  column?: string;
  /** The text found (a cell, or csv-parse's error code for broken quoting). */
  value?: string;
  /** For column-count: how many columns the header has and how many the line has. */
  expected?: number;
  found?: number;
}

/** Everything read from one file. */
export interface SumaExport {
  layout: SumaLayout;
  /** The initiative's title, which only the report layout carries. */
  initiativeTitle: string | undefined;
  /** Every location the rows name, by id. */
  locations: SumaLocation[];
  /** The activity column names, in the order the file gives them. */
  activities: string[];
  /**
   * False when no row carries an activity value: an initiative without
   * activities. Each row is then taken as a count of 1, since the file does
   * not say which rows were 0 placeholders; the caller should say so.
   */
  activityTagged: boolean;
  /**
   * Count actions in file order. In the report layout a tagged cell holds 1
   * instead of the count's number, so each action counts 1 there (Suma's
   * client records 1 per tap unless its multi-count setting is on).
   */
  counts: SumaCountAction[];
  problems: SumaProblem[];
}

/** A parsed CSV record with the line it ends on. */
interface NumberedRecord {
  line: number;
  cells: string[];
}

/** A row whose fixed columns were read, before its count is known. */
interface ReadRow {
  line: number;
  action: Omit<SumaCountAction, 'count'>;
  location: SumaLocation;
  /** The non-empty activity cells. */
  values: string[];
}

/**
 * Reads a Suma raw-data export of either layout, recognised by its first
 * line. A byte-order mark and \r\n line ends are accepted.
 */
export function parseSumaExport(text: string): SumaExport {
  const problems: SumaProblem[] = [];
  const records = readRecords(text, problems);
  const layout: SumaLayout = records[0] && isHeaderLike(records[0].cells) ? 'unprocessed' : 'report';
  if (!records.some((record) => isHeaderLike(record.cells))) {
    if (problems.length === 0) problems.push({ line: 1, code: 'no-header' });
    return { layout, initiativeTitle: undefined, locations: [], activities: [], activityTagged: false, counts: [], problems };
  }

  const { metadata, activities, rows } = readLines(records, layout, problems);
  const activityTagged = rows.some((row) => row.values.length > 0);
  const counts = withConsistentSessions(withoutDuplicateIds(rows, problems), problems).flatMap((row) => {
    const count = countOf(row, layout, activityTagged, problems);
    return count === undefined ? [] : [{ ...row.action, count }];
  });
  problems.sort((a, b) => a.line - b.line);
  return {
    layout,
    initiativeTitle: layout === 'report' ? metadata[0] : undefined,
    locations: locationsOf(rows),
    activities,
    activityTagged,
    counts,
    problems,
  };
}

/**
 * Walks the records: header lines, data rows and, in the report layout, the
 * metadata lines before the first header and the day line before each
 * day's block. Each data row is read against the header above it.
 */
function readLines(records: NumberedRecord[], layout: SumaLayout, problems: SumaProblem[]) {
  const metadata: string[] = [];
  const activities: string[] = [];
  const rows: ReadRow[] = [];
  let header: string[] | undefined;
  let seenHeader = false;
  for (const record of records) {
    const { line, cells } = record;
    const single = layout === 'report' && cells.length === 1 ? (cells[0] ?? '') : undefined;
    if (isHeaderLike(cells)) {
      seenHeader = true;
      header = readHeader(record, problems);
      for (const name of header?.slice(FIXED_COLUMNS.length) ?? []) if (!activities.includes(name)) activities.push(name);
    } else if (single !== undefined && DAY.test(single)) {
      // A day line opens the next day's block, whose own header line follows.
      header = undefined;
    } else if (single !== undefined && !seenHeader) {
      metadata.push(single);
    } else if (!header) {
      problems.push({ line, code: 'unknown-line', value: cells.join(',') });
    } else if (cells.length !== header.length) {
      problems.push({ line, code: 'column-count', expected: header.length, found: cells.length });
    } else {
      const row = readRow(record, header, problems);
      if (row) rows.push(row);
    }
  }
  return { metadata, activities, rows };
}

/**
 * The CSV records with their line numbers. csv-parse counts a quoted \r\n
 * as two lines, so line ends are made \n first. Broken quoting stops the
 * parse: csv-parse cannot find where the next record starts, so nothing is
 * read and the caller is told where the file breaks.
 */
function readRecords(text: string, problems: SumaProblem[]): NumberedRecord[] {
  try {
    const parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // The type declarations do not model `info: true`, which wraps each record.
    }) as unknown as { info: { lines: number }; record: string[] }[];
    return parsed.map(({ info, record }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    problems.push({ line, code: 'broken-quoting', value: error.code });
    return [];
  }
}

function isHeaderLike(cells: string[]): boolean {
  return cells[0] === FIXED_COLUMNS[0] && cells.length > 1;
}

/** The header's columns, or undefined (and a problem) when its fixed columns are not Suma's. */
function readHeader({ line, cells }: NumberedRecord, problems: SumaProblem[]): string[] | undefined {
  if (FIXED_COLUMNS.every((name, i) => cells[i] === name)) return cells;
  problems.push({ line, code: 'bad-header', value: cells.slice(0, FIXED_COLUMNS.length).join(',') });
  return undefined;
}

/** A data row's fixed columns and its non-empty activity cells, or undefined (and problems) when they cannot be read. */
function readRow({ line, cells }: NumberedRecord, header: string[], problems: SumaProblem[]): ReadRow | undefined {
  const [countedAt, sessionStart, sessionEnd] = [0, 1, 2].map((i) => dateTimeCell(line, header, cells, i, problems));
  const [countId, sessionId] = [3, 4].map((i) => idCell(line, header, cells, i, problems));
  const location = locationCell(line, cells[5] ?? '', problems);
  if (!countedAt || !sessionStart || !sessionEnd || !countId || !sessionId || !location) return undefined;
  const tagged = header.flatMap((_, i) => (i >= FIXED_COLUMNS.length && cells[i] !== '' ? [i] : []));
  return {
    line,
    action: {
      countId,
      sessionId,
      countedAt,
      sessionStart,
      sessionEnd,
      locationId: location.id,
      activities: tagged.map((i) => header[i] ?? ''),
    },
    location,
    values: tagged.map((i) => cells[i] ?? ''),
  };
}

function dateTimeCell(line: number, header: string[], cells: string[], i: number, problems: SumaProblem[]): string | undefined {
  const value = cells[i] ?? '';
  if (isDateTime(value)) return value;
  problems.push({ line, code: 'bad-date', column: header[i], value });
  return undefined;
}

/** True for a real local date and time written "YYYY-MM-DD HH:MM:SS" (so 2018-02-30 is refused). */
function isDateTime(text: string): boolean {
  if (!DATE_TIME.test(text)) return false;
  try {
    Temporal.PlainDateTime.from(text.replace(' ', 'T'), { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

function idCell(line: number, header: string[], cells: string[], i: number, problems: SumaProblem[]): number | undefined {
  const value = cells[i] ?? '';
  if (ID.test(value)) return Number(value);
  problems.push({ line, code: 'bad-id', column: header[i], value });
  return undefined;
}

function locationCell(line: number, value: string, problems: SumaProblem[]): SumaLocation | undefined {
  const match = LOCATION.exec(value);
  if (!match?.[1] || !match[2]) {
    problems.push({ line, code: 'bad-location', column: 'Location', value });
    return undefined;
  }
  const title = match[1];
  return { id: Number(match[2]), title, leafTitle: title.slice(title.lastIndexOf('-') + 1) };
}

/** The rows with each Count ID's first row only; every later one is a problem. */
function withoutDuplicateIds(rows: ReadRow[], problems: SumaProblem[]): ReadRow[] {
  const seen = new Set<number>();
  return rows.filter(({ line, action }) => {
    if (seen.has(action.countId)) {
      problems.push({ line, code: 'duplicate-count-id', column: 'Count ID', value: String(action.countId) });
      return false;
    }
    seen.add(action.countId);
    return true;
  });
}

/**
 * The rows whose session start and end agree with their session's first
 * row; every other one is a problem, since a sweep has one start and end.
 */
function withConsistentSessions(rows: ReadRow[], problems: SumaProblem[]): ReadRow[] {
  const first = new Map<number, ReadRow['action']>();
  return rows.filter(({ line, action }) => {
    const session = first.get(action.sessionId) ?? action;
    first.set(action.sessionId, session);
    if (session.sessionStart === action.sessionStart && session.sessionEnd === action.sessionEnd) return true;
    problems.push({ line, code: 'session-times-differ', column: 'Session ID', value: String(action.sessionId) });
    return false;
  });
}

/**
 * The number of people a row counts. The number sits under each activity
 * the count was tagged with, so an untagged row in a tagged file is a 0
 * placeholder; in a file without activities every row counts 1.
 */
function countOf(row: ReadRow, layout: SumaLayout, activityTagged: boolean, problems: SumaProblem[]): number | undefined {
  if (row.values.length === 0) return activityTagged ? 0 : 1;
  const bad = row.values.findIndex((value) => (layout === 'report' ? value !== '1' : !COUNT.test(value)));
  if (bad >= 0) {
    problems.push({ line: row.line, code: 'bad-count', column: row.action.activities[bad], value: row.values[bad] });
    return undefined;
  }
  if (new Set(row.values).size > 1) {
    problems.push({ line: row.line, code: 'mixed-counts', value: row.values.join(',') });
    return undefined;
  }
  return Number(row.values[0]);
}

/** The locations named by the rows, one per id (its first title), by id. */
function locationsOf(rows: ReadRow[]): SumaLocation[] {
  const byId = new Map<number, SumaLocation>();
  for (const { location } of rows) if (!byId.has(location.id)) byId.set(location.id, location);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/** The people seen in one location during one session (one sweep of one zone). */
export interface SumaSweep {
  sessionId: number;
  sessionStart: string;
  sessionEnd: string;
  locationId: number;
  /** The sum of the location's count actions in the session; 0 when it holds only placeholders. */
  people: number;
  /** How many count actions (placeholders included) made it up. */
  countActions: number;
  /** People per activity, for the activity mix; a person tagged with two activities counts in both. */
  byActivity: Record<string, number>;
}

/**
 * Groups count actions into sweeps: one per session and location, ordered
 * by session start, session and location. A location that was selected but
 * held nobody appears with 0 people; one never selected does not appear
 * (not observed).
 */
export function sweepsOf(counts: SumaCountAction[]): SumaSweep[] {
  const sweeps = new Map<string, SumaSweep>();
  for (const action of counts) {
    const key = `${action.sessionId}/${action.locationId}`;
    const sweep = sweeps.get(key) ?? emptySweep(action);
    sweeps.set(key, sweep);
    sweep.people += action.count;
    sweep.countActions += 1;
    for (const name of action.activities) sweep.byActivity[name] = (sweep.byActivity[name] ?? 0) + action.count;
  }
  return [...sweeps.values()].sort(
    (a, b) => compareText(a.sessionStart, b.sessionStart) || a.sessionId - b.sessionId || a.locationId - b.locationId,
  );
}

/** Orders "YYYY-MM-DD HH:MM:SS" text by code unit, which is time order, whatever the locale. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function emptySweep({ sessionId, sessionStart, sessionEnd, locationId }: SumaCountAction): SumaSweep {
  return { sessionId, sessionStart, sessionEnd, locationId, people: 0, countActions: 0, byActivity: {} };
}
