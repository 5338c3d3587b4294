import type { ComponentChildren } from 'preact';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState, type Option } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { TASK_STATUSES, type PlanLibrary } from '../service';
import { MAX_DESCRIPTION_LENGTH, MAX_LINE_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH, MAX_VENDOR_LENGTH } from '../schema';
import { planPath } from '../urls';
import { STATUS_LABELS } from './parts';

/** What the plan's forms offer to choose from, all of the library's own. */
export interface PlanChoices {
  goals: Option[];
  team: Option[];
  tasks: Option[];
  categories: Option[];
}

interface FormPageProps {
  library: PlanLibrary;
  title: string;
  action: string;
  form: FormState;
  choices: PlanChoices;
}

/** A plan form: the error summary, the fields, save and cancel. */
function FormPage({ library, title, action, form, children }: Omit<FormPageProps, 'choices'> & { children: ComponentChildren }) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="plan" title={title}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          {children}
          <p class="actions">
            <SubmitButton>{t('common.save')}</SubmitButton>
            <a href={planPath(library)}>{t('common.cancel')}</a>
          </p>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}

export function GoalFormPage(props: FormPageProps) {
  const { t } = usePage();
  const { form } = props;
  return (
    <FormPage {...props}>
      <TextField form={form} name="title" label={t('plan.field.title')} maxLength={MAX_TITLE_LENGTH} />
      <TextArea form={form} name="description" label={t('plan.field.description')} optional maxLength={MAX_DESCRIPTION_LENGTH} />
    </FormPage>
  );
}

export function TaskFormPage(props: FormPageProps) {
  const { t } = usePage();
  const { form, choices } = props;
  const statuses = TASK_STATUSES.map((s) => ({ value: s, label: t(STATUS_LABELS[s]) }));
  return (
    <FormPage {...props}>
      <TextField form={form} name="title" label={t('plan.field.title')} maxLength={MAX_TITLE_LENGTH} />
      <Select form={form} name="goal" label={t('plan.field.goal')} options={choices.goals} emptyLabel={t('plan.choose.goal')} />
      <Select form={form} name="owner" label={t('plan.field.owner')} optional options={choices.team} emptyLabel={t('plan.choose.nobody')} />
      <TextField form={form} name="startsOn" type="date" label={t('plan.field.startsOn')} width="short" />
      <TextField form={form} name="dueOn" type="date" label={t('plan.field.dueOn')} width="short" />
      <Select form={form} name="status" label={t('plan.field.status')} options={statuses} />
      <Select
        form={form}
        name="dependsOn"
        label={t('plan.field.dependsOn')}
        hint={t('plan.hint.dependsOn')}
        optional
        options={choices.tasks}
        emptyLabel={t('plan.choose.noTask')}
      />
    </FormPage>
  );
}

export function MilestoneFormPage(props: FormPageProps) {
  const { t } = usePage();
  const { form, choices } = props;
  return (
    <FormPage {...props}>
      <TextField form={form} name="title" label={t('plan.field.title')} maxLength={MAX_TITLE_LENGTH} />
      <TextField form={form} name="date" type="date" label={t('plan.field.date')} width="short" />
      <Select form={form} name="goal" label={t('plan.field.goal')} optional options={choices.goals} emptyLabel={t('plan.choose.noGoal')} />
    </FormPage>
  );
}

export function BudgetLineFormPage(props: FormPageProps) {
  const { t } = usePage();
  const { form, choices } = props;
  return (
    <FormPage {...props}>
      <Select
        form={form}
        name="category"
        label={t('plan.field.category')}
        hint={choices.categories.length === 0 ? t('plan.hint.noCategories') : undefined}
        options={choices.categories}
        emptyLabel={t('plan.choose.category')}
      />
      <TextField form={form} name="description" label={t('plan.field.lineDescription')} maxLength={MAX_LINE_DESCRIPTION_LENGTH} />
      <TextField form={form} name="planned" label={t('plan.field.planned')} hint={t('plan.hint.amount')} inputMode="decimal" width="short" />
      <TextField
        form={form}
        name="actual"
        label={t('plan.field.actual')}
        hint={t('plan.hint.amount')}
        optional
        inputMode="decimal"
        width="short"
      />
      <TextField form={form} name="vendor" label={t('plan.field.vendor')} optional maxLength={MAX_VENDOR_LENGTH} />
      <Select form={form} name="task" label={t('plan.field.task')} optional options={choices.tasks} emptyLabel={t('plan.choose.noTask')} />
    </FormPage>
  );
}

interface DeletePageProps {
  library: PlanLibrary;
  title: string;
  action: string;
  /** Why the item cannot be deleted; the page then explains instead of asking. */
  blocked?: string;
  /** What else deleting changes. */
  note?: string;
  back: string;
}

/** Asks before deleting an item, or explains why it cannot be deleted. */
export function DeletePage({ library, title, action, blocked, note, back }: DeletePageProps) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="plan" title={t('plan.delete.title', { title })}>
      {blocked ? (
        <p class="plan-warning">{blocked}</p>
      ) : (
        <Form action={action}>
          <p>{t('plan.delete.lead')}</p>
          {note && <p>{note}</p>}
          <p class="actions">
            <SubmitButton variant="danger">{t('plan.delete.confirm')}</SubmitButton>
            <a href={back}>{t('common.cancel')}</a>
          </p>
        </Form>
      )}
      {blocked && (
        <p>
          <a href={back}>{t('plan.item.back')}</a>
        </p>
      )}
    </WorkspaceLayout>
  );
}
