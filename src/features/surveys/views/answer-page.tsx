import { Layout, PageHeading } from '../../../ui/layout';
import { usePage } from '../../../ui/context';
import { ErrorSummary, SubmitButton, type FormState } from '../../../ui/forms';
import { Paragraphs } from '../../../ui/paragraphs';
import { inLocale, type Question } from '../model';
import type { PublicSurvey } from '../service';
import { QuestionFields } from './question-fields';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

/** A link to the same page in the other language. */
function OtherLanguage() {
  const { locale } = usePage();
  const other = locale === 'en' ? 'es' : 'en';
  return (
    <p class="survey-language">
      <a href={`?lang=${other}`} lang={other} hrefLang={other}>
        {other === 'es' ? 'Responder en español' : 'Answer in English'}
      </a>
    </p>
  );
}

interface AnswerPageProps {
  found: PublicSurvey;
  questions: Question[];
  form: FormState;
  token: string;
}

/**
 * The patron's survey form: no account, no JavaScript, no CSRF cookie; the
 * one-time token makes a double submit count once.
 */
export function AnswerPage({ found, questions, form, token }: AnswerPageProps) {
  const { t, locale } = usePage();
  const { survey, library } = found;
  const title = inLocale(survey.title, locale);
  return (
    <Layout title={title}>
      <OtherLanguage />
      <PageHeading title={title} lead={library.name} />
      <Paragraphs text={inLocale(survey.intro, locale)} />
      <ErrorSummary form={form} />
      <form method="post" action={href(surveysRoutes.submitAnswer, { code: survey.code }, { lang: locale })} class="survey-answer" noValidate>
        <input type="hidden" name="token" value={token} />
        <QuestionFields questions={questions} form={form} language={locale} />
        <SubmitButton>{t('surveys.answer.submit')}</SubmitButton>
      </form>
    </Layout>
  );
}

/** Shown once the answers are stored. */
export function ThanksPage({ found }: { found: PublicSurvey }) {
  const { t } = usePage();
  return (
    <Layout title={t('surveys.thanks.title')}>
      <PageHeading title={t('surveys.thanks.title')} lead={t('surveys.thanks.lead', { library: found.library.name })} />
    </Layout>
  );
}

/** Shown instead of the form once a survey has closed. */
export function ClosedPage({ found }: { found: PublicSurvey }) {
  const { t, locale } = usePage();
  return (
    <Layout title={t('surveys.closed.title')}>
      <OtherLanguage />
      <PageHeading title={t('surveys.closed.title')} lead={t('surveys.closed.lead', { title: inLocale(found.survey.title, locale), library: found.library.name })} />
    </Layout>
  );
}
