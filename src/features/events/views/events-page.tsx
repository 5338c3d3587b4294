import { usePage } from '../../../ui/context';
import { Pagination, type Page } from '../../../ui/pagination';
import { Table } from '../../../ui/table';
import { formatDate, formatNumber } from '../../../i18n/format';
import { href } from '../../../server/route-contract';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { LibraryEvent } from '../service';
import { eventsRoutes } from '../route-table';
import { serviceAreaLabel } from './labels';

/** A library's programs and events, the most recently held first, 25 a page. */
export function EventsPage({ library, result }: { library: WorkspaceLibrary; result: Page<LibraryEvent> }) {
  const { t, locale, abilities } = usePage();
  const params = { library: library.slug };
  return (
    <WorkspaceLayout library={library} section="events" title={t('events.title')} lead={t('events.lead')}>
      {(abilities.work || result.total > 0) && (
        <p class="actions">
          {abilities.work && (
            <a class="button button-primary" href={href(eventsRoutes.newForm, params)}>
              {t('events.list.new')}
            </a>
          )}
          {result.total > 0 && <a href={href(eventsRoutes.csv, params)}>{t('events.list.csv')}</a>}
        </p>
      )}
      <Table
        caption={t('events.list.caption')}
        rows={result.items}
        rowKey={(event) => event.id}
        empty={t('events.list.empty')}
        columns={[
          { header: t('events.column.title'), cell: (event) => <a href={href(eventsRoutes.show, { ...params, event: event.id })}>{event.title}</a> },
          { header: t('events.column.serviceArea'), cell: (event) => serviceAreaLabel(t, event.serviceArea) },
          { header: t('events.column.occurrences'), numeric: true, cell: (event) => formatNumber(event.occurrences, locale) },
          { header: t('events.column.lastHeldOn'), cell: (event) => (event.lastHeldOn ? formatDate(event.lastHeldOn, locale) : t('events.list.notHeld')) },
          {
            header: t('events.column.attendance'),
            numeric: true,
            cell: (event) => (event.attendance === null ? t('events.occurrences.notRecorded') : formatNumber(event.attendance, locale)),
          },
        ]}
      />
      <Pagination page={result.page} pages={result.pages} />
    </WorkspaceLayout>
  );
}
