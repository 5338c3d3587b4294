import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Survey } from '../model';
import { MAX_INTRO_LENGTH, MAX_TITLE_LENGTH } from '../schema';
import { bilingualTitle } from './status';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

/** Creating a survey, or editing its title, intro and closing day. */
export function SurveyFormPage({ library, form, survey }: { library: WorkspaceLibrary; form: FormState; survey?: Survey }) {
  const { t } = usePage();
  const title = survey ? t('surveys.edit.title', { title: bilingualTitle(survey.title) }) : t('surveys.new');
  const back = survey ? href(surveysRoutes.survey, { library: library.slug, survey: survey.id }) : href(surveysRoutes.list, { library: library.slug });
  return (
    <WorkspaceLayout library={library} section="surveys" title={title} lead={t('surveys.form.lead')}>
      <ErrorSummary form={form} />
      <Form action={survey ? href(surveysRoutes.update, { library: library.slug, survey: survey.id }) : href(surveysRoutes.create, { library: library.slug })}>
        <TextField form={form} name="titleEn" label={t('surveys.field.titleEn')} maxLength={MAX_TITLE_LENGTH} optional />
        <TextField form={form} name="titleEs" label={t('surveys.field.titleEs')} maxLength={MAX_TITLE_LENGTH} optional />
        <TextArea form={form} name="introEn" label={t('surveys.field.introEn')} hint={t('surveys.hint.intro')} rows={3} maxLength={MAX_INTRO_LENGTH} optional />
        <TextArea form={form} name="introEs" label={t('surveys.field.introEs')} rows={3} maxLength={MAX_INTRO_LENGTH} optional />
        <TextField form={form} name="closesOn" type="date" width="short" label={t('surveys.field.closesOn')} hint={t('surveys.hint.closesOn')} optional />
        <p class="actions">
          <SubmitButton>{t('common.save')}</SubmitButton>
          <a href={back}>{t('common.cancel')}</a>
        </p>
      </Form>
    </WorkspaceLayout>
  );
}
