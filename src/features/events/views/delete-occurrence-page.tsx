import { usePage } from '../../../ui/context';
import { ConfirmForm } from '../../../ui/forms';
import { formatDate } from '../../../i18n/format';
import { href } from '../../../server/route-contract';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { LibraryEvent, Occurrence } from '../service';
import { eventsRoutes } from '../route-table';

/** Asks before deleting one time an event was held. */
export function DeleteOccurrencePage({ library, event, occurrence }: { library: WorkspaceLibrary; event: LibraryEvent; occurrence: Occurrence }) {
  const { t, locale } = usePage();
  const target = { library: library.slug, event: event.id, occurrence: occurrence.id };
  return (
    <WorkspaceLayout library={library} section="events" title={t('events.occurrence.delete.title', { date: formatDate(occurrence.heldOn, locale) })}>
      <div class="narrow">
        <p>{t('events.occurrence.delete.body', { title: event.title })}</p>
        <ConfirmForm
          action={href(eventsRoutes.deleteOccurrence, target)}
          submit={t('events.occurrence.delete.submit')}
          cancel={href(eventsRoutes.show, { library: library.slug, event: event.id })}
        />
      </div>
    </WorkspaceLayout>
  );
}
