import { usePage } from '../../../ui/context';
import { Table } from '../../../ui/table';
import { Pagination, type Page } from '../../../ui/pagination';
import { formatDate, formatNumber } from '../../../i18n/format';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { effectiveStatus } from '../model';
import type { SurveySummary } from '../service';
import { bilingualTitle, StatusTag } from './status';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

interface SurveysPageProps {
  library: WorkspaceLibrary;
  result: Page<SurveySummary>;
  today: string;
}

/** The library's surveys and idea boards, newest first. */
export function SurveysPage({ library, result, today }: SurveysPageProps) {
  const { t, locale, abilities } = usePage();
  return (
    <WorkspaceLayout library={library} section="surveys" title={t('surveys.title')} lead={t('surveys.lead')}>
      {abilities.work && (
        <p class="actions">
          <a class="button button-primary" href={href(surveysRoutes.new, { library: library.slug })}>
            {t('surveys.new')}
          </a>
        </p>
      )}
      <Table
        caption={t('surveys.list.caption', { total: formatNumber(result.total, locale) })}
        rows={result.items}
        rowKey={(s) => s.id}
        empty={t('surveys.list.empty')}
        columns={[
          { header: t('surveys.column.title'), cell: (s) => <a href={href(surveysRoutes.survey, { library: library.slug, survey: s.id })}>{bilingualTitle(s.title)}</a> },
          { header: t('surveys.column.status'), cell: (s) => <StatusTag status={effectiveStatus(s, today)} /> },
          { header: t('surveys.column.responses'), numeric: true, cell: (s) => formatNumber(s.responses, locale) },
          { header: t('surveys.column.closesOn'), cell: (s) => (s.closesOn ? formatDate(s.closesOn, locale) : t('surveys.closesOn.none')) },
          {
            header: t('surveys.column.links'),
            cell: (s) => (
              <a href={href(surveysRoutes.results, { library: library.slug, survey: s.id })}>
                {t('surveys.link.resultsOf', { title: bilingualTitle(s.title) })}
              </a>
            ),
          },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </WorkspaceLayout>
  );
}
