import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { formatDate } from '../../../i18n/format';
import { pluralKey, type MessageKey } from '../../../i18n';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import { TASK_STATUSES, type Milestone, type PlanLibrary, type PlanOverview, type Task } from '../service';
import { itemPath, newItemPath, planPath, revisionsPath, PLAN_VIEWS, type PlanView } from '../urls';
import { BudgetWarnings, OverdueTag, STATUS_LABELS, TaskStatus } from './parts';
import { BudgetSection } from './budget-section';
import { TimelineView } from './timeline';
import { href } from '../../../server/route-contract';
import { planRoutes } from '../route-table';

const VIEW_LABELS: Record<PlanView, MessageKey> = {
  list: 'plan.view.list',
  board: 'plan.view.board',
  timeline: 'plan.view.timeline',
};

interface PlanPageProps {
  library: PlanLibrary;
  overview: PlanOverview;
  view: PlanView;
}

/** The action plan in one of three views, with the budget warnings always at the top. */
export function PlanPage({ library, overview, view }: PlanPageProps) {
  const { t, abilities } = usePage();
  const empty = overview.goals.length === 0 && overview.milestones.length === 0 && overview.budget.lines.length === 0;
  return (
    <WorkspaceLayout library={library} section="plan" title={t('plan.title')} lead={t('plan.lead')}>
      <BudgetWarnings budget={overview.budget} />
      <ul class="actions plan-actions">
        {abilities.work && (
          <>
            <li>
              <a class="button button-primary" href={newItemPath(library, 'goal')}>
                {t('plan.add.goal')}
              </a>
            </li>
            {overview.goals.length > 0 && (
              <li>
                <a class="button button-secondary" href={newItemPath(library, 'task')}>
                  {t('plan.add.task')}
                </a>
              </li>
            )}
            <li>
              <a class="button button-secondary" href={newItemPath(library, 'milestone')}>
                {t('plan.add.milestone')}
              </a>
            </li>
            <li>
              <a class="button button-secondary" href={newItemPath(library, 'budget')}>
                {t('plan.add.line')}
              </a>
            </li>
          </>
        )}
        <li>
          <a href={href(planRoutes.csv, { library: library.slug })}>{t('plan.csv')}</a>
        </li>
        <li>
          <a href={revisionsPath(library)}>{t('plan.revisions.link')}</a>
        </li>
      </ul>
      <nav aria-label={t('plan.views.label')} class="plan-views">
        <ul class="nav">
          {PLAN_VIEWS.map((v) => (
            <li key={v}>
              <a href={planPath(library, v)} aria-current={v === view ? 'page' : undefined}>
                {t(VIEW_LABELS[v])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {empty ? (
        <p class="empty">{t('plan.empty')}</p>
      ) : view === 'board' ? (
        <BoardView library={library} tasks={overview.tasks} />
      ) : view === 'timeline' ? (
        <TimelineView library={library} tasks={overview.tasks} milestones={overview.milestones} />
      ) : (
        <ListView library={library} overview={overview} />
      )}
    </WorkspaceLayout>
  );
}

/** The tasks of some goal as a table. */
export function TaskTable({ library, tasks, caption }: { library: PlanLibrary; tasks: Task[]; caption: string }) {
  const { t, locale } = usePage();
  return (
    <Table
      caption={caption}
      rows={tasks}
      rowKey={(task) => task.id}
      empty={t('plan.goal.noTasks')}
      columns={[
        { header: t('plan.column.task'), cell: (task) => <a href={itemPath(library, 'task', task.id)}>{task.title}</a> },
        { header: t('plan.column.owner'), cell: (task) => task.ownerName ?? t('plan.nobody') },
        { header: t('plan.column.startsOn'), cell: (task) => formatDate(task.startsOn, locale) },
        { header: t('plan.column.dueOn'), cell: (task) => formatDate(task.dueOn, locale) },
        { header: t('plan.column.status'), cell: (task) => <TaskStatus task={task} /> },
        {
          header: t('plan.column.dependsOn'),
          cell: (task) => (task.dependsOnId ? <a href={itemPath(library, 'task', task.dependsOnId)}>{task.dependsOnTitle}</a> : t('plan.none')),
        },
      ]}
    />
  );
}

/** Milestones by date as a table. */
export function MilestoneTable({ library, milestones }: { library: PlanLibrary; milestones: Milestone[] }) {
  const { t, locale } = usePage();
  return (
    <Table
      caption={t('plan.milestones.caption')}
      rows={milestones}
      rowKey={(m) => m.id}
      empty={t('plan.milestones.empty')}
      columns={[
        { header: t('plan.column.milestone'), cell: (m) => <a href={itemPath(library, 'milestone', m.id)}>{m.title}</a> },
        { header: t('plan.column.date'), cell: (m) => formatDate(m.dueOn, locale) },
        { header: t('plan.column.goal'), cell: (m) => (m.goalId ? <a href={itemPath(library, 'goal', m.goalId)}>{m.goalTitle}</a> : t('plan.none')) },
      ]}
    />
  );
}

/** Tasks grouped under their goals, then the milestones and the budget. */
function ListView({ library, overview }: { library: PlanLibrary; overview: PlanOverview }) {
  const { t } = usePage();
  return (
    <>
      {overview.goals.map((goal) => (
        <section key={goal.id} class="plan-goal">
          <h2>
            <a href={itemPath(library, 'goal', goal.id)}>{goal.title}</a>
          </h2>
          <TaskTable
            library={library}
            tasks={overview.tasks.filter((task) => task.goalId === goal.id)}
            caption={t('plan.tasks.caption', { goal: goal.title })}
          />
        </section>
      ))}
      <section>
        <h2>{t('plan.milestones.title')}</h2>
        <MilestoneTable library={library} milestones={overview.milestones} />
      </section>
      <BudgetSection library={library} budget={overview.budget} />
    </>
  );
}

/** One column per status, each a list of task cards. */
function BoardView({ library, tasks }: { library: PlanLibrary; tasks: Task[] }) {
  const { t, locale } = usePage();
  return (
    <div class="plan-board">
      {TASK_STATUSES.map((status) => {
        const column = tasks.filter((task) => task.status === status);
        return (
          <section key={status} class="plan-column" aria-labelledby={`plan-column-${status}`}>
            <h2 id={`plan-column-${status}`}>
              {t(STATUS_LABELS[status])} <span class="hint">({t(pluralKey(locale, 'plan.board.count', column.length), { count: column.length })})</span>
            </h2>
            {column.length === 0 ? (
              <p class="empty">{t('plan.board.empty')}</p>
            ) : (
              <ul class="plan-cards">
                {column.map((task) => (
                  <li key={task.id} class="card">
                    <h3>
                      <a href={itemPath(library, 'task', task.id)}>{task.title}</a>
                    </h3>
                    {task.overdue && (
                      <p>
                        <OverdueTag task={task} />
                      </p>
                    )}
                    <p>{t('plan.board.goal', { goal: task.goalTitle })}</p>
                    <p>{t('plan.board.owner', { name: task.ownerName ?? t('plan.nobody') })}</p>
                    <p>{t('plan.board.due', { date: formatDate(task.dueOn, locale) })}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
