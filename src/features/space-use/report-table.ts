import type { Translate } from '../../i18n';
import type { CsvCell } from '../../ui/csv';
import type { Period, SpaceReport } from './report-service';

/** One row of the report's table: a measure, its value in each period, and the change where one is worked out. */
export interface ReportRow {
  key: string;
  measure: string;
  /** The values are numbers of sweeps, shown without decimals. */
  whole?: boolean;
  before: number | string | undefined;
  after: number | string | undefined;
  difference?: number | undefined;
  low?: number | undefined;
  high?: number | undefined;
}

/**
 * The report's figures as rows, for the page's table and the CSV alike, so
 * the two never disagree. Numbers are left unrounded; the page rounds them
 * for reading.
 */
export function reportRows(report: SpaceReport, t: Translate): ReportRow[] {
  const range = (p: Period) => t('spaceReport.periodRange', { from: p.from, to: p.to });
  const { comparison } = report;
  return [
    { key: 'period', measure: t('spaceReport.row.period'), before: range(report.periods.before), after: range(report.periods.after) },
    { key: 'sweepsInPeriod', measure: t('spaceReport.row.sweepsInPeriod'), whole: true, before: report.sweepsInPeriod.before, after: report.sweepsInPeriod.after },
    { key: 'sweeps', measure: t('spaceReport.row.sweeps'), whole: true, before: comparison.before.n, after: comparison.after.n },
    {
      key: 'mean',
      measure: t('spaceReport.row.mean'),
      before: comparison.before.mean,
      after: comparison.after.mean,
      difference: comparison.difference,
      low: comparison.interval?.low,
      high: comparison.interval?.high,
    },
    ...report.occupancy.map((o) => ({
      key: `occupancy-${o.zone.id}`,
      measure: t('spaceReport.row.occupancy', { zone: o.zone.name, capacity: o.zone.capacity }),
      before: o.before,
      after: o.after,
      difference: o.before !== undefined && o.after !== undefined ? o.after - o.before : undefined,
    })),
  ];
}

/** The report's table as CSV rows, header first. */
export function reportCsv(report: SpaceReport, t: Translate): CsvCell[][] {
  return [
    [
      t('spaceReport.column.measure'),
      t('spaceReport.column.before'),
      t('spaceReport.column.after'),
      t('spaceReport.column.difference'),
      t('spaceReport.column.low'),
      t('spaceReport.column.high'),
    ],
    ...reportRows(report, t).map((r) => [r.measure, r.before, r.after, r.difference, r.low, r.high]),
  ];
}
