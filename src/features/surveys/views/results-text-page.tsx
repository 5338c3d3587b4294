import { usePage } from '../../../ui/context';
import { Pagination } from '../../../ui/pagination';
import type { FormState } from '../../../ui/forms';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { inLocale } from '../model';
import { PRIVACY_THRESHOLD, TEXT_PAGE_SIZE, type ResultsFilter, type TextResults } from '../results';
import { filterQuery } from '../results-schema';
import { ResultsFilterPanel } from './results-filter';
import { answeredText, TextAnswers } from './results-question';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

interface TextAnswersPageProps {
  library: WorkspaceLibrary;
  text: TextResults;
  form: FormState;
  /** The filter applied; undefined when the one typed is invalid. */
  filter: ResultsFilter | undefined;
  /** The reader may filter the answers (the library's team). */
  canFilter: boolean;
}

/** Every answer to one free-text question, newest first, a page at a time. */
export function TextAnswersPage({ library, text, form, filter, canFilter }: TextAnswersPageProps) {
  const { t, locale } = usePage();
  const { survey, question, answered, answers } = text;
  return (
    <WorkspaceLayout
      library={library}
      section="surveys"
      title={t('surveyResults.textPage.title', { prompt: inLocale(question.prompt, locale) })}
      lead={t('surveyResults.textPage.lead', { survey: inLocale(survey.title, locale) })}
    >
      <p>
        <a href={href(surveysRoutes.results, { library: library.slug, survey: survey.id }, filterQuery(filter))}>{t('surveyResults.textPage.back')}</a>
      </p>
      <ResultsFilterPanel action={href(surveysRoutes.textAnswers, { library: library.slug, survey: survey.id, question: question.id })} form={form} canFilter={canFilter} />
      {!filter ? (
        <p>{t('surveyResults.error.invalidFilter')}</p>
      ) : text.hidden ? (
        <p class="privacy-notice">{t('surveyResults.hidden', { threshold: PRIVACY_THRESHOLD })}</p>
      ) : answers.total === 0 ? (
        <p class="empty">{t('surveyResults.textPage.empty')}</p>
      ) : (
        <>
          <p>{answeredText(t, answered, locale)}</p>
          <TextAnswers answers={answers.items} timeZone={library.timeZone} start={(answers.page - 1) * TEXT_PAGE_SIZE + 1} />
          <Pagination page={answers.page} pages={answers.pages} query={filterQuery(filter)} />
        </>
      )}
    </WorkspaceLayout>
  );
}
