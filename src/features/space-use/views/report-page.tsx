import { usePage } from '../../../ui/context';
import { BarChart } from '../../../ui/bar-chart';
import { formatDate, formatNumber } from '../../../i18n/format';
import { intlTag, type Locale, type Translate } from '../../../i18n';
import { ErrorSummary, Select, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { Table } from '../../../ui/table';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { PeriodSource, SpaceReport } from '../report-service';
import { reportRows, type ReportRow } from '../report-table';
import type { Space } from '../service';
import { reportCsvPath, reportPath, sweepsCsvPath } from '../report-urls';

/** A figure to one decimal place, with its sign when asked (a difference: "+4.3"). */
export function formatTenths(value: number, locale: Locale, signed = false): string {
  return new Intl.NumberFormat(intlTag(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

/**
 * The comparison in one plain sentence, or why there is none: a period with
 * no sweep at the shared hours has no mean, and one with a single sweep
 * cannot show how much sweeps vary, so it gets no interval.
 */
export function comparisonSentence(report: SpaceReport, space: Space, t: Translate, locale: Locale): string {
  const { before, after, difference, interval } = report.comparison;
  const nBefore = formatNumber(before.n, locale);
  const nAfter = formatNumber(after.n, locale);
  if (before.mean === undefined || after.mean === undefined || difference === undefined) return t('spaceReport.tooFew', { nBefore, nAfter });
  const place = report.zone ? t('spaceReport.place.zone', { zone: report.zone.name, space: space.name }) : space.name;
  const figures = {
    place,
    before: formatTenths(before.mean, locale),
    after: formatTenths(after.mean, locale),
    difference: formatTenths(difference, locale, true),
    nBefore,
    nAfter,
  };
  if (!interval) return t('spaceReport.sentence.noInterval', figures);
  return t('spaceReport.sentence', { ...figures, low: formatTenths(interval.low, locale, true), high: formatTenths(interval.high, locale, true) });
}

interface ReportPageProps {
  library: WorkspaceLibrary;
  space: Space;
  /** The periods and zone as shown in the form, with any problem by its field. */
  form: FormState;
  source: PeriodSource;
  /** Undefined when the periods chosen cannot be compared, or the space has no sweeps. */
  report: SpaceReport | undefined;
  hasSweeps: boolean;
}

/** A space's report: the form choosing periods and zone, the comparison, occupancy, the weekly series and downloads. */
export function ReportPage({ library, space, form, source, report, hasSweeps }: ReportPageProps) {
  const { t, locale } = usePage();
  const title = t('spaceReport.title', { space: space.name });
  const cell = (value: number | string | undefined, signed = false) =>
    value === undefined ? t('spaceReport.none') : typeof value === 'string' ? value : formatTenths(value, locale, signed);
  const value = (row: ReportRow, figure: number | string | undefined) => (row.whole && typeof figure === 'number' ? formatNumber(figure, locale) : cell(figure));
  const query = Object.fromEntries(Object.entries(form.values).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  return (
    <WorkspaceLayout library={library} section="space-use" title={title} lead={t('spaceReport.lead')}>
      <ErrorSummary form={form} />
      <form method="get" action={reportPath(library, space.id)} class="filters" aria-label={t('spaceReport.form.label')}>
        <TextField form={form} name="beforeFrom" type="date" width="short" label={t('spaceReport.field.beforeFrom')} />
        <TextField form={form} name="beforeTo" type="date" width="short" label={t('spaceReport.field.beforeTo')} />
        <TextField form={form} name="afterFrom" type="date" width="short" label={t('spaceReport.field.afterFrom')} />
        <TextField form={form} name="afterTo" type="date" width="short" label={t('spaceReport.field.afterTo')} />
        {space.zones.length > 1 && (
          <Select
            form={form}
            name="zone"
            label={t('spaceReport.field.zone')}
            emptyLabel={t('spaceReport.field.allZones')}
            options={space.zones.map((z) => ({ value: z.id, label: z.name }))}
          />
        )}
        <div class="field">
          <SubmitButton variant="secondary">{t('spaceReport.submit')}</SubmitButton>
        </div>
      </form>
      {!hasSweeps && <p class="empty">{t('spaceReport.noSweeps')}</p>}
      <p>
        {source.kind === 'milestone'
          ? t('spaceReport.source.milestone', { milestone: source.milestone.title, date: formatDate(source.milestone.dueOn, locale) })
          : t(source.kind === 'halves' ? 'spaceReport.source.halves' : 'spaceReport.source.chosen')}
      </p>
      {report && (
        <>
          <h2>{t('spaceReport.comparison.heading')}</h2>
          <p class="report-sentence">{comparisonSentence(report, space, t, locale)}</p>
          <Table<ReportRow>
            caption={t('spaceReport.table.caption')}
            rows={reportRows(report, t)}
            rowKey={(row) => row.key}
            empty={t('spaceReport.weeks.empty')}
            columns={[
              { header: t('spaceReport.column.measure'), cell: (row) => row.measure },
              { header: t('spaceReport.column.before'), numeric: true, cell: (row) => value(row, row.before) },
              { header: t('spaceReport.column.after'), numeric: true, cell: (row) => value(row, row.after) },
              { header: t('spaceReport.column.difference'), numeric: true, cell: (row) => cell(row.difference, true) },
              { header: t('spaceReport.column.low'), numeric: true, cell: (row) => cell(row.low, true) },
              { header: t('spaceReport.column.high'), numeric: true, cell: (row) => cell(row.high, true) },
            ]}
          />
          <h2>{t('spaceReport.weeks.heading')}</h2>
          {report.weeks.length > 0 && (
            <BarChart bars={report.weeks.map((w) => ({ label: formatDate(w.week, locale), value: w.mean, valueText: formatTenths(w.mean, locale) }))} />
          )}
          <Table
            caption={t('spaceReport.weeks.caption')}
            rows={report.weeks}
            rowKey={(w) => w.week}
            empty={t('spaceReport.weeks.empty')}
            columns={[
              { header: t('spaceReport.column.week'), cell: (w) => formatDate(w.week, locale) },
              { header: t('spaceReport.column.sweeps'), numeric: true, cell: (w) => formatNumber(w.sweeps, locale) },
              { header: t('spaceReport.column.mean'), numeric: true, cell: (w) => formatTenths(w.mean, locale) },
            ]}
          />
        </>
      )}
      <h2>{t('spaceReport.downloads.heading')}</h2>
      <ul>
        {report && (
          <li>
            <a href={reportCsvPath(library, space.id, query)}>{t('spaceReport.downloads.report')}</a>
          </li>
        )}
        <li>
          <a href={sweepsCsvPath(library, space.id)}>{t('spaceReport.downloads.sweeps', { space: space.name })}</a>
        </li>
      </ul>
    </WorkspaceLayout>
  );
}
