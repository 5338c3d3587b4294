import { usePage } from '../../../ui/context';
import { formatDateTime, formatNumber } from '../../../i18n/format';
import { Pagination, type Page } from '../../../ui/pagination';
import { Table } from '../../../ui/table';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { SweepSummary } from '../service';
import { spaceUsePath } from '../urls';

/** The library's sweeps, latest first, 25 a page, with the people counted and the zones observed. */
export function SweepsPage({ library, result }: { library: WorkspaceLibrary; result: Page<SweepSummary> }) {
  const { t, locale } = usePage();
  return (
    <WorkspaceLayout library={library} section="space-use" title={t('spaceUse.sweeps.title')}>
      <Table
        caption={t('spaceUse.sweeps.caption')}
        rows={result.items}
        rowKey={(sweep) => sweep.id}
        empty={t('spaceUse.sweeps.empty')}
        columns={[
          { header: t('spaceUse.sweeps.when'), cell: (sweep) => formatDateTime(sweep.startedAt, locale, library.timeZone) },
          { header: t('spaceUse.sweeps.space'), cell: (sweep) => sweep.spaceName },
          {
            header: t('spaceUse.sweeps.people'),
            numeric: true,
            cell: (sweep) => (sweep.people === null ? t('spaceUse.sweeps.notObserved') : formatNumber(sweep.people, locale)),
          },
          {
            header: t('spaceUse.sweeps.observed'),
            numeric: true,
            cell: (sweep) => t('spaceUse.sweeps.observedOf', { observed: formatNumber(sweep.observed, locale), zones: formatNumber(sweep.zones, locale) }),
          },
          { header: t('spaceUse.sweeps.note'), cell: (sweep) => sweep.note },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
      <p>
        <a href={spaceUsePath(library)}>{t('spaceUse.sweeps.back')}</a>
      </p>
    </WorkspaceLayout>
  );
}
