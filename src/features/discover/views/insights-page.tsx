import { usePage } from '../../../ui/context';
import { emptyForm, Select, SubmitButton } from '../../../ui/forms';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDate, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Insight } from '../service';
import { discoverPath, insightsPath } from '../urls';
import { InsightsTable } from './parts';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../route-table';

interface InsightsPageProps {
  library: WorkspaceLibrary;
  result: Page<Insight>;
  /** The filter in force; unknown themes and activities are dropped before. */
  filter: { theme?: string; activity?: string };
  themes: string[];
  activities: Array<{ id: string; title: string; date: string }>;
}

/** All insights of the library, filterable by theme and by activity, 25 a page. */
export function InsightsPage({ library, result, filter, themes, activities }: InsightsPageProps) {
  const { t, locale, abilities } = usePage();
  const filtered = !!(filter.theme || filter.activity);
  const filterForm = emptyForm({ theme: filter.theme, activity: filter.activity });
  return (
    <WorkspaceLayout library={library} section="discover" title={t('discover.insights.title')} lead={t('discover.insights.lead')}>
      <p>
        <a href={discoverPath(library)}>{t('discover.activity.back')}</a>
      </p>
      {abilities.work && (
        <p class="actions">
          <a class="button button-primary" href={href(discoverRoutes.newInsight, { library: library.slug })}>
            {t('discover.insights.add')}
          </a>
        </p>
      )}
      <form method="get" action={insightsPath(library)} class="filters" aria-label={t('discover.filter.label')}>
        <Select
          form={filterForm}
          name="theme"
          label={t('discover.filter.theme')}
          emptyLabel={t('discover.filter.anyTheme')}
          options={themes.map((theme) => ({ value: theme, label: theme }))}
        />
        <Select
          form={filterForm}
          name="activity"
          label={t('discover.filter.activity')}
          emptyLabel={t('discover.filter.anyActivity')}
          options={activities.map((a) => ({ value: a.id, label: `${a.title} (${formatDate(a.date, locale)})` }))}
        />
        <div class="field">
          <SubmitButton variant="secondary">{t('discover.filter.submit')}</SubmitButton>
          {filtered && <a href={insightsPath(library)}>{t('discover.filter.clear')}</a>}
        </div>
      </form>
      <InsightsTable
        library={library}
        insights={result.items}
        caption={t('discover.insights.caption', { total: formatNumber(result.total, locale) })}
        empty={filtered ? t('discover.insights.noneMatch') : t('discover.insights.empty')}
      />
      <Pagination page={result.page} pages={result.pages} query={filter} />
    </WorkspaceLayout>
  );
}
