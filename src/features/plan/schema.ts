import Type, { type Static, type TObject } from 'typebox';
import type { MessageKey, Translate } from '../../i18n';
import { dollarsToCents } from '../../i18n/format';
import { validateForm, type FieldErrors, type FormResult, type FormState, type FormValues } from '../../ui/forms';
import { isCalendarDate } from '../../i18n/time';
import {
  MAX_AMOUNT_CENTS,
  TASK_STATUSES,
  type BudgetLine,
  type BudgetLineInput,
  type Goal,
  type GoalInput,
  type Milestone,
  type MilestoneInput,
  type Task,
  type TaskInput,
} from './service';

export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_LINE_DESCRIPTION_LENGTH = 500;
export const MAX_VENDOR_LENGTH = 200;

const title = (key: MessageKey) => Type.String({ minLength: 1, maxLength: MAX_TITLE_LENGTH, title: key, errorMessage: 'plan.error.title' });
const date = (key: MessageKey) => Type.String({ maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$', title: key, errorMessage: 'plan.error.date' });
/** An id chosen from a list; the service checks it belongs to the library. */
const choice = (key: MessageKey, errorMessage: MessageKey) => Type.String({ maxLength: 100, title: key, errorMessage });
/** Dollars as people write them: "1250", "1,250.00", "$1,250.5". Never negative. */
const amount = (key: MessageKey) =>
  Type.String({ maxLength: 20, pattern: '^\\$?\\s*(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d{1,2})?$', title: key, errorMessage: 'plan.error.amount' });

export const GoalForm = Type.Object({
  title: title('plan.field.title'),
  description: Type.Optional(Type.String({ maxLength: MAX_DESCRIPTION_LENGTH, title: 'plan.field.description' })),
});

export const TaskForm = Type.Object({
  title: title('plan.field.title'),
  goal: choice('plan.field.goal', 'plan.error.chooseGoal'),
  owner: Type.Optional(choice('plan.field.owner', 'plan.error.owner')),
  startsOn: date('plan.field.startsOn'),
  dueOn: date('plan.field.dueOn'),
  status: Type.Union(
    TASK_STATUSES.map((s) => Type.Literal(s)),
    { title: 'plan.field.status', errorMessage: 'plan.error.status' },
  ),
  dependsOn: Type.Optional(choice('plan.field.dependsOn', 'plan.error.dependsOn')),
});

export const MilestoneForm = Type.Object({
  title: title('plan.field.title'),
  date: date('plan.field.date'),
  goal: Type.Optional(choice('plan.field.goal', 'plan.error.goal')),
});

export const BudgetLineForm = Type.Object({
  category: choice('plan.field.category', 'plan.error.category'),
  description: Type.String({
    minLength: 1,
    maxLength: MAX_LINE_DESCRIPTION_LENGTH,
    title: 'plan.field.lineDescription',
    errorMessage: 'plan.error.lineDescription',
  }),
  planned: amount('plan.field.planned'),
  actual: Type.Optional(amount('plan.field.actual')),
  vendor: Type.Optional(Type.String({ maxLength: MAX_VENDOR_LENGTH, title: 'plan.field.vendor' })),
  task: Type.Optional(choice('plan.field.task', 'plan.error.task')),
});

/** Cents as an amount to edit: 125050 → "1250.50". */
export const centsToDollars = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** The typed text of each field, trimmed, empty fields left out: what the extra checks read when the schema failed. */
function trimmedValues(values: FormValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([field, value]) => (typeof value === 'string' && value.trim() !== '' ? [[field, value.trim()]] : [])),
  );
}

/**
 * Validates a form, then adds the checks its schema cannot make. The extra
 * checks also run when the schema failed (skipping fields already in error),
 * so every problem is shown at once.
 */
function readForm<S extends TObject, T>(
  schema: S,
  body: unknown,
  t: Translate,
  convert: (value: Static<S>, errors: FieldErrors) => T,
): FormResult<T> {
  const form = validateForm(schema, body, t);
  const errors: FieldErrors = form.ok ? {} : { ...form.errors };
  const value = convert((form.ok ? form.value : trimmedValues(form.values)) as Static<S>, errors);
  if (!form.ok || Object.keys(errors).length > 0) return { ok: false, errors, values: form.values };
  return { ok: true, value, values: form.values };
}

/** Flags a date field that matched the pattern but is no calendar date (2017-02-30). */
function checkDate(errors: FieldErrors, field: string, text: string | undefined, t: Translate) {
  if (text !== undefined && !errors[field] && !isCalendarDate(text)) errors[field] = t('plan.error.date');
}

export function readGoalForm(body: unknown, t: Translate): FormResult<GoalInput> {
  return readForm(GoalForm, body, t, (value) => ({ title: value.title, description: value.description ?? '' }));
}

export function readTaskForm(body: unknown, t: Translate): FormResult<TaskInput> {
  return readForm(TaskForm, body, t, (value, errors) => {
    checkDate(errors, 'startsOn', value.startsOn, t);
    checkDate(errors, 'dueOn', value.dueOn, t);
    if (value.startsOn && value.dueOn && !errors.startsOn && !errors.dueOn && value.dueOn < value.startsOn) errors.dueOn = t('plan.error.dueBeforeStart');
    return {
      title: value.title,
      goalId: value.goal,
      ownerId: value.owner ?? null,
      startsOn: value.startsOn,
      dueOn: value.dueOn,
      status: value.status,
      dependsOnId: value.dependsOn ?? null,
    };
  });
}

export function readMilestoneForm(body: unknown, t: Translate): FormResult<MilestoneInput> {
  return readForm(MilestoneForm, body, t, (value, errors) => {
    checkDate(errors, 'date', value.date, t);
    return { title: value.title, dueOn: value.date, goalId: value.goal ?? null };
  });
}

export function readBudgetLineForm(body: unknown, t: Translate): FormResult<BudgetLineInput> {
  return readForm(BudgetLineForm, body, t, (value, errors) => {
    const cents = (field: 'planned' | 'actual') => {
      const text = value[field];
      if (text === undefined || errors[field]) return 0;
      const result = dollarsToCents(text);
      if (result > MAX_AMOUNT_CENTS) errors[field] = t('plan.error.amountTooLarge');
      return result;
    };
    return {
      category: value.category,
      description: value.description,
      plannedCents: cents('planned'),
      actualCents: cents('actual'),
      vendor: value.vendor ?? '',
      taskId: value.task ?? null,
    };
  });
}

/** A validated form with the problems the service found, to re-render it. */
export function withProblems(values: FormValues, errors: Record<string, MessageKey>, t: Translate): FormState {
  return { values, errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])) };
}

export const goalValues = (goal: Goal): FormValues => ({ title: goal.title, description: goal.description });

export const taskValues = (task: Task): FormValues => ({
  title: task.title,
  goal: task.goalId,
  owner: task.ownerId ?? '',
  startsOn: task.startsOn,
  dueOn: task.dueOn,
  status: task.status,
  dependsOn: task.dependsOnId ?? '',
});

export const milestoneValues = (milestone: Milestone): FormValues => ({
  title: milestone.title,
  date: milestone.dueOn,
  goal: milestone.goalId ?? '',
});

export const budgetLineValues = (line: BudgetLine): FormValues => ({
  category: line.category,
  description: line.description,
  planned: centsToDollars(line.plannedCents),
  actual: centsToDollars(line.actualCents),
  vendor: line.vendor,
  task: line.taskId ?? '',
});
