import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { insightTitle, kindLabel, type Activity, type Insight } from '../service';
import { activityPath, insightPath, insightsPath } from '../urls';

/** An insight's themes, each a link to the insights on that theme. */
export function ThemeLinks({ library, themes }: { library: WorkspaceLibrary; themes: string[] }) {
  const { t } = usePage();
  if (themes.length === 0) return <>{t('discover.noThemes')}</>;
  return (
    <ul class="tag-list theme-list">
      {themes.map((theme) => (
        <li key={theme}>
          <a class="tag" href={insightsPath(library, { theme })}>
            {theme}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The activity an insight came from, linked, or "No activity". */
export function ActivityLink({ library, activity }: { library: WorkspaceLibrary; activity: Insight['activity'] }) {
  const { t } = usePage();
  return activity ? <a href={activityPath(library, activity.id)}>{activity.title}</a> : <>{t('discover.noActivity')}</>;
}

interface InsightsTableProps {
  library: WorkspaceLibrary;
  insights: Insight[];
  caption: string;
  empty: string;
  /** False where every insight comes from the same activity, already named on the page. */
  showActivity?: boolean;
}

/** Insights with their themes (links that filter) and their activity. */
export function InsightsTable({ library, insights, caption, empty, showActivity = true }: InsightsTableProps) {
  const { t } = usePage();
  return (
    <Table
      caption={caption}
      rows={insights}
      rowKey={(insight) => insight.id}
      empty={empty}
      columns={[
        {
          header: t('discover.column.insight'),
          cell: (insight) => <a href={insightPath(library, insight.id)}>{insightTitle(insight.text, 160)}</a>,
        },
        { header: t('discover.column.themes'), cell: (insight) => <ThemeLinks library={library} themes={insight.themes} /> },
        ...(showActivity
          ? [{ header: t('discover.column.activity'), cell: (insight: Insight) => <ActivityLink library={library} activity={insight.activity} /> }]
          : []),
      ]}
    />
  );
}

/** Activities with their kind, date and how many took part. */
export function ActivitiesTable({ library, activities, caption, empty }: { library: WorkspaceLibrary; activities: Activity[]; caption: string; empty: string }) {
  const { t, locale } = usePage();
  return (
    <Table
      caption={caption}
      rows={activities}
      rowKey={(activity) => activity.id}
      empty={empty}
      columns={[
        { header: t('discover.column.title'), cell: (activity) => <a href={activityPath(library, activity.id)}>{activity.title}</a> },
        { header: t('discover.column.kind'), cell: (activity) => t(kindLabel(activity.kind)) },
        { header: t('discover.column.date'), cell: (activity) => formatDate(activity.date, locale) },
        { header: t('discover.column.participants'), cell: (activity) => formatNumber(activity.participants, locale), numeric: true },
      ]}
    />
  );
}

