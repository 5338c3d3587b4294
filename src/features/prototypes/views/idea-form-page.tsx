import { usePage } from '../../../ui/context';
import { Checkboxes, ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout, sectionPath } from '../../workspace/views/workspace-layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { ideaPath, ideatePath, type Idea } from '../service';
import { MAX_DESCRIPTION, MAX_TITLE } from '../schema';

interface IdeaFormPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  insights: Array<{ id: string; text: string }>;
  /** The idea being edited; absent when adding one. */
  idea?: Idea;
}

/** Adding or editing an idea and the insights it answers. */
export function IdeaFormPage({ library, form, insights, idea }: IdeaFormPageProps) {
  const { t } = usePage();
  const title = idea ? t('prototypes.idea.editTitle', { title: idea.title }) : t('prototypes.idea.newTitle');
  const action = idea ? `${ideaPath(library, idea.id)}/edit` : `${ideatePath(library)}/ideas/new`;
  return (
    <WorkspaceLayout library={library} section="ideate" title={title}>
      <ErrorSummary form={form} />
      <Form action={action}>
        <TextField form={form} name="title" label={t('prototypes.field.ideaTitle')} maxLength={MAX_TITLE} />
        <TextArea
          form={form}
          name="description"
          label={t('prototypes.field.description')}
          hint={t('prototypes.hint.description', { limit: MAX_DESCRIPTION })}
          optional
          rows={6}
          maxLength={MAX_DESCRIPTION}
        />
        {insights.length > 0 || form.errors.insights ? (
          <Checkboxes
            form={form}
            name="insights"
            label={t('prototypes.field.insights')}
            hint={t('prototypes.hint.insights')}
            options={insights.map((i) => ({ value: i.id, label: i.text }))}
          />
        ) : (
          <p class="hint">
            {t('prototypes.idea.noInsights')} <a href={sectionPath(library, 'discover')}>{t('prototypes.idea.toDiscover')}</a>
          </p>
        )}
        <div class="actions">
          <SubmitButton>{t('prototypes.idea.save')}</SubmitButton>
          <a href={idea ? ideaPath(library, idea.id) : ideatePath(library)}>{t('common.cancel')}</a>
        </div>
      </Form>
    </WorkspaceLayout>
  );
}
