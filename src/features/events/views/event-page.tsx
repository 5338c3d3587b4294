import { usePage } from '../../../ui/context';
import { Pagination, type Page } from '../../../ui/pagination';
import { Paragraphs } from '../../../ui/paragraphs';
import { SummaryList, Table } from '../../../ui/table';
import { formatDate, formatNumber } from '../../../i18n/format';
import { href } from '../../../server/route-contract';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { LibraryEvent, Occurrence } from '../service';
import { eventsRoutes } from '../route-table';
import { formatClockTime, serviceAreaLabel } from './labels';

interface EventPageProps {
  library: WorkspaceLibrary;
  event: LibraryEvent;
  occurrences: Page<Occurrence>;
}

/** One event: its service area and description, the people it reached, and each time it was held, newest first. */
export function EventPage({ library, event, occurrences }: EventPageProps) {
  const { t, locale, abilities } = usePage();
  const params = { library: library.slug, event: event.id };
  const people = event.attendance === null ? t('events.occurrences.notRecorded') : formatNumber(event.attendance, locale);
  const reached =
    event.attendance !== null && event.recorded < event.occurrences
      ? t('events.detail.attendanceRecorded', { people, recorded: formatNumber(event.recorded, locale), held: formatNumber(event.occurrences, locale) })
      : people;
  return (
    <WorkspaceLayout library={library} section="events" title={event.title}>
      <p>
        <a href={href(eventsRoutes.list, { library: library.slug })}>{t('events.detail.back')}</a>
      </p>
      <SummaryList
        items={[
          [t('events.detail.serviceArea'), serviceAreaLabel(t, event.serviceArea)],
          [t('events.detail.occurrences'), formatNumber(event.occurrences, locale)],
          [t('events.detail.attendance'), reached],
          [t('events.detail.description'), event.description ? <Paragraphs text={event.description} /> : t('events.detail.noDescription')],
        ]}
      />
      {abilities.work && (
        <p class="actions">
          <a class="button button-primary" href={href(eventsRoutes.newOccurrenceForm, params)}>
            {t('events.occurrences.add')}
          </a>
          <a class="button button-secondary" href={href(eventsRoutes.editForm, params)}>
            {t('events.detail.edit')}
          </a>
        </p>
      )}
      <h2>{t('events.occurrences.title')}</h2>
      <Table
        caption={t('events.occurrences.caption')}
        rows={occurrences.items}
        rowKey={(occurrence) => occurrence.id}
        empty={t('events.occurrences.empty')}
        columns={[
          { header: t('events.column.heldOn'), cell: (o) => formatDate(o.heldOn, locale) },
          { header: t('events.column.startsAt'), cell: (o) => (o.startsAt ? formatClockTime(o.startsAt, locale) : t('events.occurrences.noTime')) },
          {
            header: t('events.field.attendance'),
            numeric: true,
            cell: (o) => (o.attendance === null ? t('events.occurrences.notRecorded') : formatNumber(o.attendance, locale)),
          },
          { header: t('events.column.note'), cell: (o) => o.note },
          ...(abilities.work
            ? [
                {
                  header: t('events.column.actions'),
                  cell: (o: Occurrence) => {
                    const date = formatDate(o.heldOn, locale);
                    const target = { ...params, occurrence: o.id };
                    return (
                      <>
                        <a href={href(eventsRoutes.editOccurrenceForm, target)} aria-label={t('events.occurrences.editLabel', { date })}>
                          {t('events.occurrences.edit')}
                        </a>{' '}
                        <a href={href(eventsRoutes.deleteOccurrenceForm, target)} aria-label={t('events.occurrences.deleteLabel', { date })}>
                          {t('events.occurrences.delete')}
                        </a>
                      </>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      <Pagination page={occurrences.page} pages={occurrences.pages} />
    </WorkspaceLayout>
  );
}
