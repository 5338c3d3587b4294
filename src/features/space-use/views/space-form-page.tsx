import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { BLANK_ZONE_ROWS, MAX_NAME_LENGTH, zoneFields, zoneRowsToShow } from '../schema';
import { spaceUsePath } from '../urls';

interface SpaceFormPageProps {
  library: WorkspaceLibrary;
  /** Where the form posts: the new-space or the edit address. */
  action: string;
  title: string;
  form: FormState;
}

/** The space form: its name and a row per zone (name and capacity), as plain fields. */
export function SpaceFormPage({ library, action, title, form }: SpaceFormPageProps) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="space-use" title={title}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <TextField form={form} name="name" label={t('spaceUse.field.name')} hint={t('spaceUse.hint.name')} maxLength={MAX_NAME_LENGTH} />
          <fieldset class="field">
            <legend>{t('spaceUse.field.zones')}</legend>
            <p class="hint">{t('spaceUse.hint.zones', { rows: BLANK_ZONE_ROWS })}</p>
            {Array.from({ length: zoneRowsToShow(form.values) }, (_, n) => {
              const fields = zoneFields(n);
              const id = form.values[fields.id];
              return (
                <div key={n}>
                  {typeof id === 'string' && id !== '' && <input type="hidden" name={fields.id} value={id} />}
                  <TextField form={form} name={fields.name} label={t('spaceUse.field.zoneName', { n: n + 1 })} maxLength={MAX_NAME_LENGTH} optional />
                  <TextField
                    form={form}
                    name={fields.capacity}
                    label={t('spaceUse.field.zoneCapacity', { n: n + 1 })}
                    inputMode="numeric"
                    width="short"
                    optional
                  />
                </div>
              );
            })}
          </fieldset>
          <SubmitButton>{t('spaceUse.new.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={spaceUsePath(library)}>{t('spaceUse.sweeps.back')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  );
}
