import { usePage } from '../../../ui/context';
import { SummaryList, Table } from '../../../ui/table';
import { formatMoney } from '../../../i18n/format';
import type { Budget, PlanLibrary } from '../service';
import { itemPath } from '../urls';
import { BudgetWarnings } from './parts';

/** The budget: its warnings, the totals against the subgrant, the totals by category and every line. */
export function BudgetSection({ library, budget }: { library: PlanLibrary; budget: Budget }) {
  const { t, locale } = usePage();
  const money = (cents: number) => formatMoney(cents, locale);
  const { subgrantCents } = budget;
  return (
    <section class="plan-budget">
      <h2>{t('plan.budget.title')}</h2>
      <BudgetWarnings budget={budget} />
      {subgrantCents === null ? (
        <p>{t('plan.budget.subgrantUnknown')}</p>
      ) : null}
      <SummaryList
        items={[
          ...(subgrantCents === null ? [] : [[t('plan.budget.subgrant'), money(subgrantCents)] as [string, string]]),
          [t('plan.budget.plannedTotal'), money(budget.plannedCents)],
          [t('plan.budget.actualTotal'), money(budget.actualCents)],
          ...(subgrantCents === null ? [] : [[t('plan.budget.leftToPlan'), money(subgrantCents - budget.plannedCents)] as [string, string]]),
        ]}
      />
      {budget.lines.length > 0 && (
        <Table
          caption={t('plan.budget.totalsCaption')}
          rows={[...budget.byCategory, { category: t('plan.budget.total'), plannedCents: budget.plannedCents, actualCents: budget.actualCents }]}
          rowKey={(row) => row.category}
          empty=""
          columns={[
            { header: t('plan.column.category'), cell: (row) => row.category },
            { header: t('plan.column.planned'), cell: (row) => money(row.plannedCents), numeric: true },
            { header: t('plan.column.actual'), cell: (row) => money(row.actualCents), numeric: true },
          ]}
        />
      )}
      <Table
        caption={t('plan.budget.caption')}
        rows={budget.lines}
        rowKey={(line) => line.id}
        empty={t('plan.budget.empty')}
        columns={[
          { header: t('plan.column.category'), cell: (line) => line.category },
          { header: t('plan.column.description'), cell: (line) => <a href={itemPath(library, 'budget', line.id)}>{line.description}</a> },
          { header: t('plan.column.vendor'), cell: (line) => line.vendor || t('plan.none') },
          {
            header: t('plan.column.task'),
            cell: (line) => (line.taskId ? <a href={itemPath(library, 'task', line.taskId)}>{line.taskTitle}</a> : t('plan.none')),
          },
          { header: t('plan.column.planned'), cell: (line) => money(line.plannedCents), numeric: true },
          { header: t('plan.column.actual'), cell: (line) => money(line.actualCents), numeric: true },
        ]}
      />
    </section>
  );
}
