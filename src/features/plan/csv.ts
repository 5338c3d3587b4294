import type { Translate } from '../../i18n';
import type { CsvCell } from '../../ui/csv';
import { centsToDollars } from './schema';
import { STATUS_LABELS, type PlanOverview } from './service';

/**
 * The plan as the rows of one CSV file: a row per task, then a row per budget line, told
 * apart by the first column. Dates stay YYYY-MM-DD and amounts plain dollars
 * ("1250.00") so spreadsheets read them as dates and numbers. Every cell is
 * guarded against formula injection.
 */
export function planCsv(overview: PlanOverview, t: Translate): CsvCell[][] {
  const header = [
    t('plan.csv.recordType'),
    t('plan.column.goal'),
    t('plan.column.task'),
    t('plan.column.owner'),
    t('plan.column.startsOn'),
    t('plan.column.dueOn'),
    t('plan.column.status'),
    t('plan.column.dependsOn'),
    t('plan.csv.overdue'),
    t('plan.column.category'),
    t('plan.column.description'),
    t('plan.csv.planned'),
    t('plan.csv.actual'),
    t('plan.column.vendor'),
    t('plan.csv.linkedTask'),
  ];
  const tasks = overview.tasks.map((task) => [
    t('plan.csv.task'),
    task.goalTitle,
    task.title,
    task.ownerName ?? '',
    task.startsOn,
    task.dueOn,
    t(STATUS_LABELS[task.status]),
    task.dependsOnTitle ?? '',
    task.overdue ? t('common.yes') : t('common.no'),
    '',
    '',
    '',
    '',
    '',
    '',
  ]);
  const lines = overview.budget.lines.map((line) => [
    t('plan.csv.budget'),
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    line.category,
    line.description,
    centsToDollars(line.plannedCents),
    centsToDollars(line.actualCents),
    line.vendor,
    line.taskTitle ?? '',
  ]);
  return [header, ...tasks, ...lines];
}
