import { usePage } from '../../../ui/context';
import { formatDate } from '../../../i18n/format';
import { intlTag, type Locale } from '../../../i18n';
import type { Milestone, PlanLibrary, Task } from '../service';
import { monthOf, monthsBetween } from '../dates';
import { itemPath } from '../urls';
import { OverdueTag, STATUS_LABELS } from './parts';

/** The widest chart shown: four years of months is wider than any cohort's plan. */
const MAX_MONTHS = 48;

function monthLabel(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlTag(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** A marked cell of the chart: a visible mark, and words for screen readers. */
function Mark({ symbol, words, kind }: { symbol: string; words: string; kind: 'bar' | 'milestone' }) {
  return (
    <td class={`plan-${kind}`}>
      <span aria-hidden="true">{symbol}</span>
      <span class="plan-sr">{words}</span>
    </td>
  );
}

/**
 * Tasks and milestones over the months of the plan: an HTML table with a
 * column per month and the months a task spans marked, followed by the same
 * timeline in words.
 */
export function TimelineView({ library, tasks, milestones }: { library: PlanLibrary; tasks: Task[]; milestones: Milestone[] }) {
  const { t, locale } = usePage();
  if (tasks.length === 0 && milestones.length === 0) return <p class="empty">{t('plan.timeline.empty')}</p>;
  const starts = [...tasks.map((task) => task.startsOn), ...milestones.map((m) => m.dueOn)].sort();
  const ends = [...tasks.map((task) => task.dueOn), ...milestones.map((m) => m.dueOn)].sort();
  const first = monthOf(starts[0]!);
  const last = monthOf(ends[ends.length - 1]!);
  const months = monthsBetween(first, last, MAX_MONTHS);
  const truncated = months[months.length - 1] !== last;
  return (
    <>
      <div class="table-scroll">
        <table class="plan-timeline">
          <caption>{t('plan.timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plan.timeline.item')}</th>
              {months.map((month) => (
                <th scope="col" key={month}>
                  {monthLabel(month, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <th scope="row">
                  <a href={itemPath(library, 'task', task.id)}>{task.title}</a> <OverdueTag task={task} />
                </th>
                {months.map((month) =>
                  month >= monthOf(task.startsOn) && month <= monthOf(task.dueOn) ? (
                    <Mark key={month} kind="bar" symbol="■" words={t('plan.timeline.active')} />
                  ) : (
                    <td key={month} />
                  ),
                )}
              </tr>
            ))}
            {milestones.map((milestone) => (
              <tr key={milestone.id}>
                <th scope="row">
                  {t('plan.timeline.milestoneMark')}: <a href={itemPath(library, 'milestone', milestone.id)}>{milestone.title}</a>
                </th>
                {months.map((month) =>
                  month === monthOf(milestone.dueOn) ? (
                    <Mark key={month} kind="milestone" symbol="◆" words={formatDate(milestone.dueOn, locale)} />
                  ) : (
                    <td key={month} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {truncated && <p class="hint">{t('plan.timeline.truncated', { count: MAX_MONTHS })}</p>}
      <h2>{t('plan.timeline.inWords')}</h2>
      <ul class="plan-in-words">
        {tasks.map((task) => (
          <li key={task.id}>
            {t('plan.timeline.task', {
              title: task.title,
              start: formatDate(task.startsOn, locale),
              due: formatDate(task.dueOn, locale),
              status: t(STATUS_LABELS[task.status]),
            })}{' '}
            <OverdueTag task={task} />
          </li>
        ))}
        {milestones.map((milestone) => (
          <li key={milestone.id}>{t('plan.timeline.milestone', { title: milestone.title, date: formatDate(milestone.dueOn, locale) })}</li>
        ))}
      </ul>
    </>
  );
}
