import type { ComponentChildren } from 'preact';
import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { Paragraphs } from '../../../ui/paragraphs';
import { formatDate, formatMoney } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { CommentThread } from '../../../ui/workspace/comments';
import type { Comment } from '../../workspace/service';
import type { PlanEntityType } from '../../../db/tables/plan';
import type { BudgetLine, Goal, Milestone, PlanLibrary, Task } from '../service';
import { itemPath, newItemPath, planPath } from '../urls';
import { MilestoneTable, TaskTable } from './plan-page';
import { TaskStatus } from './parts';

interface ItemPageProps {
  library: PlanLibrary;
  type: PlanEntityType;
  id: string;
  title: string;
  comments: Comment[];
  children: ComponentChildren;
}

/** What every item page has: the way back, edit and delete for the library's staff, and the comment thread. */
function ItemPage({ library, type, id, title, comments, children }: ItemPageProps) {
  const { t, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="plan" title={title}>
      <p>
        <a href={planPath(library)}>{t('plan.item.back')}</a>
      </p>
      {children}
      {abilities.work && (
        <p class="actions">
          <a class="button button-secondary" href={itemPath(library, type, id, 'edit')}>
            {t('plan.item.edit')}
          </a>
          <a class="button button-danger" href={itemPath(library, type, id, 'delete')}>
            {t('plan.item.delete')}
          </a>
        </p>
      )}
      <CommentThread library={library} type={type} id={id} comments={comments} />
    </WorkspaceLayout>
  );
}

type Shared = Omit<ItemPageProps, 'type' | 'id' | 'title' | 'children'>;

/** A goal with its tasks and milestones. */
export function GoalPage({ goal, tasks, milestones, ...shared }: Shared & { goal: Goal; tasks: Task[]; milestones: Milestone[] }) {
  const { t, abilities } = usePage();
  return (
    <ItemPage {...shared} type="goal" id={goal.id} title={t('plan.goal.title', { title: goal.title })}>
      <Paragraphs text={goal.description} />
      <h2>{t('plan.goal.tasks')}</h2>
      <TaskTable library={shared.library} tasks={tasks} caption={t('plan.tasks.caption', { goal: goal.title })} />
      {abilities.work && (
        <p>
          <a href={`${newItemPath(shared.library, 'task')}?goal=${goal.id}`}>{t('plan.goal.addTask')}</a>
        </p>
      )}
      <h2>{t('plan.goal.milestones')}</h2>
      <MilestoneTable library={shared.library} milestones={milestones} />
    </ItemPage>
  );
}

/** A task with its dates, owner, status and dependency, and the budget lines linked to it. */
export function TaskPage({ task, lines, ...shared }: Shared & { task: Task; lines: BudgetLine[] }) {
  const { t, locale } = usePage();
  const { library } = shared;
  return (
    <ItemPage {...shared} type="task" id={task.id} title={t('plan.task.title', { title: task.title })}>
      <SummaryList
        items={[
          [t('plan.field.goal'), <a href={itemPath(library, 'goal', task.goalId)}>{task.goalTitle}</a>],
          [t('plan.field.owner'), task.ownerName ?? t('plan.nobody')],
          [t('plan.field.startsOn'), formatDate(task.startsOn, locale)],
          [t('plan.field.dueOn'), formatDate(task.dueOn, locale)],
          [t('plan.field.status'), <TaskStatus task={task} />],
          [
            t('plan.field.dependsOn'),
            task.dependsOnId ? <a href={itemPath(library, 'task', task.dependsOnId)}>{task.dependsOnTitle}</a> : t('plan.none'),
          ],
        ]}
      />
      {lines.length > 0 && (
        <>
          <h2>{t('plan.task.lines')}</h2>
          <ul>
            {lines.map((line) => (
              <li key={line.id}>
                <a href={itemPath(library, 'budget', line.id)}>{line.description}</a> ({line.category},{' '}
                {formatMoney(line.plannedCents, locale)})
              </li>
            ))}
          </ul>
        </>
      )}
    </ItemPage>
  );
}

/** A milestone: its date and goal. */
export function MilestonePage({ milestone, ...shared }: Shared & { milestone: Milestone }) {
  const { t, locale } = usePage();
  return (
    <ItemPage {...shared} type="milestone" id={milestone.id} title={t('plan.milestone.title', { title: milestone.title })}>
      <SummaryList
        items={[
          [t('plan.field.date'), formatDate(milestone.dueOn, locale)],
          [
            t('plan.field.goal'),
            milestone.goalId ? <a href={itemPath(shared.library, 'goal', milestone.goalId)}>{milestone.goalTitle}</a> : t('plan.none'),
          ],
        ]}
      />
    </ItemPage>
  );
}

/** A budget line: its category, amounts, vendor and task. */
export function BudgetLinePage({ line, ...shared }: Shared & { line: BudgetLine }) {
  const { t, locale } = usePage();
  return (
    <ItemPage {...shared} type="budget" id={line.id} title={t('plan.line.title', { title: line.description })}>
      <SummaryList
        items={[
          [t('plan.field.category'), line.category],
          [t('plan.field.planned'), formatMoney(line.plannedCents, locale)],
          [t('plan.field.actual'), formatMoney(line.actualCents, locale)],
          [t('plan.field.vendor'), line.vendor || t('plan.none')],
          [t('plan.field.task'), line.taskId ? <a href={itemPath(shared.library, 'task', line.taskId)}>{line.taskTitle}</a> : t('plan.none')],
        ]}
      />
    </ItemPage>
  );
}
