import { usePage } from '../../../ui/context';
import { SummaryList } from '../../../ui/table';
import type { FormState } from '../../../ui/forms';
import { formatNumber } from '../../../i18n/format';
import { pluralKey, type MessageKey } from '../../../i18n';
import { WorkspaceLayout } from '../../../ui/workspace/layout';
import type { WorkspaceLibrary } from '../../workspace/contracts';
import { inLocale, type SurveyStatus } from '../model';
import type { ResultsFilter, SurveyResults } from '../results';
import { filterQuery } from '../results-schema';
import { ResultsFilterPanel } from './results-filter';
import { QuestionResults, resultsPath } from './results-question';
import { href } from '../../../server/route-contract';
import { surveysRoutes } from '../route-table';

const statusLabel: Record<SurveyStatus, MessageKey> = {
  draft: 'surveyResults.status.draft',
  open: 'surveyResults.status.open',
  closed: 'surveyResults.status.closed',
};

interface ResultsPageProps {
  library: WorkspaceLibrary;
  results: SurveyResults;
  form: FormState;
  /** The filter applied; undefined when the one typed is invalid and no figures are shown. */
  filter: ResultsFilter | undefined;
}

/** A survey's results: its status and counts, the filter, and each question's figures. */
export function ResultsPage({ library, results, form, filter }: ResultsPageProps) {
  const { t, locale, abilities } = usePage();
  const { survey, byChannel, matching, questions } = results;
  const path = resultsPath(library, survey.id);
  return (
    <WorkspaceLayout library={library} section="surveys" title={t('surveyResults.title', { survey: inLocale(survey.title, locale) })} lead={t('surveyResults.lead')}>
      <p>
        <a href={href(surveysRoutes.survey, { library: library.slug, survey: survey.id })}>{t('surveyResults.back')}</a>
      </p>
      <SummaryList
        items={[
          [t('surveyResults.status'), t(statusLabel[survey.status])],
          [t('surveyResults.responses.web'), formatNumber(byChannel.web, locale)],
          [t('surveyResults.responses.paper'), formatNumber(byChannel.paper, locale)],
        ]}
      />
      <ResultsFilterPanel action={path} form={form} canFilter={abilities.work} />
      {!filter ? (
        <p>{t('surveyResults.error.invalidFilter')}</p>
      ) : (
        <>
          <p class="result-count">{t(pluralKey(locale, 'surveyResults.matching', matching), { count: formatNumber(matching, locale) })}</p>
          {abilities.work && matching > 0 && (
            <p class="actions">
              <a class="button button-secondary" href={href(surveysRoutes.resultsCsv, { library: library.slug, survey: survey.id }, filterQuery(filter))} download>
                {t('surveyResults.download')}
              </a>
            </p>
          )}
          {questions.length === 0 ? (
            <p class="empty">{t('surveyResults.noQuestions')}</p>
          ) : matching === 0 ? (
            <p class="empty">{t('surveyResults.none')}</p>
          ) : (
            questions.map((result, index) => <QuestionResults key={result.question.id} library={library} result={result} number={index + 1} filter={filter} />)
          )}
        </>
      )}
    </WorkspaceLayout>
  );
}
