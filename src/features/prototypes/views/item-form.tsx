import type { ComponentChildren } from 'preact';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { MAX_DESCRIPTION, MAX_TITLE } from '../schema';

interface ItemFormPageProps {
  library: WorkspaceLibrary;
  form: FormState;
  /** The page's heading. */
  title: string;
  /** Where the form posts. */
  action: string;
  /** Label of the title field, naming the kind of item. */
  titleLabel: string;
  submit: string;
  /** Where "Cancel" leads. */
  cancel: string;
  /** The fields after the title and description. */
  children: ComponentChildren;
}

/** The page around an idea or prototype form: its title and description fields, then its own fields, then save or cancel. */
export function ItemFormPage({ library, form, title, action, titleLabel, submit, cancel, children }: ItemFormPageProps) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="ideate" title={title}>
      <ErrorSummary form={form} />
      <Form action={action}>
        <TextField form={form} name="title" label={titleLabel} maxLength={MAX_TITLE} />
        <TextArea
          form={form}
          name="description"
          label={t('prototypes.field.description')}
          hint={t('prototypes.hint.description', { limit: MAX_DESCRIPTION })}
          optional
          rows={6}
          maxLength={MAX_DESCRIPTION}
        />
        {children}
        <div class="actions">
          <SubmitButton>{submit}</SubmitButton>
          <a href={cancel}>{t('common.cancel')}</a>
        </div>
      </Form>
    </WorkspaceLayout>
  );
}
