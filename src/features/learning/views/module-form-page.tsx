import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Select, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { href } from '../../../server/route-contract';
import type { Cohort } from '../../programs/service';
import type { LearningModule } from '../service';
import { learningRoutes } from '../route-table';
import { MAX_INTRODUCTION_LENGTH, MAX_OBJECTIVES_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import { phaseOptions } from './labels';

/** The form to add a module to a cohort's curriculum, or, given `module`, to edit it. */
export function ModuleFormPage({ cohort, form, module }: { cohort: Cohort; form: FormState; module?: LearningModule }) {
  const { t } = usePage();
  const title = module ? t('learning.edit.title', { title: module.title }) : t('learning.new.title', { cohort: cohort.name });
  const action = module ? href(learningRoutes.updateModule, { cohort: cohort.id, module: module.id }) : href(learningRoutes.createModule, { cohort: cohort.id });
  return (
    <Layout title={title}>
      <PageHeading title={title} />
      <div class="narrow">
        <ErrorSummary form={form} />
        <Form action={action}>
          <TextField form={form} name="title" label={t('learning.field.title')} hint={t('learning.hint.title', { limit: MAX_TITLE_LENGTH })} maxLength={MAX_TITLE_LENGTH} />
          <Select form={form} name="phase" label={t('learning.field.phase')} hint={t('learning.hint.phase')} options={phaseOptions(t)} emptyLabel={t('learning.field.choosePhase')} />
          <TextArea form={form} name="introduction" label={t('learning.field.introduction')} hint={t('learning.hint.introduction')} optional rows={10} maxLength={MAX_INTRODUCTION_LENGTH} />
          <TextArea form={form} name="objectives" label={t('learning.field.objectives')} hint={t('learning.hint.objectives')} optional rows={6} maxLength={MAX_OBJECTIVES_LENGTH} />
          <TextField form={form} name="opensOn" type="date" width="short" label={t('learning.field.opensOn')} hint={t('learning.hint.opensOn')} />
          <div class="actions">
            <SubmitButton>{module ? t('common.save') : t('learning.new.submit')}</SubmitButton>
            <a href={href(learningRoutes.modules, { cohort: cohort.id })}>{t('common.cancel')}</a>
          </div>
        </Form>
      </div>
    </Layout>
  );
}
