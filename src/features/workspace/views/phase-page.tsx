import { usePage } from '../../../ui/context';
import { Checkboxes, ErrorSummary, Form, Radios, SubmitButton, type FormState } from '../../../ui/forms';
import { formatDateTime } from '../../../i18n/format';
import { PHASES, type WorkspaceLibrary } from '../contracts';
import { PHASE_STATUSES, type PhaseState } from '../journey';
import type { Comment } from '../service';
import { WorkspaceLayout, sectionPath } from '../../../ui/workspace/layout';
import { Checklist, PhaseStatusTag } from './checklist';
import { CommentThread } from '../../../ui/workspace/comments';
import { phasePath } from './journey-page';

interface PhasePageProps {
  library: WorkspaceLibrary;
  state: PhaseState;
  comments: Comment[];
  /** The phase's form, when the reader may change it (library.work). */
  form: FormState | undefined;
}

/** Staff set the phase's status and tick the items no other part records. */
function PhaseForm({ library, state, form }: { library: WorkspaceLibrary; state: PhaseState; form: FormState }) {
  const { t } = usePage();
  const manual = state.checklist.filter((item) => item.kind === 'manual');
  return (
    <section aria-labelledby="phase-form-title">
      <h2 id="phase-form-title">{t('workspace.form.title')}</h2>
      <Form action={phasePath(library, state.phase)} label={t('workspace.form.title')}>
        <Radios
          form={form}
          name="status"
          label={t('workspace.field.status')}
          options={PHASE_STATUSES.map((status) => ({ value: status, label: t(`workspace.status.${status}`) }))}
        />
        {manual.length > 0 && (
          <Checkboxes
            form={form}
            name="checked"
            label={t('workspace.field.checked')}
            hint={t('workspace.hint.checked')}
            options={manual.map((item) => ({ value: item.key, label: t(`workspace.item.${item.key}`) }))}
          />
        )}
        <SubmitButton>{t('workspace.form.submit')}</SubmitButton>
      </Form>
    </section>
  );
}

/** One phase: what it is for, its status and checklist, the form to update it, and its comments. */
export function PhasePage({ library, state, comments, form }: PhasePageProps) {
  const { t, locale, timeZone } = usePage();
  const name = t(`workspace.phase.${state.phase}.name`);
  return (
    <WorkspaceLayout library={library} section="journey" title={name} lead={t(`workspace.phase.${state.phase}.produces`)}>
      {form && <ErrorSummary form={form} />}
      <p class="phase-number">{t('workspace.phase.number', { n: PHASES.indexOf(state.phase) + 1 })}</p>
      <PhaseStatusTag status={state.status} />
      {state.updatedAt && <p class="hint">{t('workspace.phase.updated', { date: formatDateTime(state.updatedAt, locale, timeZone) })}</p>}
      <h2>{t('workspace.phase.about')}</h2>
      <p class="prose">{t(`workspace.phase.${state.phase}.about`)}</p>
      <h2>{t('workspace.checklist.title')}</h2>
      <Checklist library={library} items={state.checklist} />
      {form && <PhaseForm library={library} state={state} form={form} />}
      <p>
        <a href={sectionPath(library, 'journey')}>{t('workspace.phase.back')}</a>
      </p>
      <CommentThread library={library} type="phase" id={state.phase} comments={comments} />
    </WorkspaceLayout>
  );
}
