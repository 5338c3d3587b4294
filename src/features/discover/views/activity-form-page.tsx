import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { ACTIVITY_KINDS, kindLabel, type Activity } from '../service';
import { MAX_NOTES_LENGTH, MAX_PLACE_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import { activityPath, discoverPath } from '../urls';
import { href } from '../../../server/route-contract';
import { discoverRoutes } from '../route-table';

/** The form to record a new activity, or to edit one when `activity` is given. */
export function ActivityFormPage({ library, form, activity }: { library: WorkspaceLibrary; form: FormState; activity?: Activity }) {
  const { t } = usePage();
  const title = activity ? t('discover.activity.editTitle', { title: activity.title }) : t('discover.activity.newTitle');
  const action = activity ? activityPath(library, activity.id, 'edit') : href(discoverRoutes.createActivity, { library: library.slug });
  return (
    <WorkspaceLayout library={library} section="discover" title={title}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <Select
            form={form}
            name="kind"
            label={t('discover.field.kind')}
            options={ACTIVITY_KINDS.map((kind) => ({ value: kind, label: t(kindLabel(kind)) }))}
          />
          <TextField form={form} name="title" label={t('discover.field.title')} hint={t('discover.hint.title')} maxLength={MAX_TITLE_LENGTH} />
          <TextField form={form} name="date" type="date" label={t('discover.field.date')} hint={t('discover.hint.date')} width="short" />
          <TextField form={form} name="place" label={t('discover.field.place')} optional maxLength={MAX_PLACE_LENGTH} />
          <TextField
            form={form}
            name="participants"
            label={t('discover.field.participants')}
            hint={t('discover.hint.participants')}
            inputMode="numeric"
            width="short"
          />
          <TextArea
            form={form}
            name="notes"
            label={t('discover.field.notes')}
            hint={t('discover.hint.notes', { limit: MAX_NOTES_LENGTH })}
            optional
            rows={8}
            maxLength={MAX_NOTES_LENGTH}
          />
          <div class="actions">
            <SubmitButton>{t('discover.activity.save')}</SubmitButton>
            <a href={activity ? activityPath(library, activity.id) : discoverPath(library)}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </WorkspaceLayout>
  );
}
