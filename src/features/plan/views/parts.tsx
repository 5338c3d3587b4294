import { usePage } from '../../../ui/context';
import { formatDate, formatMoney } from '../../../i18n/format';
import type { MessageKey } from '../../../i18n';
import type { FieldValue } from '../changes';
import { STATUS_LABELS, type Budget, type PlanTaskStatus, type Task } from '../service';

export { STATUS_LABELS };

/** The visible "Overdue" label: words, not colour alone. */
export function OverdueTag({ task }: { task: Pick<Task, 'overdue'> }) {
  const { t } = usePage();
  return task.overdue ? <strong class="tag plan-overdue">{t('plan.overdue')}</strong> : null;
}

/** A task's status in words, with the overdue label when it is late. */
export function TaskStatus({ task }: { task: Pick<Task, 'status' | 'overdue'> }) {
  const { t } = usePage();
  return (
    <>
      {t(STATUS_LABELS[task.status])} <OverdueTag task={task} />
    </>
  );
}

/** The over-budget warnings, one for planned and one for spent amounts; nothing when within the subgrant. */
export function BudgetWarnings({ budget }: { budget: Budget }) {
  const { t, locale } = usePage();
  const { subgrantCents } = budget;
  if (subgrantCents === null) return null;
  const warning = (key: MessageKey, total: number) =>
    t(key, { total: formatMoney(total, locale), over: formatMoney(total - subgrantCents, locale), subgrant: formatMoney(subgrantCents, locale) });
  const warnings = [
    ...(budget.overPlanned ? [warning('plan.over.planned', budget.plannedCents)] : []),
    ...(budget.overActual ? [warning('plan.over.actual', budget.actualCents)] : []),
  ];
  if (warnings.length === 0) return null;
  return (
    <div class="plan-warning">
      {warnings.map((text) => (
        <p key={text}>
          <strong>{text}</strong>
        </p>
      ))}
    </div>
  );
}

/** Fields of a revision that hold dates, amounts in cents or a status, shown formatted. */
const DATE_FIELDS = new Set(['startsOn', 'dueOn', 'date']);
const MONEY_FIELDS = new Set(['plannedCents', 'actualCents']);

/** A recorded field value as people read it. */
export function useFieldText() {
  const { t, locale } = usePage();
  return (field: string, value: FieldValue): string => {
    if (value === null) return t('plan.revision.empty');
    if (DATE_FIELDS.has(field) && typeof value === 'string') return formatDate(value, locale);
    if (MONEY_FIELDS.has(field) && typeof value === 'number') return formatMoney(value, locale);
    if (field === 'status' && typeof value === 'string' && value in STATUS_LABELS) return t(STATUS_LABELS[value as PlanTaskStatus]);
    return String(value);
  };
}

const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'plan.change.title',
  description: 'plan.change.description',
  goal: 'plan.change.goal',
  owner: 'plan.change.owner',
  startsOn: 'plan.change.startsOn',
  dueOn: 'plan.change.dueOn',
  date: 'plan.change.date',
  status: 'plan.change.status',
  dependsOn: 'plan.change.dependsOn',
  category: 'plan.change.category',
  plannedCents: 'plan.change.plannedCents',
  actualCents: 'plan.change.actualCents',
  vendor: 'plan.change.vendor',
  task: 'plan.change.task',
};

/** The label of a recorded field (its name, should a field be unknown). */
export function useFieldLabel() {
  const { t } = usePage();
  return (field: string): string => {
    const key = FIELD_LABELS[field];
    return key ? t(key) : field;
  };
}
