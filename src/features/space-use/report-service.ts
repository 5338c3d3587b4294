import type { Kysely } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import type { DB } from '../../db/types';
import { addDays, isCalendarDate, startOfDay } from '../../i18n/time';
import { createSpaceReportRepository, type SweepTotalRow } from './report-repository';
import type { Space, Zone } from './service';
import { compareBeforeAfter, comparableSweeps, hourOfWeek, mean, occupancyPercent, type BeforeAfter } from './statistics';

/** Calendar days (YYYY-MM-DD) in the library's time zone, both included. */
export interface Period {
  from: string;
  to: string;
}

export interface Periods {
  before: Period;
  after: Period;
}

/** A plan milestone as the report needs it. */
export interface MilestoneDate {
  title: string;
  /** YYYY-MM-DD. */
  dueOn: string;
}

/** Where the default periods came from, so the page can say it. */
export type PeriodSource = { kind: 'milestone'; milestone: MilestoneDate } | { kind: 'halves' } | { kind: 'chosen' };

/** A milestone whose title speaks of the transformation (English or Spanish: "transform…", "transforma…"). */
const TRANSFORMATION = /transform/i;

/**
 * The periods a report shows until someone chooses others: before and after
 * the first plan milestone that names the transformation and falls inside
 * the sweeps' dates, otherwise the first and second half of those dates.
 * `range` is the first and last day with a sweep (today twice when none).
 */
export function defaultPeriods(range: Period, milestones: readonly MilestoneDate[]): { periods: Periods; source: PeriodSource } {
  const milestone = [...milestones]
    .filter((m) => TRANSFORMATION.test(m.title) && m.dueOn > range.from && m.dueOn <= range.to)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title))[0];
  if (milestone) {
    return {
      periods: { before: { from: range.from, to: addDays(milestone.dueOn, -1) }, after: { from: milestone.dueOn, to: range.to } },
      source: { kind: 'milestone', milestone },
    };
  }
  const days = Temporal.PlainDate.from(range.from).until(Temporal.PlainDate.from(range.to)).days;
  const middle = addDays(range.from, Math.floor(days / 2));
  // Sweeps on a single day leave no second half: the after period is then the day after, and empty.
  const afterTo = middle === range.to ? addDays(range.to, 1) : range.to;
  return { periods: { before: { from: range.from, to: middle }, after: { from: addDays(middle, 1), to: afterTo } }, source: { kind: 'halves' } };
}

/** What is wrong with chosen periods: a period ending before it starts, or the two overlapping. */
export type PeriodProblem = 'before-order' | 'after-order' | 'overlap';

/** The problems of two periods, empty when they can be compared. */
export function periodProblems({ before, after }: Periods): PeriodProblem[] {
  const problems: PeriodProblem[] = [];
  if (before.from > before.to) problems.push('before-order');
  if (after.from > after.to) problems.push('after-order');
  if (problems.length === 0 && before.from <= after.to && after.from <= before.to) problems.push('overlap');
  return problems;
}

/** The days a period may start or end on: wide enough for old records, narrow enough that a day after the last is still written YYYY-MM-DD. */
const FIRST_DAY = '1900-01-01';
const LAST_DAY = '2999-12-31';

/** A day of the query when it is a real day in range, otherwise undefined (the default is used). */
export const dayOf = (value: unknown): string | undefined =>
  typeof value === 'string' && isCalendarDate(value) && value >= FIRST_DAY && value <= LAST_DAY ? value : undefined;

/** One zone's occupancy in each period: mean people when observed, as a percentage of its capacity. */
export interface ZoneOccupancy {
  zone: Zone;
  before: number | undefined;
  after: number | undefined;
}

/** The mean people per sweep in one week (starting Monday, by the library's clock). */
export interface WeekMean {
  /** The Monday, YYYY-MM-DD. */
  week: string;
  sweeps: number;
  mean: number;
}

/** A report on one space over two periods. */
export interface SpaceReport {
  periods: Periods;
  /** The zone the report is limited to, if any. */
  zone: Zone | undefined;
  /** Sweeps in each period before keeping only the shared hours of the week. */
  sweepsInPeriod: { before: number; after: number };
  /** People per sweep at the hours of the week both periods have. */
  comparison: BeforeAfter;
  hoursOfWeek: number[];
  occupancy: ZoneOccupancy[];
  weeks: WeekMean[];
}

/** The Monday (YYYY-MM-DD) of the week an instant falls in, on a zone's wall clock. */
export function weekOf(instant: string, timeZone: string): string {
  const day = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate();
  return day.subtract({ days: day.dayOfWeek - 1 }).toString();
}

/** The UTC window `[start of from, start of the day after to)` of a period in a zone. */
function windowOf(period: Period, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(period.from, timeZone)!, to: startOfDay(addDays(period.to, 1), timeZone)! };
}

/** Mean people per sweep per week, in week order. */
function weeklyMeans(totals: readonly SweepTotalRow[], timeZone: string): WeekMean[] {
  const byWeek = new Map<string, number[]>();
  for (const sweep of totals) {
    const week = weekOf(sweep.started_at, timeZone);
    byWeek.set(week, [...(byWeek.get(week) ?? []), sweep.people]);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([week, people]) => ({ week, sweeps: people.length, mean: mean(people)! }));
}

/** A raw sweep of the export: when, and people per zone of the space (null: not observed or no row). */
export interface RawSweep {
  id: string;
  startedAt: string;
  layoutVersion: number;
  note: string;
  people: Array<number | null>;
}

const EXPORT_BATCH = 500;

/**
 * Reports on a space's sweeps: people per sweep before and after, at the
 * same hours of the week, occupancy per zone, a weekly series, and the raw
 * sweeps for export.
 */
export function createSpaceReportService({ db }: { db: Kysely<DB> }) {
  const repo = createSpaceReportRepository(db);

  return {
    /** The first and last day (in the zone) with a sweep of the space, or undefined. */
    async sweepDays(libraryId: string, spaceId: string, timeZone: string): Promise<Period | undefined> {
      const range = await repo.sweepRange(libraryId, spaceId);
      const day = (iso: string) => Temporal.Instant.from(iso).toZonedDateTimeISO(timeZone).toPlainDate().toString();
      return range && { from: day(range.first), to: day(range.last) };
    },

    /** The report on a space over two periods (see periodProblems first), optionally for one zone. */
    async report(libraryId: string, space: Space, timeZone: string, periods: Periods, zone: Zone | undefined): Promise<SpaceReport> {
      const scope = { libraryId, spaceId: space.id, zoneId: zone?.id };
      const before = { ...scope, ...windowOf(periods.before, timeZone) };
      const after = { ...scope, ...windowOf(periods.after, timeZone) };
      const [totalsBefore, totalsAfter, zonesBefore, zonesAfter] = await Promise.all([
        repo.sweepTotals(before),
        repo.sweepTotals(after),
        repo.zoneTotals(before),
        repo.zoneTotals(after),
      ]);
      const atHour = (rows: SweepTotalRow[]) => rows.map((row) => ({ ...row, hourOfWeek: hourOfWeek(row.started_at, timeZone) }));
      const comparable = comparableSweeps(atHour(totalsBefore), atHour(totalsAfter));
      const percent = (rows: typeof zonesBefore, z: Zone) => {
        const row = rows.find((r) => r.zone_id === z.id);
        return row && row.observed > 0 ? occupancyPercent(row.people / row.observed, z.capacity) : undefined;
      };
      return {
        periods,
        zone,
        sweepsInPeriod: { before: totalsBefore.length, after: totalsAfter.length },
        comparison: compareBeforeAfter(
          comparable.before.map((s) => s.people),
          comparable.after.map((s) => s.people),
        ),
        hoursOfWeek: comparable.hoursOfWeek,
        occupancy: (zone ? [zone] : space.zones).map((z) => ({ zone: z, before: percent(zonesBefore, z), after: percent(zonesAfter, z) })),
        weeks: weeklyMeans([...totalsBefore, ...totalsAfter], timeZone),
      };
    },

    /** Every sweep of the space, oldest first, read in batches as the export is written. */
    async *rawSweeps(libraryId: string, space: Space): AsyncGenerator<RawSweep> {
      let position: { started_at: string; id: string } | undefined;
      for (;;) {
        const { sweeps, counts } = await repo.sweepsAfter(libraryId, space.id, position, EXPORT_BATCH);
        const bySweep = new Map<string, Map<string, number | null>>();
        for (const c of counts) {
          if (!bySweep.has(c.sweep_id)) bySweep.set(c.sweep_id, new Map());
          bySweep.get(c.sweep_id)!.set(c.zone_id, c.people === null ? null : Number(c.people));
        }
        for (const sweep of sweeps) {
          const people = bySweep.get(sweep.id) ?? new Map<string, number | null>();
          yield { id: sweep.id, startedAt: sweep.started_at, layoutVersion: Number(sweep.layout_version), note: sweep.note, people: space.zones.map((z) => people.get(z.id) ?? null) };
        }
        if (sweeps.length < EXPORT_BATCH) return;
        position = sweeps[sweeps.length - 1];
      }
    },
  };
}

export type SpaceReportService = ReturnType<typeof createSpaceReportService>;
