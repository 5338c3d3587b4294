import { usePage } from '../../../ui/context';
import { Checkboxes, ErrorSummary, Form, Radios, SubmitButton, TextArea, TextField, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { OPTION_TYPES, QUESTION_TYPES, type Question, type QuestionType, type Survey } from '../model';
import { MAX_DOTS, MAX_OPTIONS, MAX_PROMPT_LENGTH, MIN_OPTIONS } from '../schema';
import { bilingualTitle } from './status';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

const surveyPath = (library: WorkspaceLibrary, survey: Survey) => href(surveysRoutes.survey, { library: library.slug, survey: survey.id });

/** The first step of adding a question: choosing its type. */
export function QuestionTypePage({ library, survey, form }: { library: WorkspaceLibrary; survey: Survey; form: FormState }) {
  const { t } = usePage();
  const base = surveyPath(library, survey);
  return (
    <WorkspaceLayout library={library} section="surveys" title={t('surveys.question.addTo', { title: bilingualTitle(survey.title) })}>
      <ErrorSummary form={form} />
      <form method="get" action={href(surveysRoutes.newQuestion, { library: library.slug, survey: survey.id })}>
        <Radios
          form={form}
          name="type"
          label={t('surveys.field.type')}
          options={QUESTION_TYPES.map((type) => ({ value: type, label: `${t(`surveys.type.${type}`)}: ${t(`surveys.typeHint.${type}`)}` }))}
        />
        <p class="actions">
          <SubmitButton>{t('surveys.question.continue')}</SubmitButton>
          <a href={base}>{t('common.cancel')}</a>
        </p>
      </form>
    </WorkspaceLayout>
  );
}

interface QuestionFormPageProps {
  library: WorkspaceLibrary;
  survey: Survey;
  type: QuestionType;
  form: FormState;
  /** The question being edited; absent when adding one. */
  question?: Question;
}

/** Adding or editing a question of a given type. */
export function QuestionFormPage({ library, survey, type, form, question }: QuestionFormPageProps) {
  const { t } = usePage();
  const base = surveyPath(library, survey);
  const title = question ? t('surveys.question.editN', { n: question.position }) : t('surveys.question.newOfType', { type: t(`surveys.type.${type}`) });
  const action = question
    ? href(surveysRoutes.updateQuestion, { library: library.slug, survey: survey.id, question: question.id })
    : href(surveysRoutes.createQuestion, { library: library.slug, survey: survey.id }, { type });
  return (
    <WorkspaceLayout library={library} section="surveys" title={title} lead={t(`surveys.typeHint.${type}`)}>
      <ErrorSummary form={form} />
      <Form action={action}>
        <TextArea form={form} name="promptEn" label={t('surveys.field.promptEn')} rows={2} maxLength={MAX_PROMPT_LENGTH} optional />
        <TextArea form={form} name="promptEs" label={t('surveys.field.promptEs')} rows={2} maxLength={MAX_PROMPT_LENGTH} optional />
        {OPTION_TYPES.includes(type) && (
          <>
            <TextArea form={form} name="optionsEn" label={t('surveys.field.optionsEn')} hint={t('surveys.hint.options', { min: MIN_OPTIONS, max: MAX_OPTIONS })} rows={6} />
            <TextArea form={form} name="optionsEs" label={t('surveys.field.optionsEs')} hint={t('surveys.hint.optionsEs')} rows={6} />
          </>
        )}
        {type === 'dots' && (
          <TextField form={form} name="dots" type="number" inputMode="numeric" width="short" label={t('surveys.field.dots')} hint={t('surveys.hint.dots', { max: MAX_DOTS })} />
        )}
        <Checkboxes form={form} name="required" label={t('surveys.field.requiredGroup')} options={[{ value: '1', label: t('surveys.field.required') }]} />
        <p class="actions">
          <SubmitButton>{t('common.save')}</SubmitButton>
          <a href={base}>{t('common.cancel')}</a>
        </p>
      </Form>
    </WorkspaceLayout>
  );
}

/** Asks before deleting a question. */
export function DeleteQuestionPage({ library, survey, question }: { library: WorkspaceLibrary; survey: Survey; question: Question }) {
  const { t } = usePage();
  const base = surveyPath(library, survey);
  return (
    <WorkspaceLayout library={library} section="surveys" title={t('surveys.question.deleteN', { n: question.position })}>
      <p>{t('surveys.question.deleteConfirm', { prompt: question.prompt.en || question.prompt.es })}</p>
      <Form action={href(surveysRoutes.confirmDeleteQuestion, { library: library.slug, survey: survey.id, question: question.id })}>
        <p class="actions">
          <SubmitButton variant="danger">{t('surveys.question.deleteYes')}</SubmitButton>
          <a href={base}>{t('common.cancel')}</a>
        </p>
      </Form>
    </WorkspaceLayout>
  );
}

/** Why something cannot be done to a survey in its current state (answered with 409). */
export function NotNowPage({ library, survey, title, body }: { library: WorkspaceLibrary; survey: Survey; title: string; body: string }) {
  const { t } = usePage();
  return (
    <WorkspaceLayout library={library} section="surveys" title={title}>
      <p>{body}</p>
      <p>
        <a href={surveyPath(library, survey)}>{t('surveys.locked.back', { title: bilingualTitle(survey.title) })}</a>
      </p>
    </WorkspaceLayout>
  );
}
