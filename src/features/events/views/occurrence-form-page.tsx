import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { formatDate } from '../../../i18n/format';
import { href } from '../../../server/route-contract';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { LibraryEvent, Occurrence } from '../service';
import { eventsRoutes } from '../route-table';
import { MAX_NOTE_LENGTH } from '../schema';

interface OccurrenceFormPageProps {
  library: WorkspaceLibrary;
  event: LibraryEvent;
  form: FormState;
  /** Given when editing. */
  occurrence?: Occurrence;
}

/** The form to record a time an event was held, or, given `occurrence`, to correct it. */
export function OccurrenceFormPage({ library, event, form, occurrence }: OccurrenceFormPageProps) {
  const { t, locale } = usePage();
  const params = { library: library.slug, event: event.id };
  const action = occurrence
    ? href(eventsRoutes.updateOccurrence, { ...params, occurrence: occurrence.id })
    : href(eventsRoutes.createOccurrence, params);
  const title = occurrence
    ? t('events.occurrence.edit.title', { date: formatDate(occurrence.heldOn, locale) })
    : t('events.occurrence.new.title', { title: event.title });
  return (
    <WorkspaceLayout library={library} section="events" title={title}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <TextField form={form} name="heldOn" type="date" label={t('events.field.heldOn')} hint={t('events.hint.heldOn')} width="short" />
          <TextField
            form={form}
            name="startsAt"
            label={t('events.field.startsAt')}
            hint={t('events.hint.startsAt', { zone: library.timeZone })}
            optional
            width="short"
          />
          <TextField
            form={form}
            name="attendance"
            label={t('events.field.attendance')}
            hint={t('events.hint.attendance')}
            inputMode="numeric"
            optional
            width="short"
          />
          <TextArea form={form} name="note" label={t('events.field.note')} optional rows={3} maxLength={MAX_NOTE_LENGTH} />
          <div class="actions">
            <SubmitButton>{occurrence ? t('common.save') : t('events.occurrence.new.submit')}</SubmitButton>
            <a href={href(eventsRoutes.show, params)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}
