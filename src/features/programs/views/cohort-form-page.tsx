import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import type { Cohort } from '../service';
import { href } from '../../../server/route-contract';
import { programsRoutes as programRoutes } from '../route-table';

/** The form to add a cohort, or to edit `cohort` when given. */
export function CohortFormPage({ form, cohort }: { form: FormState; cohort?: Cohort }) {
  const { t } = usePage();
  const title = cohort ? t('programs.cohortForm.editTitle', { name: cohort.name }) : t('programs.cohortForm.createTitle');
  return (
    <Layout title={title}>
      <PageHeading title={title} />
      <ErrorSummary form={form} />
      <Form action={cohort ? href(programRoutes.updateCohort, { cohort: cohort.id }) : href(programRoutes.createCohort)}>
        <TextField form={form} name="name" label={t('programs.field.cohortName')} hint={t('programs.hint.cohortName')} maxLength={200} />
        <TextField form={form} name="startsOn" type="date" width="short" label={t('programs.field.startsOn')} hint={t('programs.hint.date')} />
        <TextField form={form} name="endsOn" type="date" width="short" label={t('programs.field.endsOn')} hint={t('programs.hint.date')} />
        <TextField form={form} name="subgrant" width="short" inputMode="decimal" label={t('programs.field.subgrant')} hint={t('programs.hint.subgrant')} maxLength={20} />
        <TextArea form={form} name="spendingCategories" label={t('programs.field.spendingCategories')} hint={t('programs.hint.spendingCategories')} rows={8} />
        <div class="actions">
          <SubmitButton>{t('common.save')}</SubmitButton>
          <a href={href(programRoutes.program)}>{t('common.cancel')}</a>
        </div>
      </Form>
    </Layout>
  );
}
