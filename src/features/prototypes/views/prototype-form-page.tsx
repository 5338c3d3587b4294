import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../workspace/views/workspace-layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { ideatePath, prototypePath, type Prototype } from '../service';
import { MAX_DESCRIPTION, MAX_MATERIALS, MAX_TITLE } from '../schema';

interface PrototypeFormPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  ideas: Array<{ id: string; title: string }>;
  /** The prototype being edited; absent when adding one. */
  prototype?: Prototype;
}

/** Adding or editing a prototype: what it is, what it is made of, what it cost and the idea it tries. */
export function PrototypeFormPage({ library, form, ideas, prototype }: PrototypeFormPageProps) {
  const { t } = usePage();
  const title = prototype ? t('prototypes.prototype.editTitle', { title: prototype.title }) : t('prototypes.prototype.newTitle');
  const action = prototype ? `${prototypePath(library, prototype.id)}/edit` : `${ideatePath(library)}/prototypes/new`;
  return (
    <WorkspaceLayout library={library} section="ideate" title={title}>
      <ErrorSummary form={form} />
      <Form action={action}>
        <TextField form={form} name="title" label={t('prototypes.field.prototypeTitle')} maxLength={MAX_TITLE} />
        <TextArea
          form={form}
          name="description"
          label={t('prototypes.field.description')}
          hint={t('prototypes.hint.description', { limit: MAX_DESCRIPTION })}
          optional
          rows={6}
          maxLength={MAX_DESCRIPTION}
        />
        <TextArea
          form={form}
          name="materials"
          label={t('prototypes.field.materials')}
          hint={t('prototypes.hint.materials')}
          optional
          rows={4}
          maxLength={MAX_MATERIALS}
        />
        <TextField
          form={form}
          name="cost"
          label={t('prototypes.field.cost')}
          hint={t('prototypes.hint.cost')}
          inputMode="decimal"
          width="short"
          optional
        />
        <Select
          form={form}
          name="idea"
          label={t('prototypes.field.idea')}
          options={ideas.map((i) => ({ value: i.id, label: i.title }))}
          emptyLabel={t('prototypes.idea.none')}
          optional
        />
        <div class="actions">
          <SubmitButton>{t('prototypes.prototype.save')}</SubmitButton>
          <a href={prototype ? prototypePath(library, prototype.id) : ideatePath(library)}>{t('common.cancel')}</a>
        </div>
      </Form>
    </WorkspaceLayout>
  );
}
