import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import { programsRoutes as programRoutes } from '../route-table';

/** The form for the program's details; it creates the program the first time. */
export function ProgramFormPage({ form, creating }: { form: FormState; creating: boolean }) {
  const { t } = usePage();
  const title = creating ? t('programs.form.createTitle') : t('programs.form.editTitle');
  return (
    <Layout title={title}>
      <PageHeading title={title} />
      <ErrorSummary form={form} />
      <Form action={href(programRoutes.update)}>
        <TextField form={form} name="name" label={t('programs.field.name')} maxLength={200} />
        <TextArea form={form} name="description" label={t('programs.field.description')} hint={t('programs.hint.description')} optional rows={6} maxLength={5000} />
        <TextField form={form} name="managerName" label={t('programs.field.managerName')} autocomplete="off" maxLength={200} />
        <TextField form={form} name="managerEmail" type="email" label={t('programs.field.managerEmail')} hint={t('programs.hint.managerEmail')} autocomplete="off" maxLength={254} />
        <div class="actions">
          <SubmitButton>{t('common.save')}</SubmitButton>
          <a href={href(programRoutes.program)}>{t('common.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
