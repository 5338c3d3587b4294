import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Activity, DiscoverService, Insight } from '../service';
import { insightsPath } from '../urls';
import { ActivitiesTable, InsightsTable } from './parts';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../route-table';

interface OverviewPageProps {
  library: WorkspaceLibrary;
  counts: Awaited<ReturnType<DiscoverService['counts']>>;
  activities: Page<Activity>;
  latest: Insight[];
}

/** The discover section: totals, the activities (25 a page) and the latest insights. */
export function OverviewPage({ library, counts, activities, latest }: OverviewPageProps) {
  const { t, locale, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="discover" title={t('discover.title')} lead={t('discover.lead')}>
      {abilities.work && (
        <p class="actions">
          <a class="button button-primary" href={href(discoverRoutes.newActivity, { library: library.slug })}>
            {t('discover.activities.add')}
          </a>
          <a class="button button-secondary" href={href(discoverRoutes.newInsight, { library: library.slug })}>
            {t('discover.insights.add')}
          </a>
        </p>
      )}
      <h2>{t('discover.overview.glance')}</h2>
      <SummaryList
        items={[
          [t('discover.counts.activities'), formatNumber(counts.activities, locale)],
          [t('discover.counts.participants'), formatNumber(counts.participants, locale)],
          [t('discover.counts.insights'), formatNumber(counts.insights, locale)],
        ]}
      />
      <h2>{t('discover.overview.activities')}</h2>
      <ActivitiesTable
        library={library}
        activities={activities.items}
        caption={t('discover.activities.caption', { total: formatNumber(activities.total, locale) })}
        empty={t('discover.activities.empty')}
      />
      <Pagination page={activities.page} pages={activities.pages} />
      <h2>{t('discover.overview.latest')}</h2>
      <InsightsTable
        library={library}
        insights={latest}
        caption={t('discover.overview.latest')}
        empty={t('discover.insights.empty')}
      />
      {counts.insights > 0 && (
        <p>
          <a href={insightsPath(library)}>{t('discover.overview.allInsights', { total: formatNumber(counts.insights, locale) })}</a>
        </p>
      )}
    </WorkspaceLayout>
  );
}
