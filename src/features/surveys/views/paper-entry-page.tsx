import { usePage } from '../../../ui/context';
import { ErrorSummary, Form, Radios, SubmitButton, type FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import type { Question, Survey } from '../model';
import { QuestionFields } from './question-fields';
import { bilingualTitle } from './status';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

interface PaperEntryPageProps {
  library: WorkspaceLibrary;
  survey: Survey;
  questions: Question[];
  form: FormState;
  token: string;
  /** Paper answers typed in so far. */
  entered: number;
}

/** Typing in the answers of one paper copy, then the next. */
export function PaperEntryPage({ library, survey, questions, form, token, entered }: PaperEntryPageProps) {
  const { t, locale } = usePage();
  const base = href(surveysRoutes.survey, { library: library.slug, survey: survey.id });
  return (
    <WorkspaceLayout
      library={library}
      section="surveys"
      title={t('surveys.paperEntry.title', { title: bilingualTitle(survey.title) })}
      lead={t('surveys.paperEntry.lead', { n: entered })}
    >
      <ErrorSummary form={form} />
      <Form action={href(surveysRoutes.createPaper, { library: library.slug, survey: survey.id })}>
        <input type="hidden" name="token" value={token} />
        <Radios
          form={form}
          name="paperLanguage"
          label={t('surveys.field.paperLanguage')}
          options={[
            { value: 'en', label: t('locale.en') },
            { value: 'es', label: t('locale.es') },
          ]}
        />
        <QuestionFields questions={questions} form={form} language={locale} />
        <p class="actions">
          <SubmitButton>{t('surveys.paperEntry.save')}</SubmitButton>
          <a href={base}>{t('surveys.paperEntry.done')}</a>
        </p>
      </Form>
    </WorkspaceLayout>
  );
}
