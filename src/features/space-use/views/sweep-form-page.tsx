import { usePage } from '../../../ui/context';
import { ErrorSummary, fieldId, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { countField, MAX_NOTE_LENGTH } from '../schema';
import type { Space } from '../service';
import { spacePath, spaceUsePath } from '../urls';

interface SweepFormPageProps {
  library: WorkspaceLibrary;
  space: Space;
  form: FormState;
  /** Show the box confirming counts far above capacity (after such counts were refused, or once ticked). */
  askToConfirm: boolean;
}

/** The plain sweep form: when it started, a number per zone (blank: not observed), a note. */
export function SweepFormPage({ library, space, form, askToConfirm }: SweepFormPageProps) {
  const { t } = usePage();
  const id = form.values.id;
  return (
    <WorkspaceLayout library={library} section="space-use" title={t('spaceUse.sweep.title', { space: space.name })}>
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={spacePath(library, space.id, 'sweeps/new')}>
          {/* Made when the page was shown: sending the form twice stores the sweep once. */}
          {typeof id === 'string' && <input type="hidden" name="id" value={id} />}
          <TextField
            form={form}
            name="startedAt"
            type="datetime-local"
            label={t('spaceUse.field.startedAt')}
            hint={t('spaceUse.hint.startedAt', { timeZone: library.timeZone })}
          />
          {form.errors.zones && (
            <p class="error-message" id={fieldId('zones')} tabIndex={-1}>
              {form.errors.zones}
            </p>
          )}
          <fieldset class="field">
            <legend>{t('spaceUse.spaces.zones')}</legend>
            <p class="hint">{t('spaceUse.hint.counts')}</p>
            {space.zones.map((zone) => (
              <TextField
                key={zone.id}
                form={form}
                name={countField(zone.id)}
                label={t('spaceUse.field.count', { zone: zone.name })}
                hint={t('spaceUse.hint.count', { capacity: zone.capacity })}
                inputMode="numeric"
                width="short"
                optional
              />
            ))}
          </fieldset>
          {askToConfirm && (
            <div class="field">
              <div class="choice" id={fieldId('confirm')}>
                <input type="checkbox" id={`${fieldId('confirm')}-0`} name="confirm" value="yes" checked={form.values.confirm === 'yes'} />
                <label for={`${fieldId('confirm')}-0`}>{t('spaceUse.field.confirm')}</label>
              </div>
            </div>
          )}
          <TextArea form={form} name="note" label={t('spaceUse.field.note')} rows={3} maxLength={MAX_NOTE_LENGTH} optional />
          <SubmitButton>{t('spaceUse.sweep.submit')}</SubmitButton>
        </Form>
        <p>
          <a href={spaceUsePath(library)}>{t('spaceUse.sweeps.back')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  );
}
