import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { LibraryEvent } from '../service';
import { eventsRoutes } from '../route-table';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import { serviceAreaOptions } from './labels';

/** The form to add an event, or, given `event`, to edit it. */
export function EventFormPage({ library, form, event }: { library: WorkspaceLibrary; form: FormState; event?: LibraryEvent }) {
  const { t } = usePage();
  const params = { library: library.slug };
  const action = event ? href(eventsRoutes.update, { ...params, event: event.id }) : href(eventsRoutes.create, params);
  const cancel = event ? href(eventsRoutes.show, { ...params, event: event.id }) : href(eventsRoutes.list, params);
  return (
    <WorkspaceLayout library={library} section="events" title={t(event ? 'events.edit.title' : 'events.new.title')}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <TextField
            form={form}
            name="title"
            label={t('events.field.title')}
            hint={t('events.hint.title', { limit: MAX_TITLE_LENGTH })}
            maxLength={MAX_TITLE_LENGTH}
          />
          <Select
            form={form}
            name="serviceArea"
            label={t('events.field.serviceArea')}
            hint={t('events.hint.serviceArea')}
            options={serviceAreaOptions(t)}
            emptyLabel={t('events.field.chooseArea')}
          />
          <TextArea form={form} name="description" label={t('events.field.description')} optional maxLength={MAX_DESCRIPTION_LENGTH} />
          <div class="actions">
            <SubmitButton>{event ? t('common.save') : t('events.new.submit')}</SubmitButton>
            <a href={cancel}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}
